"""Tests for nnplay.core.experiments: surfaces, optimizer paths, naive softmax, chained derivatives and the
book's initialisation experiment (ch. 6.2)."""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pytest

from nnplay.core.experiments import (
    INIT_EXPERIMENT_INITS,
    SURFACES,
    best_chain_derivative,
    cross_entropy_without_delta,
    gradient_function,
    init_experiment,
    literal_cross_entropy,
    max_derivative,
    naive_softmax,
    optimizer_path,
)
from nnplay.core.functions import softmax
from nnplay.core.gradient import gradient_descent, numerical_gradient
from nnplay.core.optimizers import SGD, AdaGrad, Adam, Momentum

BOOK_START = (-3.0, 4.0)


# -- surfaces ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", list(SURFACES))
def test_exact_gradient_matches_central_difference(key):
    s = SURFACES[key]
    rng = np.random.default_rng(1)
    lo0, hi0, lo1, hi1 = s.bounds
    for _ in range(5):
        x = np.array([rng.uniform(lo0, hi0), rng.uniform(lo1, hi1)])
        np.testing.assert_allclose(s.grad(x), numerical_gradient(s.f, x.copy()), rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("key", list(SURFACES))
def test_surfaces_accept_grids(key):
    s = SURFACES[key]
    xy = np.stack(np.meshgrid(np.linspace(-1, 1, 4), np.linspace(-1, 1, 3)))
    assert s.f(xy).shape == (3, 4)
    assert s.grad(xy).shape == (2, 3, 4)
    assert s.f(xy)[1, 2] == pytest.approx(s.f(xy[:, 1, 2]))


def test_surface_start_lies_in_bounds_and_minimum_is_a_minimum():
    for s in SURFACES.values():
        lo0, hi0, lo1, hi1 = s.bounds
        assert lo0 <= s.start[0] <= hi0 and lo1 <= s.start[1] <= hi1
        if s.minimum is not None:
            np.testing.assert_allclose(s.grad(np.array(s.minimum)), 0.0, atol=1e-12)


def test_gradient_function_numerical_leaves_input_alone():
    s = SURFACES["sphere"]
    x = np.array([1.0, 2.0])
    g = gradient_function(s.f)(x)
    np.testing.assert_allclose(g, [2.0, 4.0], rtol=1e-8)
    assert x.tolist() == [1.0, 2.0]
    assert gradient_function(s.f, s.grad) is s.grad


@pytest.mark.parametrize(
    ("lr", "end"),
    [
        (0.1, (-6.11110793e-10, 8.14814391e-10)),
        (10.0, (-2.58983747e13, -1.29524862e12)),
        (1e-10, (-2.99999994, 3.99999992)),
    ],
)
def test_the_lectures_three_cases_on_the_sphere(lr, end):
    s = SURFACES["sphere"]
    x = gradient_descent(s.f, BOOK_START, lr, 100)
    np.testing.assert_allclose(x, end, rtol=1e-6)


def test_book_lr10_value_is_where_the_numerical_gradient_stalls():
    # With h = 1e-4 the central difference returns 0 once |x| ~ 1e13 (x ± h rounds to x): the book's
    # lr = 10 end point is that stall, while the exact gradient keeps multiplying by (1 − 2·10) = −19.
    s = SURFACES["sphere"]
    _, path = gradient_descent(s.f, BOOK_START, 10.0, 100, return_path=True)
    np.testing.assert_array_equal(path[10], path[100])
    assert numerical_gradient(s.f, path[-1].copy()).tolist() == [0.0, 0.0]
    exact = gradient_descent(s.f, BOOK_START, 10.0, 100, grad=s.grad)
    np.testing.assert_allclose(exact, np.array(BOOK_START) * (-19.0) ** 100, rtol=1e-9)


# -- optimizer paths --------------------------------------------------------------------------------------------


def _reference_paths(grad, init, steps):
    """Hand-written update rules (the book's ch. 6 formulas), independent of nnplay.core.optimizers."""
    out = {}
    x = np.array(init, float)
    p = [x.copy()]
    for _ in range(steps):
        x = x - 0.95 * grad(x)
        p.append(x)
    out["sgd"] = np.array(p)
    x, v = np.array(init, float), np.zeros(2)
    p = [x.copy()]
    for _ in range(steps):
        v = 0.9 * v - 0.1 * grad(x)
        x = x + v
        p.append(x)
    out["momentum"] = np.array(p)
    x, h = np.array(init, float), np.zeros(2)
    p = [x.copy()]
    for _ in range(steps):
        g = grad(x)
        h = h + g * g
        x = x - 1.5 * g / (np.sqrt(h) + 1e-7)
        p.append(x)
    out["adagrad"] = np.array(p)
    x, m, v = np.array(init, float), np.zeros(2), np.zeros(2)
    p = [x.copy()]
    for it in range(1, steps + 1):
        g = grad(x)
        lr_t = 0.3 * math.sqrt(1 - 0.999**it) / (1 - 0.9**it)
        m = m + 0.1 * (g - m)
        v = v + 0.001 * (g * g - v)
        x = x - lr_t * m / (np.sqrt(v) + 1e-7)
        p.append(x)
    out["adam"] = np.array(p)
    return out


def test_optimizer_paths_match_the_book_formulas():
    s = SURFACES["book_bowl"]
    ref = _reference_paths(s.grad, (-7.0, 2.0), 30)
    opts = {"sgd": SGD(0.95), "momentum": Momentum(0.1), "adagrad": AdaGrad(1.5), "adam": Adam(0.3)}
    for name, opt in opts.items():
        path = optimizer_path(opt, s.grad, (-7.0, 2.0), 30)
        assert path.shape == (31, 2)
        assert path[0].tolist() == [-7.0, 2.0]
        np.testing.assert_allclose(path, ref[name], rtol=1e-10, atol=1e-12, err_msg=name)


def test_optimizer_path_with_numerical_gradient_and_sgd_equals_gradient_descent():
    s = SURFACES["sphere"]
    path = optimizer_path(SGD(0.1), gradient_function(s.f), BOOK_START, 100)
    _, gd = gradient_descent(s.f, BOOK_START, 0.1, 100, return_path=True)
    np.testing.assert_allclose(path, gd, rtol=1e-12, atol=1e-20)


def test_optimizer_path_overflow_gives_non_finite_points_without_warnings():
    s = SURFACES["sphere"]
    with np.errstate(all="raise"):
        path = optimizer_path(SGD(1e3), s.grad, BOOK_START, 200)
    assert not np.all(np.isfinite(path[-1]))


# -- softmax and cross-entropy ----------------------------------------------------------------------------------


def test_naive_softmax_agrees_for_small_scores_and_overflows_for_large():
    a = [0.3, 2.9, 4.0]
    np.testing.assert_allclose(naive_softmax(a), [0.01821127, 0.24519181, 0.73659691], rtol=1e-6)
    np.testing.assert_allclose(naive_softmax(a), softmax(a), rtol=1e-12)
    with np.errstate(all="raise"):
        big = naive_softmax([1010.0, 1000.0, 990.0])
    assert np.isnan(big).any()
    stable = softmax([1010.0, 1000.0, 990.0])
    assert np.all(np.isfinite(stable)) and stable.sum() == pytest.approx(1.0)


LECTURE_Y = [0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]


def test_cross_entropy_without_delta():
    assert cross_entropy_without_delta(LECTURE_Y, 2) == pytest.approx(-math.log(0.6))
    assert cross_entropy_without_delta(LECTURE_Y, 3) == math.inf
    onehot = np.eye(10)[2]
    assert cross_entropy_without_delta(LECTURE_Y, onehot) == pytest.approx(0.5108256237659907)
    # Written literally, 0 · log 0 = 0 · (−inf) = nan spoils the sum even though y_2 = 0.6.
    assert math.isnan(literal_cross_entropy(LECTURE_Y, 2))
    assert literal_cross_entropy([0.5, 0.5], 0) == pytest.approx(math.log(2))


# -- activations and depth ------------------------------------------------------------------------------------


def test_max_derivative_and_best_chain():
    assert max_derivative("sigmoid") == 0.25
    assert max_derivative("tanh") == 1.0
    assert max_derivative("relu") == 1.0
    assert max_derivative("identity") == 1.0
    assert max_derivative("step") == 0.0
    assert best_chain_derivative("sigmoid", 10) == pytest.approx(9.5367431640625e-07)
    assert best_chain_derivative("tanh", 20) == 1.0
    assert best_chain_derivative("relu", 20) == 1.0
    assert best_chain_derivative("step", 1) == 0.0
    assert best_chain_derivative("sigmoid", 0) == 1.0
    with pytest.raises(ValueError):
        best_chain_derivative("sigmoid", -1)


# -- the initialisation experiment ---------------------------------------------------------------------------


def test_init_experiment_shapes_and_determinism():
    acts = init_experiment("sigmoid", "std1")
    assert len(acts) == 5
    assert all(a.shape == (1000, 100) for a in acts)
    again = init_experiment("sigmoid", "std1")
    assert all(np.array_equal(a, b) for a, b in zip(acts, again, strict=True))
    other = init_experiment("sigmoid", "std1", seed=1)
    assert not np.array_equal(acts[0], other[0])
    small = init_experiment("tanh", 0.5, layers=2, units=7, samples=3)
    assert [a.shape for a in small] == [(3, 7), (3, 7)]
    assert set(INIT_EXPERIMENT_INITS) == {"std1", "std0.01", "xavier", "he"}
    with pytest.raises(ValueError):
        init_experiment("softplus", "he")
    with pytest.raises(ValueError):
        init_experiment("relu", "lecun")


def _saturated(a):
    return float(np.mean((a < 0.1) | (a > 0.9)))


def test_sigmoid_std1_saturates_std001_collapses_to_half_xavier_spreads():
    for a in init_experiment("sigmoid", "std1"):
        assert _saturated(a) > 0.6  # most activations near 0 or 1
    for a in init_experiment("sigmoid", "std0.01"):
        assert np.all(np.abs(a - 0.5) < 0.15)
        assert a.std() < 0.03  # all near 0.5: the units all say the same thing
    for a in init_experiment("sigmoid", "xavier"):
        assert _saturated(a) < 0.2
        assert a.std() > 0.1  # spread out


def test_relu_he_keeps_its_spread_while_std001_collapses():
    he = [a.std() for a in init_experiment("relu", "he")]
    assert 0.5 < he[-1] / he[0] < 2.0
    small = [a.std() for a in init_experiment("relu", "std0.01")]
    assert small[-1] < 1e-4 * small[0]
    assert all(later < earlier for earlier, later in pairwise(small))
    big = [a.std() for a in init_experiment("relu", "std1")]
    assert big[-1] > 1e3 * big[0]  # explodes instead


def test_tanh_xavier_keeps_a_spread():
    stds = [a.std() for a in init_experiment("tanh", "xavier")]
    assert all(s > 0.25 for s in stds)
    assert init_experiment("tanh", "std0.01")[-1].std() < 1e-4


def test_init_experiment_with_batch_norm_keeps_every_layers_spread():
    """The book's ch. 6.3: with batch normalisation the activations are spread alike in every layer, whatever the
    weights' scale (without it, σ = 0.01 collapses them)."""
    from nnplay.core.experiments import init_experiment

    for activation, init in (("sigmoid", "std0.01"), ("relu", "std0.01"), ("tanh", "std1")):
        plain = [float(a.std()) for a in init_experiment(activation, init)]
        normed = [float(a.std()) for a in init_experiment(activation, init, batch_norm=True)]
        assert max(normed) < 1.05 * min(normed), activation  # the same spread in all five layers
        if init == "std0.01":
            assert plain[-1] < 0.2 * normed[-1], activation
