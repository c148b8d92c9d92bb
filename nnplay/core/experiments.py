"""The maths behind the labs: test surfaces for gradient descent, optimizer paths, naive softmax, the best case of
a chained derivative and the book's weight-initialisation experiment (Deep Learning from Scratch, ch. 4-6).

Pure numpy, like the rest of ``nnplay.core``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnplay.core.functions import ACTIVATIONS, softmax
from nnplay.core.gradient import numerical_gradient
from nnplay.core.layers import BatchNormalization
from nnplay.core.network import init_std

# -- surfaces for gradient descent --------------------------------------------------------------------------


def _sphere(x):
    return x[0] ** 2 + x[1] ** 2


def _sphere_grad(x):
    return np.array([2.0 * x[0], 2.0 * x[1]])


def _book_bowl(x):
    return x[0] ** 2 / 20.0 + x[1] ** 2


def _book_bowl_grad(x):
    return np.array([x[0] / 10.0, 2.0 * x[1]])


ROSENBROCK_SCALE = 0.01
"""The Rosenbrock valley (1 − x)² + 100(y − x²)² is multiplied by this, so that its slopes are of the size of the
other surfaces' and one learning rate slider serves them all."""


def _rosenbrock(x):
    return ROSENBROCK_SCALE * ((1.0 - x[0]) ** 2 + 100.0 * (x[1] - x[0] ** 2) ** 2)


def _rosenbrock_grad(x):
    r = x[1] - x[0] ** 2
    return ROSENBROCK_SCALE * np.array([-2.0 * (1.0 - x[0]) - 400.0 * x[0] * r, 200.0 * r])


def _saddle(x):
    return x[0] ** 2 - x[1] ** 2


def _saddle_grad(x):
    return np.array([2.0 * x[0], -2.0 * x[1]])


@dataclass(frozen=True)
class Surface:
    """A function of two variables to run gradient descent on.

    ``f`` and ``grad`` take x of shape (2, ...) (one point, or a grid as ``np.stack([X, Y])``); ``grad`` returns
    the exact gradient, shape (2, ...). ``bounds`` = (x0 min, x0 max, x1 min, x1 max) is the region worth
    looking at; ``start``, ``lr`` and ``steps`` a start that shows the surface's character.
    """

    key: str
    f: object
    grad: object
    bounds: tuple
    start: tuple
    lr: float
    steps: int
    minimum: tuple | None

    def __repr__(self):
        return f"Surface({self.key!r}, bounds={self.bounds})"


SURFACES = {
    "sphere": Surface("sphere", _sphere, _sphere_grad, (-5.0, 5.0, -5.0, 5.0), (-3.0, 4.0), 0.1, 100, (0.0, 0.0)),
    "book_bowl": Surface(
        "book_bowl", _book_bowl, _book_bowl_grad, (-10.0, 10.0, -5.0, 5.0), (-7.0, 2.0), 0.95, 30, (0.0, 0.0)
    ),
    "rosenbrock": Surface(
        "rosenbrock", _rosenbrock, _rosenbrock_grad, (-2.0, 2.0, -1.0, 3.0), (-1.2, 1.0), 0.15, 2000, (1.0, 1.0)
    ),
    "saddle": Surface("saddle", _saddle, _saddle_grad, (-4.0, 4.0, -4.0, 4.0), (-3.5, 0.05), 0.1, 40, None),
}
"""x0² + x1² (the lecture's), x²/20 + y² (the book's optimizer comparison), a scaled Rosenbrock valley and the
saddle x0² − x1² (no minimum: descent slides off along x1)."""


def gradient_function(f, grad=None, h=None):
    """A callable x -> ∇f(x): ``grad`` itself, or else the central difference of ``f`` (h = 1e-4 by default).

    The numerical version works on a copy, so the caller's x is never touched.
    """
    if grad is not None:
        return grad
    if h is None:
        return lambda x: numerical_gradient(f, np.array(x, dtype=np.float64))
    return lambda x: numerical_gradient(f, np.array(x, dtype=np.float64), h=h)


def optimizer_path(opt, grad_fn, init, steps):
    """The points an optimizer visits when it minimises a function of x alone.

    Parameters
    ----------
    opt : an optimizer of ``nnplay.core.optimizers`` (``update(params, grads)``); it keeps its state.
    grad_fn : callable
        ``grad_fn(x) -> ndarray`` of the shape of x.
    init : array_like, shape (D,)
    steps : int

    Returns
    -------
    path : (steps + 1, D) ndarray
        The start and the point after every update. After an overflow the points are non-finite.
    """
    params = {"x": np.array(init, dtype=np.float64)}
    path = np.empty((int(steps) + 1, params["x"].size))
    path[0] = params["x"]
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(int(steps)):
            opt.update(params, {"x": np.asarray(grad_fn(params["x"].copy()), dtype=np.float64)})
            path[i + 1] = params["x"]
    return path


# -- softmax and cross-entropy --------------------------------------------------------------------------------


def naive_softmax(a):
    """exp(a_k) / Σ_j exp(a_j) as written, without subtracting the maximum.

    For large scores exp overflows to inf and the result is nan (inf / inf); numpy's warnings are silenced so the
    caller can show the nan. Compare ``functions.softmax``.
    """
    a = np.asarray(a, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(a)
        return e / np.sum(e, axis=-1, keepdims=True)


def cross_entropy_without_delta(y, t):
    """−Σ_k t_k·log y_k for one sample with a one-hot ``t`` (or class index), without the δ of
    ``functions.cross_entropy_error``: only the classes with t_k > 0 enter (0·log 0 is taken as 0), so the value
    is −log y_t, and +inf when the correct class has y_t = 0.

    Written literally in numpy, ``-np.sum(t * np.log(y))`` would also give nan as soon as *any* y_k is 0
    (0 · −inf = nan); see ``literal_cross_entropy``.
    """
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    t = _onehot(t, y.size)
    mask = t > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(t[mask] * np.log(y[mask])))


def literal_cross_entropy(y, t):
    """``-np.sum(t * np.log(y))`` exactly as written (no δ): nan if any y_k is 0, inf if y_t is 0 alone."""
    y = np.asarray(y, dtype=np.float64).reshape(-1)
    t = _onehot(t, y.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(-np.sum(t * np.log(y)))


def _onehot(t, k):
    t = np.asarray(t)
    if t.size == k and t.ndim == 1:
        return t.astype(np.float64)
    onehot = np.zeros(k)
    onehot[int(t)] = 1.0
    return onehot


# -- activations and depth ------------------------------------------------------------------------------------


def max_derivative(activation):
    """The largest value of h'(x) over x, read off the core's derivative on a grid through 0: 0.25 for sigmoid,
    1 for tanh, ReLU and identity, 0 for the step function."""
    _, grad = ACTIVATIONS[activation]
    xs = np.linspace(-10.0, 10.0, 2001)  # holds x = 0 exactly
    return float(np.max(grad(xs)))


def best_chain_derivative(activation, depth):
    """The best case of the derivative chained through ``depth`` activations: (max h')^depth.

    Backpropagation multiplies one h'(a) per layer, so at most this fraction of the gradient reaches layer 1
    (weights aside): 0.25^L for sigmoid, 1 for tanh at 0 and for active ReLU units, 0 for the step function.
    """
    depth = int(depth)
    if depth < 0:
        raise ValueError(f"depth must be >= 0, not {depth}")
    return max_derivative(activation) ** depth


INIT_EXPERIMENT_INITS = {"std1": 1.0, "std0.01": 0.01, "xavier": "xavier", "he": "he"}
"""The four weight scales of the book's experiment (ch. 6.2): std 1, std 0.01, Xavier √(1/n), He √(2/n)."""


def init_experiment(activation, init, layers=5, units=100, samples=1000, seed=0, batch_norm=False):
    """The book's weight-initialisation experiment (ch. 6.2): push random inputs through ``layers`` layers of
    ``units`` units (no bias) and keep every layer's activations. With ``batch_norm`` each layer's x·W is batch
    normalised first (training mode, γ = 1, β = 0: the book's ch. 6.3), whatever the weights' scale.

    Parameters
    ----------
    activation : {"sigmoid", "tanh", "relu", "step", "identity"}
    init : {"std1", "std0.01", "xavier", "he"} or a positive float (std) or "xavier"/"he"
    layers, units, samples : int
    seed : int
        Inputs x ~ N(0, 1) of shape (samples, units) and weights W ~ std·N(0, 1) of shape (units, units) are
        drawn from one ``np.random.default_rng(seed)``.

    Returns
    -------
    activations : list of ``layers`` (samples, units) ndarrays
        z_i = h(z_{i−1}·W_i), with z_0 = x.
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATIONS)}")
    h, _ = ACTIVATIONS[activation]
    std = init_std(INIT_EXPERIMENT_INITS.get(init, init) if isinstance(init, str) else init, units)
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((samples, units))
    out = []
    for _ in range(int(layers)):
        w = std * rng.standard_normal((units, units))
        a = x @ w
        if batch_norm:
            a = BatchNormalization(np.ones(units), np.zeros(units)).forward(a, train_flg=True)
        x = np.asarray(h(a), dtype=np.float64)
        out.append(x)
    return out


# -- the book's simpleNet (ch. 4.4.2, gradient_simplenet.py) ----------------------------------------------------

SIMPLENET_W = ((0.47355232, 0.9977393, 0.84668094), (0.85557411, 0.03563661, 0.69422093))
"""The weights the book prints for its (random) simpleNet; with x = [0.6, 0.9] and t = [0, 0, 1] it reports
p = [1.05414809, 0.63071653, 1.1328074], argmax 2, loss 0.92806853663411326 and
dW = [[0.21924763, 0.14356247, −0.36281009], [0.32887144, 0.2153437, −0.54421514]]."""
SIMPLENET_X = (0.6, 0.9)
SIMPLENET_T = (0.0, 0.0, 1.0)


@dataclass(frozen=True)
class SimpleNetResult:
    """One evaluation of simpleNet: its inputs, scores p = x·W, y = softmax(p), the loss and ∂L/∂W."""

    W: np.ndarray  # (2, 3)
    x: np.ndarray  # (2,)
    t: np.ndarray  # (3,) one-hot
    p: np.ndarray  # (3,) scores x·W
    y: np.ndarray  # (3,) softmax(p)
    loss: float  # −Σ t_k log(y_k + δ)
    dW: np.ndarray  # (2, 3) ∂L/∂W by central differences, h = 1e-4
    dW_exact: np.ndarray  # (2, 3) the same derivative in closed form (ch. 5: x^T (y − t), scaled for δ)
    delta: float

    @property
    def argmax(self):
        return int(np.argmax(self.p))

    def __repr__(self):
        return f"SimpleNetResult(loss={self.loss:.10g}, argmax={self.argmax})"


def simplenet(W=SIMPLENET_W, x=SIMPLENET_X, t=SIMPLENET_T, delta=0.0, h=None):
    """The book's simpleNet: one weight layer without bias, softmax, cross-entropy, and dW = ∂L/∂W numerically.

    Parameters
    ----------
    W : array_like, shape (2, 3)
    x : array_like, shape (2,)
    t : array_like, shape (3,) one-hot, or the index of the correct class
    delta : float
        The δ in −log(y_t + δ). The book's code (common/functions.py) adds 1e-7, but the values it prints for
        this example are those of δ = 0 (with δ = 1e-7 the loss is 2.5e-7 smaller and dW differs by ~1e-7).
    h : float, optional
        Step of the central difference (the book's 1e-4 by default).

    Returns
    -------
    SimpleNetResult
        Fresh arrays; ``W`` and ``x`` are copies (the caller's arrays are never perturbed).
    """
    W = np.array(W, dtype=np.float64).reshape(2, 3)
    x = np.array(x, dtype=np.float64).reshape(2)
    t = _onehot(t, 3)

    def loss_of(w):
        y = softmax(x @ w)
        with np.errstate(divide="ignore"):
            return -float(np.sum(t * np.log(y + delta)))

    p = x @ W
    y = softmax(p)
    loss = loss_of(W)
    work = W.copy()
    dW = numerical_gradient(loss_of, work) if h is None else numerical_gradient(loss_of, work, h=h)
    # d/dp of −Σ t_k log(y_k + δ) = Σ_k t_k y_k/(y_k + δ) (y − e_k): (y − t) when δ = 0.
    weight = t * y / (y + delta)
    dp = weight.sum() * y - weight
    return SimpleNetResult(W, x, t, p, y, loss, dW, np.outer(x, dp), float(delta))
