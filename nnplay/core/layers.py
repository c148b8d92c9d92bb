"""Layers in the book's style (Deep Learning from Scratch, ch. 5): ``forward(x)`` and ``backward(dout)``.

``backward`` never edits ``dout`` or anything a caller still holds; it returns a new array.
"""

from __future__ import annotations

import numpy as np

from nnplay.core.functions import DELTA


class Affine:
    """y = x·W + b.

    ``W`` is (fan_in, fan_out) and ``b`` is (fan_out,). After ``backward`` the gradients are in ``dW`` and
    ``db``. If ``dW``/``db`` arrays are given, ``backward`` writes into them (the network keeps all its
    gradients in one buffer); otherwise it allocates new ones.
    """

    def __init__(self, W, b, dW=None, db=None):
        self.W = W
        self.b = b
        self.dW = dW if dW is not None else np.zeros_like(W)
        self.db = db if db is not None else np.zeros_like(b)
        self.x = None

    def forward(self, x):
        self.x = x
        out = x @ self.W
        out += self.b
        return out

    def backward(self, dout, need_dx=True):
        """Fill ``dW``, ``db`` and return ∂L/∂x = dout·Wᵀ (None with ``need_dx=False``: the input layer's
        ∂L/∂x is not needed and costs as much as the forward pass)."""
        np.dot(self.x.T, dout, out=self.dW)
        dout.sum(axis=0, out=self.db)
        return dout @ self.W.T if need_dx else None

    def __repr__(self):
        return f"Affine({self.W.shape[0]}→{self.W.shape[1]})"


class Sigmoid:
    """h(x) = 1 / (1 + e^−x); h'(x) = h(x)(1 − h(x)) ≤ 0.25."""

    name = "sigmoid"

    def __init__(self):
        self.out = None

    def forward(self, x):
        # 1/(1+e^-x) = (1 + tanh(x/2)) / 2, which never overflows.
        out = np.tanh(x * 0.5)
        out += 1.0
        out *= 0.5
        self.out = out
        return out

    def backward(self, dout):
        return dout * (self.out * (1.0 - self.out))

    def __repr__(self):
        return "Sigmoid()"


class Tanh:
    """h(x) = tanh(x); h'(x) = 1 − h(x)² ≤ 1."""

    name = "tanh"

    def __init__(self):
        self.out = None

    def forward(self, x):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        return dout * (1.0 - self.out * self.out)

    def __repr__(self):
        return "Tanh()"


class Relu:
    """h(x) = max(0, x); h'(x) = 1 where x > 0, else 0 (also at x = 0)."""

    name = "relu"

    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask

    def __repr__(self):
        return "Relu()"


class Step:
    """h(x) = 1 if x > 0 else 0; h'(x) = 0 everywhere (taken as 0 at x = 0 too), so nothing flows back."""

    name = "step"

    def forward(self, x):
        return (x > 0).astype(np.float64)

    def backward(self, dout):
        return np.zeros_like(dout)

    def __repr__(self):
        return "Step()"


class Identity:
    """h(x) = x; h'(x) = 1."""

    name = "identity"

    def forward(self, x):
        return x

    def backward(self, dout):
        return dout

    def __repr__(self):
        return "Identity()"


ACTIVATION_LAYERS = {cls.name: cls for cls in (Step, Sigmoid, Tanh, Relu, Identity)}

VIEW_FUNCTIONS = {
    "step": lambda x: (x > 0).astype(x.dtype),
    "sigmoid": lambda x: (np.tanh(x * x.dtype.type(0.5)) + 1) * x.dtype.type(0.5),
    "tanh": np.tanh,
    "relu": lambda x: np.maximum(x, 0),
    "identity": lambda x: x,
}
"""The activations as functions that keep their input's dtype and store nothing (``Network.view_outputs``)."""

BN_EPS = 10e-7
"""The book's ε under the square root of batch normalisation (written ``10e-7`` there, i.e. 1e-6)."""


def _sum0(a, out=None):
    """Σ over the batch (axis 0) by the ufunc itself."""
    return np.add.reduce(a, axis=0, out=out)


class BatchNormalization:
    """The book's batch normalisation (ch. 6.3), between an Affine layer and its activation.

    In training (``train_flg=True``) every column is normalised with the batch's own mean μ and variance σ²:
    x̂ = (x − μ) / √(σ² + ε), out = γ·x̂ + β, and the running averages move towards them with ``momentum``:
    running_mean ← momentum·running_mean + (1 − momentum)·μ (the same for the variance). They start at 0, as
    in the book, so the first test-mode outputs are far too large until a few dozen steps have passed. At test
    time (``train_flg=False``) the running averages are used instead of the batch's.

    ``gamma`` and ``beta`` are (D,) arrays owned by the network (its ``params``); ``dgamma``/``dbeta`` arrays may
    be given to receive the gradients (the network keeps all its gradients in one buffer). While ``track`` is
    False a training pass leaves the running averages alone (the numerical gradient runs the training pass
    thousands of times; the book's code would move the averages every time).
    """

    def __init__(self, gamma, beta, dgamma=None, dbeta=None, momentum=0.9):
        self.gamma = gamma
        self.beta = beta
        self.dgamma = dgamma if dgamma is not None else np.zeros_like(gamma)
        self.dbeta = dbeta if dbeta is not None else np.zeros_like(beta)
        self.momentum = momentum
        self.running_mean = np.zeros(gamma.shape)
        self.running_var = np.zeros(gamma.shape)
        self.track = True
        self.batch_size = None
        self.xc = None
        self.xn = None
        self.std = None

    # (The book's formulas, with numpy's reductions called directly: np.mean and np.sum cost several
    # microseconds of Python each, more than the arithmetic on a mini-batch of 10.)
    def forward(self, x, train_flg=True):
        if train_flg:
            n = x.shape[0]
            mu = _sum0(x) / n  # x.mean(axis=0), the same operations
            xc = x - mu
            var = _sum0(xc * xc) / n
            std = np.sqrt(var + BN_EPS)
            xn = xc / std
            self.batch_size = n
            self.xc, self.xn, self.std = xc, xn, std
            if self.track:
                self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
                self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xc = x - self.running_mean
            xn = xc / np.sqrt(self.running_var + BN_EPS)
        out = xn * self.gamma
        out += self.beta
        return out

    def backward(self, dout):
        """∂L/∂x of the training pass (the book's formulas); fills ``dgamma`` and ``dbeta``."""
        _sum0(dout, out=self.dbeta)
        _sum0(self.xn * dout, out=self.dgamma)
        dxn = self.gamma * dout
        std = self.std
        dxc = dxn / std
        dstd = -_sum0(dxn * self.xc) / (std * std)
        dvar = 0.5 * dstd / std
        dxc += self.xc * ((2.0 / self.batch_size) * dvar)
        dmu = _sum0(dxc)
        dxc -= dmu / self.batch_size
        return dxc

    def __repr__(self):
        return f"BatchNormalization({self.gamma.shape[0]}, momentum={self.momentum:g})"


class Dropout:
    """The book's dropout (ch. 6.4.3): in training each unit is kept where a uniform draw exceeds
    ``dropout_ratio`` (mask 1) and set to 0 otherwise; at test time every output is multiplied by
    1 − ``dropout_ratio`` instead (the expected share of units kept). ``dropout_ratio = 0`` drops nothing.

    The draws come from ``rng`` (the network's seeded generator, not numpy's global one). While ``held`` is
    True a training pass reuses the last mask when it has the batch's shape (and draws a new one, which is
    then held, when it has not): the numerical gradient needs one fixed mask for all its differences.
    """

    def __init__(self, dropout_ratio=0.5, rng=None):
        self.dropout_ratio = float(dropout_ratio)
        self.rng = rng if rng is not None else np.random.default_rng()
        self.mask = None
        self.held = False

    def forward(self, x, train_flg=True):
        if train_flg:
            if not (self.held and self.mask is not None and self.mask.shape == x.shape):
                if self.dropout_ratio > 0:
                    self.mask = self.rng.random(x.shape) > self.dropout_ratio
                else:
                    self.mask = np.ones(x.shape, dtype=bool)
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)

    def backward(self, dout):
        return dout * self.mask

    def __repr__(self):
        return f"Dropout({self.dropout_ratio:g})"


class OutputWithLoss:
    """The output function (softmax or identity) followed by the loss, as one layer.

    ``forward(x, t)`` returns the mean loss over the batch; ``backward()`` returns ∂L/∂x exactly, for the
    loss as written, δ = 1e-7 included:

    - softmax + cross-entropy: with g = t / (y + δ), ∂L/∂x = y·(Σ_k g_k y_k − g) / N. Without δ this is the
      book's (y − t) / N.
    - softmax + sum of squared error: with a = (y − t) / N, ∂L/∂x = y·(a − Σ_k a_k y_k) (softmax Jacobian).
    - identity + sum of squared error: (y − t) / N.

    ``t`` must be one-hot (N, K) here; ``Network`` converts class indices.
    """

    def __init__(self, output="softmax", loss="cross_entropy"):
        if (output, loss) not in {
            ("softmax", "cross_entropy"),
            ("softmax", "sum_squared_error"),
            ("identity", "sum_squared_error"),
        }:
            raise ValueError(
                f"output {output!r} with loss {loss!r} is not allowed: cross-entropy needs probabilities, "
                "so use it with softmax (identity outputs can be negative, and log of a negative is undefined)"
            )
        self.output = output
        self.loss_name = loss
        self.y = None
        self.t = None
        self._yd = None

    def forward(self, x, t):
        if self.output == "softmax":  # softmax(x), written out in place for speed
            y = x - x.max(axis=1, keepdims=True)
            np.exp(y, out=y)
            y /= y.sum(axis=1, keepdims=True)
        else:
            y = x
        self.y, self.t = y, t
        n = y.shape[0]
        if self.loss_name == "cross_entropy":
            self._yd = y + DELTA
            return -float((t * np.log(self._yd)).sum()) / n
        d = y - t
        return 0.5 * float((d * d).sum()) / n

    def backward(self, dout=1.0):
        y, t = self.y, self.t
        n = y.shape[0]
        if self.loss_name == "cross_entropy":
            g = t / self._yd
            dx = (g * y).sum(axis=1, keepdims=True) - g
            dx *= y
        else:
            a = y - t
            if self.output == "identity":
                dx = a
            else:
                dx = a - (a * y).sum(axis=1, keepdims=True)
                dx *= y
        dx *= dout / n
        return dx

    def __repr__(self):
        return f"OutputWithLoss({self.output}, {self.loss_name})"
