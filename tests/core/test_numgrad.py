"""Tests for nnplay.core.numgrad: the fast numerical gradient against the book's one-at-a-time loop (the
reference), against backprop, and against the central difference computed in extended precision; the job
advanced in pieces; the fallback to the loop."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnplay.core.gradient import H
from nnplay.core.gradient import numerical_gradient as loop_gradient
from nnplay.core.layers import Sigmoid
from nnplay.core.network import ACTIVATION_NAMES, Network
from nnplay.core.numgrad import NumericalGradient, estimated_work, fast_path_problem, numerical_gradient

OUTPUT_LOSS = [("softmax", "cross_entropy"), ("softmax", "sum_squared_error"), ("identity", "sum_squared_error")]
DEPTHS = {0: (), 1: (6,), 2: (6, 5), 3: (5, 6, 4)}
EPS = np.finfo(np.float64).eps


def loop_tolerance(loss):
    """atol for comparing with the book's loop.

    The loop evaluates L(w + h) and L(w − h) separately, each rounded to about eps·L (a sum of N per-sample
    losses, each a log of a softmax), and divides their difference by 2h: its own result carries an error of
    a few eps·L/(2h) (~2.5e-12 for L ≈ 2.3), which is pure rounding noise. Entries smaller than about
    1e6·eps·L/(2h) cannot be compared at rtol 1e-6 for that reason alone. The fast path's differences of
    per-sample losses are more accurate than that; we measured |fast − loop| ≤ 1.7·eps·L/(2h) over all
    39,760 entries of TwoLayerNet(784, 50, 10) on MNIST, so 8·eps·max(L, 1)/(2h) leaves a margin (max(L, 1):
    the per-sample terms are O(1) even when the mean loss is small).
    """
    return 8 * EPS * max(abs(loss), 1.0) / (2 * H)


def reference(net, x, t):
    """The book's loop: ``gradient.numerical_gradient`` over ``Network.loss``, one parameter at a time."""
    t1 = net._onehot(t, len(x)) if np.asarray(t).ndim == 1 else t
    return {k: loop_gradient(lambda _, t1=t1: net.loss(x, t1), p) for k, p in net.params.items()}


def assert_matches_loop(net, x, t, fast):
    ref = reference(net, x, t)
    atol = loop_tolerance(net.loss(x, t))
    for key in net.params:
        np.testing.assert_allclose(fast[key], ref[key], rtol=1e-6, atol=atol, err_msg=key)
    return ref


def make_net(activation, hidden, output="softmax", loss="cross_entropy", d=7, k=4, seed=3, init="xavier"):
    net = Network((d, *hidden, k), activation, output, loss, init=init, seed=seed)
    rng = np.random.default_rng(seed)
    for key, p in net.params.items():
        if key.startswith("b"):  # small non-zero biases: no ReLU/step pre-activation exactly on its kink
            p[...] = rng.normal(0, 0.1, p.shape)
    return net


def make_batch(rng, n=9, d=7, k=4, sparse=False, output="softmax"):
    x = rng.normal(size=(n, d))
    if sparse:  # like MNIST: most inputs exactly 0, including a whole column
        x[rng.random(x.shape) < 0.75] = 0.0
        x[:, 2] = 0.0
    t = rng.integers(0, k, n) if output == "softmax" else rng.normal(size=(n, k))
    return x, t


# -- against the book's loop ------------------------------------------------------------------------


@pytest.mark.parametrize("sparse", [False, True], ids=["dense", "sparse"])
@pytest.mark.parametrize("depth", list(DEPTHS))
@pytest.mark.parametrize(("output", "loss"), OUTPUT_LOSS)
@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_fast_matches_the_books_loop(activation, output, loss, depth, sparse):
    rng = np.random.default_rng([depth, ACTIVATION_NAMES.index(activation), OUTPUT_LOSS.index((output, loss))])
    net = make_net(activation, DEPTHS[depth], output, loss)
    x, t = make_batch(rng, sparse=sparse, output=output)
    job = NumericalGradient(net, x, t, method="fast")
    fast = job.run()
    assert job.method == "fast" and job.done == job.total == sum(p.size for p in net.params.values())
    ref = assert_matches_loop(net, x, t, fast)
    last = f"W{depth + 1}"
    assert np.max(np.abs(ref[last])) > 1e-3  # not a vacuous comparison
    if sparse:  # input 2 is 0 for every sample: W1[2, :] cannot move the loss, in the loop or here
        assert np.all(ref["W1"][2] == 0) and np.all(fast["W1"][2] == 0)


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_batch_of_one(activation):
    rng = np.random.default_rng(11)
    net = make_net(activation, (6, 5))
    x, t = make_batch(rng, n=1)
    assert_matches_loop(net, x, t, numerical_gradient(net, x, t, method="fast"))


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_zero_init(activation):
    """All pre-activations are exactly 0: a step unit flips for w + h and not for w − h (a change too large
    for the moment series), a ReLU sits on its kink; the loop and the fast path see the same."""
    rng = np.random.default_rng(12)
    net = Network((5, 4, 3, 3), activation, init="zero", seed=0)
    x, t = make_batch(rng, n=6, d=5, k=3, sparse=True)
    assert_matches_loop(net, x, t, numerical_gradient(net, x, t, method="fast"))


@pytest.mark.parametrize("depth", [1, 2])
@pytest.mark.parametrize("activation", ["step", "identity", "tanh"])
def test_large_changes_are_evaluated_directly(activation, depth):
    """Inputs of 1e3 make Δ·w too large for the series of the softmax normaliser (and pre-activations of
    the step function sit close enough to 0 to flip); those entries go the direct way."""
    rng = np.random.default_rng(13)
    net = make_net(activation, DEPTHS[depth], init=0.3)
    x, t = make_batch(rng, n=8)
    x *= 1e3
    if activation == "step":
        x = rng.normal(size=x.shape) * 1e-2
        for key, p in net.params.items():
            if key.startswith("b"):
                p[...] = rng.normal(0, 1e-7, p.shape)
    assert_matches_loop(net, x, t, numerical_gradient(net, x, t, method="fast"))


@pytest.mark.parametrize(("output", "loss"), OUTPUT_LOSS)
def test_step_units_flipping_behind_large_weights(output, loss):
    """W1 = 0 puts every first-layer unit on the step's edge: w + h flips it (for a positive input), and the
    flip moves the scores by more than 30 through weights of std 60 (the softmax is then shifted by the new
    row maximum, not the old one)."""
    rng = np.random.default_rng(30)
    net = Network((7, 6, 5, 4), "step", output, loss, init=60.0, seed=2)
    net.params["W1"][...] = 0.0
    x, t = make_batch(rng, n=8, output=output)
    assert_matches_loop(net, x, t, numerical_gradient(net, x, t, method="fast"))


def test_soft_targets_for_cross_entropy():
    rng = np.random.default_rng(14)
    net = make_net("tanh", (6, 5))
    x, _ = make_batch(rng)
    t = rng.dirichlet(np.ones(4), size=len(x))
    assert_matches_loop(net, x, t, numerical_gradient(net, x, t, method="fast"))


def test_mnist_sized_two_layer_net_on_sampled_entries():
    """TwoLayerNet(784, 50, 10), sigmoid, batch 100 of MNIST-like inputs (uint8 / 255, ~80 % zeros): every
    b and W2 entry and 400 entries of W1 against the loop."""
    rng = np.random.default_rng(15)
    x = rng.integers(1, 256, size=(100, 784)) / 255.0
    x[rng.random(x.shape) < 0.8] = 0.0
    t = rng.integers(0, 10, 100)
    t1 = np.eye(10)[t]
    net = Network((784, 50, 10), "sigmoid", init=0.01, seed=0)
    job = NumericalGradient(net, x, t)
    fast = job.run()
    assert job.method == "fast"
    f = lambda _: net.loss(x, t1)  # noqa: E731
    atol = loop_tolerance(net.loss(x, t1))
    for key in ("b1", "W2", "b2"):
        np.testing.assert_allclose(fast[key], loop_gradient(f, net.params[key]), rtol=1e-6, atol=atol, err_msg=key)
    W1 = net.params["W1"].reshape(-1)
    for i in rng.choice(W1.size, 400, replace=False):
        old = W1[i]
        W1[i] = old + H
        up = net.loss(x, t1)
        W1[i] = old - H
        down = net.loss(x, t1)
        W1[i] = old
        np.testing.assert_allclose(fast["W1"].reshape(-1)[i], (up - down) / (2 * H), rtol=1e-6, atol=atol)


# -- independent checks: backprop and extended precision ------------------------------------------------


@pytest.mark.parametrize(("output", "loss"), OUTPUT_LOSS)
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "identity"])
def test_fast_matches_backprop(activation, output, loss):
    """Backprop is exact (δ included); the central difference differs from it by O(h²) only."""
    rng = np.random.default_rng(16)
    net = make_net(activation, (6, 5), output, loss)
    x, t = make_batch(rng, output=output)
    fast = numerical_gradient(net, x, t, method="fast")
    exact = net.gradient(x, t)
    for key in net.params:
        np.testing.assert_allclose(fast[key], exact[key], rtol=1e-6, atol=1e-9, err_msg=key)


def _extended_loss(net, x, t1):
    """The loss of ``net`` computed in long double (the same functions, ~3 more decimal digits)."""
    ld = np.longdouble
    z = x.astype(ld)
    n_layers = net.n_layers
    for i in range(n_layers):
        a = z @ net.params[f"W{i + 1}"].astype(ld) + net.params[f"b{i + 1}"].astype(ld)
        z = 1 / (1 + np.exp(-a)) if i < n_layers - 1 else a
    y = np.exp(z - z.max(axis=1, keepdims=True))
    y /= y.sum(axis=1, keepdims=True)
    return -np.sum(t1 * np.log(y + ld(1e-7))) / len(x)


@pytest.mark.skipif(np.finfo(np.longdouble).eps > 1e-18, reason="long double is not extended precision here")
def test_fast_is_closer_to_the_exact_central_difference_than_the_loop():
    """The exact value of (L(w + h) − L(w − h)) / 2h, for the parameters as the loop stores them, computed in
    extended precision: the loop is off by its rounding noise, the fast path by much less."""
    rng = np.random.default_rng(17)
    net = make_net("sigmoid", (6, 5))
    x, t = make_batch(rng, sparse=True)
    t1 = np.eye(4)[t]
    fast = numerical_gradient(net, x, t, method="fast")
    loop = reference(net, x, t)
    unit = EPS * net.loss(x, t1) / (2 * H)
    err_fast, err_loop = [], []
    for key, p in net.params.items():
        flat = p.reshape(-1)
        for i in range(flat.size):
            old = flat[i]
            flat[i] = old + H
            up = _extended_loss(net, x, t1)
            flat[i] = old - H
            down = _extended_loss(net, x, t1)
            flat[i] = old
            exact = (up - down) / (2 * np.longdouble(H))
            err_fast.append(abs(float(fast[key].reshape(-1)[i] - exact)))
            err_loop.append(abs(float(loop[key].reshape(-1)[i] - exact)))
    assert max(err_loop) < 8 * unit
    assert max(err_fast) < 0.25 * unit
    assert max(err_fast) < 0.25 * max(err_loop)


# -- the job ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("hidden", [(6,), (6, 5)])
def test_advancing_in_pieces_is_bit_identical(monkeypatch, hidden):
    import nnplay.core.numgrad as numgrad

    monkeypatch.setattr(numgrad, "PIECE_WORK", 2000)  # many small pieces
    rng = np.random.default_rng(18)
    net = make_net("relu", hidden)
    x, t = make_batch(rng, n=20, sparse=True)
    whole = NumericalGradient(net, x, t).run()
    for step in (1, 7, 50):
        job = NumericalGradient(net, x, t)
        calls, last_progress, last_done = 0, 0.0, 0
        while not job.advance(step):
            calls += 1
            assert last_done < job.done < job.total
            assert last_progress <= job.progress < 1.0
            last_done, last_progress = job.done, job.progress
        assert job.done == job.total and job.progress == 1.0 and job.finished
        assert calls >= (5 if step == 1 else 1)  # it really was done in several calls
        for key in whole:
            np.testing.assert_array_equal(job.grads[key], whole[key])
    assert job.advance(5)  # nothing left: finished at once


def test_advance_one_entry_computes_one_piece():
    rng = np.random.default_rng(19)
    net = make_net("tanh", (6,))
    x, t = make_batch(rng)
    job = NumericalGradient(net, x, t)
    done, total = job.pieces
    assert done == 0 and total >= 2
    job.advance(1)
    assert job.pieces == (1, total)


def test_loop_method_is_the_reference_loop_exactly():
    rng = np.random.default_rng(20)
    net = make_net("sigmoid", (6, 5))
    x, t = make_batch(rng)
    job = NumericalGradient(net, x, t, method="loop")
    assert job.method == "loop" and job.fallback_reason is None
    got = job.run()
    for key, ref in reference(net, x, t).items():
        np.testing.assert_array_equal(got[key], ref)


@pytest.mark.parametrize("method", ["fast", "loop"])
def test_parameters_are_left_exactly_as_they_were(method):
    rng = np.random.default_rng(21)
    net = make_net("tanh", (6, 5))
    x, t = make_batch(rng)
    before = net.flat_params.copy()
    NumericalGradient(net, x, t, method=method).run()
    np.testing.assert_array_equal(net.flat_params, before)


def test_loss_is_the_networks_loss():
    rng = np.random.default_rng(22)
    net = make_net("relu", (6, 5))
    x, t = make_batch(rng)
    assert NumericalGradient(net, x, t).loss == net.loss(x, t)


class Swish:
    """An activation the fast path does not know (x·sigmoid(x)): the job must fall back to the loop."""

    def forward(self, x):
        return x * Sigmoid().forward(x)


def test_unknown_layer_falls_back_to_the_loop():
    rng = np.random.default_rng(23)
    net = make_net("sigmoid", (6, 5))
    net.activations[1] = Swish()
    x, t = make_batch(rng)
    assert fast_path_problem(net) is not None
    job = NumericalGradient(net, x, t)
    assert job.method == "loop" and "activation" in job.fallback_reason
    got = job.run()
    for key, ref in reference(net, x, t).items():
        np.testing.assert_array_equal(got[key], ref)
    with pytest.raises(ValueError, match="cannot handle"):
        NumericalGradient(net, x, t, method="fast")


def test_fast_path_problem_names_what_it_does_not_know():
    net = make_net("sigmoid", (6,))
    assert fast_path_problem(net) is None
    other = make_net("sigmoid", (6,))
    other.last_layer = object()
    assert "output layer" in fast_path_problem(other)
    other = make_net("sigmoid", (6,))
    other.affines[1] = Swish()
    assert "Affine" in fast_path_problem(other)
    other = make_net("sigmoid", (6,))
    other.activations.append(Sigmoid())
    assert "plain stack" in fast_path_problem(other)
    other = make_net("sigmoid", (6,))
    other.params["gamma1"] = np.ones(6)
    assert "parameters" in fast_path_problem(other)


def test_a_network_that_computes_something_else_falls_back_to_the_loop():
    """A subclass whose scores differ from a plain forward pass (as a future layer might make them) is caught
    by comparing the losses, not trusted."""

    class Scaled(Network):
        def scores(self, x):
            return 2.0 * super().scores(x)

    rng = np.random.default_rng(24)
    net = Scaled((7, 6, 4), "tanh", seed=1)
    x, t = make_batch(rng)
    job = NumericalGradient(net, x, t)
    assert job.method == "loop" and "differs" in job.fallback_reason
    assert "loop" in repr(job)
    with pytest.raises(ValueError, match="differs"):
        NumericalGradient(net, x, t, method="fast")
    got = job.run()
    for key, ref in reference(net, x, t).items():
        np.testing.assert_array_equal(got[key], ref)


def test_non_finite_loss_gives_nan_at_once():
    net = make_net("sigmoid", (6,))
    net.params["W2"][0, 0] = np.inf
    x, t = make_batch(np.random.default_rng(25))
    with np.errstate(all="ignore"):  # the network's own loss warns about inf − inf
        job = NumericalGradient(net, x, t)
    assert job.method == "nonfinite" and job.finished and job.done == job.total
    assert not math.isfinite(job.loss)
    assert all(np.isnan(g).all() for g in job.grads.values())


def test_bad_arguments():
    net = make_net("sigmoid", (6,))
    x, t = make_batch(np.random.default_rng(26))
    with pytest.raises(ValueError, match="method"):
        NumericalGradient(net, x, t, method="fastest")
    with pytest.raises(ValueError, match=r"\(N, D\)"):
        NumericalGradient(net, x[0], t)


def test_network_numerical_gradient_methods_agree():
    rng = np.random.default_rng(27)
    net = make_net("tanh", (6,))
    x, t = make_batch(rng)
    fast, loop = net.numerical_gradient(x, t), net.numerical_gradient(x, t, method="loop")
    assert set(fast) == set(loop) == set(net.params)
    atol = loop_tolerance(net.loss(x, t))
    for key in net.params:
        np.testing.assert_allclose(fast[key], loop[key], rtol=1e-6, atol=atol)


def test_estimated_work_is_the_jobs_work_without_planning_it():
    rng = np.random.default_rng(28)
    for hidden in [(), (6,), (6, 5)]:
        net = make_net("relu", hidden)
        x, t = make_batch(rng, n=30, sparse=True)
        job = NumericalGradient(net, x, t)
        assert estimated_work(net, x, t) == pytest.approx(job.work_total, rel=0.01)
    bigger = make_net("relu", (60, 50))
    assert estimated_work(bigger, x, t) > 10 * estimated_work(net, x, t)
    net.activations[0] = Swish()  # the loop: two forward passes per parameter
    assert estimated_work(net, x, t) == pytest.approx(NumericalGradient(net, x, t).work_total, rel=0.01)
