"""The trainer: advances a network one mini-batch at a time and records what a student needs to see.

It never loops on its own: whoever drives it (a test, the command line, a GUI timer) calls ``step(n)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnplay.core.config import PACE_FIELDS, Config
from nnplay.core.datasets import DatasetError, make_dataset
from nnplay.core.features import feature_matrix
from nnplay.core.history import Series
from nnplay.core.messages import QT_TRANSLATE_NOOP, Text
from nnplay.core.network import Network
from nnplay.core.numgrad import NumericalGradient, estimated_work
from nnplay.core.optimizers import make_optimizer
from nnplay.core.pixels import head

EVAL_COLUMNS = ("train_loss", "train_accuracy", "test_loss", "test_accuracy")
EVAL_COLUMNS = (*EVAL_COLUMNS, "train_r2", "train_rmse", "test_r2", "test_rmse", "penalty")
CSV_EVAL_COLUMNS = {
    "classification": ("train_loss", "train_accuracy", "test_loss", "test_accuracy"),
    "regression": ("train_loss", "train_r2", "train_rmse", "test_loss", "test_r2", "test_rmse"),
}
"""The evaluation columns of a run's CSV for each task (R² and RMSE stand in place of the accuracies)."""
"""Losses are data losses (without the weight-decay term, which is ``penalty``); accuracies are NaN for
regression and R²/RMSE NaN for classification."""
REGRESSION_COLUMNS = ("train_r2", "train_rmse", "test_r2", "test_rmse")
HIST_BINS = 40
PRE_RANGE = (-6.0, 6.0)
POST_RANGES = {"sigmoid": (0.0, 1.0), "step": (0.0, 1.0), "tanh": (-1.0, 1.0)}
SATURATION = 0.1
"""A unit counts as saturated where h'(x) is below this fraction of h's largest derivative."""


@dataclass(frozen=True)
class Divergence:
    """Why training stopped: the step at which the loss (or a gradient, or a weight) stopped being finite."""

    step: int
    loss: float
    cause: Text
    learning_rate: float

    @property
    def message_text(self) -> Text:
        return Text(
            QT_TRANSLATE_NOOP(
                "core",
                "Training stopped at step {step}: {cause}. The learning rate {rate} is probably too large; "
                "try {smaller} or smaller.",
            ),
            step=self.step,
            cause=self.cause,
            rate=f"{self.learning_rate:g}",
            smaller=f"{self.learning_rate / 10:g}",
        )

    @property
    def message(self) -> str:
        return str(self.message_text)


@dataclass(frozen=True)
class ActivationStats:
    """Per hidden layer statistics on the fixed probe batch. Arrays have one row per hidden layer."""

    step: int
    mean: np.ndarray  # (H,) mean activation
    std: np.ndarray  # (H,)
    saturated: np.ndarray  # (H,) fraction of (sample, unit) pairs where h' < 10 % of its maximum
    dead: np.ndarray  # (H,) fraction of ReLU units that are 0 for every probe sample
    pre_counts: np.ndarray  # (H, HIST_BINS) histogram of pre-activations x·W + b
    pre_edges: np.ndarray  # (HIST_BINS + 1,)
    post_counts: np.ndarray  # (H, HIST_BINS) histogram of activations h(x·W + b)
    post_edges: np.ndarray  # (HIST_BINS + 1,)


@dataclass(frozen=True)
class Evaluation:
    step: int
    epoch: int
    train_loss: float
    train_accuracy: float
    test_loss: float  # nan when there is no test set
    test_accuracy: float
    activations: ActivationStats
    train_samples: int = 0  # how many samples the losses and accuracies were measured on
    test_samples: int = 0
    # Regression (NaN for classification): R² = 1 − Σ(y − t)² / Σ(t − t̄)² and the root-mean-square error.
    train_r2: float = math.nan
    train_rmse: float = math.nan
    test_r2: float = math.nan
    test_rmse: float = math.nan
    penalty: float = 0.0  # the weight-decay term of the loss at this step (train_loss + penalty is the total)


@dataclass(frozen=True)
class StepResult:
    """What ``Trainer.step(n)`` did: one row per step taken.

    ``grad_norm[:, i]`` is ‖∂L/∂W‖ (Frobenius) of layer i + 1 (layer 1 is next to the input),
    ``bias_grad_norm`` is ‖∂L/∂b‖ and ``update_ratio`` is η‖∂L/∂W‖/‖W‖. ``loss`` is the mini-batch loss the
    update descends (with the weight-decay term), ``data_loss`` the same without it (the trainer's rows have this
    last column). If training diverged, the last row is the step that diverged (its update was not applied) and
    ``diverged`` says why.
    """

    steps: np.ndarray  # (n,)
    epochs: np.ndarray  # (n,)
    rows: np.ndarray  # (n, 1 + 3L [+ 1]): loss | ‖∂L/∂W1‖, ‖∂L/∂b1‖, … | update ratio per layer | [data loss]
    evaluations: tuple[Evaluation, ...]
    diverged: Divergence | None

    def __len__(self):
        return len(self.steps)

    @property
    def n_layers(self):
        return (self.rows.shape[1] - 1) // 3

    @property
    def loss(self):
        return self.rows[:, 0]

    @property
    def grad_norm(self):
        return self.rows[:, 1 : 1 + 2 * self.n_layers : 2]

    @property
    def bias_grad_norm(self):
        return self.rows[:, 2 : 2 + 2 * self.n_layers : 2]

    @property
    def update_ratio(self):
        return self.rows[:, 1 + 2 * self.n_layers : 1 + 3 * self.n_layers]

    @property
    def data_loss(self):
        """The mini-batch loss without the weight-decay term (``loss`` itself for rows without that column)."""
        return self.rows[:, -1] if self.rows.shape[1] == 2 + 3 * self.n_layers else self.rows[:, 0]


HISTORY_BYTES = 40_000_000
"""The per-step table may use at most about this much memory once it merges rows (mean, minimum, maximum and
log-mean of every column): a deep network, with more columns, keeps fewer rows (never fewer than 4,096)."""


class History:
    """Everything recorded since the last reset, bounded in memory (see ``Series``). With ``data_loss`` the
    step rows have a last column, the mini-batch loss without the weight-decay term (the trainer's do)."""

    def __init__(self, n_layers, capacity=65536, eval_capacity=16384, data_loss=False, task="classification"):
        self.n_layers = n_layers
        self.task = task
        self.has_data_loss = bool(data_loss)
        ncols = 1 + 3 * n_layers + (1 if data_loss else 0)
        fits = HISTORY_BYTES // (8 + 32 * ncols + 40)  # (+ 40: the epoch of each row)
        capacity = min(capacity, max(4096, 1 << (int(fits).bit_length() - 1)))
        self.steps = Series(ncols, capacity)
        self.eval_columns = EVAL_COLUMNS
        self.evals = Series(len(self.eval_columns), eval_capacity)
        # The epoch of every row, merged as the rows are (a merged row's ``hi`` is the epoch of its last step,
        # the step it is keyed by): the CSV of the history has the same epoch column as `nnplay train` writes.
        self.epochs = Series(1, capacity)
        self.eval_epochs = Series(1, eval_capacity)
        self.latest_activations: ActivationStats | None = None
        self.last_step = 0

    @property
    def csv_eval_columns(self):
        """The evaluation columns a CSV of this run has (``CSV_EVAL_COLUMNS`` of its task)."""
        return CSV_EVAL_COLUMNS[self.task]

    @property
    def step_x(self):
        return self.steps.x

    @property
    def loss(self):
        return self.steps.y[:, 0]

    @property
    def grad_norm(self):
        """(len, L) ‖∂L/∂W‖ per layer."""
        return self.steps.y[:, 1 : 1 + 2 * self.n_layers : 2]

    @property
    def bias_grad_norm(self):
        return self.steps.y[:, 2 : 2 + 2 * self.n_layers : 2]

    @property
    def update_ratio(self):
        return self.steps.y[:, 1 + 2 * self.n_layers : 1 + 3 * self.n_layers]

    @property
    def data_loss(self):
        """(len,) mini-batch loss without the weight-decay term (the loss itself without that column)."""
        return self.steps.y[:, 1 + 3 * self.n_layers] if self.has_data_loss else self.loss

    def summary(self, name):
        """What a plot of one quantity needs: ``(y, lo, hi, logmean, weight)`` of ``name`` ("loss", "data_loss",
        "grad_norm", "bias_grad_norm" or "update_ratio"), each (len, columns): the stored rows' means, minima,
        maxima and mean
        log10 (None while no rows have been merged: the rows themselves), and how many steps each row stands for."""
        L = self.n_layers
        cols = {
            "loss": slice(0, 1),
            "grad_norm": slice(1, 1 + 2 * L, 2),
            "bias_grad_norm": slice(2, 2 + 2 * L, 2),
            "update_ratio": slice(1 + 2 * L, 1 + 3 * L),
            "data_loss": slice(1 + 3 * L, 2 + 3 * L) if self.has_data_loss else slice(0, 1),
        }[name]
        s = self.steps
        logmean = s.logmean()[:, cols] if s.merged else None
        return s.y[:, cols], s.lo[:, cols], s.hi[:, cols], logmean, s.stride

    def eval_column(self, name):
        return self.evals.y[:, EVAL_COLUMNS.index(name)]

    @property
    def nbytes(self):
        return self.steps.nbytes + self.evals.nbytes + self.epochs.nbytes + self.eval_epochs.nbytes

    @property
    def step_epochs(self):
        """(len,) the epoch of each stored row of ``steps`` (of its last step when rows were merged)."""
        return self.epochs.hi[:, 0].astype(np.int64)

    @property
    def evaluation_epochs(self):
        """(len(evals),) the epoch of each stored evaluation (of the last one when evaluations were merged)."""
        return self.eval_epochs.hi[:, 0].astype(np.int64)

    def _add(self, result: StepResult):
        n = len(result) - (1 if result.diverged else 0)
        if n > 0:
            rows = result.rows[:n]
            if self.has_data_loss and rows.shape[1] == self.steps.ncols - 1:  # (rows without it: no weight decay)
                rows = np.column_stack([rows, rows[:, 0]])
            elif not self.has_data_loss and rows.shape[1] == self.steps.ncols + 1:  # (a history without it)
                rows = rows[:, :-1]
            self.steps.extend(result.steps[:n], rows)
            self.epochs.extend(result.steps[:n], np.asarray(result.epochs[:n], dtype=np.float64).reshape(n, 1))
            self.last_step = int(result.steps[n - 1])
        for ev in result.evaluations:
            self._add_eval(ev)

    def _add_eval(self, ev: Evaluation):
        self.evals.extend([ev.step], [[getattr(ev, c) for c in EVAL_COLUMNS]])
        self.eval_epochs.extend([ev.step], [[float(ev.epoch)]])
        self.latest_activations = ev.activations


class Trainer:
    """Trains ``Network`` on a data set as ``config`` says, one mini-batch per step.

    A step with the numerical gradient of a big network takes longer than a frame of the window; a driver can
    spread it over several calls with ``advance_step`` (``pending_step`` tells how far it is). ``step(n)``
    gives bit-identical results whichever way the steps were driven.

    Parameters
    ----------
    config : Config
    eval_every : int
        Evaluate train/test loss and accuracy and the activation statistics every this many steps
        (0: only when ``evaluate()`` is called).
    probe_size : int
        Size of the fixed batch (the first training samples) whose activations are summarised.
    dataset : Dataset, optional
        Use this data instead of making it from the config (the Compare lab shares one data set).

    ``eval_limit`` (None: no limit) caps how many samples of each set an evaluation uses: the first ones,
    which are a fixed random subset (the data are shuffled), so the curves stay smooth. The window sets it so
    that one evaluation of a big network on a big data set does not hold the screen still.

    Images kept as bytes (MNIST's ``PixelArray``) are scaled to float64 one mini-batch (or one evaluation
    block) at a time, never as a whole.
    """

    def __init__(self, config: Config, eval_every=10, probe_size=200, dataset=None, history_capacity=65536):
        self.eval_every = int(eval_every)
        self.eval_limit: int | None = None
        self.probe_size = int(probe_size)
        self._history_capacity = history_capacity
        self._given_dataset = dataset
        self.config = config
        self.dataset = dataset if dataset is not None else dataset_for(config)
        self.reset()

    def inputs(self, x):
        """The network's inputs for raw data points ``x`` (N, D): the chosen features of 2-D points (x1², sin x1,
        …), or ``x`` itself."""
        return feature_matrix(x, self.config.features)

    @property
    def n_inputs(self):
        return len(self.config.features) or self.dataset.n_features

    @property
    def x_train(self):
        """The training inputs as the network sees them (after the feature map)."""
        return self._x_train

    @property
    def x_test(self):
        return self._x_test

    @property
    def t_train(self):
        """The training targets as the loss takes them: one-hot (N, K), or (N, 1) values for regression."""
        return self._t_train

    @property
    def t_test(self):
        return self._t_test

    @staticmethod
    def _check_fits(c, ds):
        """Raise DatasetError when the experiment ``c`` cannot train on ``ds`` (features of data that is not
        2-D, a task that is not the data's)."""
        if c.features and not ds.is_2d:
            raise DatasetError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Features (x1^2, sin(x1), …) need 2-D data, but this data set has {d} inputs: set the inputs "
                    "back to x1, x2 first.",
                ),
                d=ds.n_features,
            )
        if (ds.task == "regression") != (c.task == "regression"):
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "The data set is for {data_task}, but the experiment's task is {task}."),
                data_task=ds.task,
                task=c.task,
            )

    def _prepare_inputs(self):
        c, ds = self.config, self.dataset
        self._check_fits(c, ds)
        if c.features:
            self._x_train = np.ascontiguousarray(self.inputs(ds.x_train))
            self._x_test = np.ascontiguousarray(self.inputs(ds.x_test))
        else:  # (the data as they are: images kept as bytes stay bytes, never a whole float64 copy)
            self._x_train, self._x_test = ds.x_train, ds.x_test
        if ds.task == "regression":
            self._t_train = ds.t_train.reshape(-1, 1)
            self._t_test = ds.t_test.reshape(-1, 1)
        else:
            k = ds.n_classes
            self._t_train = np.eye(k)[ds.t_train]
            self._t_test = np.eye(k)[ds.t_test]

    # -- state -------------------------------------------------------------------------------------------
    def reset(self):
        """Start over: new weights (same seed → same weights), empty history, step 0."""
        c, ds = self.config, self.dataset
        self._prepare_inputs()
        self.network = build_network(c, self.n_inputs, ds.n_outputs)
        self.optimizer = make_optimizer(c.optimizer, c.learning_rate)
        self.history = History(self.network.n_layers, self._history_capacity, data_loss=True, task=ds.task)
        self.step_count = 0
        self.epoch = 0
        self.diverged: Divergence | None = None
        self._shuffle_rng = np.random.default_rng([c.seed, 1])
        self._pos = len(ds.x_train)  # the first step starts an epoch
        self._perm = None
        self._pending: NumericalGradient | None = None
        self._probe = np.asarray(self._x_train[: self.probe_size], dtype=np.float64)
        net = self.network
        self._flat_p = {"all": net.flat_params}
        self._flat_g = {"all": net.flat_grads}

    def apply(self, config: Config) -> bool:
        """Switch to ``config``. Learning rate, batch size, optimizer, gradient method (the same numbers, by central
        differences or by backprop) and the pace apply to the running training;
        any other change starts over, and so does any change after the loss diverged (the last finite
        weights are usually already huge). Returns True if it started over."""
        old = self.config
        live = {"learning_rate", "batch_size", "optimizer", "gradient", "weight_decay", "regularization", *PACE_FIELDS}
        if old.replace(**{k: getattr(config, k) for k in live}) == config and self.diverged is None:
            if (config.weight_decay, config.regularization) != (old.weight_decay, old.regularization):
                self._drop_pending()  # (a numerical step begun with the old decay term would mix the two)
            self.config = config
            self.network.weight_decay_lambda = config.weight_decay
            self.network.regularization = config.regularization
            if config.optimizer != old.optimizer:
                self.optimizer = make_optimizer(config.optimizer, config.learning_rate)
            else:
                self.optimizer.lr = config.learning_rate
            return False
        data_keys = ("dataset", "samples", "noise", "test_ratio", "seed", "csv_path", "data_dir", "task")
        dataset = self.dataset
        if self._given_dataset is None and any(getattr(old, k) != getattr(config, k) for k in data_keys):
            dataset = dataset_for(config)
        # (checked before anything changes: an experiment that does not fit leaves the old one training)
        self._check_fits(config, dataset)
        self.dataset = dataset
        self.config = config
        self.reset()
        return True

    @property
    def batch_size(self):
        return min(self.config.batch_size, len(self.dataset.x_train))

    @property
    def steps_per_epoch(self):
        return math.ceil(len(self.dataset.x_train) / self.batch_size)

    def _next_batch(self):
        # Each batch is gathered by its indices: copying the whole shuffled set every epoch would cost as much
        # as the training itself on MNIST (376 MB per epoch). The batches are the same either way.
        n = len(self.dataset.x_train)
        if self._pos >= n:
            self._perm = self._shuffle_rng.permutation(n)
            self._pos = 0
            self.epoch += 1
        b = self.batch_size
        p = self._pos
        self._pos = p + b
        idx = self._perm[p : p + b]
        return self._x_train[idx], self._t_train[idx]

    # -- training ----------------------------------------------------------------------------------------
    def step(self, n=1) -> StepResult:
        """Run ``n`` mini-batch updates (fewer if the loss diverges) and return what they recorded. A step
        left pending by ``advance_step`` is finished first and counts as the first of the n."""
        n = int(n)
        net = self.network
        L = net.n_layers
        steps = np.zeros(n, dtype=np.int64)
        epochs = np.zeros(n, dtype=np.int64)
        # One row per step: loss | ‖∂L/∂W1‖, ‖∂L/∂b1‖, ‖∂L/∂W2‖, … | η‖∂L/∂W_i‖/‖W_i‖ for each layer.
        rows = np.zeros((n, 2 + 3 * L))
        evaluations = []
        done = 0
        if self.diverged is None:
            numerical = self.config.gradient == "numerical"
            if not numerical and self._pending is not None:
                self._drop_pending()  # (switched to backprop in the middle of a numerical step)
            grad_cols, ratio_cols = slice(1, 1 + 2 * L), slice(1 + 2 * L, 1 + 3 * L)
            n_params = len(net.params)
            # (W1, b1, W2, b2, … among the norms of every parameter: a network with batch norm has γ and β too)
            plain = n_params == 2 * L
            p_idx, g_idx = net.wb_index, n_params + net.wb_index
            with np.errstate(all="ignore"):
                for i in range(n):
                    if numerical:
                        job = self._begin_numerical()
                        self._pending = None
                        job.advance()
                        if net.has_train_mode:
                            net.release_noise()
                        loss = job.loss
                        data_loss = loss - net.penalty() if net.weight_decay_lambda else loss
                        for g, off in zip(job.grads.values(), net.offsets, strict=True):
                            net.flat_grads[off : off + g.size] = g.reshape(-1)
                    else:
                        x, t = self._next_batch()
                        net.gradient(x, t, copy=False)
                        loss = net.last_loss
                        data_loss = net.last_data_loss
                    all_norms = np.sqrt(net.squared_norms())
                    norms = all_norms if plain else np.concatenate([all_norms[p_idx], all_norms[g_idx]])
                    row = rows[i]
                    row[0] = loss
                    row[-1] = data_loss
                    row[grad_cols] = norms[2 * L :]
                    ratio = row[ratio_cols]
                    np.divide(norms[2 * L :: 2], norms[0 : 2 * L : 2], out=ratio)
                    ratio *= self.optimizer.lr
                    steps[i] = self.step_count + 1
                    epochs[i] = self.epoch
                    done = i + 1
                    if not math.isfinite(loss + all_norms.sum()):
                        self.diverged = self._divergence(steps[i], loss, norms[2 * L :], norms[: 2 * L])
                        break
                    self.optimizer.update(self._flat_p, self._flat_g)
                    self.step_count += 1
                    if self.eval_every and self.step_count % self.eval_every == 0:
                        evaluations.append(self._evaluate())
        rows = rows[:done]
        result = StepResult(
            steps[:done],
            epochs[:done],
            rows,
            tuple(evaluations),
            self.diverged if done and self.diverged and self.diverged.step == steps[done - 1] else None,
        )
        self.history._add(result)
        return result

    # -- a step in pieces (the numerical gradient of a big network) ------------------------------------------
    def _begin_numerical(self):
        if self._pending is None:
            x, t = self._next_batch()
            net = self.network
            with np.errstate(all="ignore"):
                if net.has_train_mode:
                    # The step's one training pass: it draws the dropout masks and moves the batch-norm running
                    # averages once; the differences then use those masks and leave the averages alone.
                    net.training_loss(x, t)
                    net.freeze_noise()
                self._pending = NumericalGradient(net, x, t)
        return self._pending

    def _drop_pending(self):
        """Forget a numerical step in progress (its batch is skipped); the network's noise is released."""
        self._pending = None
        if self.network.has_train_mode:
            self.network.release_noise()

    def estimated_step_work(self) -> float:
        """Estimated work units of one numerical-gradient step (see ``numgrad.estimated_work``), measured on
        at most 100 training samples and scaled to the batch size (the work grows with the samples); 0 with
        backprop. Costs one forward pass of those samples."""
        if self.config.gradient != "numerical":
            return 0.0
        b = self.batch_size
        m = min(b, 100)
        return estimated_work(self.network, self._x_train[:m], self._t_train[:m]) * (b / m)

    @property
    def pending_step(self) -> NumericalGradient | None:
        """The numerical gradient of the step in progress, or None: its ``progress`` (0 to 1, by estimated
        work), ``done``/``total`` (entries) say how far it is."""
        return self._pending

    def begin_step(self) -> NumericalGradient | None:
        """Start the next step without computing it: draw its batch and set up its numerical gradient, which
        is returned (the pending one if a step is already in progress). None with backprop (its step is
        computed whole by ``advance_step``) or after the loss diverged."""
        if self.diverged is not None or self.config.gradient != "numerical":
            return None
        return self._begin_numerical()

    def advance_step(self, max_entries=None) -> StepResult | None:
        """Compute part of the current step (starting one if none is pending): at least one piece of its
        numerical gradient, stopping once ``max_entries`` gradient entries are done in this call (None: all).
        When the gradient is complete, apply the update and return the step's ``StepResult``, exactly as
        ``step(1)`` would (an empty one after divergence); None while the step is still in progress.

        With backprop the whole step is done at once. ``advance_step(1)`` computes exactly one piece (a few
        milliseconds at most); a timer can call it until its frame budget is spent.
        """
        if self.diverged is not None or self.config.gradient != "numerical":
            return self.step(1)
        job = self._begin_numerical()
        with np.errstate(all="ignore"):
            if not job.advance(max_entries):
                return None
        return self.step(1)  # records the finished step (its gradient is already complete)

    @property
    def batch_in_epoch(self):
        """Mini-batches done in the current epoch (``steps_per_epoch`` when it has just ended; 0 before step 1)."""
        n = len(self.dataset.x_train)
        if self.step_count == 0:
            return 0
        return math.ceil(min(self._pos, n) / self.batch_size)

    @property
    def steps_to_epoch_end(self):
        """Steps left in the current epoch (a whole epoch's worth when one has just ended), counting a
        pending step."""
        n = len(self.dataset.x_train)
        if self._pending is not None:
            return math.ceil(max(n - self._pos, 0) / self.batch_size) + 1
        left = n - self._pos if self._pos < n else n
        return math.ceil(left / self.batch_size)

    def step_epoch(self) -> StepResult:
        """Run the steps left in the current epoch (a whole epoch when one has just ended)."""
        return self.step(self.steps_to_epoch_end)

    def _divergence(self, step, loss, grad_norms, param_norms):
        if not math.isfinite(loss):
            cause = Text(QT_TRANSLATE_NOOP("core", "the loss became {value}"), value=loss)
        elif not np.all(np.isfinite(grad_norms)):
            cause = Text(QT_TRANSLATE_NOOP("core", "a gradient overflowed (became infinite or NaN)"))
        else:
            cause = Text(QT_TRANSLATE_NOOP("core", "the weights grew too large to represent"))
        return Divergence(int(step), float(loss), cause, float(self.optimizer.lr))

    # -- evaluation ---------------------------------------------------------------------------------------
    def evaluate(self) -> Evaluation:
        """Evaluate now (train/test loss and accuracy, activation statistics) and record it."""
        with np.errstate(all="ignore"):
            ev = self._evaluate()
        self.history._add_eval(ev)
        return ev

    def _loss_acc(self, x, t1h):
        """(data loss, accuracy, R², RMSE) on inputs ``x`` with targets ``t1h`` (one-hot, or (N, 1) values)."""
        if len(x) == 0:
            return math.nan, math.nan, math.nan, math.nan
        net = self.network
        s = net.scores(x)
        loss = net.last_layer.forward(s, t1h)
        if self.dataset.task == "regression":
            return (loss, math.nan, *regression_scores(s[:, 0], t1h[:, 0]))
        return loss, float(np.mean(s.argmax(axis=1) == t1h.argmax(axis=1))), math.nan, math.nan

    def _evaluate(self):
        n = self.eval_limit
        # (head: the first rows; for bytes a view that Network.scores reads block by block)
        train_loss, train_acc, train_r2, train_rmse = self._loss_acc(head(self._x_train, n), self._t_train[:n])
        test_loss, test_acc, test_r2, test_rmse = self._loss_acc(head(self._x_test, n), self._t_test[:n])
        n_train, n_test = self.evaluation_samples()
        return Evaluation(
            self.step_count,
            self.epoch,
            train_loss,
            train_acc,
            test_loss,
            test_acc,
            self.activation_stats(),
            train_samples=n_train,
            test_samples=n_test,
            train_r2=train_r2,
            train_rmse=train_rmse,
            test_r2=test_r2,
            test_rmse=test_rmse,
            penalty=self.network.penalty(),
        )

    def predict(self, x):
        """The network's outputs (test mode) for raw data points ``x`` (N, D): class probabilities, or values."""
        return self.network.predict(self.inputs(x))

    def accuracy(self, part="train"):
        """Accuracy on the whole training (or test) set; NaN for regression or an empty set."""
        x, t = (self._x_train, self._t_train) if part == "train" else (self._x_test, self._t_test)
        if self.dataset.task == "regression" or not len(x):
            return math.nan
        return float(np.mean(self.network.scores(x).argmax(axis=1) == t.argmax(axis=1)))

    def regression_scores(self, part="train"):
        """(R², RMSE) on the whole training (or test) set (NaN for classification or an empty set)."""
        x, t = (self._x_train, self._t_train) if part == "train" else (self._x_test, self._t_test)
        if self.dataset.task != "regression" or not len(x):
            return math.nan, math.nan
        return regression_scores(self.network.scores(x)[:, 0], t[:, 0])

    def evaluation_samples(self):
        """(training samples, test samples) that an evaluation uses (all of them unless ``eval_limit``)."""
        n = self.eval_limit
        return len(head(self._x_train, n)), len(head(self._x_test, n))

    def activation_stats(self) -> ActivationStats:
        """Statistics of every hidden layer's activations on the probe batch."""
        act = self.config.activation
        traces = self.network.trace(self._probe)
        pre_edges = np.linspace(*PRE_RANGE, HIST_BINS + 1)
        post_edges = np.linspace(*POST_RANGES.get(act, PRE_RANGE), HIST_BINS + 1)
        h = len(traces)
        stats = {k: np.zeros(h) for k in ("mean", "std", "saturated", "dead")}
        pre_counts = np.zeros((h, HIST_BINS), dtype=np.int64)
        post_counts = np.zeros((h, HIST_BINS), dtype=np.int64)
        for i, tr in enumerate(traces):
            stats["mean"][i] = tr.post.mean()
            stats["std"][i] = tr.post.std()
            if act == "sigmoid":
                stats["saturated"][i] = np.mean(tr.post * (1 - tr.post) < SATURATION * 0.25)
            elif act == "tanh":
                stats["saturated"][i] = np.mean(1 - tr.post**2 < SATURATION)
            elif act == "relu":
                stats["dead"][i] = np.mean(np.all(tr.pre <= 0, axis=0))
            pre_counts[i] = np.histogram(np.clip(tr.pre, *PRE_RANGE), pre_edges)[0]
            post_counts[i] = np.histogram(np.clip(tr.post, post_edges[0], post_edges[-1]), post_edges)[0]
        return ActivationStats(
            self.step_count,
            pre_counts=pre_counts,
            pre_edges=pre_edges,
            post_counts=post_counts,
            post_edges=post_edges,
            **stats,
        )

    def __repr__(self):
        return f"Trainer(step={self.step_count}, epoch={self.epoch}, {self.network!r})"


def dataset_for(config: Config):
    """The data set ``config`` describes (its data fields only)."""
    return make_dataset(
        config.dataset,
        samples=config.samples,
        noise=config.noise,
        test_ratio=config.test_ratio,
        seed=config.seed,
        csv_path=config.csv_path,
        data_dir=config.data_dir,
        task=config.task,
    )


def build_network(config: Config, n_inputs: int, n_outputs: int) -> Network:
    """The network ``config`` describes for ``n_inputs`` inputs (the data's, or its features') and ``n_outputs``
    outputs (classes, or 1 for regression), with its weight decay, dropout and batch normalisation."""
    c = config
    return Network(
        (n_inputs, *c.hidden, n_outputs),
        c.activation,
        c.output,
        c.loss,
        c.init,
        seed=c.seed,
        weight_decay_lambda=c.weight_decay,
        regularization=c.regularization,
        use_dropout=c.dropout > 0,
        dropout_ratio=c.dropout,
        use_batchnorm=c.batch_norm,
    )


def regression_scores(y, t):
    """R² and RMSE of predictions ``y`` (N,) against targets ``t`` (N,).

    R² = 1 − Σ(y − t)² / Σ(t − t̄)²: 1 for a perfect fit, 0 for predicting the mean, negative when worse than
    that (NaN when every target is the same). RMSE = √(mean (y − t)²), in the targets' units.
    """
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    if len(t) == 0:
        return math.nan, math.nan
    with np.errstate(all="ignore"):
        r = y - t
        ss_res = float(np.dot(r, r))
        d = t - t.mean()
        ss_tot = float(np.dot(d, d))
        r2 = 1.0 - ss_res / ss_tot if ss_tot > 0 else math.nan
        return r2, math.sqrt(ss_res / len(t))
