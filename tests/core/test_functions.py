"""Tests for nnplay.core.functions: softmax, losses and activations against the book's values and
against numerical derivatives."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from nnplay.core import functions as F

# Deep Learning from Scratch, 4.2: two outputs for the same target (class 2).
Y_GOOD = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
Y_BAD = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])
T_CLASS2 = np.eye(10)[2]

GRAD_PAIRS = [
    ("sigmoid", F.sigmoid, F.sigmoid_grad),
    ("tanh", F.tanh, F.tanh_grad),
    ("relu", F.relu, F.relu_grad),
    ("identity", F.identity_function, F.identity_grad),
    ("step", F.step_function, F.step_grad),
]


# -- softmax ---------------------------------------------------------------------------------------


def test_softmax_book_value():
    y = F.softmax(np.array([0.3, 2.9, 4.0]))
    np.testing.assert_allclose(y, [0.01821127, 0.24519181, 0.73659691], atol=1e-8)


def test_softmax_does_not_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        big = F.softmax(np.array([1010.0, 1000.0, 990.0]))
    assert np.all(np.isfinite(big))
    np.testing.assert_array_equal(big, F.softmax(np.array([20.0, 10.0, 0.0])))
    # and the value itself: exp(0), exp(-10), exp(-20) normalised
    e = np.exp([0.0, -10.0, -20.0])
    np.testing.assert_allclose(big, e / e.sum(), rtol=1e-15)


def test_softmax_batch_rows_sum_to_one_and_match_single_rows():
    x = np.random.default_rng(0).normal(0, 5, (50, 7))
    y = F.softmax(x)
    assert y.shape == x.shape
    np.testing.assert_allclose(y.sum(axis=1), 1.0, rtol=1e-14)
    assert np.all(y > 0)
    for i in (0, 17, 49):
        np.testing.assert_allclose(y[i], F.softmax(x[i]), rtol=1e-14)


def test_softmax_is_shift_invariant():
    x = np.array([[1.0, 2.0, 3.0], [-4.0, 0.5, 2.0]])
    np.testing.assert_allclose(F.softmax(x + 100.0), F.softmax(x), rtol=1e-13)


# -- losses ----------------------------------------------------------------------------------------


def test_sum_squared_error_book_values():
    assert F.sum_squared_error(Y_GOOD, T_CLASS2) == pytest.approx(0.0975, abs=1e-12)
    assert F.sum_squared_error(Y_BAD, T_CLASS2) == pytest.approx(0.5975, abs=1e-12)


def test_cross_entropy_error_book_values():
    assert F.cross_entropy_error(Y_GOOD, T_CLASS2) == pytest.approx(0.510825457, abs=1e-9)
    assert F.cross_entropy_error(Y_BAD, T_CLASS2) == pytest.approx(2.302584092, abs=1e-9)


def test_cross_entropy_uses_delta_so_zero_probability_is_finite():
    y = np.array([1.0, 0.0, 0.0])
    assert F.cross_entropy_error(y, 1) == pytest.approx(-np.log(F.DELTA), rel=1e-12)
    assert F.DELTA == 1e-7


@pytest.mark.parametrize("loss", [F.sum_squared_error, F.cross_entropy_error])
@pytest.mark.parametrize("y", [Y_GOOD, Y_BAD])
def test_index_and_onehot_targets_agree_for_one_sample(loss, y):
    expected = loss(y, T_CLASS2)
    assert loss(y, 2) == expected
    assert loss(y, np.array(2)) == expected
    assert loss(y, np.array([2])) == expected


@pytest.mark.parametrize("loss", [F.sum_squared_error, F.cross_entropy_error])
def test_batch_loss_is_mean_over_samples(loss):
    rng = np.random.default_rng(1)
    y = F.softmax(rng.normal(size=(6, 4)))
    t_idx = rng.integers(0, 4, 6)
    t_hot = np.eye(4)[t_idx]
    per_sample = [loss(y[i], t_hot[i]) for i in range(6)]
    assert loss(y, t_hot) == pytest.approx(np.mean(per_sample), rel=1e-13)
    assert loss(y, t_idx) == pytest.approx(np.mean(per_sample), rel=1e-13)
    # the book's two examples as one batch
    both = np.stack([Y_GOOD, Y_BAD])
    if loss is F.sum_squared_error:
        assert loss(both, [2, 2]) == pytest.approx((0.0975 + 0.5975) / 2, abs=1e-12)
    else:
        assert loss(both, [2, 2]) == pytest.approx((0.510825457 + 2.302584092) / 2, abs=1e-9)


def test_loss_rejects_targets_of_the_wrong_shape():
    with pytest.raises(ValueError, match="shape"):
        F.cross_entropy_error(np.full((3, 4), 0.25), np.zeros((2,), dtype=int))


# -- activations -----------------------------------------------------------------------------------


def _points_away_from_zero():
    x = np.linspace(-6.0, 6.0, 1201)
    return x[np.abs(x) > 1e-3]


@pytest.mark.parametrize(("name", "h", "dh"), GRAD_PAIRS, ids=[p[0] for p in GRAD_PAIRS])
def test_activation_derivative_matches_numerical_derivative(name, h, dh):
    x = _points_away_from_zero()
    eps = 1e-5
    numeric = (h(x + eps) - h(x - eps)) / (2 * eps)
    analytic = dh(x)
    assert analytic.shape == x.shape
    np.testing.assert_allclose(analytic, numeric, rtol=1e-7, atol=1e-9, err_msg=name)


@pytest.mark.parametrize("name", list(F.ACTIVATIONS))
def test_activation_table_pairs_function_with_its_derivative(name):
    expected = {p[0]: (p[1], p[2]) for p in GRAD_PAIRS}
    assert F.ACTIVATIONS[name] == expected[name]
    assert set(F.ACTIVATIONS) == set(expected)


def test_activation_known_values():
    x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    np.testing.assert_array_equal(F.step_function(x), [0, 0, 0, 1, 1])
    np.testing.assert_array_equal(F.relu(x), [0, 0, 0, 0.5, 2])
    np.testing.assert_array_equal(F.identity_function(x), x)
    np.testing.assert_allclose(F.sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-15)
    np.testing.assert_allclose(F.tanh(x), np.tanh(x), rtol=0)
    assert F.sigmoid(0.0) == 0.5
    assert F.step_function(np.array([-1.0, 1.0, 2.0])).dtype == np.float64


def test_relu_grad_at_zero_is_zero():
    assert F.relu_grad(0.0) == 0.0
    assert F.relu_grad(np.array([0.0]))[0] == 0.0
    np.testing.assert_array_equal(F.relu_grad(np.array([-1.0, 0.0, 1e-300, 3.0])), [0, 0, 1, 1])


def test_step_grad_is_zero_everywhere():
    x = np.concatenate([np.linspace(-100, 100, 1001), [0.0, -0.0, 1e-300, -1e-300, np.inf, -np.inf]])
    g = F.step_grad(x)
    assert g.shape == x.shape
    assert np.all(g == 0)


def test_sigmoid_grad_maximum_is_quarter_at_zero():
    x = np.linspace(-10, 10, 2001)  # contains 0 exactly at index 1000
    g = F.sigmoid_grad(x)
    assert x[1000] == 0.0
    assert g[1000] == 0.25
    assert np.argmax(g) == 1000
    assert np.all(g <= 0.25)
    assert F.sigmoid_grad(0.0) == 0.25


def test_tanh_grad_maximum_is_one_at_zero():
    x = np.linspace(-10, 10, 2001)
    g = F.tanh_grad(x)
    assert g[1000] == 1.0
    assert np.all(g <= 1.0)


@pytest.mark.filterwarnings("error")
def test_sigmoid_is_stable_for_huge_inputs():
    # underflow to 0 is the correct answer (and numpy ignores it by default); overflow would not be
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        y = F.sigmoid(np.array([-1000.0, -745.0, -50.0, 50.0, 745.0, 1000.0]))
        g = F.sigmoid_grad(np.array([-1000.0, 1000.0]))
        scalar = F.sigmoid(-1000.0)
    assert np.all(np.isfinite(y))
    assert y[0] == 0.0
    assert y[-1] == 1.0
    assert 0 < y[2] < 1e-21
    assert y[3] == pytest.approx(1.0, abs=1e-21)
    np.testing.assert_array_equal(g, [0.0, 0.0])
    assert scalar == 0.0


def test_sigmoid_is_monotone_and_symmetric():
    x = np.linspace(-40, 40, 4001)
    y = F.sigmoid(x)
    assert np.all(np.diff(y) >= 0)
    np.testing.assert_allclose(y + F.sigmoid(-x), 1.0, rtol=1e-15)


def test_functions_accept_batches():
    x = np.random.default_rng(2).normal(size=(5, 3))
    for _, h, dh in GRAD_PAIRS:
        assert h(x).shape == (5, 3)
        assert dh(x).shape == (5, 3)
