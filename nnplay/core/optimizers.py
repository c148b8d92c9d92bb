"""Update rules in the book's form: ``optimizer.update(params, grads)`` edits ``params`` in place.

``params`` and ``grads`` are dicts of arrays with the same keys (``W1, b1, ...``). ``lr`` may be changed
between updates (the GUI does, while training runs).
"""

from __future__ import annotations

import numpy as np


class SGD:
    """Stochastic gradient descent: W ← W − η·∂L/∂W."""

    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params:
            params[key] -= self.lr * grads[key]

    def __repr__(self):
        return f"SGD(lr={self.lr:g})"


class Momentum:
    """Momentum: v ← αv − η·∂L/∂W; W ← W + v."""

    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = {k: np.zeros_like(p) for k, p in params.items()}
        for key in params:
            v = self.v[key]
            v *= self.momentum
            v -= self.lr * grads[key]
            params[key] += v

    def __repr__(self):
        return f"Momentum(lr={self.lr:g}, momentum={self.momentum:g})"


class AdaGrad:
    """AdaGrad: h ← h + (∂L/∂W)²; W ← W − η·(∂L/∂W) / (√h + 1e-7)."""

    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = {k: np.zeros_like(p) for k, p in params.items()}
        for key in params:
            g = grads[key]
            self.h[key] += g * g
            params[key] -= self.lr * g / (np.sqrt(self.h[key]) + 1e-7)

    def __repr__(self):
        return f"AdaGrad(lr={self.lr:g})"


class Adam:
    """Adam (Kingma & Ba), in the book's bias-corrected form.

    m ← m + (1−β1)(g − m); v ← v + (1−β2)(g² − v);
    W ← W − η·√(1−β2^t)/(1−β1^t) · m / (√v + 1e-7).
    """

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m = {k: np.zeros_like(p) for k, p in params.items()}
            self.v = {k: np.zeros_like(p) for k, p in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params:
            g = grads[key]
            m, v = self.m[key], self.v[key]
            m += (1.0 - self.beta1) * (g - m)
            v += (1.0 - self.beta2) * (g * g - v)
            params[key] -= lr_t * m / (np.sqrt(v) + 1e-7)

    def __repr__(self):
        return f"Adam(lr={self.lr:g}, beta1={self.beta1:g}, beta2={self.beta2:g})"


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adagrad": AdaGrad, "adam": Adam}


def make_optimizer(name, lr):
    """Build the optimizer called ``name`` (one of ``OPTIMIZERS``) with learning rate ``lr``."""
    try:
        return OPTIMIZERS[name](lr=lr)
    except KeyError:
        raise ValueError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}") from None
