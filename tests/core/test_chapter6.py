"""The book's chapter-6 remedies in the engine: batch normalisation, dropout and weight decay (L2, and L1 as in
TF Playground), checked against the book's definitions written out here and against the numerical gradient."""

from __future__ import annotations

import numpy as np
import pytest

from nnplay.core.config import Config
from nnplay.core.gradient import H
from nnplay.core.gradient import numerical_gradient as loop_gradient
from nnplay.core.layers import BN_EPS, BatchNormalization, Dropout
from nnplay.core.network import ACTIVATION_NAMES, Network
from nnplay.core.numgrad import NumericalGradient, fast_path_problem
from nnplay.core.trainer import History, Trainer

OUTPUT_LOSS = [("softmax", "cross_entropy"), ("softmax", "sum_squared_error"), ("identity", "sum_squared_error")]
EPS = np.finfo(np.float64).eps
REMEDIES = {
    "batchnorm": {"use_batchnorm": True},
    "dropout": {"use_dropout": True, "dropout_ratio": 0.3},
    "both": {"use_batchnorm": True, "use_dropout": True, "dropout_ratio": 0.5},
    "l2": {"weight_decay_lambda": 0.3},
    "l1": {"weight_decay_lambda": 0.3, "regularization": "l1"},
    "all": {"use_batchnorm": True, "use_dropout": True, "dropout_ratio": 0.2, "weight_decay_lambda": 0.1},
}


def loop_tolerance(loss):
    """The rounding noise of the book's loop, as in tests/core/test_numgrad.py: 8·eps·max(L, 1)/(2h)."""
    return 8 * EPS * max(abs(loss), 1.0) / (2 * H)


def assert_close(a, b, atol, key=""):
    """max|a − b| ≤ 1e-6·max(|a| + |b|) + atol: the relative error of ``tests/core/test_network.py``
    (rel ≤ 1e-6 over a parameter block), above the loop's rounding noise ``atol`` (which matters where a whole
    block is about 0, e.g. the bias before batch norm)."""
    err = float(np.max(np.abs(a - b)))
    scale = float(np.max(np.abs(a) + np.abs(b)))
    assert err <= 1e-6 * scale + atol, f"{key}: max |difference| {err:.3g}, relative {err / max(scale, 1e-300):.3g}"


def randomize(net, rng):
    """Small non-zero biases and γ, β away from 1 and 0, so that no unit sits on a kink and every parameter
    matters."""
    for k, p in net.params.items():
        if k.startswith("b"):
            p[...] = rng.normal(0, 0.1, p.shape)
        elif k.startswith("gamma"):
            p[...] = rng.uniform(0.5, 1.5, p.shape)
        elif k.startswith("beta"):
            p[...] = rng.normal(0, 0.3, p.shape)


def batch(rng, output, n=6, d=3, k=3):
    x = rng.normal(size=(n, d))
    t = rng.integers(0, k, n) if output == "softmax" else rng.normal(size=(n, k))
    return x, t


# -- the layers, as the book defines them --------------------------------------------------------------------


def test_batch_norm_train_mode_is_the_books_formula_and_moves_the_running_averages():
    rng = np.random.default_rng(0)
    gamma, beta = rng.uniform(0.5, 2, 4), rng.normal(size=4)
    bn = BatchNormalization(gamma, beta)
    np.testing.assert_array_equal(bn.running_mean, 0.0)  # the book starts both at 0
    np.testing.assert_array_equal(bn.running_var, 0.0)
    x = rng.normal(3.0, 2.0, size=(8, 4))
    out = bn.forward(x, train_flg=True)
    mu, var = x.mean(axis=0), x.var(axis=0)
    np.testing.assert_allclose(out, gamma * (x - mu) / np.sqrt(var + 1e-6) + beta, rtol=1e-12)
    assert BN_EPS == 1e-6  # the book's 10e-7
    np.testing.assert_allclose(bn.running_mean, 0.1 * mu, rtol=1e-12)  # momentum 0.9: 0.9·0 + 0.1·μ
    np.testing.assert_allclose(bn.running_var, 0.1 * var, rtol=1e-12)
    for _ in range(9):
        bn.forward(x, train_flg=True)
    np.testing.assert_allclose(bn.running_mean, (1 - 0.9**10) * mu, rtol=1e-12)
    np.testing.assert_allclose(bn.running_var, (1 - 0.9**10) * var, rtol=1e-12)


def test_batch_norm_test_mode_uses_the_running_averages_not_the_batch():
    rng = np.random.default_rng(1)
    gamma, beta = np.full(3, 2.0), np.full(3, 0.5)
    bn = BatchNormalization(gamma, beta)
    bn.running_mean[...] = [1.0, -1.0, 0.0]
    bn.running_var[...] = [4.0, 1.0, 0.25]
    x = rng.normal(size=(5, 3))
    before = (bn.running_mean.copy(), bn.running_var.copy())
    out = bn.forward(x, train_flg=False)
    np.testing.assert_allclose(out, 2.0 * (x - before[0]) / np.sqrt(before[1] + 1e-6) + 0.5, rtol=1e-12)
    np.testing.assert_array_equal(bn.running_mean, before[0])  # test mode never moves them
    # one sample gives the same output in test mode whatever batch it comes in; in training mode it does not
    np.testing.assert_allclose(bn.forward(x[:1], train_flg=False), out[:1], rtol=1e-14)
    assert not np.allclose(bn.forward(x[:2], train_flg=True)[:1], bn.forward(x[:3], train_flg=True)[:1])


def test_batch_norm_backward_is_the_derivative_of_its_training_pass():
    rng = np.random.default_rng(2)
    gamma, beta = rng.uniform(0.5, 2, 4), rng.normal(size=4)
    x, dout = rng.normal(size=(6, 4)), rng.normal(size=(6, 4))
    bn = BatchNormalization(gamma, beta)
    bn.forward(x, train_flg=True)
    dout0 = dout.copy()
    dx = bn.backward(dout)
    np.testing.assert_array_equal(dout, dout0)

    def f(v, what):
        g, b, xx = gamma.copy(), beta.copy(), x.copy()
        {"x": xx, "gamma": g, "beta": b}[what][...] = v
        return float(np.sum(BatchNormalization(g, b).forward(xx, train_flg=True) * dout))

    for what, got in (("x", dx), ("gamma", bn.dgamma), ("beta", bn.dbeta)):
        value = {"x": x, "gamma": gamma, "beta": beta}[what].copy()
        num = loop_gradient(lambda v, what=what: f(v, what), value)
        np.testing.assert_allclose(got, num, rtol=1e-6, atol=1e-8, err_msg=what)
    np.testing.assert_allclose(dx.sum(axis=0), 0.0, atol=1e-12)  # a shift of a column does nothing


@pytest.mark.parametrize("ratio", [0.0, 0.2, 0.5, 0.8])
def test_dropout_masks_in_training_and_scales_at_test(ratio):
    d = Dropout(ratio, np.random.default_rng(3))
    x = np.random.default_rng(4).normal(size=(400, 50))
    out = d.forward(x, train_flg=True)
    assert d.mask.dtype == bool and d.mask.shape == x.shape
    np.testing.assert_array_equal(out, x * d.mask)
    kept = d.mask.mean()
    if ratio == 0:
        assert kept == 1.0  # dropout_ratio = 0 drops no unit
        np.testing.assert_array_equal(out, x)
    else:
        assert abs(kept - (1 - ratio)) < 0.02
    np.testing.assert_array_equal(d.forward(x, train_flg=False), x * (1.0 - ratio))
    dout = np.ones_like(x)
    np.testing.assert_array_equal(d.backward(dout), d.mask.astype(float))


def test_held_dropout_reuses_its_mask_until_the_shape_changes():
    d = Dropout(0.5, np.random.default_rng(5))
    x = np.ones((4, 6))
    d.forward(x)
    first = d.mask.copy()
    d.forward(x)
    assert not np.array_equal(d.mask, first)  # a new mask every training pass
    d.held = True
    held = d.mask.copy()
    d.forward(x)
    np.testing.assert_array_equal(d.mask, held)
    d.forward(np.ones((3, 6)))  # another batch shape: one new draw, then held
    assert d.mask.shape == (3, 6)


# -- the network: the book's MultiLayerNetExtend --------------------------------------------------------------


def test_parameters_and_layers_follow_the_book():
    net = Network((2, 5, 4, 3), use_batchnorm=True, use_dropout=True, dropout_ratio=0.25, seed=0)
    assert list(net.params) == ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"]
    np.testing.assert_array_equal(net.params["gamma1"], 1.0)
    np.testing.assert_array_equal(net.params["beta2"], 0.0)
    for p in net.params.values():
        assert np.shares_memory(p, net.flat_params)
    assert len(net.batchnorms) == len(net.dropouts) == 2
    assert net.batchnorms[0].gamma is net.params["gamma1"] and net.dropouts[1].dropout_ratio == 0.25
    assert net.has_train_mode and not Network((2, 3, 2)).has_train_mode
    assert "use_batchnorm=True" in repr(net) and "dropout_ratio=0.25" in repr(net)
    plain = Network((2, 5, 4, 3), seed=0)
    np.testing.assert_array_equal(net.params["W2"], plain.params["W2"])  # the same initial weights
    for bad in ({"regularization": "l3"}, {"weight_decay_lambda": -1}, {"dropout_ratio": 1.0}):
        with pytest.raises(ValueError):
            Network((2, 3, 2), **bad)


def test_forward_in_training_and_test_mode_is_the_books():
    """Affine → BatchNorm → ReLU → Dropout, …, Affine, written out with the book's formulas."""
    rng = np.random.default_rng(6)
    net = Network((3, 5, 4, 2), "relu", use_batchnorm=True, use_dropout=True, dropout_ratio=0.4, seed=1)
    randomize(net, rng)
    p = {k: v.copy() for k, v in net.params.items()}
    x = rng.normal(size=(7, 3))
    s = net.scores(x, train_flg=True)
    masks = [d.mask for d in net.dropouts]
    z = x
    for i in (1, 2):
        a = z @ p[f"W{i}"] + p[f"b{i}"]
        mu, var = a.mean(axis=0), a.var(axis=0)
        a = p[f"gamma{i}"] * (a - mu) / np.sqrt(var + 10e-7) + p[f"beta{i}"]
        z = np.maximum(a, 0) * masks[i - 1]
    np.testing.assert_allclose(s, z @ p["W3"] + p["b3"], rtol=1e-12)
    # test mode: running averages and the scaling 1 − ratio
    z = x
    for i in (1, 2):
        bn = net.batchnorms[i - 1]
        a = z @ p[f"W{i}"] + p[f"b{i}"]
        a = p[f"gamma{i}"] * (a - bn.running_mean) / np.sqrt(bn.running_var + 10e-7) + p[f"beta{i}"]
        z = np.maximum(a, 0) * 0.6
    np.testing.assert_allclose(net.scores(x), z @ p["W3"] + p["b3"], rtol=1e-12)
    assert net.predict(x).shape == (7, 2) and np.allclose(net.predict(x, train_flg=True).sum(axis=1), 1)


@pytest.mark.parametrize("reg", ["l2", "l1"])
def test_weight_decay_adds_its_term_to_the_loss_and_not_to_the_biases(reg):
    rng = np.random.default_rng(7)
    lam = 0.25
    net = Network((3, 4, 2), "tanh", weight_decay_lambda=lam, regularization=reg, seed=2)
    plain = Network((3, 4, 2), "tanh", seed=2)
    randomize(net, rng)
    plain.flat_params[...] = net.flat_params
    x, t = batch(rng, "softmax", k=2)
    W = [net.params["W1"], net.params["W2"]]
    term = 0.5 * lam * sum(np.sum(w**2) for w in W) if reg == "l2" else lam * sum(np.sum(np.abs(w)) for w in W)
    assert net.penalty() == pytest.approx(term, rel=1e-13)
    assert net.loss(x, t) == pytest.approx(plain.loss(x, t) + term, rel=1e-13)
    g, g0 = net.gradient(x, t), plain.gradient(x, t)
    assert net.last_loss == pytest.approx(plain.last_loss + term, rel=1e-13)
    assert net.last_data_loss == plain.last_loss
    for k in ("W1", "W2"):
        extra = lam * net.params[k] if reg == "l2" else lam * np.sign(net.params[k])
        np.testing.assert_allclose(g[k], g0[k] + extra, rtol=1e-13, atol=1e-15)
    for k in ("b1", "b2"):
        np.testing.assert_array_equal(g[k], g0[k])  # biases are not decayed (as in the book)


@pytest.mark.parametrize("remedy", list(REMEDIES))
@pytest.mark.parametrize(("output", "loss"), OUTPUT_LOSS)
@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_backprop_matches_the_numerical_gradient(activation, output, loss, remedy):
    """Every new layer's backprop against the central difference of the training loss (the dropout mask of the
    backprop pass held fixed, batch norm in training mode), at rtol 1e-6 with the loop's rounding noise as
    atol."""
    rng = np.random.default_rng([ACTIVATION_NAMES.index(activation), OUTPUT_LOSS.index((output, loss)), len(remedy)])
    net = Network((3, 5, 4, 3), activation, output, loss, seed=3, **REMEDIES[remedy])
    randomize(net, rng)
    x, t = batch(rng, output)
    stats = [(bn.running_mean.copy(), bn.running_var.copy()) for bn in net.batchnorms]
    backprop = net.gradient(x, t)
    masks = [d.mask.copy() for d in net.dropouts]
    after_step = [(bn.running_mean.copy(), bn.running_var.copy()) for bn in net.batchnorms]
    numeric = net.numerical_gradient(x, t)
    assert set(backprop) == set(numeric) == set(net.params)
    atol = loop_tolerance(net.last_loss)
    for key in net.params:
        assert_close(backprop[key], numeric[key], atol, key)
    for d, m in zip(net.dropouts, masks, strict=True):
        np.testing.assert_array_equal(d.mask, m)  # the numerical gradient used the same mask
        assert not d.held  # and released it
    for bn, (m0, _), (m1, v1) in zip(net.batchnorms, stats, after_step, strict=True):
        assert not np.array_equal(m0, m1)  # the training pass of gradient() moved the running averages once
        np.testing.assert_array_equal(bn.running_mean, m1)  # the numerical gradient's ~200 passes did not
        np.testing.assert_array_equal(bn.running_var, v1)
    if net.use_batchnorm and activation != "step":
        # a bias before batch norm does nothing (the mean is subtracted): its gradient is 0 both ways
        np.testing.assert_allclose(backprop["b1"], 0.0, atol=1e-12)
    if activation != "step":
        assert np.max(np.abs(backprop["W1"])) > 1e-4  # not vacuous


def test_numerical_gradient_before_backprop_in_one_frozen_block_uses_one_mask():
    rng = np.random.default_rng(8)
    net = Network((3, 6, 3), "tanh", use_dropout=True, dropout_ratio=0.5, seed=4)
    x, t = batch(rng, "softmax")
    with net.frozen_noise():
        numeric = net.numerical_gradient(x, t)  # draws a mask for this batch, and keeps it
        backprop = net.gradient(x, t)
    for key in net.params:
        assert_close(backprop[key], numeric[key], loop_tolerance(net.last_loss), key)


def test_dropout_ratio_zero_is_the_plain_network():
    rng = np.random.default_rng(9)
    net = Network((3, 5, 3), "sigmoid", use_dropout=True, dropout_ratio=0.0, seed=5)
    plain = Network((3, 5, 3), "sigmoid", seed=5)
    x, t = batch(rng, "softmax")
    g, g0 = net.gradient(x, t), plain.gradient(x, t)
    for k in g:
        np.testing.assert_array_equal(g[k], g0[k])
    np.testing.assert_array_equal(net.scores(x), plain.scores(x))


def test_the_fast_path_handles_weight_decay_and_hands_batch_norm_and_dropout_to_the_loop():
    rng = np.random.default_rng(10)
    for kw in ({"weight_decay_lambda": 0.2}, {"weight_decay_lambda": 0.2, "regularization": "l1"}):
        net = Network((4, 6, 5, 3), "relu", seed=6, **kw)
        randomize(net, rng)
        x, t = batch(rng, "softmax", d=4)
        assert fast_path_problem(net) is None
        job = NumericalGradient(net, x, t)
        assert job.method == "fast"
        fast = job.run()
        loop = NumericalGradient(net, x, t, method="loop").run()
        for key in net.params:
            np.testing.assert_allclose(fast[key], loop[key], rtol=1e-6, atol=loop_tolerance(job.loss), err_msg=key)
    for kw in ({"use_batchnorm": True}, {"use_dropout": True}):
        net = Network((4, 6, 3), "relu", seed=6, **kw)
        assert "batch normalisation or dropout" in fast_path_problem(net)
        assert NumericalGradient(net, *batch(rng, "softmax", d=4)).method == "loop"


def test_a_view_can_take_a_probe_gradient_without_changing_training():
    """``preserved_state`` restores the dropout stream and masks and the running averages: a run observed by a
    view (the network panel's gradient) trains exactly as one that was not."""
    c = Config(hidden=(6, 6), batch_norm=True, dropout=0.3)
    a, b = Trainer(c, eval_every=0), Trainer(c, eval_every=0)
    probe_x, probe_t = a.x_train[:64], a.t_train[:64]
    for _ in range(5):
        a.step(3)
        b.step(3)
        with b.network.preserved_state():
            b.network.gradient(probe_x, probe_t)
    np.testing.assert_array_equal(a.network.flat_params, b.network.flat_params)
    for x, y in zip(a.network.batchnorms, b.network.batchnorms, strict=True):
        np.testing.assert_array_equal(x.running_var, y.running_var)


def test_a_numerical_step_is_a_backprop_step_with_the_same_masks():
    """Both kinds of step draw the dropout masks and move the running averages once, in the same way; only the
    gradient is computed differently, so both runs stay together."""
    base = Config(hidden=(5, 4), batch_norm=True, dropout=0.3, weight_decay=0.05, batch_size=8)
    bp, num = Trainer(base, eval_every=0), Trainer(base.replace(gradient="numerical"), eval_every=0)
    bp.step(4)
    num.step(4)
    np.testing.assert_allclose(num.network.flat_params, bp.network.flat_params, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(num.history.loss, bp.history.loss, rtol=1e-6)  # (other masks: ~10 % apart)
    for x, y in zip(bp.network.batchnorms, num.network.batchnorms, strict=True):
        np.testing.assert_allclose(x.running_mean, y.running_mean, rtol=1e-6, atol=1e-12)
    assert not any(d.held for d in num.network.dropouts)


def test_trainer_records_the_data_loss_and_the_penalty():
    tr = Trainer(Config(hidden=(6,), weight_decay=0.1), eval_every=5)
    r = tr.step(10)
    assert np.all(r.loss > r.data_loss)
    ev = r.evaluations[-1]
    net = tr.network
    assert ev.penalty == pytest.approx(net.penalty(), rel=1e-13) and ev.penalty > 0
    assert ev.train_loss == pytest.approx(net.data_loss(tr.x_train, tr.t_train), rel=1e-12)
    np.testing.assert_allclose(tr.history.data_loss, r.data_loss)
    np.testing.assert_allclose(tr.history.eval_column("penalty"), [e.penalty for e in r.evaluations])


def test_weight_decay_applies_to_the_running_training():
    tr = Trainer(Config(hidden=(6,)), eval_every=0)
    tr.step(5)
    assert not tr.apply(tr.config.replace(weight_decay=0.5, regularization="l1"))
    assert tr.step_count == 5 and tr.network.weight_decay_lambda == 0.5 and tr.network.regularization == "l1"
    assert tr.apply(tr.config.replace(batch_norm=True)) and tr.network.use_batchnorm


def test_history_summaries_hold_for_the_new_columns_after_merging():
    tr = Trainer(Config(hidden=(4,), weight_decay=0.1), eval_every=1)
    tr.history = History(tr.network.n_layers, capacity=64, eval_capacity=32, data_loss=True)
    tr.step(300)
    h = tr.history
    assert h.steps.merged and h.evals.merged
    y, lo, hi, logmean, weight = h.summary("data_loss")
    assert y.shape == lo.shape == hi.shape == logmean.shape == (len(h.step_x), 1) and weight > 1
    assert np.all(lo <= y + 1e-15) and np.all(y <= hi + 1e-15)
    total, *_ = h.summary("loss")
    assert np.all(total > y)  # the weight-decay term is on top of the data loss
    pen = h.eval_column("penalty")
    assert np.all(h.evals.lo[:, -1] <= pen + 1e-15) and np.all(pen <= h.evals.hi[:, -1] + 1e-15)


def test_the_gradient_check_lab_checks_batch_norm_and_dropout_networks():
    from nnplay.core.analysis import clone_network, gradient_check

    tr = Trainer(Config(hidden=(6, 5), batch_norm=True, dropout=0.3, weight_decay=0.01), eval_every=0)
    tr.step(20)
    twin = clone_network(tr.network)
    assert list(twin.params) == list(tr.network.params) and twin.use_dropout and twin.weight_decay_lambda == 0.01
    np.testing.assert_array_equal(twin.batchnorms[0].running_var, tr.network.batchnorms[0].running_var)
    np.testing.assert_array_equal(twin.scores(tr.x_test), tr.network.scores(tr.x_test))  # the same test pass
    result = gradient_check(tr.network, tr.x_train[:5], tr.t_train[:5])
    assert set(result) == set(tr.network.params)
    for key in ("W1", "gamma1", "beta2", "W3"):
        assert result[key].relative_error < 1e-6, key


@pytest.mark.parametrize("kw", [{}, {"use_batchnorm": True, "use_dropout": True, "dropout_ratio": 0.4}])
def test_unit_outputs_are_every_layer_in_one_pass(kw):
    rng = np.random.default_rng(11)
    net = Network((2, 5, 4, 3), "tanh", seed=7, **kw)
    randomize(net, rng)
    net.gradient(rng.normal(size=(8, 2)), rng.integers(0, 3, 8))  # (moves the running averages off 0)
    x = rng.normal(size=(10, 2))
    outs = net.unit_outputs(x)
    assert [o.shape for o in outs] == [(10, 2), (10, 5), (10, 4), (10, 3)]
    np.testing.assert_array_equal(outs[0], x)
    for got, tr in zip(outs[1:-1], net.trace(x), strict=True):
        np.testing.assert_allclose(got, tr.post, rtol=1e-14)
    np.testing.assert_allclose(outs[-1], net.predict(x), rtol=1e-13)


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"use_batchnorm": True, "use_dropout": True, "dropout_ratio": 0.4},
        {"output": "identity", "loss": "sum_squared_error", "use_batchnorm": True},
    ],
)
def test_the_float32_view_pass_is_unit_outputs_and_changes_nothing_training_reads(activation, kw):
    def made():
        rng = np.random.default_rng(5)
        net = Network((2, 6, 5, 3), activation, seed=3, **kw)
        randomize(net, rng)
        xb = rng.normal(size=(8, 2))
        tb = rng.normal(size=(8, 3)) if kw.get("loss") == "sum_squared_error" else rng.integers(0, 3, 8)
        net.gradient(xb, tb)  # (moves the running averages off 0, draws dropout masks)
        return net, xb, tb

    net, xb, tb = made()
    twin, _, _ = made()
    x = np.random.default_rng(6).normal(size=(300, 2))
    ref = net.unit_outputs(x)
    view = net.view_outputs(x)
    assert [v.dtype for v in view] == [np.float32] * len(ref)
    assert [v.shape for v in view] == [r.shape for r in ref]
    for got, want in zip(view, ref, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5 * (1 + np.abs(want).max()))
    np.testing.assert_array_equal(net.view_outputs(x, last_only=True), view[-1])
    # the next training passes are those of a twin that never drew a picture (masks, running averages, gradient)
    for _ in range(2):
        got, want = net.gradient(xb, tb), twin.gradient(xb, tb)
        for k in want:
            np.testing.assert_array_equal(got[k], want[k])
    for a, b in zip(net.batchnorms, twin.batchnorms, strict=True):
        np.testing.assert_array_equal(a.running_var, b.running_var)


def test_the_view_pass_falls_back_to_float64_when_values_outgrow_float32_through_the_layers():
    # (weights far below 1e30, but 1e9 per ReLU layer: 1e45 at the output, beyond float32's 3.4e38)
    net = Network((2, 8, 8, 8, 8, 2), "relu", seed=2)
    for key in net.weight_keys:
        net.params[key][...] = np.abs(net.params[key]) * 1e9
    x = np.random.default_rng(0).normal(size=(200, 2))
    ref = net.unit_outputs(x)
    assert all(np.isfinite(r).all() for r in ref)
    view = net.view_outputs(x)
    assert all(np.isfinite(v).all() for v in view)
    for got, want in zip(view, ref, strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-6)
    np.testing.assert_allclose(net.view_outputs(x, last_only=True), ref[-1], rtol=1e-6)


def test_the_view_pass_falls_back_to_float64_for_weights_too_big_for_float32():
    net = Network((2, 4, 2), "relu", seed=1)
    net.params["W1"][...] = 1e35
    x = np.ones((3, 2)) * 1e-10
    view = net.view_outputs(x)
    assert view[-1].dtype == np.float64
    np.testing.assert_allclose(view[-1], net.predict(x))


def test_switching_to_backprop_in_the_middle_of_a_numerical_step_releases_the_held_mask():
    tr = Trainer(Config(hidden=(5,), dropout=0.5, batch_norm=True, gradient="numerical"), eval_every=0)
    tr.begin_step()
    assert all(d.held for d in tr.network.dropouts) and not tr.network.batchnorms[0].track
    assert not tr.apply(tr.config.replace(gradient="backprop"))  # (applies to the running training)
    tr.step(2)
    assert tr.pending_step is None
    assert not any(d.held for d in tr.network.dropouts) and tr.network.batchnorms[0].track


def test_changing_the_weight_decay_in_the_middle_of_a_numerical_step_drops_that_step():
    """The step begun with the old λ is dropped (its gradient had no decay term, and its data loss came out as
    its loss minus the new term: −7.4 where backprop said 0.70); the next step is whole and consistent."""
    tr = Trainer(Config(hidden=(5,), gradient="numerical"), eval_every=0)
    tr.begin_step()
    assert tr.pending_step is not None
    assert not tr.apply(tr.config.replace(weight_decay=1.0))
    assert tr.pending_step is None
    penalty = tr.network.penalty()  # ½λΣ‖W‖² of the weights the next step starts from
    assert penalty > 0
    result = tr.step(1)
    assert result.data_loss[0] > 0
    np.testing.assert_allclose(result.loss[0] - result.data_loss[0], penalty, rtol=1e-9)
