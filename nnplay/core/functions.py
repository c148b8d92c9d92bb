"""Activation, output and loss functions in the book's vocabulary (Deep Learning from Scratch, ch. 3-4).

Every function accepts one sample (1-D array) or a batch (2-D array, one sample per row).
"""

from __future__ import annotations

import numpy as np

DELTA = 1e-7
"""The small constant added inside ``log`` by ``cross_entropy_error`` so that log(0) never happens."""


def identity_function(x):
    """Return ``x`` unchanged: h(x) = x."""
    return x


def step_function(x):
    """The step function: 1 where x > 0, else 0 (as float)."""
    return (np.asarray(x) > 0).astype(np.float64)


def sigmoid(x):
    """The sigmoid 1 / (1 + exp(-x)), computed without overflow for large |x|."""
    x = np.asarray(x, dtype=np.float64)
    # exp(-|x|) never overflows; the two branches are the same function.
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def tanh(x):
    """The hyperbolic tangent."""
    return np.tanh(x)


def relu(x):
    """The rectified linear unit max(0, x)."""
    return np.maximum(0, x)


def identity_grad(x):
    """Derivative of the identity: 1 everywhere."""
    return np.ones_like(np.asarray(x, dtype=np.float64))


def step_grad(x):
    """Derivative of the step function: 0 everywhere.

    The true derivative is 0 for x != 0 and undefined at 0; we use 0 there too. This is why a network of step
    units cannot learn by gradient descent: no gradient passes through them.
    """
    return np.zeros_like(np.asarray(x, dtype=np.float64))


def sigmoid_grad(x):
    """Derivative of the sigmoid, s(x)(1 - s(x)); its maximum is 0.25, at x = 0."""
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh_grad(x):
    """Derivative of tanh, 1 - tanh(x)^2; its maximum is 1, at x = 0."""
    y = np.tanh(x)
    return 1.0 - y * y


def relu_grad(x):
    """Derivative of ReLU: 1 where x > 0, else 0. At x = 0 we choose 0 (a subgradient)."""
    return (np.asarray(x) > 0).astype(np.float64)


def softmax(x):
    """Softmax exp(x_k) / sum_j exp(x_j) along the last axis.

    The maximum is subtracted first, which leaves the result unchanged and keeps exp from overflowing:
    softmax([1010, 1000, 990]) is finite.

    Parameters
    ----------
    x : (K,) or (N, K) ndarray
    """
    x = np.asarray(x, dtype=np.float64)
    z = x - np.max(x, axis=-1, keepdims=True)
    e = np.exp(z)
    return e / np.sum(e, axis=-1, keepdims=True)


def _as_batch(y, t):
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t)
    if y.ndim == 1:
        y = y.reshape(1, -1)
        t = t.reshape(1, -1) if t.size == y.size else t.reshape(1)
    if t.shape != y.shape:  # class indices -> one-hot
        if t.ndim != 1 or t.shape[0] != y.shape[0]:
            raise ValueError(f"t has shape {t.shape}; expected {y.shape} (one-hot) or ({y.shape[0]},) indices")
        onehot = np.zeros_like(y)
        onehot[np.arange(y.shape[0]), t.astype(np.intp)] = 1.0
        t = onehot
    return y, t.astype(np.float64, copy=False)


def sum_squared_error(y, t):
    """Sum of squared error ½·Σ_k (y_k − t_k)², averaged over the batch.

    Parameters
    ----------
    y : (K,) or (N, K) ndarray
        Network outputs.
    t : same shape as y (one-hot), or (N,) / scalar class indices
    """
    y, t = _as_batch(y, t)
    return 0.5 * float(np.sum((y - t) ** 2)) / y.shape[0]


def cross_entropy_error(y, t, delta=DELTA):
    """Cross-entropy −Σ_k t_k·log(y_k + δ), averaged over the batch (δ = 1e-7 by default).

    Parameters
    ----------
    y : (K,) or (N, K) ndarray
        Probabilities (softmax outputs).
    t : same shape as y (one-hot), or (N,) / scalar class indices
    delta : float
        Keeps log(0) = −inf away when the correct class gets probability 0.
    """
    y, t = _as_batch(y, t)
    with np.errstate(divide="ignore", invalid="ignore"):
        return -float(np.sum(t * np.log(y + delta))) / y.shape[0]


ACTIVATIONS = {
    "step": (step_function, step_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
    "identity": (identity_function, identity_grad),
}
"""Activation name -> (h, h')."""
