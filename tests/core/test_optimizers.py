"""Tests for nnplay.core.optimizers against independent re-implementations of the update rules."""

from __future__ import annotations

import numpy as np
import pytest

from nnplay.core.optimizers import OPTIMIZERS, SGD, AdaGrad, Adam, Momentum, make_optimizer

SHAPES = {"W1": (3, 4), "b1": (4,), "W2": (4, 2), "b2": (2,)}
STEPS = 12


def make_params(seed=0):
    rng = np.random.default_rng(seed)
    return {k: rng.normal(size=s) for k, s in SHAPES.items()}


def grad_sequence(seed=1, steps=STEPS):
    rng = np.random.default_rng(seed)
    # varying scale, and some exact zeros, to exercise the per-element denominators
    out = []
    for i in range(steps):
        g = {k: rng.normal(0, 10.0 ** rng.integers(-3, 2), size=s) for k, s in SHAPES.items()}
        if i % 4 == 0:
            g["b2"][0] = 0.0
        out.append(g)
    return out


# -- independent references, written from the papers' formulas -------------------------------------


def ref_momentum(params, grads_seq, lrs, alpha=0.9):
    p = {k: v.copy() for k, v in params.items()}
    vel = {k: np.zeros_like(v) for k, v in p.items()}
    for grads, lr in zip(grads_seq, lrs, strict=True):
        for k in p:
            vel[k] = alpha * vel[k] - lr * grads[k]
            p[k] = p[k] + vel[k]
    return p


def ref_adagrad(params, grads_seq, lrs, eps=1e-7):
    p = {k: v.copy() for k, v in params.items()}
    hsum = {k: np.zeros_like(v) for k, v in p.items()}
    for grads, lr in zip(grads_seq, lrs, strict=True):
        for k in p:
            hsum[k] = hsum[k] + grads[k] ** 2
            p[k] = p[k] - lr * grads[k] / (np.sqrt(hsum[k]) + eps)
    return p


def ref_adam(params, grads_seq, lrs, b1=0.9, b2=0.999, eps=1e-7):
    """Kingma & Ba's algorithm with explicit bias correction. The book adds eps to the *uncorrected*
    √v, which equals adding eps / √(1 − β2^t) to the corrected √v̂."""
    p = {k: v.copy() for k, v in params.items()}
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(v) for k, v in p.items()}
    for t, (grads, lr) in enumerate(zip(grads_seq, lrs, strict=True), start=1):
        for k in p:
            g = grads[k]
            m[k] = b1 * m[k] + (1 - b1) * g
            v[k] = b2 * v[k] + (1 - b2) * g * g
            m_hat = m[k] / (1 - b1**t)
            v_hat = v[k] / (1 - b2**t)
            p[k] = p[k] - lr * m_hat / (np.sqrt(v_hat) + eps / np.sqrt(1 - b2**t))
    return p


REFERENCES = {"momentum": (Momentum, ref_momentum), "adagrad": (AdaGrad, ref_adagrad), "adam": (Adam, ref_adam)}


def run(opt, params, grads_seq, lrs):
    p = {k: v.copy() for k, v in params.items()}
    ids = {k: id(v) for k, v in p.items()}
    for grads, lr in zip(grads_seq, lrs, strict=True):
        opt.lr = lr
        opt.update(p, grads)
    assert {k: id(v) for k, v in p.items()} == ids  # updated in place, same arrays
    return p


# -- tests -----------------------------------------------------------------------------------------


def test_sgd_one_step_is_exact():
    params = make_params()
    before = {k: v.copy() for k, v in params.items()}
    grads = grad_sequence()[0]
    SGD(lr=0.05).update(params, grads)
    for k in params:
        np.testing.assert_array_equal(params[k], before[k] - 0.05 * grads[k])


def test_sgd_default_lr_is_the_books():
    assert SGD().lr == 0.01


@pytest.mark.parametrize("name", list(REFERENCES))
def test_optimizer_matches_reference_over_several_steps(name):
    cls, ref = REFERENCES[name]
    params = make_params()
    grads_seq = grad_sequence()
    lrs = [0.01] * STEPS
    got = run(cls(lr=0.01), params, grads_seq, lrs)
    want = ref(params, grads_seq, lrs)
    for k in params:
        np.testing.assert_allclose(got[k], want[k], rtol=1e-12, atol=1e-15, err_msg=k)
        assert not np.allclose(got[k], params[k])  # it did move


@pytest.mark.parametrize("name", list(REFERENCES))
def test_learning_rate_can_change_between_updates(name):
    cls, ref = REFERENCES[name]
    params = make_params(2)
    grads_seq = grad_sequence(3)
    lrs = [0.1 * 0.7**i for i in range(STEPS)]
    got = run(cls(lr=lrs[0]), params, grads_seq, lrs)
    want = ref(params, grads_seq, lrs)
    for k in params:
        np.testing.assert_allclose(got[k], want[k], rtol=1e-12, atol=1e-15, err_msg=k)
    # and it matters: a constant rate ends elsewhere
    const = ref(params, grads_seq, [lrs[0]] * STEPS)
    assert not np.allclose(got["W1"], const["W1"])


def test_sgd_learning_rate_change_applies_to_next_update():
    params = make_params()
    g1, g2 = grad_sequence()[:2]
    opt = SGD(lr=0.1)
    opt.update(params, g1)
    after1 = {k: v.copy() for k, v in params.items()}
    opt.lr = 0.5
    opt.update(params, g2)
    for k in params:
        np.testing.assert_array_equal(params[k], after1[k] - 0.5 * g2[k])


def test_first_steps_known_values():
    g = np.array([2.0, -0.5, 0.1])
    # Momentum: first step −η·g, second −η·g2 + α·(−η·g)
    p = {"w": np.zeros(3)}
    m = Momentum(lr=0.1, momentum=0.9)
    m.update(p, {"w": g})
    np.testing.assert_allclose(p["w"], -0.1 * g, rtol=1e-15)
    m.update(p, {"w": g})
    np.testing.assert_allclose(p["w"], -0.1 * g + (-0.1 * g - 0.09 * g), rtol=1e-14)
    # AdaGrad and Adam: the first step moves every weight by ≈ η in the direction −sign(g)
    for opt in (AdaGrad(lr=0.1), Adam(lr=0.1)):
        p = {"w": np.zeros(3)}
        opt.update(p, {"w": g})
        np.testing.assert_allclose(p["w"], -0.1 * np.sign(g), rtol=1e-3)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_flat_update_equals_per_key_update(name):
    """The trainer passes one flat array ({"all": flat}) whose views are the network's params."""
    params = make_params(4)
    sizes = {k: v.size for k, v in params.items()}
    flat = np.concatenate([v.ravel() for v in params.values()])
    views, pos = {}, 0
    for k, v in params.items():
        views[k] = flat[pos : pos + sizes[k]].reshape(v.shape)
        pos += sizes[k]
    per_key = {k: v.copy() for k, v in params.items()}
    flat_opt, key_opt = make_optimizer(name, 0.03), make_optimizer(name, 0.03)
    for i, grads in enumerate(grad_sequence(5)):
        if i == 6:
            flat_opt.lr = key_opt.lr = 0.01
        flat_opt.update({"all": flat}, {"all": np.concatenate([g.ravel() for g in grads.values()])})
        key_opt.update(per_key, grads)
    for k in params:
        np.testing.assert_array_equal(views[k], per_key[k], err_msg=k)
        assert not np.array_equal(views[k], params[k])


def test_make_optimizer():
    for name, cls in OPTIMIZERS.items():
        opt = make_optimizer(name, 0.25)
        assert type(opt) is cls
        assert opt.lr == 0.25
    assert set(OPTIMIZERS) == {"sgd", "momentum", "adagrad", "adam"}


def test_make_optimizer_unknown_name():
    with pytest.raises(ValueError, match="rmsprop") as info:
        make_optimizer("rmsprop", 0.1)
    for name in OPTIMIZERS:
        assert name in str(info.value)


@pytest.mark.parametrize("opt", [SGD(0.1), Momentum(0.1), AdaGrad(0.1), Adam(0.1)])
def test_repr_shows_learning_rate(opt):
    assert "lr=0.1" in repr(opt)
