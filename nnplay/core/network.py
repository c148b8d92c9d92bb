"""A fully connected network in the book's vocabulary (Deep Learning from Scratch, ch. 4-5)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnplay.core.layers import ACTIVATION_LAYERS, Affine, OutputWithLoss
from nnplay.core.numgrad import NumericalGradient
from nnplay.core.pixels import PixelArray

ACTIVATION_NAMES = ("step", "sigmoid", "tanh", "relu", "identity")
OUTPUT_NAMES = ("softmax", "identity")
LOSS_NAMES = ("cross_entropy", "sum_squared_error")
INIT_NAMES = ("xavier", "he", "zero")


def init_std(init, fan_in):
    """Standard deviation of the initial weights of a layer with ``fan_in`` inputs.

    ``"xavier"``: √(1/n); ``"he"``: √(2/n); ``"zero"``: 0; a positive number: that std (the book's
    ``weight_init_std``).
    """
    if isinstance(init, str):
        if init == "xavier":
            return np.sqrt(1.0 / fan_in)
        if init == "he":
            return np.sqrt(2.0 / fan_in)
        if init == "zero":
            return 0.0
        raise ValueError(f"unknown init {init!r}; choose xavier, he, zero or a positive number (a std)")
    std = float(init)
    if not np.isfinite(std) or std <= 0:
        raise ValueError(f"init std must be a positive number, not {init!r}")
    return std


@dataclass(frozen=True)
class LayerTrace:
    """What one hidden layer computed for a batch: ``pre`` = x·W + b (N, units), ``post`` = h(pre)."""

    pre: np.ndarray
    post: np.ndarray


class Network:
    """A multi-layer perceptron: Affine → activation → … → Affine → output function → loss.

    Parameters
    ----------
    sizes : sequence of int
        Units per layer, input first and output last, e.g. ``[2, 8, 8, 2]``.
    activation : {"step", "sigmoid", "tanh", "relu", "identity"}
        Between hidden layers.
    output : {"softmax", "identity"}
    loss : {"cross_entropy", "sum_squared_error"}
        Cross-entropy requires the softmax output.
    init : {"xavier", "he", "zero"} or float
        Weight initialisation (biases start at 0).
    seed : int

    Attributes
    ----------
    params : dict
        ``W1, b1, W2, b2, ...``; ``Wi`` is (fan_in, fan_out). Update them in place (``params[k] -= ...``),
        as the book's optimizers do; all live in the one array ``flat_params``.
    """

    def __init__(self, sizes, activation="sigmoid", output="softmax", loss="cross_entropy", init="xavier", seed=0):
        sizes = [int(s) for s in sizes]
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"sizes must list at least an input and an output size, all >= 1; got {sizes}")
        if activation not in ACTIVATION_LAYERS:
            raise ValueError(f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATION_NAMES)}")
        self.sizes = tuple(sizes)
        self.activation = activation
        self.output = output
        self.loss_name = loss
        self.init = init
        self.seed = seed
        self.last_layer = OutputWithLoss(output, loss)

        shapes = []
        for i in range(len(sizes) - 1):
            shapes += [(f"W{i + 1}", (sizes[i], sizes[i + 1])), (f"b{i + 1}", (sizes[i + 1],))]
        total = sum(int(np.prod(s)) for _, s in shapes)
        # Parameters and gradients share one buffer so that all their norms take two numpy calls.
        self._buffer = np.zeros(2 * total)
        self._squares = np.empty(2 * total)
        self.flat_params = self._buffer[:total]
        self.flat_grads = self._buffer[total:]
        self.params = {}
        self._grads = {}
        self.offsets = []  # start of each parameter block in the flat arrays, in params order
        pos = 0
        for key, shape in shapes:
            size = int(np.prod(shape))
            self.offsets.append(pos)
            self.params[key] = self.flat_params[pos : pos + size].reshape(shape)
            self._grads[key] = self.flat_grads[pos : pos + size].reshape(shape)
            pos += size
        self._norm_starts = np.array(self.offsets + [total + o for o in self.offsets])

        rng = np.random.default_rng(seed)
        for i in range(self.n_layers):
            W = self.params[f"W{i + 1}"]
            std = init_std(init, W.shape[0])
            if std > 0:
                W[...] = std * rng.standard_normal(W.shape)

        self.affines = [
            Affine(
                self.params[f"W{i + 1}"],
                self.params[f"b{i + 1}"],
                self._grads[f"W{i + 1}"],
                self._grads[f"b{i + 1}"],
            )
            for i in range(self.n_layers)
        ]
        self.activations = [ACTIVATION_LAYERS[activation]() for _ in range(self.n_layers - 1)]

    @property
    def n_layers(self):
        """Number of weight layers (Affine layers)."""
        return len(self.sizes) - 1

    @property
    def multiply_adds(self):
        """Multiply-adds of one sample's forward pass (Σ fan_in·fan_out): a machine-independent measure of
        its cost."""
        return sum(a * b for a, b in zip(self.sizes[:-1], self.sizes[1:], strict=True))

    def _onehot(self, t, n):
        t = np.asarray(t)
        if t.ndim == 2 and t.shape == (n, self.sizes[-1]):
            return t.astype(np.float64, copy=False)
        t = t.reshape(-1).astype(np.intp)
        onehot = np.zeros((n, self.sizes[-1]))
        onehot[np.arange(n), t] = 1.0
        return onehot

    def scores(self, x):
        """Values before the output function (the book's ``predict`` of ch. 5). x : (N, D) → (N, K).

        ``x`` may be a ``PixelArray`` (images kept as bytes): it is then scaled and passed through in blocks,
        so a whole data set never exists as float64 at once."""
        if not (type(x) is np.ndarray and x.dtype == np.float64):
            if isinstance(x, PixelArray):
                if len(x) == 0:
                    return np.zeros((0, self.sizes[-1]))
                return np.concatenate([self.scores(block) for block in x.blocks()])
            x = np.asarray(x, dtype=np.float64)
        for affine, act in zip(self.affines, self.activations, strict=False):
            x = act.forward(affine.forward(x))
        return self.affines[-1].forward(x)

    def predict(self, x):
        """Network output after the output function: probabilities for softmax. x : (N, D) → (N, K)."""
        s = self.scores(x)
        if self.output == "softmax":
            s = s - s.max(axis=1, keepdims=True)
            np.exp(s, out=s)
            s /= s.sum(axis=1, keepdims=True)
        return s

    def loss(self, x, t):
        """Mean loss over the batch. t : (N,) class indices or (N, K) one-hot."""
        s = self.scores(x)
        return self.last_layer.forward(s, self._onehot(t, s.shape[0]))

    def accuracy(self, x, t):
        """Fraction of samples whose largest output is the correct class."""
        y = self.scores(x)
        t = np.asarray(t)
        if t.ndim == 2:
            t = t.argmax(axis=1)
        return float(np.mean(y.argmax(axis=1) == t))

    def gradient(self, x, t, copy=True):
        """Gradient of the loss by backpropagation: a dict with the keys of ``params``.

        With ``copy=False`` the returned arrays are the network's own gradient buffers (views of
        ``flat_grads``), overwritten by the next call; the trainer uses this to avoid copies.
        """
        loss = self.loss(x, t)
        dout = self.last_layer.backward(1.0)
        for i in range(self.n_layers - 1, 0, -1):
            dout = self.activations[i - 1].backward(self.affines[i].backward(dout))
        self.affines[0].backward(dout, need_dx=False)
        self.last_loss = loss
        if copy:
            return {k: g.copy() for k, g in self._grads.items()}
        return self._grads

    def squared_norms(self):
        """Squared Frobenius norms ``[‖W1‖², ‖b1‖², ‖W2‖², …, ‖∂L/∂W1‖², ‖∂L/∂b1‖², …]`` (params order,
        then the last computed gradients in the same order): a (4·n_layers,) array."""
        np.multiply(self._buffer, self._buffer, out=self._squares)
        return np.add.reduceat(self._squares, self._norm_starts)

    def numerical_gradient(self, x, t, method="auto"):
        """Gradient of the loss by the book's central difference (L(w + h) − L(w − h)) / 2h, h = 1e-4.

        Parameters
        ----------
        x : (N, D) ndarray
        t : (N,) class indices or (N, K) one-hot / real targets
        method : {"auto", "fast", "loop"}
            ``"loop"`` is the book's loop (two forward passes per parameter); the default computes the same
            differences without a forward pass per parameter (``nnplay.core.numgrad``) and falls back to the
            loop for layers it does not know.

        Returns
        -------
        grads : dict
            ``W1, b1, …`` with the shapes of ``params``.
        """
        return NumericalGradient(self, x, t, method=method).run()

    def trace(self, x):
        """Pre-activations and activations of every hidden layer for the batch ``x`` (N, D)."""
        out = []
        x = np.asarray(x, dtype=np.float64)
        for affine, act in zip(self.affines[:-1], self.activations, strict=True):
            pre = affine.forward(x)
            x = act.forward(pre)
            out.append(LayerTrace(pre, x))
        return out

    def __repr__(self):
        return (
            f"Network({list(self.sizes)}, activation={self.activation!r}, output={self.output!r}, "
            f"loss={self.loss_name!r}, init={self.init!r}, seed={self.seed})"
        )
