"""Tests for nnplay.core.layers and nnplay.core.network: backprop against the numerical gradient,
the forward pass against a hand-written one, initialisation, buffers and traces."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from nnplay.core import functions as F
from nnplay.core.layers import ACTIVATION_LAYERS, Affine, Identity, OutputWithLoss, Relu, Sigmoid, Step, Tanh
from nnplay.core.network import ACTIVATION_NAMES, Network, init_std

OUTPUT_LOSS = [("softmax", "cross_entropy"), ("softmax", "sum_squared_error"), ("identity", "sum_squared_error")]
DEPTHS = {0: (), 1: (5,), 3: (5, 4, 3)}


def rel_error(a, b):
    """max|a − b| / max(max(|a| + |b|), 1e-8): robust when both are (near) zero."""
    return float(np.max(np.abs(a - b)) / max(float(np.max(np.abs(a) + np.abs(b))), 1e-8))


def randomize_biases(net, rng, scale=0.1):
    """Small nonzero biases, so that no ReLU/step pre-activation sits exactly on its kink at 0."""
    for k, p in net.params.items():
        if k.startswith("b"):
            p[...] = rng.normal(0, scale, p.shape)  # in place: params are views of one buffer


def make_batch(rng, n=4, d=3, k=3):
    x = rng.normal(size=(n, d))
    t = rng.integers(0, k, n)
    return x, t


# -- backprop against the numerical gradient --------------------------------------------------------


@pytest.mark.parametrize("depth", list(DEPTHS))
@pytest.mark.parametrize(("output", "loss"), OUTPUT_LOSS)
@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_backprop_matches_numerical_gradient(activation, output, loss, depth):
    rng = np.random.default_rng([depth, ACTIVATION_NAMES.index(activation), OUTPUT_LOSS.index((output, loss))])
    hidden = DEPTHS[depth]
    net = Network((3, *hidden, 3), activation, output, loss, init="xavier", seed=7)
    randomize_biases(net, rng)
    x, t = make_batch(rng)
    if output == "identity":  # real-valued targets for the identity output
        t = rng.normal(size=(4, 3))
    backprop = net.gradient(x, t)
    numeric = net.numerical_gradient(x, t)
    assert set(backprop) == set(numeric) == set(net.params)
    n_layers = len(hidden) + 1
    for key in net.params:
        assert backprop[key].shape == net.params[key].shape
        err = rel_error(backprop[key], numeric[key])
        assert err < 1e-6, f"{key}: relative error {err:.2e}"
        layer = int(key[1:])
        if activation == "step" and layer < n_layers:
            # nothing flows back through a step unit, and (away from the kink) the loss does not move
            assert np.all(backprop[key] == 0), key
            assert np.all(numeric[key] == 0), key
    last = f"W{n_layers}"
    assert np.max(np.abs(backprop[last])) > 1e-3  # the check above was not vacuous


def test_identity_output_accepts_real_valued_targets_of_output_shape():
    rng = np.random.default_rng(3)
    net = Network((3, 4, 2), "tanh", "identity", "sum_squared_error", seed=1)
    x = rng.normal(size=(5, 3))
    t = rng.normal(size=(5, 2))
    y = net.predict(x)
    assert net.loss(x, t) == pytest.approx(0.5 * np.sum((y - t) ** 2) / 5, rel=1e-13)


def test_softmax_cross_entropy_backward_is_books_y_minus_t_over_n():
    rng = np.random.default_rng(4)
    s = rng.normal(size=(6, 4))
    t = np.eye(4)[rng.integers(0, 4, 6)]
    layer = OutputWithLoss("softmax", "cross_entropy")
    loss = layer.forward(s.copy(), t)
    y = F.softmax(s)
    assert loss == pytest.approx(F.cross_entropy_error(y, t), rel=1e-13)
    # the book's (y − t)/N ignores δ = 1e-7; the exact derivative differs by y_k·δ/((y_t + δ)·N) for k ≠ t
    y_t = np.sum(y * t, axis=1, keepdims=True)
    np.testing.assert_allclose(layer.backward(), (y - t) / 6, atol=float(np.max(1e-7 / (6 * y_t))))


def test_identity_sum_squared_error_backward_is_y_minus_t_over_n():
    rng = np.random.default_rng(5)
    s = rng.normal(size=(6, 3))
    t = rng.normal(size=(6, 3))
    layer = OutputWithLoss("identity", "sum_squared_error")
    assert layer.forward(s, t) == pytest.approx(F.sum_squared_error(s, t), rel=1e-13)
    np.testing.assert_allclose(layer.backward(), (s - t) / 6, rtol=1e-15)


@pytest.mark.parametrize(("output", "loss"), OUTPUT_LOSS)
def test_output_with_loss_backward_scales_with_dout(output, loss):
    rng = np.random.default_rng(6)
    s = rng.normal(size=(3, 4))
    t = np.eye(4)[[0, 2, 3]]
    layer = OutputWithLoss(output, loss)
    layer.forward(s, t)
    np.testing.assert_allclose(layer.backward(2.5), 2.5 * layer.backward(1.0), rtol=1e-14)


def test_cross_entropy_with_identity_output_raises():
    with pytest.raises(ValueError, match="softmax"):
        OutputWithLoss("identity", "cross_entropy")
    with pytest.raises(ValueError, match="cross"):
        Network((2, 3, 2), output="identity", loss="cross_entropy")


def test_network_rejects_bad_sizes_and_names():
    with pytest.raises(ValueError, match="sizes"):
        Network((2,))
    with pytest.raises(ValueError, match="sizes"):
        Network((2, 0, 2))
    with pytest.raises(ValueError, match="activation"):
        Network((2, 2), activation="swish")


# -- layers ----------------------------------------------------------------------------------------


def test_affine_forward_and_backward():
    rng = np.random.default_rng(7)
    W, b = rng.normal(size=(3, 2)), rng.normal(size=2)
    x, dout = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    layer = Affine(W, b)
    np.testing.assert_allclose(layer.forward(x), x @ W + b, rtol=1e-14)
    dout_before = dout.copy()
    dx = layer.backward(dout)
    np.testing.assert_allclose(dx, dout @ W.T, rtol=1e-14)
    np.testing.assert_allclose(layer.dW, x.T @ dout, rtol=1e-14)
    np.testing.assert_allclose(layer.db, dout.sum(axis=0), rtol=1e-14)
    np.testing.assert_array_equal(dout, dout_before)


def test_affine_writes_gradients_into_given_buffers():
    rng = np.random.default_rng(8)
    dW, db = np.zeros((3, 2)), np.zeros(2)
    layer = Affine(rng.normal(size=(3, 2)), rng.normal(size=2), dW, db)
    x, dout = rng.normal(size=(4, 3)), rng.normal(size=(4, 2))
    layer.forward(x)
    layer.backward(dout)
    assert layer.dW is dW
    assert layer.db is db
    np.testing.assert_allclose(dW, x.T @ dout, rtol=1e-14)


@pytest.mark.parametrize("cls", [Sigmoid, Tanh, Relu, Step, Identity])
def test_activation_layers_match_functions_and_do_not_edit_dout(cls):
    h, dh = F.ACTIVATIONS[cls.name]
    assert ACTIVATION_LAYERS[cls.name] is cls
    rng = np.random.default_rng(9)
    x = rng.normal(0, 3, size=(6, 5))
    x[0, 0] = 0.0
    layer = cls()
    out = layer.forward(x.copy())
    np.testing.assert_allclose(out, h(x), rtol=1e-13, atol=1e-15)
    dout = rng.normal(size=x.shape)
    dout_before = dout.copy()
    dx = layer.backward(dout)
    np.testing.assert_allclose(dx, dout * dh(x), rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(dout, dout_before)


def test_sigmoid_layer_is_stable_for_huge_inputs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            out = Sigmoid().forward(np.array([[-1000.0, 0.0, 1000.0]]))
    np.testing.assert_array_equal(out, [[0.0, 0.5, 1.0]])


# -- network behaviour -----------------------------------------------------------------------------


def test_predict_matches_hand_written_forward_pass():
    rng = np.random.default_rng(10)
    net = Network((3, 6, 4, 2), "sigmoid", seed=3)
    randomize_biases(net, rng)
    p = {k: v.copy() for k, v in net.params.items()}
    x = rng.normal(size=(7, 3))

    def sig(a):
        return 1 / (1 + np.exp(-a))

    a3 = sig(sig(x @ p["W1"] + p["b1"]) @ p["W2"] + p["b2"]) @ p["W3"] + p["b3"]
    e = np.exp(a3 - a3.max(axis=1, keepdims=True))
    np.testing.assert_allclose(net.scores(x), a3, rtol=1e-12)
    np.testing.assert_allclose(net.predict(x), e / e.sum(axis=1, keepdims=True), rtol=1e-12)


def test_predict_rows_sum_to_one_with_softmax_and_equal_scores_with_identity():
    rng = np.random.default_rng(11)
    x = rng.normal(size=(20, 2))
    soft = Network((2, 8, 3), "relu", seed=0)
    y = soft.predict(x)
    np.testing.assert_allclose(y.sum(axis=1), 1.0, rtol=1e-14)
    assert np.all(y > 0)
    ident = Network((2, 8, 3), "relu", "identity", "sum_squared_error", seed=0)
    np.testing.assert_array_equal(ident.predict(x), ident.scores(x))


def test_loss_equals_functions_on_predict_with_index_or_onehot_targets():
    rng = np.random.default_rng(12)
    net = Network((2, 5, 3), "tanh", seed=2)
    x, t = make_batch(rng, n=9, d=2)
    expected = F.cross_entropy_error(net.predict(x), t)
    assert net.loss(x, t) == pytest.approx(expected, rel=1e-12)
    assert net.loss(x, np.eye(3)[t]) == pytest.approx(expected, rel=1e-12)
    sse = Network((2, 5, 3), "tanh", loss="sum_squared_error", seed=2)
    assert sse.loss(x, t) == pytest.approx(F.sum_squared_error(sse.predict(x), t), rel=1e-12)


def test_accuracy():
    net = Network((2, 2), output="identity", loss="sum_squared_error", init="zero")
    net.params["W1"][...] = np.eye(2)  # scores = x
    x = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 0.5], [0.1, 0.9]])
    t = np.array([0, 1, 1, 1])  # third sample is wrong
    assert net.accuracy(x, t) == 0.75
    assert net.accuracy(x, np.eye(2)[t]) == 0.75
    assert net.accuracy(x, [0, 1, 0, 1]) == 1.0
    assert net.accuracy(x, [1, 0, 1, 0]) == 0.0


def test_gradient_returns_copies_by_default():
    rng = np.random.default_rng(13)
    net = Network((2, 4, 3), "tanh", seed=0)
    x, t = make_batch(rng, n=5, d=2)
    g1 = net.gradient(x, t)
    saved = {k: v.copy() for k, v in g1.items()}
    for v in g1.values():
        assert not np.shares_memory(v, net.flat_grads)
        v[...] = 999.0
    g2 = net.gradient(x, t)
    for k in g2:
        np.testing.assert_array_equal(g2[k], saved[k])
    # a different batch overwrites the buffers but not an earlier copy
    g3 = net.gradient(x[:2], t[:2])
    assert not np.array_equal(g3["W1"], g2["W1"])
    np.testing.assert_array_equal(g2["W1"], saved["W1"])


def test_gradient_copy_false_returns_the_buffers():
    rng = np.random.default_rng(14)
    net = Network((2, 4, 3), "tanh", seed=0)
    x, t = make_batch(rng, n=5, d=2)
    g = net.gradient(x, t, copy=False)
    for v in g.values():
        assert np.shares_memory(v, net.flat_grads)
    first = {k: v.copy() for k, v in g.items()}
    g_again = net.gradient(x[:2], t[:2], copy=False)
    assert all(g_again[k] is g[k] for k in g)
    assert not np.array_equal(g["W1"], first["W1"])  # overwritten in place
    np.testing.assert_array_equal(np.concatenate([v.ravel() for v in g.values()]), net.flat_grads)


@pytest.mark.parametrize("onehot", [False, True])
def test_gradient_does_not_modify_inputs(onehot):
    rng = np.random.default_rng(15)
    for activation in ACTIVATION_NAMES:
        for output, loss in OUTPUT_LOSS:
            net = Network((2, 4, 3), activation, output, loss, seed=0)
            x, t = make_batch(rng, n=5, d=2)
            if onehot:
                t = np.eye(3)[t]
            x0, t0 = x.copy(), t.copy()
            net.gradient(x, t)
            net.numerical_gradient(x, t)
            np.testing.assert_array_equal(x, x0)
            np.testing.assert_array_equal(t, t0)


def test_gradient_sets_last_loss():
    rng = np.random.default_rng(16)
    net = Network((2, 4, 3), "relu", seed=0)
    x, t = make_batch(rng, n=5, d=2)
    net.gradient(x, t)
    assert net.last_loss == net.loss(x, t)


def test_params_are_views_of_flat_params():
    net = Network((2, 3, 2), seed=0)
    assert [k for k in net.params] == ["W1", "b1", "W2", "b2"]
    assert net.flat_params.size == 2 * 3 + 3 + 3 * 2 + 2
    for p in net.params.values():
        assert np.shares_memory(p, net.flat_params)
    net.params["W2"] -= 1.0  # the book's in-place update reaches the flat buffer and the layers
    np.testing.assert_array_equal(net.flat_params[9:15], net.params["W2"].ravel())
    assert net.affines[1].W is net.params["W2"]


@pytest.mark.parametrize(("init", "std"), [("xavier", np.sqrt(1 / 400)), ("he", np.sqrt(2 / 400)), (0.3, 0.3)])
def test_init_std(init, std):
    net = Network((400, 400, 400), "relu", init=init, seed=0)
    for key in ("W1", "W2"):
        w = net.params[key]
        assert w.std() == pytest.approx(std, rel=0.02)
        assert abs(w.mean()) < 0.02 * std
    for key in ("b1", "b2"):
        assert np.all(net.params[key] == 0)


def test_init_std_uses_fan_in():
    net = Network((100, 400, 10), init="he", seed=0)
    assert net.params["W1"].std() == pytest.approx(np.sqrt(2 / 100), rel=0.03)
    assert net.params["W2"].std() == pytest.approx(np.sqrt(2 / 400), rel=0.03)


def test_zero_init_is_all_zeros():
    net = Network((4, 6, 3), init="zero", seed=5)
    assert np.all(net.flat_params == 0)


def test_init_std_function():
    assert init_std("xavier", 4) == 0.5
    assert init_std("he", 8) == 0.5
    assert init_std("zero", 8) == 0.0
    assert init_std(0.01, 8) == 0.01
    for bad in ("foo", -1.0, 0.0, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            init_std(bad, 3)


def test_same_seed_same_params_different_seed_different():
    a = Network((2, 8, 8, 3), "tanh", seed=42)
    b = Network((2, 8, 8, 3), "tanh", seed=42)
    c = Network((2, 8, 8, 3), "tanh", seed=43)
    np.testing.assert_array_equal(a.flat_params, b.flat_params)
    assert not np.array_equal(a.flat_params, c.flat_params)


def test_squared_norms_match_linalg_norm():
    rng = np.random.default_rng(17)
    net = Network((3, 5, 4, 2), "tanh", seed=1)
    randomize_biases(net, rng)
    x, t = make_batch(rng, n=6, d=3, k=2)
    g = net.gradient(x, t)
    sq = net.squared_norms()
    keys = list(net.params)
    assert sq.shape == (4 * net.n_layers,)
    for i, k in enumerate(keys):
        assert sq[i] == pytest.approx(np.linalg.norm(net.params[k]) ** 2, rel=1e-12)
        assert sq[len(keys) + i] == pytest.approx(np.linalg.norm(g[k]) ** 2, rel=1e-12)


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_trace_returns_pre_and_post_per_hidden_layer(activation):
    rng = np.random.default_rng(18)
    net = Network((2, 6, 5, 4, 3), activation, seed=0)
    randomize_biases(net, rng)
    x = rng.normal(size=(10, 2))
    traces = net.trace(x)
    assert len(traces) == 3
    h = F.ACTIVATIONS[activation][0]
    inp = x
    for i, tr in enumerate(traces):
        assert tr.pre.shape == (10, net.sizes[i + 1])
        np.testing.assert_allclose(tr.pre, inp @ net.params[f"W{i + 1}"] + net.params[f"b{i + 1}"], rtol=1e-12)
        np.testing.assert_allclose(tr.post, h(tr.pre), rtol=1e-13, atol=1e-15)
        inp = tr.post
    assert Network((2, 3), seed=0).trace(x) == []


def test_repr_names_the_architecture():
    r = repr(Network((2, 8, 3), "relu", seed=4))
    assert "[2, 8, 3]" in r
    assert "relu" in r
