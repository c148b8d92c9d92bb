"""nnplay.core.analysis: the gradient check against an independent computation, and the collapse of linear stacks."""

from __future__ import annotations

import numpy as np
import pytest

from nnplay.core.analysis import (
    GOOD_RELATIVE_ERROR,
    GradientCheck,
    affine_scores,
    clone_network,
    collapse_linear,
    gradient_check,
    linear_boundary,
    output_function,
    relative_error,
)
from nnplay.core.config import Config
from nnplay.core.network import Network
from nnplay.core.trainer import Trainer


@pytest.fixture(scope="module")
def sigmoid_trainer():
    tr = Trainer(Config(dataset="circles", hidden=(8, 8), activation="sigmoid"), eval_every=0)
    tr.step(30)  # not at the initial point, where some gradients are special
    return tr


def _batch(tr, n=3):
    return tr.dataset.x_train[:n], tr.dataset.t_train[:n]


# -- gradient check ---------------------------------------------------------------------------------------------


def test_gradient_check_sigmoid_agrees_and_matches_an_independent_computation(sigmoid_trainer):
    net = sigmoid_trainer.network
    x, t = _batch(sigmoid_trainer)
    result = gradient_check(net, x, t)
    assert list(result) == ["W1", "b1", "W2", "b2", "W3", "b3"]

    # Independent: the network's own methods on another copy (the book's gradient_check.py).
    ref = clone_network(net)
    bp = ref.gradient(x, t)
    num = ref.numerical_gradient(x, t, method="loop")
    for key, e in result.items():
        assert e.shape == net.params[key].shape
        assert not e.sampled and e.checked == net.params[key].size
        np.testing.assert_array_equal(e.backprop, bp[key].ravel())
        np.testing.assert_array_equal(e.numerical, num[key].ravel())  # same central difference, same order
        a, b = bp[key].ravel(), num[key].ravel()
        assert e.max_abs_diff == pytest.approx(np.max(np.abs(a - b)), rel=1e-12)
        expected_rel = np.sqrt(np.sum((a - b) ** 2)) / max(np.sqrt(np.sum(a * a)) + np.sqrt(np.sum(b * b)), 1e-12)
        assert e.relative_error == pytest.approx(expected_rel, rel=1e-9)
        assert e.relative_error < GOOD_RELATIVE_ERROR, (key, e.relative_error)
        assert e.max_abs_grad > 0
    assert result.max_relative_error < 1e-6
    assert result.n_params == result.n_checked == net.flat_params.size


def test_backprop_is_faster_than_the_numerical_gradient(sigmoid_trainer):
    x, t = _batch(sigmoid_trainer)
    result = gradient_check(sigmoid_trainer.network, x, t)
    assert result.backprop_seconds > 0
    assert result.numerical_seconds > result.backprop_seconds
    assert result.numerical_seconds_full == result.numerical_seconds  # nothing sampled
    assert result.speedup > 1


def test_gradient_check_leaves_the_network_alone(sigmoid_trainer):
    net = sigmoid_trainer.network
    x, t = _batch(sigmoid_trainer)
    net.gradient(x, t)
    params, grads = net.flat_params.copy(), net.flat_grads.copy()
    gradient_check(net, x, t, max_entries=20)
    np.testing.assert_array_equal(net.flat_params, params)
    np.testing.assert_array_equal(net.flat_grads, grads)


def test_sampled_check_is_labelled_and_extrapolates():
    tr = Trainer(Config(dataset="digits", hidden=(30,), activation="relu"), eval_every=0)
    x, t = _batch(tr)
    result = gradient_check(tr.network, x, t, max_entries=50, seed=1)
    w1 = result["W1"]
    assert w1.sampled and w1.checked == 50 and w1.size == 64 * 30
    assert len(np.unique(w1.indices)) == 50
    assert not result["b2"].sampled  # 10 entries: all of them
    assert result.sampled and result.n_checked == 50 + 30 + 50 + 10
    assert result.numerical_seconds_full == pytest.approx(result.numerical_seconds * result.n_params / result.n_checked)
    # The sampled entries are exactly those of the full numerical gradient.
    num = clone_network(tr.network).numerical_gradient(x, t, method="loop")["W1"].ravel()
    np.testing.assert_array_equal(w1.numerical, num[w1.indices])


def test_chunked_check_equals_one_shot(sigmoid_trainer):
    x, t = _batch(sigmoid_trainer)
    check = GradientCheck(sigmoid_trainer.network, x, t)
    calls = 0
    while not check.advance(max_entries=7):
        calls += 1
        assert 0 < check.progress < 1
        assert len(check.result()) <= 6
    assert calls >= check.total // 7 - 1
    assert check.done and check.progress == 1.0
    one = gradient_check(sigmoid_trainer.network, x, t)
    for key, e in check.result().items():
        np.testing.assert_array_equal(e.numerical, one[key].numerical)


def test_gradient_check_accepts_one_hot_and_rejects_bad_shapes(sigmoid_trainer):
    x, t = _batch(sigmoid_trainer)
    a = gradient_check(sigmoid_trainer.network, x, np.eye(2)[t])
    b = gradient_check(sigmoid_trainer.network, x, t)
    np.testing.assert_array_equal(a["W1"].numerical, b["W1"].numerical)
    with pytest.raises(ValueError, match="x must be"):
        GradientCheck(sigmoid_trainer.network, np.zeros((3, 5)), t)
    with pytest.raises(ValueError):
        GradientCheck(sigmoid_trainer.network, x[:0], t[:0])


def test_relative_error_is_scale_free_and_zero_for_zeros():
    a = np.array([1.0, 2.0, 3.0])
    assert relative_error(a, a) == 0.0
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert relative_error(a, a * (1 + 1e-8)) == pytest.approx(relative_error(1e-6 * a, 1e-6 * a * (1 + 1e-8)))
    assert relative_error(a, -a) == pytest.approx(1.0)


def test_clone_is_independent():
    net = Network([2, 3, 2], seed=4)
    twin = clone_network(net)
    np.testing.assert_array_equal(twin.flat_params, net.flat_params)
    twin.params["W1"][0, 0] += 1.0
    assert twin.flat_params[0] == net.flat_params[0] + 1.0  # params still live in flat_params
    assert net.params["W1"][0, 0] != twin.params["W1"][0, 0]


# -- linear collapse ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("hidden", [(), (5,), (4, 3), (8, 8), (6, 7, 5, 9, 4)])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_collapse_equals_the_stack(hidden, seed):
    rng = np.random.default_rng(seed)
    d, k = 2 + seed, 2 + (seed + 1) % 3
    net = Network([d, *hidden, k], activation="identity", seed=seed)
    for p in net.params.values():  # random biases too, not only the initial zeros
        p[...] = rng.normal(0, 0.8, p.shape)
    x = rng.normal(0, 2, (50, d))
    W, b = collapse_linear(net)
    assert W.shape == (d, k) and b.shape == (k,)
    stack = net.scores(x)
    scale = max(1.0, float(np.abs(stack).max()))
    np.testing.assert_allclose(affine_scores(W, b, x), stack, rtol=0, atol=1e-12 * scale)
    np.testing.assert_allclose(output_function(affine_scores(W, b, x)), net.predict(x), rtol=0, atol=1e-12)


def test_collapse_formula_by_hand():
    net = Network([2, 3, 4, 2], activation="identity", seed=3)
    p = {k: np.random.default_rng(9).normal(size=v.shape) for k, v in net.params.items()}
    for k, v in p.items():
        net.params[k][...] = v
    W, b = collapse_linear(net)
    np.testing.assert_allclose(W, p["W1"] @ p["W2"] @ p["W3"], atol=1e-14)
    np.testing.assert_allclose(b, (p["b1"] @ p["W2"] + p["b2"]) @ p["W3"] + p["b3"], atol=1e-14)


def test_collapse_refuses_a_nonlinear_network():
    with pytest.raises(ValueError, match="identity"):
        collapse_linear(Network([2, 4, 2], activation="relu"))
    W, _ = collapse_linear(Network([2, 2], activation="relu"))  # no hidden layer: one affine map already
    assert W.shape == (2, 2)


def test_collapse_survives_training_and_boundary_is_a_line():
    tr = Trainer(Config(dataset="xor", hidden=(8, 8), activation="identity"), eval_every=0)
    tr.step(500)
    W, b = collapse_linear(tr.network)
    w, w0 = linear_boundary(W, b)
    g = np.linspace(-1.5, 1.5, 121)
    pts = np.array(np.meshgrid(g, g)).reshape(2, -1).T
    side = pts @ w + w0
    cls = tr.network.scores(pts).argmax(axis=1)
    clear = np.abs(side) > 1e-9
    np.testing.assert_array_equal(cls[clear], np.where(side[clear] > 0, 0, 1))
    acc = tr.network.accuracy(tr.dataset.x_train, tr.dataset.t_train)
    assert 0.3 < acc < 0.8  # XOR is never solved by a line


def test_linear_boundary_needs_two_inputs():
    with pytest.raises(ValueError, match="2-D"):
        linear_boundary(np.zeros((3, 2)), np.zeros(2))


def test_collapse_evidence_in_chunks_is_the_same_as_at_once():
    from nnplay.core.analysis import collapse_evidence, forward_work

    net = Network([2, 5, 4, 3], activation="identity", output="softmax", loss="cross_entropy", init="xavier", seed=2)
    assert forward_work(net) == 2 * 5 + 5 * 4 + 4 * 3
    rng = np.random.default_rng(0)
    x, grid = rng.normal(size=(50, 2)), rng.normal(size=(30, 2))
    t = rng.integers(0, 3, size=40)  # (labels of the first 40 rows)

    def run(rows):
        job, chunks = collapse_evidence(net, x, t, grid, rows), 0
        while True:
            try:
                next(job)
                chunks += 1
            except StopIteration as done:
                return done.value, chunks

    small, chunks = run(7)
    whole, one = run(1000)
    assert chunks == 8 + 5 and one == 2
    for key in ("W", "b", "grid"):
        np.testing.assert_array_equal(small[key], whole[key])
    assert small["d_scores"] < 1e-12 and small["d_out"] < 1e-12
    assert small["accuracy"] == net.accuracy(x[:40], t)
    np.testing.assert_array_equal(small["grid"], net.scores(grid).argmax(axis=1))
