"""Numerical differentiation and plain gradient descent (Deep Learning from Scratch, ch. 4)."""

from __future__ import annotations

import numpy as np

H = 1e-4
"""Step of the central difference, as in the book and the lecture."""


def numerical_gradient(f, x, h=H):
    """Gradient of ``f`` at ``x`` by the central difference (f(x+h) − f(x−h)) / 2h.

    Each element of ``x`` is perturbed in place while ``f(x)`` is evaluated (this is how
    ``Network.numerical_gradient`` reaches the weights) and restored to its exact old value afterwards,
    even if ``f`` raises.

    Parameters
    ----------
    f : callable
        ``f(x) -> float``.
    x : ndarray of any shape, floating dtype
    h : float

    Returns
    -------
    grad : ndarray, same shape as x
    """
    if not isinstance(x, np.ndarray) or not np.issubdtype(x.dtype, np.floating):
        raise TypeError("numerical_gradient needs a floating-point numpy array (use np.asarray(x, dtype=float))")
    grad = np.zeros_like(x)
    flat = x.reshape(-1) if x.flags.c_contiguous else None
    if flat is None or not np.shares_memory(flat, x):
        raise ValueError("numerical_gradient needs a C-contiguous array (it perturbs x in place)")
    gflat = grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        try:
            flat[i] = old + h
            fxh1 = f(x)
            flat[i] = old - h
            fxh2 = f(x)
        finally:
            flat[i] = old
        gflat[i] = (fxh1 - fxh2) / (2 * h)
    return grad


def gradient_descent(f, init_x, lr=0.01, step_num=100, *, grad=None, return_path=False):
    """Minimise ``f`` by x ← x − lr·∇f(x), ``step_num`` times.

    Parameters
    ----------
    f : callable
        ``f(x) -> float`` for x of the shape of ``init_x``.
    init_x : array_like, shape (D,)
        Start point (not modified).
    lr : float
        Learning rate η.
    step_num : int
    grad : callable, optional
        Exact gradient ``grad(x) -> ndarray``; by default the numerical gradient of ``f``.
    return_path : bool
        Also return every point visited.

    Returns
    -------
    x : (D,) ndarray
        The last point.
    path : (step_num + 1, D) ndarray
        Only with ``return_path``: the start point and the point after every step. Once a step overflows,
        the rest of the path holds non-finite values (the caller can show that as divergence).
    """
    x = np.array(init_x, dtype=np.float64)
    gradient = grad if grad is not None else (lambda p: numerical_gradient(f, p))
    path = np.empty((step_num + 1, *x.shape)) if return_path else None
    if return_path:
        path[0] = x
    with np.errstate(over="ignore", invalid="ignore"):
        for i in range(step_num):
            x -= lr * gradient(x)
            if return_path:
                path[i + 1] = x
    return (x, path) if return_path else x
