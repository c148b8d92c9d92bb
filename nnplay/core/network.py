"""A fully connected network in the book's vocabulary (Deep Learning from Scratch, ch. 4-5)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import numpy as np

from nnplay.core.layers import (
    ACTIVATION_LAYERS,
    BN_EPS,
    VIEW_FUNCTIONS,
    Affine,
    BatchNormalization,
    Dropout,
    OutputWithLoss,
)
from nnplay.core.numgrad import NumericalGradient
from nnplay.core.pixels import PixelArray

ACTIVATION_NAMES = ("step", "sigmoid", "tanh", "relu", "identity")
OUTPUT_NAMES = ("softmax", "identity")
LOSS_NAMES = ("cross_entropy", "sum_squared_error")
INIT_NAMES = ("xavier", "he", "zero")
REGULARIZATION_NAMES = ("l2", "l1")


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
    """What one hidden layer computed for a batch: ``pre`` = x·W + b (N, units), the activation's input (after
    batch normalisation when the network has it), and ``post`` = h(pre) (before any dropout)."""

    pre: np.ndarray
    post: np.ndarray


class Network:
    """A multi-layer perceptron: Affine → [BatchNorm] → activation → [Dropout] → … → Affine → output → loss,
    as the book's ``MultiLayerNetExtend`` (ch. 6).

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
        Seeds the initial weights and, with a separate stream, the dropout masks.
    weight_decay_lambda : float
        λ of the weight decay added to the loss (biases, γ and β are not decayed, as in the book):
        ``"l2"``: ½λΣ‖W‖², gradient + λW (the book's); ``"l1"``: λΣ|W|, gradient + λ·sign(W) (TF Playground's).
    regularization : {"l2", "l1"}
    use_dropout : bool
        A ``Dropout`` layer after every hidden activation (the book's; ``dropout_ratio`` 0 drops nothing).
    dropout_ratio : float
        In [0, 1).
    use_batchnorm : bool
        A ``BatchNormalization`` layer between every hidden Affine layer and its activation, with parameters
        ``gamma1, beta1, …`` (γ = 1, β = 0 at the start).

    Attributes
    ----------
    params : dict
        ``W1, b1, [gamma1, beta1,] W2, b2, ...``; ``Wi`` is (fan_in, fan_out). Update them in place
        (``params[k] -= ...``), as the book's optimizers do; all live in the one array ``flat_params``.
    """

    def __init__(
        self,
        sizes,
        activation="sigmoid",
        output="softmax",
        loss="cross_entropy",
        init="xavier",
        seed=0,
        weight_decay_lambda=0.0,
        regularization="l2",
        use_dropout=False,
        dropout_ratio=0.5,
        use_batchnorm=False,
    ):
        sizes = [int(s) for s in sizes]
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"sizes must list at least an input and an output size, all >= 1; got {sizes}")
        if activation not in ACTIVATION_LAYERS:
            raise ValueError(f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATION_NAMES)}")
        if regularization not in REGULARIZATION_NAMES:
            raise ValueError(f"unknown regularization {regularization!r}; choose l2 or l1")
        lam = float(weight_decay_lambda)
        if not np.isfinite(lam) or lam < 0:
            raise ValueError(f"weight_decay_lambda must be a number >= 0, not {weight_decay_lambda!r}")
        ratio = float(dropout_ratio)
        if not 0.0 <= ratio < 1.0:
            raise ValueError(f"dropout_ratio must be in [0, 1), not {dropout_ratio!r}")
        self.sizes = tuple(sizes)
        self.activation = activation
        self.output = output
        self.loss_name = loss
        self.init = init
        self.seed = seed
        self.weight_decay_lambda = lam
        self.regularization = regularization
        self.use_dropout = bool(use_dropout)
        self.dropout_ratio = ratio
        self.use_batchnorm = bool(use_batchnorm)
        self.last_layer = OutputWithLoss(output, loss)

        shapes = []
        for i in range(len(sizes) - 1):
            shapes += [(f"W{i + 1}", (sizes[i], sizes[i + 1])), (f"b{i + 1}", (sizes[i + 1],))]
            if self.use_batchnorm and i < len(sizes) - 2:
                shapes += [(f"gamma{i + 1}", (sizes[i + 1],)), (f"beta{i + 1}", (sizes[i + 1],))]
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
        keys = list(self.params)
        # Where W1, b1, W2, b2, … sit among the norms of ``squared_norms`` (parameters, then gradients).
        self.wb_index = np.array([keys.index(f"{p}{i + 1}") for i in range(len(sizes) - 1) for p in "Wb"])
        self.weight_keys = tuple(f"W{i + 1}" for i in range(len(sizes) - 1))

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
        self.batchnorms = [
            BatchNormalization(
                self.params[f"gamma{i + 1}"],
                self.params[f"beta{i + 1}"],
                self._grads[f"gamma{i + 1}"],
                self._grads[f"beta{i + 1}"],
            )
            for i in range(self.n_layers - 1)
        ] if self.use_batchnorm else []  # fmt: skip
        if self.use_batchnorm:
            for i in range(self.n_layers - 1):
                self.params[f"gamma{i + 1}"][...] = 1.0
        self._dropout_rng = np.random.default_rng([seed, 2])
        self.dropouts = (
            [Dropout(ratio, self._dropout_rng) for _ in range(self.n_layers - 1)] if self.use_dropout else []
        )
        self.has_train_mode = bool(self.batchnorms or self.dropouts)
        """True when training and test passes differ (batch normalisation or dropout)."""
        self._frozen = 0
        self.last_loss = None
        self.last_data_loss = None

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

    def scores(self, x, train_flg=False):
        """Values before the output function (the book's ``predict`` of ch. 5). x : (N, D) → (N, K).

        ``train_flg``: batch normalisation with the batch's statistics and dropout masks (training), or with
        the running averages and the test-time scaling (the default); it changes nothing in a network without
        them. ``x`` may be a ``PixelArray`` (images kept as bytes): it is then scaled and passed through in
        blocks, so a whole data set never exists as float64 at once.
        """
        if not (type(x) is np.ndarray and x.dtype == np.float64):
            if isinstance(x, PixelArray):
                if len(x) == 0:
                    return np.zeros((0, self.sizes[-1]))
                return np.concatenate([self.scores(block) for block in x.blocks()])
            x = np.asarray(x, dtype=np.float64)
        if not self.has_train_mode:
            for affine, act in zip(self.affines, self.activations, strict=False):
                x = act.forward(affine.forward(x))
            return self.affines[-1].forward(x)
        for i, act in enumerate(self.activations):
            a = self.affines[i].forward(x)
            if self.batchnorms:
                a = self.batchnorms[i].forward(a, train_flg)
            x = act.forward(a)
            if self.dropouts:
                x = self.dropouts[i].forward(x, train_flg)
        return self.affines[-1].forward(x)

    def predict(self, x, train_flg=False):
        """Network output after the output function: probabilities for softmax. x : (N, D) → (N, K)."""
        s = self.scores(x, train_flg) if train_flg else self.scores(x)
        if self.output == "softmax":
            s = s - s.max(axis=1, keepdims=True)
            np.exp(s, out=s)
            s /= s.sum(axis=1, keepdims=True)
        return s

    def penalty(self):
        """The weight-decay term of the loss: ½λΣ‖W‖² (L2) or λΣ|W| (L1) over every W (0.0 without decay)."""
        lam = self.weight_decay_lambda
        if lam == 0:
            return 0.0
        total = 0.0
        for key in self.weight_keys:
            w = self.params[key].reshape(-1)
            total += float(np.dot(w, w)) if self.regularization == "l2" else float(np.abs(w).sum())
        return 0.5 * lam * total if self.regularization == "l2" else lam * total

    def data_loss(self, x, t, train_flg=False):
        """Mean loss over the batch without the weight-decay term."""
        s = self.scores(x, train_flg) if train_flg and self.has_train_mode else self.scores(x)
        return self.last_layer.forward(s, self._onehot(t, s.shape[0]))

    def loss(self, x, t, train_flg=False):
        """Mean loss over the batch plus the weight-decay term (the book's ``loss``). t : (N,) class indices or
        (N, K) one-hot (or real targets for the identity output)."""
        data = self.data_loss(x, t, train_flg)
        return data + self.penalty() if self.weight_decay_lambda else data

    def training_loss(self, x, t):
        """``loss(x, t, train_flg=True)``: what the numerical gradient differentiates."""
        return self.loss(x, t, train_flg=True)

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
        data = self.data_loss(x, t, train_flg=True)
        dout = self.last_layer.backward(1.0)
        if not self.has_train_mode:
            for i in range(self.n_layers - 1, 0, -1):
                dout = self.activations[i - 1].backward(self.affines[i].backward(dout))
        else:
            for i in range(self.n_layers - 1, 0, -1):
                dout = self.affines[i].backward(dout)
                if self.dropouts:
                    dout = self.dropouts[i - 1].backward(dout)
                dout = self.activations[i - 1].backward(dout)
                if self.batchnorms:
                    dout = self.batchnorms[i - 1].backward(dout)
        self.affines[0].backward(dout, need_dx=False)
        lam = self.weight_decay_lambda
        if lam:
            for key in self.weight_keys:
                W = self.params[key]
                self._grads[key] += lam * W if self.regularization == "l2" else lam * np.sign(W)
        self.last_data_loss = data
        self.last_loss = data + self.penalty() if lam else data
        if copy:
            return {k: g.copy() for k, g in self._grads.items()}
        return self._grads

    def squared_norms(self):
        """Squared Frobenius norms ``[‖W1‖², ‖b1‖², ‖W2‖², …, ‖∂L/∂W1‖², ‖∂L/∂b1‖², …]`` (params order,
        then the last computed gradients in the same order): a (4·n_layers,) array."""
        np.multiply(self._buffer, self._buffer, out=self._squares)
        return np.add.reduceat(self._squares, self._norm_starts)

    # -- the training pass's randomness and state ------------------------------------------------------------
    def freeze_noise(self):
        """From now on training passes hold their dropout masks fixed (the last mask when it has the batch's
        shape, otherwise one new draw, then held) and leave the batch-norm running averages alone, until
        ``release_noise``. Calls nest."""
        self._frozen += 1
        for d in self.dropouts:
            d.held = True
        for bn in self.batchnorms:
            bn.track = False

    def release_noise(self):
        self._frozen = max(0, self._frozen - 1)
        if self._frozen == 0:
            for d in self.dropouts:
                d.held = False
            for bn in self.batchnorms:
                bn.track = True

    @contextlib.contextmanager
    def frozen_noise(self):
        """``with net.frozen_noise():`` the training passes inside use one dropout mask and do not move the
        batch-norm running averages (see ``freeze_noise``)."""
        self.freeze_noise()
        try:
            yield self
        finally:
            self.release_noise()

    @contextlib.contextmanager
    def preserved_state(self):
        """Everything a training pass changes besides the gradients (dropout masks and their random stream,
        batch-norm running averages and caches, ``last_loss``) is restored on exit: a view can look at the
        gradient of a probe batch without changing what training does next."""
        rng_state = self._dropout_rng.bit_generator.state
        masks = [(d.mask, d.held) for d in self.dropouts]
        bns = [(bn.running_mean.copy(), bn.running_var.copy(), bn.xc, bn.xn, bn.std, bn.batch_size)
               for bn in self.batchnorms]  # fmt: skip
        losses = (self.last_loss, self.last_data_loss)
        try:
            yield self
        finally:
            self._dropout_rng.bit_generator.state = rng_state
            for d, (mask, held) in zip(self.dropouts, masks, strict=True):
                d.mask, d.held = mask, held
            for bn, (rm, rv, xc, xn, std, n) in zip(self.batchnorms, bns, strict=True):
                bn.running_mean, bn.running_var, bn.xc, bn.xn, bn.std, bn.batch_size = rm, rv, xc, xn, std, n
            self.last_loss, self.last_data_loss = losses

    def numerical_gradient(self, x, t, method="auto"):
        """Gradient of the loss by the book's central difference (L(w + h) − L(w − h)) / 2h, h = 1e-4.

        With batch normalisation or dropout the loss is the training pass's (``training_loss``), with the
        dropout masks held fixed (those of the last training pass when they fit this batch, otherwise drawn once)
        and the running averages left alone, as ``frozen_noise`` says; such networks use the book's loop (two
        forward passes per parameter), the plain ones the fast path.

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
        with self.frozen_noise():
            return NumericalGradient(self, x, t, method=method).run()

    def trace(self, x):
        """Pre-activations and activations of every hidden layer for the batch ``x`` (N, D), in test mode
        (batch normalisation with its running averages; ``post`` is before dropout's test-time scaling)."""
        out = []
        x = np.asarray(x, dtype=np.float64)
        for i, (affine, act) in enumerate(zip(self.affines[:-1], self.activations, strict=True)):
            pre = affine.forward(x)
            if self.batchnorms:
                pre = self.batchnorms[i].forward(pre, train_flg=False)
            post = act.forward(pre)
            out.append(LayerTrace(pre, post))
            x = self.dropouts[i].forward(post, train_flg=False) if self.dropouts else post
        return out

    def unit_outputs(self, x):
        """What every unit computes for the points ``x`` (N, D), in one test-mode forward pass: a list of
        ``n_layers + 1`` arrays, the inputs (N, D), each hidden layer's activations h(a) (N, units) and the
        network's outputs after the output function (N, K): probabilities for softmax, values for identity."""
        x = np.asarray(x, dtype=np.float64)
        out = [x]
        for i, (affine, act) in enumerate(zip(self.affines[:-1], self.activations, strict=True)):
            a = affine.forward(x)
            if self.batchnorms:
                a = self.batchnorms[i].forward(a, train_flg=False)
            post = act.forward(a)
            out.append(post)
            x = self.dropouts[i].forward(post, train_flg=False) if self.dropouts else post
        s = self.affines[-1].forward(x)
        if self.output == "softmax":
            s = s - s.max(axis=1, keepdims=True)
            np.exp(s, out=s)
            s /= s.sum(axis=1, keepdims=True)
        out.append(s)
        return out

    def view_outputs(self, x, last_only=False):
        """``unit_outputs`` for pictures: the same test-mode forward pass in float32, touching no layer's cache.

        On this machine's numpy, tanh (hence sigmoid) and exp are about 5x faster in float32 than in float64,
        and a picture needs no more than float32's 7 digits: the decision regions, the unit pictures and the
        activations of a deep sigmoid net cost a fifth of the float64 pass. Nothing that training reads is
        changed (the layers keep what the last training pass left for its backward pass). A pass whose values do
        not fit float32 (weights over 1e30, or values that grow beyond 3.4e38 through the layers: a network on its
        way to diverging) is done in float64 instead, so that a picture is never blank only because of the cast.
        With ``last_only``, only the outputs (N, K) are returned.
        """
        big = float(np.max(np.abs(self.flat_params))) if self.flat_params.size else 0.0
        out = self._view_pass(x, np.float32 if big < 1e30 else np.float64, last_only)  # (NaN: float64)
        if out[-1].dtype == np.float32 and not all(np.isfinite(a).all() for a in (out[-1:] if last_only else out)):
            # (values beyond float32's 3.4e38 through ReLU or identity layers: a network on its way to diverging,
            # whose last pictures must still be drawn)
            out = self._view_pass(x, np.float64, last_only)
        return out[-1] if last_only else out

    def _view_pass(self, x, dtype, last_only):
        with np.errstate(all="ignore"):
            x = np.asarray(x, dtype=dtype)
            out = [] if last_only else [x]
            h = VIEW_FUNCTIONS[self.activation]
            for i, affine in enumerate(self.affines[:-1]):
                a = x @ affine.W.astype(dtype, copy=False)
                a += affine.b.astype(dtype, copy=False)
                if self.batchnorms:
                    bn = self.batchnorms[i]
                    a -= bn.running_mean.astype(dtype, copy=False)
                    a /= np.sqrt(bn.running_var + BN_EPS).astype(dtype, copy=False)
                    a *= bn.gamma.astype(dtype, copy=False)
                    a += bn.beta.astype(dtype, copy=False)
                post = h(a)
                if not last_only:
                    out.append(post)
                x = post * dtype(1.0 - self.dropout_ratio) if self.dropouts else post
            s = x @ self.affines[-1].W.astype(dtype, copy=False)
            s += self.affines[-1].b.astype(dtype, copy=False)
            if self.output == "softmax":
                s -= s.max(axis=1, keepdims=True)
                np.exp(s, out=s)
                s /= s.sum(axis=1, keepdims=True)
        return [s] if last_only else [*out, s]

    def __repr__(self):
        extra = ""
        if self.weight_decay_lambda:
            extra += f", weight_decay_lambda={self.weight_decay_lambda:g}, regularization={self.regularization!r}"
        if self.use_dropout:
            extra += f", use_dropout=True, dropout_ratio={self.dropout_ratio:g}"
        if self.use_batchnorm:
            extra += ", use_batchnorm=True"
        return (
            f"Network({list(self.sizes)}, activation={self.activation!r}, output={self.output!r}, "
            f"loss={self.loss_name!r}, init={self.init!r}, seed={self.seed}{extra})"
        )
