"""The book's numerical gradient of a network's loss, computed without a forward pass per perturbation.

The book (ch. 4) perturbs one parameter w at a time and runs the whole network twice:
``(L(w + h) − L(w − h)) / 2h`` with h = 1e-4. :class:`NumericalGradient` computes the same central
difference of the same loss (softmax, cross-entropy with δ = 1e-7, every W and b of every layer), but

- the unperturbed forward pass is computed once (``a_l = z_{l−1}·W_l + b_l`` and ``z_l = h(a_l)`` for
  every layer) and every perturbation only recomputes what it changes: a change of ``W_l[i, j]`` by ±h
  changes column j of ``a_l`` by ±h·z_{l−1}[n, i], and only for the samples n whose input i is not 0
  (about 80 % of MNIST pixels are 0); a bias is an input that is always 1;
- the change of hidden unit j then changes the next layer by ``Δz·W_{l+1}[j, :]`` (rank 1); before the
  output it is propagated through the remaining layers as a batch of rows, many perturbations at once;
- the loss difference is summed over the changed samples only (the others contribute exactly 0 in the
  book's loop too), as ``Σ_n (ℓ_n(w+h) − ℓ_n) − (ℓ_n(w−h) − ℓ_n)`` — differences of per-sample losses,
  which carries less rounding error than the difference of two means;
- for softmax + cross-entropy, a rank-1 change ``s + Δ·w`` of the scores changes the normaliser to
  ``Z(Δ) = Σ_k e_k·exp(Δ·w_k) = Σ_p Δ^p/p! · Σ_k e_k·w_k^p``: the sums ``M_p = e·(W^p)ᵀ`` are computed
  once per batch, so every perturbation costs a short polynomial instead of K exponentials. The series
  is cut where its remainder is below 2^−56 of Z (on MNIST, where |Δ·w| is about 1e-6 to 1e-5, after the
  quadratic or cubic term); a change too large for that (a step unit that flips) is evaluated directly.

The work is cut into pieces fixed when the job is made, so that a driver (a GUI timer) can advance it a
piece at a time and get bit-identical results however it is driven. Networks with layers the fast path
does not know fall back to the book's loop, in pieces too: ``fast_path_problem`` names what it does not
know, and a network whose loss differs from the fast path's own forward pass is never trusted either.

The weight-decay term of the loss (``Network.penalty``: ½λΣW² or λΣ|W| over the weights) depends on each weight
alone, so its central difference is added entry by entry: λw for L2 (exact: the difference of a quadratic),
λ(|w + h| − |w − h|)/2h for L1. Networks with batch normalisation or dropout (``has_train_mode``) are
differentiated in their training pass (``training_loss``, the masks held by ``Network.frozen_noise``) by the
book's loop: two forward passes per parameter, which is fine for the small networks of the window (2-8-8-2 with
batch norm, batch 10: 138 parameters, 276 forward passes of 10 samples, a few milliseconds).

Extending it to a per-column layer between Affine and activation (batch normalisation, dropout): such a
layer maps column j of ``a_l`` to column j of its output. Dropout with a fixed mask is elementwise: multiply
the change of ``z_l[n, j]`` by ``mask[n, j]``. Batch normalisation normalises column j over the batch, so a
perturbation of column j changes that column for every sample: take the entries of a piece as all N samples
of each column, recompute the normalised column with the perturbed values (one (N,) column per
perturbation), subtract the unperturbed one, and continue from that change exactly as from ``Δz`` here.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from nnplay.core.functions import DELTA
from nnplay.core.gradient import H
from nnplay.core.layers import ACTIVATION_LAYERS, Affine, Identity, OutputWithLoss, Relu, Sigmoid, Step, Tanh

METHODS = ("auto", "fast", "loop")

MAX_TEMP_BYTES = 64 * 2**20
"""Bound on the temporaries of one piece (the rows of perturbed activations)."""

PIECE_WORK = 3_000_000
"""Target size of one piece in work units (about one float64 element touched by one numpy pass, ~0.3 ns):
a few milliseconds on a 2-core laptop, so that a GUI frame can fit several pieces."""

_P_MAX = 12
"""Highest power in the moment series of the softmax normaliser; larger changes are evaluated directly."""
_SERIES_TOL = 2.0**-56
_FACT = [math.factorial(p) for p in range(_P_MAX + 2)]
# The largest |Δ·w| for which the series up to _P_MAX is accurate to _SERIES_TOL (with a small margin).
_U_CAP = 0.95 * next(
    u for u in np.linspace(1.0, 0.0, 10001) if u ** (_P_MAX + 1) / _FACT[_P_MAX + 1] * math.exp(2 * u) <= _SERIES_TOL
)

_POINTWISE = tuple(ACTIVATION_LAYERS.values())
"""Activation layers the fast path knows: elementwise functions of the pre-activation."""


def fast_path_problem(network):
    """Why the fast path cannot compute ``network``'s numerical gradient, or None if it can.

    The fast path knows networks of ``Affine`` layers with the book's elementwise activations between them
    and ``OutputWithLoss`` at the end, whose ``params`` are exactly ``W1, b1, …``. Anything else (a layer
    added later, such as batch normalisation or dropout) uses the book's loop instead.
    """
    if getattr(network, "has_train_mode", False):
        return "batch normalisation or dropout (the fast path knows Affine and activation layers only)"
    affines = getattr(network, "affines", None)
    acts = getattr(network, "activations", None)
    if not affines or acts is None or len(acts) != len(affines) - 1:
        return "the network is not a plain stack of Affine and activation layers"
    if any(type(a) is not Affine for a in affines):
        return "a weight layer is not an Affine layer"
    if any(type(a) not in _POINTWISE for a in acts):
        return "an activation layer the fast path does not know"
    if type(getattr(network, "last_layer", None)) is not OutputWithLoss:
        return "the output layer is not OutputWithLoss"
    if getattr(network, "regularization", "l2") not in ("l2", "l1"):
        return "a weight decay the fast path does not know"
    keys = [f"{p}{i + 1}" for i in range(len(affines)) for p in "Wb"]
    if list(network.params) != keys:
        return "parameters other than W1, b1, … (a layer the fast path does not know)"
    for i, a in enumerate(affines):
        if a.W is not network.params[f"W{i + 1}"] or a.b is not network.params[f"b{i + 1}"]:
            return "the Affine layers do not use the network's params"
    return None


def _as_targets(t, n, k):
    """t : (N,) class indices or (N, K) → (N, K) float64, as ``Network`` converts them."""
    t = np.asarray(t)
    if t.ndim == 2 and t.shape == (n, k):
        return np.array(t, dtype=np.float64)  # a copy, as x
    t = t.reshape(-1).astype(np.intp)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), t] = 1.0
    return onehot


class _Piece:
    """One unit of work: the parameters ``[i0:i1, j0:j1]`` of one layer's W augmented with b as row fan_in
    (``rows`` = (i0, i1), ``cols`` = (j0, j1)); for the loop, ``layer`` is a params key and ``rows`` a flat
    (start, stop)."""

    __slots__ = ("cols", "entries", "layer", "rows", "work")

    def __init__(self, layer, rows, cols, entries, work):
        self.layer, self.rows, self.cols, self.entries, self.work = layer, rows, cols, entries, work


class NumericalGradient:
    """The numerical gradient of ``network.loss(x, t)`` with respect to every parameter, as a job.

    ``advance()`` computes it all; ``advance(max_entries)`` computes at least one more piece and stops once
    it has done ``max_entries`` parameters in this call, so a driver can spread it over several frames.
    The result is bit-identical however the job is advanced. Do not change the network's parameters while
    a job is unfinished (the fast path works on a copy made at the start; the loop perturbs the live ones).

    Parameters
    ----------
    network : Network
    x : (N, D) array_like
    t : (N,) class indices or (N, K) array_like
        Targets, as ``Network.loss`` takes them.
    h : float
        Step of the central difference (the book's 1e-4).
    method : {"auto", "fast", "loop"}
        ``"loop"`` is the book's one-at-a-time loop; ``"fast"`` raises ``ValueError`` if the network has
        layers the fast path does not know; ``"auto"`` uses the fast path when it can.

    Attributes
    ----------
    grads : dict of ndarray
        ``W1, b1, …`` with the shapes of ``network.params``; complete once ``finished``.
    loss : float
        L at the unperturbed parameters (equal to ``network.loss(x, t)``).
    total : int
        Number of parameters (entries of ``grads``).
    done : int
        Entries computed so far.
    method : {"fast", "loop", "nonfinite"}
        What computes it. ``"nonfinite"``: the loss itself is not finite, so every entry is NaN (the
        book's loop would give NaN or inf − inf too) and nothing is left to do.
    fallback_reason : str or None
        Why ``"auto"`` fell back to the loop.
    """

    def __init__(self, network, x, t, h=H, method="auto"):
        if method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}, not {method!r}")
        self.h = float(h)
        x = np.array(x, dtype=np.float64)  # a copy: the job may outlive the caller's batch (pieces over frames)
        if x.ndim != 2:
            raise ValueError(f"x must be a (N, D) batch, not of shape {x.shape}")
        self._net = network
        self._x = x
        k = network.params[f"W{len(network.affines)}"].shape[1]
        self._t = _as_targets(t, len(x), k)
        self.grads = {key: np.zeros_like(p) for key, p in network.params.items()}
        self.total = sum(p.size for p in network.params.values())
        self.done = 0
        self.fallback_reason = None
        problem = fast_path_problem(network) if method != "loop" else "the loop was asked for"
        if problem is not None and method == "fast":
            raise ValueError(f"the fast numerical gradient cannot handle this network: {problem}")
        self._fast = None
        # (a network with batch normalisation or dropout: its training pass, the masks held by the caller)
        self._loss_fn = network.training_loss if getattr(network, "has_train_mode", False) else network.loss
        self.loss = float(self._loss_fn(x, self._t))
        self.method = "loop"
        if not math.isfinite(self.loss):
            for g in self.grads.values():
                g.fill(np.nan)
            self.method = "nonfinite"
            self._pieces = []
            self.done = self.total
        else:
            if problem is None:
                fast = _FastPath(network, x, self._t, self.h)
                lam = float(getattr(network, "weight_decay_lambda", 0.0) or 0.0)
                if lam:
                    fast.set_decay(lam, network.regularization)
                if (fast.loss + network.penalty() if lam else fast.loss) == self.loss:
                    self._fast = fast
                    self.method = "fast"
                else:  # the network computes something the fast path does not model: never guess
                    problem = "the network's loss differs from a plain forward pass"
                    if method == "fast":
                        raise ValueError(f"the fast numerical gradient cannot handle this network: {problem}")
            if self._fast is not None:
                self._pieces = self._fast.plan()
            else:
                self.fallback_reason = problem if method == "auto" else None
                self._pieces = self._loop_plan()
        self._next = 0
        self.work_total = float(sum(p.work for p in self._pieces))
        self.work_done = 0.0

    # -- progress ------------------------------------------------------------------------------------------
    @property
    def finished(self):
        return self._next >= len(self._pieces)

    @property
    def progress(self):
        """Fraction of the estimated work done, in [0, 1] (entries differ in cost: use this for a bar)."""
        return 1.0 if self.finished or self.work_total <= 0 else self.work_done / self.work_total

    @property
    def pieces(self):
        """(pieces done, pieces in all): ``advance(1)`` computes exactly one piece."""
        return self._next, len(self._pieces)

    def advance(self, max_entries=None):
        """Compute pieces until ``max_entries`` entries are done in this call (at least one piece; all of
        them when None). Returns True once the whole gradient is computed."""
        budget = math.inf if max_entries is None else max(int(max_entries), 1)
        did = 0
        while self._next < len(self._pieces) and did < budget:
            piece = self._pieces[self._next]
            if self._fast is not None:
                self._fast.run(piece, self.grads)
            else:
                self._run_loop(piece)
            self._next += 1
            self.done += piece.entries
            self.work_done += piece.work
            did += piece.entries
        return self.finished

    def run(self):
        """Finish the job and return ``grads``."""
        self.advance()
        return self.grads

    # -- the book's loop, in pieces ------------------------------------------------------------------------
    def _loop_plan(self):
        net, n = self._net, len(self._x)
        forward = _loop_forward_work(net, n)
        per_piece = max(1, int(PIECE_WORK // max(2 * forward, 1)))
        pieces = []
        for key, p in net.params.items():
            for start in range(0, p.size, per_piece):
                stop = min(start + per_piece, p.size)
                pieces.append(_Piece(key, (start, stop), None, stop - start, 2.0 * forward * (stop - start)))
        return pieces

    def _run_loop(self, piece):
        """The body of ``gradient.numerical_gradient`` for the flat entries ``piece.rows`` = (start, stop)."""
        net, x, t, h = self._net, self._x, self._t, self.h
        loss = self._loss_fn
        p = net.params[piece.layer]
        flat = p.reshape(-1)
        if not np.shares_memory(flat, p):
            raise ValueError("numerical_gradient needs C-contiguous parameters (it perturbs them in place)")
        g = self.grads[piece.layer].reshape(-1)
        for i in range(*piece.rows):
            old = flat[i]
            try:
                flat[i] = old + h
                fxh1 = loss(x, t)
                flat[i] = old - h
                fxh2 = loss(x, t)
            finally:
                flat[i] = old
            g[i] = (fxh1 - fxh2) / (2 * h)

    def __repr__(self):
        return (
            f"NumericalGradient({self.method}, {self.done}/{self.total} entries, "
            f"pieces {self._next}/{len(self._pieces)})"
        )


class _FastPath:
    """The unperturbed forward pass of a plain network, and the loss changes of perturbed ones."""

    def __init__(self, network, x, t, h):
        self.h = h
        self.decay = 0.0
        self.regularization = "l2"
        self._bufs = {}
        self.L = L = len(network.affines)
        # Snapshots: W and b of every layer, and the weights augmented with the bias as the last input row.
        self.W = [a.W.copy() for a in network.affines]
        self.Wa = [np.vstack([a.W, a.b[None, :]]) for a in network.affines]
        self.acts = [type(a)() for a in network.activations]
        out = network.last_layer
        self.output, self.loss_name = out.output, out.loss_name
        self.N, self.K = len(x), self.W[-1].shape[1]
        self.t = t

        # The forward pass exactly as Network.scores does it (same operations, same bits).
        zs, pre = [x], []
        for i in range(L):
            a = zs[-1] @ self.W[i]
            a += network.affines[i].b
            pre.append(a)
            if i < L - 1:
                zs.append(self.acts[i].forward(a))
        self.zs, self.pre = zs, pre
        s = pre[-1]
        self.loss = float(OutputWithLoss(self.output, self.loss_name).forward(s, t))

        onehot = bool(np.all((t == 0.0) | (t == 1.0)) and np.all(t.sum(axis=1) == 1.0))
        self.target = np.argmax(t, axis=1) if onehot else None
        self.ce1 = self.output == "softmax" and self.loss_name == "cross_entropy" and onehot
        self.id_sse = self.output == "identity"
        if self.output == "softmax":
            self.s_max = s.max(axis=1)
            e = s - self.s_max[:, None]
            np.exp(e, out=e)
            self.e = e
            self._ones_k = np.ones(self.K)
            self.Z = e.sum(axis=1)
            self.y = e / self.Z[:, None]
            if self.target is not None:
                self.yd_t = self.y[np.arange(self.N), self.target] + DELTA
            if self.ce1:
                self.e_t = e[np.arange(self.N), self.target]
                self._moments = []  # M_p / p! with M_p = e·(W_L^p)ᵀ, (N, units), computed when first needed
                if L > 1:
                    WL = self.W[-1]
                    self.wmax = np.abs(WL).max(axis=1)
                    self.WL_t = np.ascontiguousarray(WL[:, self.target].T)  # (N, units): W_L[j, t_n]
        else:
            self.r = s - t
            if L > 1:
                WL = self.W[-1]
                self.rW = self.r @ WL.T  # (N, units): r_n · W_L[j, :]
                self.wsq = np.einsum("jk,jk->j", WL, WL)

        # Non-zero inputs of every layer, with the bias as an extra input (index fan_in) that is always 1.
        self.nz = []
        for i in range(L):
            z = zs[i]
            ii, nn = np.nonzero(z.T)  # sorted by input i, then sample n
            vals = np.concatenate([z[nn, ii], np.ones(self.N)])
            fan_in = z.shape[1]
            ii = np.concatenate([ii, np.full(self.N, fan_in)])
            nn = np.concatenate([nn, np.arange(self.N)])
            starts = np.searchsorted(ii, np.arange(fan_in + 2))
            self.nz.append((ii, nn, vals, starts))

    # -- planning ------------------------------------------------------------------------------------------
    def _cost(self, layer):
        """(work units, temporary float64s) per (sample, parameter) pair of ``layer``, both signs."""
        L, K = self.L, self.K
        if layer == L - 1:
            per = 20.0 if (self.ce1 or self.id_sse) else 12.0 * K
            return per, (2.0 if (self.ce1 or self.id_sse) else 3.0 * K)
        if layer == L - 2:
            per = 2 * (30.0 + (0.0 if (self.ce1 or self.id_sse) else 12.0 * K))
            return per, (16.0 if (self.ce1 or self.id_sse) else 4.0 * K)
        # Rows through the later layers: elementwise passes and a matrix product per layer, counted once for
        # both signs because the products run at several flops per unit (measured: ~0.15-0.3 ns per unit).
        widths = [w.shape[1] for w in self.W[layer + 1 :]]
        per = 20.0 + sum(8.0 * u + u * v for u, v in itertools.pairwise(widths)) + 12.0 * K + 8.0 * widths[0]
        return per, 6.0 * sum(widths)

    def estimated_work(self):
        """Σ over layers of (sample, parameter) pairs × their cost: the work of ``plan()``'s pieces."""
        return float(sum(self._cost(i)[0] * len(self.nz[i][0]) * self.Wa[i].shape[1] for i in range(self.L)) + self.L)

    def plan(self):
        pieces = []
        for layer in range(self.L):
            starts = self.nz[layer][3]
            fan_in1, units = self.Wa[layer].shape
            per, temp = self._cost(layer)
            cap_pairs = max(1.0, min(PIECE_WORK / per, MAX_TEMP_BYTES / (8.0 * temp)))
            counts = np.diff(starts)[:fan_in1]
            i0 = 0
            while i0 < fan_in1:
                if counts[i0] * units > cap_pairs:  # one input row is too much: split its columns
                    step = max(1, int(cap_pairs // max(counts[i0], 1)))
                    for j0 in range(0, units, step):
                        j1 = min(units, j0 + step)
                        pieces.append(_Piece(layer, (i0, i0 + 1), (j0, j1), j1 - j0, per * counts[i0] * (j1 - j0)))
                    i0 += 1
                    continue
                i1, pairs = i0, 0
                # Rows of zero inputs cost nothing; a piece also holds at most 4096 rows (bounded bookkeeping).
                while i1 < fan_in1 and i1 - i0 < 4096 and (pairs + counts[i1]) * units <= cap_pairs:
                    pairs += counts[i1]
                    i1 += 1
                pieces.append(_Piece(layer, (i0, i1), (0, units), (i1 - i0) * units, per * pairs * units + 1.0))
                i0 = i1
        return pieces

    # -- work arrays -------------------------------------------------------------------------------------
    def _buf(self, name, shape):
        """A reusable work array. Fresh arrays of a few hundred kB would be returned to the operating system
        when freed and page-fault again on every piece, which costs more than the arithmetic on them."""
        size = math.prod(shape)
        b = self._bufs.get(name)
        if b is None or b.size < size:
            b = self._bufs[name] = np.empty(size)
        return b[:size].reshape(shape)

    def _gather(self, A, n_e, j0, j1, name):
        """A[n_e, j0:j1], (E, J), in the work array ``name`` when the columns are all of A's."""
        if j0 == 0 and j1 == A.shape[1]:
            return np.take(A, n_e, axis=0, out=self._buf(name, (len(n_e), j1)), mode="clip")
        return A[n_e, j0:j1]

    def _activate(self, layer, a):
        """h(a) for the activation of hidden ``layer``: in place, with the same operations as the layer's
        ``forward`` (so the same bits), or by that ``forward`` (the identity returns ``a`` itself)."""
        kind = type(self.acts[layer])
        if kind is Sigmoid:
            np.multiply(a, 0.5, out=a)
            np.tanh(a, out=a)
            a += 1.0
            a *= 0.5
            return a
        if kind is Tanh:
            return np.tanh(a, out=a)
        if kind is Relu:
            return np.multiply(a, a > 0, out=a)
        if kind is Step:
            return np.greater(a, 0, out=a)
        return self.acts[layer].forward(a)

    # -- weight decay --------------------------------------------------------------------------------------
    def set_decay(self, lam, regularization):
        """The loss also holds ½λΣW² (``"l2"``) or λΣ|W| (``"l1"``) over every W."""
        self.decay = float(lam)
        self.regularization = regularization

    def _decay_difference(self, w):
        """The central difference of the penalty's term of each weight w: λw (L2; exact for a quadratic) or
        λ(|w + h| − |w − h|)/2h (L1: λ·sign(w) where |w| ≥ h)."""
        if self.regularization == "l2":
            return self.decay * w
        h = self.h
        return self.decay * (np.abs(w + h) - np.abs(w - h)) / (2 * h)

    # -- one piece -------------------------------------------------------------------------------------------
    def run(self, piece, grads):
        layer = piece.layer
        (i0, i1), (j0, j1) = piece.rows, piece.cols
        ii, nn, vals, starts = self.nz[layer]
        fan_in = self.Wa[layer].shape[0] - 1
        if self.decay:  # the penalty's own difference, for every weight of the piece (the bias row has none)
            i1w = min(i1, fan_in)
            if i1w > i0:
                grads[f"W{layer + 1}"][i0:i1w, j0:j1] = self._decay_difference(self.W[layer][i0:i1w, j0:j1])
        e0, e1 = starts[i0], starts[i1]
        if e1 == e0:  # no sample has any of these inputs: the data loss does not move, exactly 0
            return
        n_e, i_e, v_e = nn[e0:e1], ii[e0:e1] - i0, vals[e0:e1]
        w = self.Wa[layer][i0:i1, j0:j1]
        d = []
        for sign, name in ((1.0, "d+"), (-1.0, "d-")):
            dp = (w + sign * self.h) - w  # the perturbation as it is stored, rounding included
            di = np.take(dp, i_e, axis=0, out=self._buf(name, (len(i_e), j1 - j0)), mode="clip")
            di *= v_e[:, None]  # (E, J): change of the pre-activation a_layer[n_e, j]
            d.append(di)
        c = self._loss_change(layer, n_e, j0, j1, *d)
        # Sum the per-sample differences of each input row (entries are sorted by input row).
        seg = starts[i0 : i1 + 1] - e0
        rows = np.flatnonzero(np.diff(seg))
        g = np.add.reduceat(c, seg[rows], axis=0)
        g /= self.N * (2 * self.h)
        rows += i0
        if rows[-1] == fan_in:  # the bias row (always last: every sample has the input 1)
            grads[f"b{layer + 1}"][j0:j1] = g[-1]
            rows, g = rows[:-1], g[:-1]
        if self.decay:
            grads[f"W{layer + 1}"][rows, j0:j1] += g
        else:
            grads[f"W{layer + 1}"][rows, j0:j1] = g

    def _loss_change(self, layer, n_e, j0, j1, d_plus, d_minus):
        """Differences ℓ_n(w + h) − ℓ_n(w − h), (E, J), when a_layer[n_e, j] changes by d±[e, j] (d± are
        work arrays and may be overwritten)."""
        if layer == self.L - 1:
            return self._column_change(n_e, j0, j1, d_plus, d_minus)
        pre = self._gather(self.pre[layer], n_e, j0, j1, "pre")
        z = self._gather(self.zs[layer + 1], n_e, j0, j1, "z")
        dz = []
        for d in (d_plus, d_minus):
            d += pre
            a = self._activate(layer, d)
            a -= z  # change of the activation z[n_e, j]
            dz.append(a)
        if layer == self.L - 2 and (self.ce1 or self.id_sse):
            return self._rank1_change(n_e, j0, j1, *dz)
        return self._rows_from(layer, n_e, j0, dz[0]) - self._rows_from(layer, n_e, j0, dz[1])

    def _rows_from(self, layer, n_e, j0, dz):
        """ℓ_n(perturbed) − ℓ_n, (E, J), for activation changes dz[e, j] of z_layer[n_e, j0 + j], propagated
        as rows through the layers after it (only the non-zero changes)."""
        E, J = dz.shape
        out = np.zeros(E * J)
        flat = dz.reshape(-1)
        nzm = np.flatnonzero(flat)
        if len(nzm):
            e, j = np.divmod(nzm, J)
            n = n_e[e]
            j += j0
            W = self.W[layer + 1]
            da = np.take(W, j, axis=0, out=self._buf("da", (len(j), W.shape[1])), mode="clip")
            da *= flat[nzm, None]  # the change of the next pre-activation: Δz·W[j, :]
            out[nzm] = self._rows_change(n, da) if layer + 1 == self.L - 1 else self._propagate(layer + 1, n, da)
        return out.reshape(E, J)

    def _column_change(self, n_e, j0, j1, d_plus, d_minus):
        """Scores s[n_e, j] change by d±[e, j] (a parameter of the output layer)."""
        if self.id_sse:  # ½(r + d)² − ½r² = d·(r + d/2)
            r = self.r[n_e, j0:j1]
            c = 0.5 * d_plus
            c += r
            c *= d_plus
            c2 = 0.5 * d_minus
            c2 += r
            c2 *= d_minus
            c -= c2
            return c
        if self.ce1 and max(np.max(np.abs(d_plus)), np.max(np.abs(d_minus))) <= 30.0:
            # Only the score j moves: Z' = Z + e_j·(e^d − 1), and y_t' = e_t·e^{d·[t = j]} / Z'.
            e_j = self.e[n_e, j0:j1]
            is_t = self.target[n_e, None] == np.arange(j0, j1)
            yd = []
            for d in (d_plus, d_minus):
                Z = np.expm1(d)
                Z *= e_j
                Z += self.Z[n_e, None]
                num = np.where(is_t, np.exp(d), 1.0)
                num *= self.e_t[n_e, None]
                num /= Z
                num += DELTA
                yd.append(num)
            return self._log_ratio(*yd)
        E, J = d_plus.shape
        c = np.zeros((E, J))
        cols = np.arange(J)
        for sign, d in ((1.0, d_plus), (-1.0, d_minus)):
            ds = np.zeros((E, J, self.K))
            ds[:, cols, cols + j0] = d
            c += sign * self._rows_change(np.repeat(n_e, J), ds.reshape(E * J, self.K)).reshape(E, J)
        return c

    @staticmethod
    def _log_ratio(yd_plus, yd_minus):
        """−log(y⁺ + δ) + log(y⁻ + δ) = log((y⁻ + δ)/(y⁺ + δ)): the cross-entropy difference (in place)."""
        yd_minus /= yd_plus
        return np.log(yd_minus, out=yd_minus)

    def _moment(self, p):
        """M_p / p! = e·(W_L^p)ᵀ / p!, (N, units)."""
        while len(self._moments) <= p:
            k = len(self._moments)
            m = self.e @ (self.W[-1] ** k).T
            if k > 1:
                m /= _FACT[k]
            self._moments.append(m)
        return self._moments[p]

    def _rank1_change(self, n_e, j0, j1, dz_plus, dz_minus):
        """Scores s[n] change by dz±[e, j]·W_L[j, :]: a unit of the last hidden layer changed. (E, J)."""
        if self.id_sse:  # ½‖r + Δw‖² − ½‖r‖² = Δ·(r·w + Δ‖w‖²/2), exactly
            rW, wsq = self.rW[n_e, j0:j1], self.wsq[j0:j1]
            c = []
            for dz in (dz_plus, dz_minus):
                ci = 0.5 * wsq * dz
                ci += rW
                ci *= dz
                c.append(ci)
            c[0] -= c[1]
            return c[0]
        wmax = self.wmax[j0:j1]
        u = self._buf("u", dz_plus.shape)
        umax = max(float((np.abs(dz, out=u).max(axis=0) * wmax).max()) for dz in (dz_plus, dz_minus))
        big = None
        if umax > _U_CAP:  # too large for the series (a step unit flipped): evaluate those directly
            big = (np.abs(dz_plus) * wmax > _U_CAP) | (np.abs(dz_minus) * wmax > _U_CAP)
            e, j = np.nonzero(big)
            n, W = n_e[e], self.W[-1][j + j0]
            c_big = self._rows_change(n, dz_plus[e, j, None] * W) - self._rows_change(n, dz_minus[e, j, None] * W)
            dz_plus, dz_minus = np.where(big, 0.0, dz_plus), np.where(big, 0.0, dz_minus)
            umax = max(float((np.abs(dz, out=u).max(axis=0) * wmax).max()) for dz in (dz_plus, dz_minus))
        P = next(
            (p for p in range(1, _P_MAX + 1) if umax ** (p + 1) / _FACT[p + 1] * math.exp(2 * umax) <= _SERIES_TOL),
            _P_MAX,
        )
        M = [self._gather(self._moment(p), n_e, j0, j1, f"M{p}") for p in range(P + 1)]
        w_t = self._gather(self.WL_t, n_e, j0, j1, "w_t")
        e_t = self.e_t[n_e, None]
        yd = []
        Z = u
        for dz, name in ((dz_plus, "y+"), (dz_minus, "y-")):
            # Z(Δ) = Σ_p Δ^p·M_p/p!, by Horner.
            np.multiply(M[P], dz, out=Z)
            for p in range(P - 1, 0, -1):
                Z += M[p]
                Z *= dz
            Z += M[0]
            num = np.multiply(w_t, dz, out=self._buf(name, dz.shape))
            np.exp(num, out=num)
            num *= e_t
            num /= Z
            num += DELTA
            yd.append(num)
        c = self._log_ratio(*yd)
        if big is not None:
            c[e, j] = c_big
        return c

    def _rows(self, A, n, name):
        """A[n], (R, A.shape[1]), in the work array ``name``."""
        return np.take(A, n, axis=0, out=self._buf(name, (len(n), A.shape[1])), mode="clip")

    def _propagate(self, layer, n, da):
        """Rows ``da`` (R, units) change the pre-activation of ``layer`` for samples n: run them to the loss.

        Behind a ReLU or step layer, rows whose activations do not change are dropped on the way: their
        loss change is exactly 0.
        """
        out = np.zeros(len(n))
        idx = None
        for i in range(layer, self.L - 1):
            a = self._rows(self.pre[i], n, f"a{i}")
            a += da
            dz = self._activate(i, a)
            dz -= self._rows(self.zs[i + 1], n, f"z{i}")
            if type(self.acts[i]) not in (Sigmoid, Tanh, Identity):
                live = dz.any(axis=1)
                if not live.all():
                    live = np.flatnonzero(live)
                    if len(live) == 0:
                        return out
                    n, dz = n[live], dz[live]
                    idx = live if idx is None else idx[live]
            W = self.W[i + 1]
            da = np.matmul(dz, W, out=self._buf(f"da{i + 1}", (len(n), W.shape[1])))
        out[slice(None) if idx is None else idx] = self._rows_change(n, da)
        return out

    def _rows_change(self, n, ds):
        """ℓ_n(s_n + ds) − ℓ_n for rows ds (R, K) of score changes: (R,)."""
        if self.id_sse:  # Σ_k ds·(r + ds/2)
            c = self._rows(self.r, n, "r")
            c += 0.5 * ds
            c *= ds
            return c.sum(axis=1)
        s = self._rows(self.pre[-1], n, "s")
        s += ds
        if np.abs(ds).max() <= 30.0:  # the unperturbed row maximum keeps exp finite (and is cheaper)
            s -= self.s_max[n, None]
        else:
            s -= s.max(axis=1, keepdims=True)
        np.exp(s, out=s)
        Z = s @ self._ones_k  # Σ_k, by BLAS: a reduction along a short axis is slow in numpy
        if self.target is not None and self.loss_name == "cross_entropy":
            num = s[np.arange(len(n)), self.target[n]]
            num /= Z
            num += DELTA
            num /= self.yd_t[n]
            np.log(num, out=num)
            return np.negative(num, out=num)
        s /= Z[:, None]  # y'
        y = self._rows(self.y, n, "y")
        if self.loss_name == "sum_squared_error":  # ½Σ(y' − t)² − ½Σ(y − t)² = ½Σ(y' − y)(y' + y − 2t)
            a = s - y
            s += y
            s -= 2.0 * self._rows(self.t, n, "t")
            s *= a
            return 0.5 * s.sum(axis=1)
        s += DELTA
        y += DELTA
        s /= y
        np.log(s, out=s)
        s *= self._rows(self.t, n, "t")
        return -s.sum(axis=1)


def estimated_work(network, x, t):
    """Estimated cost of ``NumericalGradient(network, x, t)`` in work units, without planning the job.

    One unit is about one float64 element through one numpy pass: 0.15-0.4 ns on a 2-core x86-64 laptop
    (a driver should calibrate it with ``work_done`` and the time its pieces took). Costs one forward pass,
    so that a window can refuse a step that would take hours before it starts one.

    Parameters
    ----------
    network : Network
    x : (N, D) array_like
    t : (N,) class indices or (N, K)

    Returns
    -------
    work : float
    """
    x = np.asarray(x, dtype=np.float64)
    if fast_path_problem(network) is None:
        k = network.params[f"W{len(network.affines)}"].shape[1]
        with np.errstate(all="ignore"):
            return _FastPath(network, x, _as_targets(t, len(x), k), H).estimated_work()
    size = sum(p.size for p in network.params.values())
    return 2.0 * size * _loop_forward_work(network, len(x))


LOOP_CALL_WORK = 30_000
"""Work units of the Python around one layer of one loss evaluation (~10 µs): for the small networks the book's loop
is used on (batch norm, dropout), this costs more than the arithmetic."""


def _loop_forward_work(network, n):
    """Work of one loss evaluation of the loop: ≈ multiply-adds of a forward pass of n samples, plus the calls."""
    layers = len(getattr(network, "affines", ())) or 1
    return n * sum(p.size for p in network.params.values()) + LOOP_CALL_WORK * layers


def numerical_gradient(network, x, t, h=H, method="auto"):
    """Numerical gradient of ``network.loss(x, t)``: the book's central difference, fast.

    Parameters
    ----------
    network : Network
    x : (N, D) array_like
    t : (N,) class indices or (N, K)
    h : float
    method : {"auto", "fast", "loop"}
        See :class:`NumericalGradient`.

    Returns
    -------
    grads : dict
        ``W1, b1, …``, each of the shape of ``network.params[key]``.
    """
    return NumericalGradient(network, x, t, h, method).run()
