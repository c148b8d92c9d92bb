"""The trainer: advances a network one mini-batch at a time and records what a student needs to see.

It never loops on its own: whoever drives it (a test, the command line, a GUI timer) calls ``step(n)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnplay.core.config import Config
from nnplay.core.datasets import make_dataset
from nnplay.core.history import Series
from nnplay.core.messages import QT_TRANSLATE_NOOP, Text
from nnplay.core.network import Network
from nnplay.core.optimizers import make_optimizer
from nnplay.core.pixels import PixelArray, head

EVAL_COLUMNS = ("train_loss", "train_accuracy", "test_loss", "test_accuracy")
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


@dataclass(frozen=True)
class StepResult:
    """What ``Trainer.step(n)`` did: one row per step taken.

    ``grad_norm[:, i]`` is ‖∂L/∂W‖ (Frobenius) of layer i + 1 (layer 1 is next to the input),
    ``bias_grad_norm`` is ‖∂L/∂b‖ and ``update_ratio`` is η‖∂L/∂W‖/‖W‖. If training diverged, the last
    row is the step that diverged (its update was not applied) and ``diverged`` says why.
    """

    steps: np.ndarray  # (n,)
    epochs: np.ndarray  # (n,)
    rows: np.ndarray  # (n, 1 + 3L): loss | ‖∂L/∂W1‖, ‖∂L/∂b1‖, ‖∂L/∂W2‖, ... | update ratio per layer
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
        return self.rows[:, 1 + 2 * self.n_layers :]


class History:
    """Everything recorded since the last reset, bounded in memory (see ``Series``)."""

    def __init__(self, n_layers, capacity=65536, eval_capacity=16384):
        self.n_layers = n_layers
        self.steps = Series(1 + 3 * n_layers, capacity)
        self.evals = Series(len(EVAL_COLUMNS), eval_capacity)
        self.latest_activations: ActivationStats | None = None
        self.last_step = 0

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
        return self.steps.y[:, 1 + 2 * self.n_layers :]

    def eval_column(self, name):
        return self.evals.y[:, EVAL_COLUMNS.index(name)]

    @property
    def nbytes(self):
        return self.steps.nbytes + self.evals.nbytes

    def _add(self, result: StepResult):
        n = len(result) - (1 if result.diverged else 0)
        if n > 0:
            self.steps.extend(result.steps[:n], result.rows[:n])
            self.last_step = int(result.steps[n - 1])
        for ev in result.evaluations:
            self._add_eval(ev)

    def _add_eval(self, ev: Evaluation):
        self.evals.extend([ev.step], [[ev.train_loss, ev.train_accuracy, ev.test_loss, ev.test_accuracy]])
        self.latest_activations = ev.activations


class Trainer:
    """Trains ``Network`` on a data set as ``config`` says, one mini-batch per step.

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
        self.dataset = dataset if dataset is not None else self._make_dataset(config)
        self.reset()

    @staticmethod
    def _make_dataset(config):
        return make_dataset(
            config.dataset,
            samples=config.samples,
            noise=config.noise,
            test_ratio=config.test_ratio,
            seed=config.seed,
            csv_path=config.csv_path,
            data_dir=config.data_dir,
        )

    # -- state -------------------------------------------------------------------------------------------
    def reset(self):
        """Start over: new weights (same seed → same weights), empty history, step 0."""
        c, ds = self.config, self.dataset
        self.network = Network(
            (ds.n_features, *c.hidden, ds.n_classes), c.activation, c.output, c.loss, c.init, seed=c.seed
        )
        self.optimizer = make_optimizer(c.optimizer, c.learning_rate)
        self.history = History(self.network.n_layers, self._history_capacity)
        self.step_count = 0
        self.epoch = 0
        self.diverged: Divergence | None = None
        k = ds.n_classes
        self._t_train = np.eye(k)[ds.t_train]
        self._t_test = np.eye(k)[ds.t_test]
        self._shuffle_rng = np.random.default_rng([c.seed, 1])
        self._pos = len(ds.x_train)  # the first step starts an epoch
        self._xs = self._ts = None
        # Bytes (PixelArray): keep the epoch's order and scale each batch when it is taken.
        self._gather = isinstance(ds.x_train, PixelArray)
        self._perm = None
        self._probe = np.asarray(ds.x_train[: self.probe_size], dtype=np.float64)
        net = self.network
        self._flat_p = {"all": net.flat_params}
        self._flat_g = {"all": net.flat_grads}

    def apply(self, config: Config) -> bool:
        """Switch to ``config``. Learning rate, batch size and optimizer apply to the running training;
        any other change starts over, and so does any change after the loss diverged (the last finite
        weights are usually already huge). Returns True if it started over."""
        old = self.config
        live = {"learning_rate", "batch_size", "optimizer"}
        if old.replace(**{k: getattr(config, k) for k in live}) == config and self.diverged is None:
            self.config = config
            if config.optimizer != old.optimizer:
                self.optimizer = make_optimizer(config.optimizer, config.learning_rate)
            else:
                self.optimizer.lr = config.learning_rate
            return False
        data_keys = ("dataset", "samples", "noise", "test_ratio", "seed", "csv_path", "data_dir")
        if self._given_dataset is None and any(getattr(old, k) != getattr(config, k) for k in data_keys):
            self.dataset = self._make_dataset(config)
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
        n = len(self.dataset.x_train)
        if self._pos >= n:
            perm = self._shuffle_rng.permutation(n)
            if self._gather:
                self._perm = perm
            else:
                self._xs = self.dataset.x_train[perm]
            self._ts = self._t_train[perm]
            self._pos = 0
            self.epoch += 1
        b = self.batch_size
        p = self._pos
        self._pos = p + b
        if self._gather:
            return self.dataset.x_train[self._perm[p : p + b]], self._ts[p : p + b]
        return self._xs[p : p + b], self._ts[p : p + b]

    # -- training ----------------------------------------------------------------------------------------
    def step(self, n=1) -> StepResult:
        """Run ``n`` mini-batch updates (fewer if the loss diverges) and return what they recorded."""
        n = int(n)
        net = self.network
        L = net.n_layers
        steps = np.zeros(n, dtype=np.int64)
        epochs = np.zeros(n, dtype=np.int64)
        # One row per step: loss | ‖∂L/∂W1‖, ‖∂L/∂b1‖, ‖∂L/∂W2‖, … | η‖∂L/∂W_i‖/‖W_i‖ for each layer.
        rows = np.zeros((n, 1 + 3 * L))
        evaluations = []
        done = 0
        if self.diverged is None:
            numerical = self.config.gradient == "numerical"
            grad_cols, ratio_cols = slice(1, 1 + 2 * L), slice(1 + 2 * L, 1 + 3 * L)
            with np.errstate(all="ignore"):
                for i in range(n):
                    x, t = self._next_batch()
                    grads = net.gradient(x, t, copy=False)
                    loss = net.last_loss
                    if numerical:
                        for k, g in net.numerical_gradient(x, t).items():
                            grads[k][...] = g
                    norms = np.sqrt(net.squared_norms())
                    row = rows[i]
                    row[0] = loss
                    row[grad_cols] = norms[2 * L :]
                    ratio = row[ratio_cols]
                    np.divide(norms[2 * L :: 2], norms[0 : 2 * L : 2], out=ratio)
                    ratio *= self.optimizer.lr
                    steps[i] = self.step_count + 1
                    epochs[i] = self.epoch
                    done = i + 1
                    if not math.isfinite(loss + norms.sum()):
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

    @property
    def steps_to_epoch_end(self):
        """Steps left in the current epoch (a whole epoch's worth when one has just ended)."""
        n = len(self.dataset.x_train)
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
        if len(x) == 0:
            return math.nan, math.nan
        net = self.network
        s = net.scores(x)
        loss = net.last_layer.forward(s, t1h)
        return loss, float(np.mean(s.argmax(axis=1) == t1h.argmax(axis=1)))

    def _evaluate(self):
        ds = self.dataset
        n = self.eval_limit
        # (head: the first rows; for bytes a view that Network.scores reads block by block)
        train_loss, train_acc = self._loss_acc(head(ds.x_train, n), self._t_train[:n])
        test_loss, test_acc = self._loss_acc(head(ds.x_test, n), self._t_test[:n])
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
        )

    def evaluation_samples(self):
        """(training samples, test samples) that an evaluation uses (all of them unless ``eval_limit``)."""
        n = self.eval_limit
        return len(head(self.dataset.x_train, n)), len(head(self.dataset.x_test, n))

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
