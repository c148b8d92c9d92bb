"""Maths the labs need on top of the engine: gradient checking and the collapse of linear stacks.

Pure numpy, like the rest of ``nnplay.core``; nothing here touches the network it is given (the gradient
check works on a copy).
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from nnplay.core.gradient import H
from nnplay.core.network import Network

REL_EPS = 1e-12
"""ε in the relative error |a − b| / max(|a| + |b|, ε): keeps 0 / 0 at 0 when both gradients vanish."""

GOOD_RELATIVE_ERROR = 1e-6
"""Below this relative error backprop and the numerical gradient agree (the book sees about 1e-10)."""


def clone_network(network: Network) -> Network:
    """An independent copy of ``network``: same architecture, same current weights, own buffers.

    (``copy.deepcopy`` would give ``params`` arrays no longer backed by ``flat_params``.)
    """
    net = Network(
        network.sizes,
        network.activation,
        network.output,
        network.loss_name,
        network.init,
        seed=network.seed,
        weight_decay_lambda=getattr(network, "weight_decay_lambda", 0.0),
        regularization=getattr(network, "regularization", "l2"),
        use_dropout=getattr(network, "use_dropout", False),
        dropout_ratio=getattr(network, "dropout_ratio", 0.5),
        use_batchnorm=getattr(network, "use_batchnorm", False),
    )
    net.flat_params[...] = network.flat_params
    for mine, theirs in zip(net.batchnorms, getattr(network, "batchnorms", []), strict=True):
        mine.running_mean, mine.running_var = theirs.running_mean.copy(), theirs.running_var.copy()
    return net


def relative_error(a, b, eps=REL_EPS):
    """|a − b| / max(|a| + |b|, ε), with |·| the Euclidean norm of the whole array.

    Scale-free: 1e-10 means the two agree to about ten digits whatever the size of the gradient.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), eps))


# -- gradient check -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GradientCheckEntry:
    """Backprop against the numerical gradient for one parameter block (``W1``, ``b1``, ...).

    ``backprop`` and ``numerical`` hold the checked entries only (flat, in ``indices`` order);
    ``numerical_seconds`` is the time the central differences of these entries took.
    """

    key: str
    shape: tuple[int, ...]
    indices: np.ndarray  # (checked,) flat indices into the block
    backprop: np.ndarray  # (checked,)
    numerical: np.ndarray  # (checked,)
    numerical_seconds: float

    @property
    def size(self):
        """Entries in the block."""
        return int(np.prod(self.shape))

    @property
    def checked(self):
        """Entries compared (all of them unless the check was sampled)."""
        return len(self.indices)

    @property
    def sampled(self):
        return self.checked < self.size

    @property
    def max_abs_diff(self):
        """max |backprop − numerical| over the checked entries."""
        return float(np.max(np.abs(self.backprop - self.numerical))) if self.checked else 0.0

    @property
    def relative_error(self):
        """‖backprop − numerical‖ / max(‖backprop‖ + ‖numerical‖, ε) over the checked entries."""
        return relative_error(self.backprop, self.numerical)

    @property
    def max_abs_grad(self):
        """Largest |gradient| (backprop) among the checked entries: the scale the difference compares with."""
        return float(np.max(np.abs(self.backprop))) if self.checked else 0.0


class GradientCheckResult(Mapping):
    """A read-only dict ``key → GradientCheckEntry`` plus the timings of the two methods.

    Attributes
    ----------
    backprop_seconds : float
        Time of one ``network.gradient(x, t)`` (all parameters at once; averaged over repeats).
    numerical_seconds : float
        Time the measured central differences took (two forward passes per checked entry).
    numerical_seconds_full : float
        Estimated time of the whole numerical gradient: measured time × all entries / checked entries
        (equal to ``numerical_seconds`` when nothing was sampled).
    n_params, n_checked : int
    """

    def __init__(self, entries, backprop_seconds, n_params):
        self._entries = dict(entries)
        self.backprop_seconds = float(backprop_seconds)
        self.n_params = int(n_params)
        self.n_checked = sum(e.checked for e in self._entries.values())
        self.numerical_seconds = sum(e.numerical_seconds for e in self._entries.values())
        self.numerical_seconds_full = (
            self.numerical_seconds * self.n_params / self.n_checked if self.n_checked else float("nan")
        )

    def __getitem__(self, key):
        return self._entries[key]

    def __iter__(self):
        return iter(self._entries)

    def __len__(self):
        return len(self._entries)

    @property
    def sampled(self):
        return self.n_checked < self.n_params

    @property
    def speedup(self):
        """How many times faster backprop is than the (estimated full) numerical gradient."""
        return self.numerical_seconds_full / self.backprop_seconds if self.backprop_seconds > 0 else float("inf")

    @property
    def max_relative_error(self):
        return max((e.relative_error for e in self._entries.values()), default=0.0)

    def __repr__(self):
        errs = ", ".join(f"{k}: {e.relative_error:.1e}" for k, e in self._entries.items())
        return (
            f"GradientCheckResult({errs}; numerical {self.numerical_seconds_full * 1e3:.3g} ms, "
            f"backprop {self.backprop_seconds * 1e3:.3g} ms)"
        )


class GradientCheck:
    """A gradient check that can be done a little at a time (a GUI timer calls ``advance`` per tick).

    Backprop is computed (and timed) at once on construction; the numerical gradient, two forward passes per
    parameter entry, is computed by ``advance`` in the order W1, b1, W2, ... Everything runs on a copy of
    ``network``, so training may go on meanwhile.

    Parameters
    ----------
    network : Network
    x : (N, D) ndarray
    t : (N,) class indices or (N, K) one-hot
    max_entries : int, optional
        Check at most this many entries per parameter block, chosen at random (seeded); all when None.
    seed : int
        Seed of that random choice.
    h : float
        Step of the central difference (the book's 1e-4).
    """

    def __init__(self, network: Network, x, t, max_entries=None, seed=0, h=H):
        self.network = clone_network(network)
        self.x = np.array(x, dtype=np.float64)
        t = np.asarray(t)
        k = network.sizes[-1]
        self.t = t.astype(np.float64) if t.ndim == 2 else np.eye(k)[t.reshape(-1).astype(np.intp)]
        if self.x.ndim != 2 or self.x.shape[1] != network.sizes[0] or len(self.x) != len(self.t) or not len(self.x):
            raise ValueError(
                f"x must be (N, {network.sizes[0]}) with N >= 1 and t must have N labels; "
                f"got {self.x.shape} and {t.shape}"
            )
        self.h = float(h)
        self.backprop = self.network.gradient(self.x, self.t)
        # With dropout or batch norm: the training pass, with this first pass's masks held from now on (the copy
        # is the check's own) and its running averages left alone, for backprop and every difference alike.
        self.network.freeze_noise()
        self._loss = self.network.training_loss if self.network.has_train_mode else self.network.loss
        self.backprop_seconds = self._time_backprop()
        rng = np.random.default_rng(seed)
        self._plan = []  # (key, indices) in params order
        for key, p in self.network.params.items():
            if max_entries is not None and p.size > max_entries:
                idx = np.sort(rng.choice(p.size, size=int(max_entries), replace=False))
            else:
                idx = np.arange(p.size)
            self._plan.append((key, idx))
        self.total = sum(len(idx) for _, idx in self._plan)
        self.done_entries = 0
        self._block = 0  # index into _plan
        self._pos = 0  # next entry within the block
        self._num = np.zeros(len(self._plan[0][1]))
        self._seconds = 0.0
        self._entries = {}

    def _time_backprop(self, min_seconds=0.005, max_repeats=1000):
        net, x, t = self.network, self.x, self.t
        reps, start = 0, time.perf_counter()
        while True:
            net.gradient(x, t)
            reps += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds or reps >= max_repeats:
                return elapsed / reps

    @property
    def done(self):
        return self._block >= len(self._plan)

    @property
    def progress(self):
        """Fraction of the numerical work done, 0 … 1."""
        return self.done_entries / self.total if self.total else 1.0

    @property
    def current_key(self):
        return None if self.done else self._plan[self._block][0]

    def advance(self, max_seconds=None, max_entries=None):
        """Compute more numerical-gradient entries: until ``max_seconds`` have passed or ``max_entries`` are
        done (whichever first; everything if both are None). Returns True when the check is complete."""
        net, x, t, h = self.network, self.x, self.t, self.h
        start = time.perf_counter()
        count = 0
        while not self.done:
            key, idx = self._plan[self._block]
            flat = net.params[key].reshape(-1)  # a view: perturbing it perturbs the network
            num = self._num
            t0 = time.perf_counter()
            while self._pos < len(idx):
                i = idx[self._pos]
                old = flat[i]
                try:
                    flat[i] = old + h
                    fxh1 = self._loss(x, t)
                    flat[i] = old - h
                    fxh2 = self._loss(x, t)
                finally:
                    flat[i] = old
                num[self._pos] = (fxh1 - fxh2) / (2 * h)
                self._pos += 1
                count += 1
                if (max_entries is not None and count >= max_entries) or (
                    max_seconds is not None and time.perf_counter() - start >= max_seconds
                ):
                    break
            self._seconds += time.perf_counter() - t0
            if self._pos >= len(idx):
                self._entries[key] = GradientCheckEntry(
                    key,
                    tuple(net.params[key].shape),
                    idx,
                    self.backprop[key].reshape(-1)[idx].copy(),
                    num.copy(),
                    self._seconds,
                )
                self._block += 1
                self._pos = 0
                self._seconds = 0.0
                if not self.done:
                    self._num = np.zeros(len(self._plan[self._block][1]))
            self.done_entries = sum(len(i) for _, i in self._plan[: self._block]) + self._pos
            if (max_entries is not None and count >= max_entries) or (
                max_seconds is not None and time.perf_counter() - start >= max_seconds
            ):
                break
        return self.done

    def result(self) -> GradientCheckResult:
        """The blocks finished so far (all of them once ``done``)."""
        return GradientCheckResult(self._entries, self.backprop_seconds, self.network.flat_params.size)


def gradient_check(network: Network, x, t, max_entries=None, seed=0) -> GradientCheckResult:
    """Compare backprop (``network.gradient``) with the numerical gradient, block by block, on a copy of
    ``network`` (its weights are not touched).

    Parameters
    ----------
    network : Network
    x : (N, D) ndarray
        The batch, e.g. the first 3 training samples as in the book's ``gradient_check.py``.
    t : (N,) class indices or (N, K) one-hot
    max_entries : int, optional
        Check a random subset of at most this many entries per block (all when None).

    Returns
    -------
    GradientCheckResult
        ``result["W1"].max_abs_diff``, ``.relative_error``, ``.numerical_seconds``; ``result.backprop_seconds``,
        ``result.numerical_seconds_full`` and ``result.speedup``.
    """
    check = GradientCheck(network, x, t, max_entries=max_entries, seed=seed)
    check.advance()
    return check.result()


# -- linear collapse ------------------------------------------------------------------------------------------
def collapse_linear(network: Network):
    """The single affine map a stack of layers with identity activations equals.

    x·W1 + b1 → (x·W1 + b1)·W2 + b2 → … equals x·W + b with W = W1·W2·…·WL and
    b = ((b1·W2 + b2)·W3 + b3)·… + bL.

    Returns
    -------
    W : (D, K) ndarray
    b : (K,) ndarray

    Raises
    ------
    ValueError
        If the network's hidden activation is not the identity (then no such matrix exists).
    """
    if network.activation != "identity" and network.n_layers > 1:
        raise ValueError(
            f"only a network with identity activations collapses to one matrix; this one uses {network.activation!r}"
        )
    W = network.params["W1"].copy()
    b = network.params["b1"].copy()
    for i in range(2, network.n_layers + 1):
        Wi = network.params[f"W{i}"]
        W = W @ Wi
        b = b @ Wi + network.params[f"b{i}"]
    return W, b


def affine_scores(W, b, x):
    """x·W + b for x : (N, D); the scores of the collapsed model, (N, K)."""
    return np.asarray(x, dtype=np.float64) @ W + b


def output_function(scores, output="softmax"):
    """The network's output function applied to scores (N, K): softmax (stable) or identity."""
    s = np.array(scores, dtype=np.float64)
    if output == "softmax":
        s -= s.max(axis=1, keepdims=True)
        np.exp(s, out=s)
        s /= s.sum(axis=1, keepdims=True)
    return s


def linear_boundary(W, b, a=0, c=1):
    """The line where the scores of classes ``a`` and ``c`` of x·W + b are equal, for 2-D inputs.

    Returns ``(w, w0)`` with w = W[:, a] − W[:, c] (2,) and w0 = b[a] − b[c]: class ``a`` scores higher where
    w·x + w0 > 0, so the boundary is the straight line w·x + w0 = 0.
    """
    W = np.asarray(W, dtype=np.float64)
    if W.shape[0] != 2:
        raise ValueError(f"a boundary line needs 2-D inputs; W has {W.shape[0]} rows")
    return W[:, a] - W[:, c], float(b[a] - b[c])


def forward_work(network: Network) -> int:
    """Multiply-adds of one sample's forward pass through ``network`` (Σ fan_in · fan_out over its layers)."""
    return sum(a * b for a, b in zip(network.sizes[:-1], network.sizes[1:], strict=True))


def collapse_evidence(network: Network, x, t, grid, chunk_rows):
    """The stack's own outputs against its collapsed map x·W + b, computed ``chunk_rows`` samples at a time.

    A generator: it yields after each chunk of forward passes (so a caller can spread a costly network's
    work over many events) and returns a dict: ``W`` (D, K) and ``b`` (K,) of the collapsed map; ``d_scores``
    and ``d_out``, max |stack − collapsed| over ``x`` (N, D) of the scores and of the outputs after the
    network's output function; ``accuracy`` of the stack on the first ``len(t)`` rows of ``x`` (whose labels
    ``t`` are); ``grid`` (G,), the class the stack predicts at each point of ``grid`` (G, D).
    """
    rows = max(1, int(chunk_rows))
    scores = np.empty((len(x), network.sizes[-1]))
    cls = np.empty(len(grid), dtype=np.int64)
    with np.errstate(all="ignore"):
        for i in range(0, len(x), rows):
            scores[i : i + rows] = network.scores(x[i : i + rows])
            yield
        for i in range(0, len(grid), rows):
            cls[i : i + rows] = network.scores(grid[i : i + rows]).argmax(axis=1)
            yield
        W, b = collapse_linear(network)
        one = affine_scores(W, b, x)
        d_scores = float(np.max(np.abs(scores - one))) if len(x) else 0.0
        outputs = output_function(scores, network.output)
        d_out = float(np.max(np.abs(outputs - output_function(one, network.output)))) if len(x) else 0.0
        n = len(t)
        accuracy = float(np.mean(scores[:n].argmax(axis=1) == t)) if n else float("nan")
    return {"W": W, "b": b, "d_scores": d_scores, "d_out": d_out, "accuracy": accuracy, "grid": cls}
