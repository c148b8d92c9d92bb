"""Tests for nnplay.core.gradient: the central-difference gradient and gradient descent (book, ch. 4)."""

from __future__ import annotations

import numpy as np
import pytest

from nnplay.core.gradient import H, gradient_descent, numerical_gradient


def function_2(x):
    """The book's f(x0, x1) = x0² + x1²."""
    return x[0] ** 2 + x[1] ** 2


@pytest.mark.parametrize(
    ("point", "expected"),
    [((3.0, 4.0), (6.0, 8.0)), ((0.0, 2.0), (0.0, 4.0)), ((3.0, 0.0), (6.0, 0.0))],
)
def test_numerical_gradient_book_values(point, expected):
    g = numerical_gradient(function_2, np.array(point))
    np.testing.assert_allclose(g, expected, atol=1e-6)
    assert g.shape == (2,)
    assert g.dtype == np.float64


def test_default_step_is_the_books():
    assert H == 1e-4


def test_numerical_gradient_2d():
    rng = np.random.default_rng(0)
    w = rng.normal(size=(3, 4))
    x = rng.normal(size=(3, 4))
    g = numerical_gradient(lambda a: float(np.sum(w * a**2)), x)
    assert g.shape == (3, 4)
    np.testing.assert_allclose(g, 2 * w * x, rtol=1e-7, atol=1e-9)


def test_numerical_gradient_3d():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 3, 4))
    g = numerical_gradient(lambda a: float(np.sum(a**3)), x)
    assert g.shape == (2, 3, 4)
    # central difference of a cubic is exact up to the h² term: 3x² + h²
    np.testing.assert_allclose(g, 3 * x**2 + H**2, rtol=1e-6, atol=1e-8)


def test_numerical_gradient_of_matrix_product_matches_exact():
    rng = np.random.default_rng(2)
    a = rng.normal(size=(5, 3))
    b = rng.normal(size=(3, 2))
    g = numerical_gradient(lambda m: float(np.sum((a @ m) ** 2)), b.copy())
    np.testing.assert_allclose(g, 2 * a.T @ (a @ b), rtol=1e-7, atol=1e-8)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_numerical_gradient_leaves_x_bit_identical(dtype):
    # values for which (x + h) - h != x in floating point
    x = np.array([[0.1, 1e-20, 3.3], [-7.77, 1e10, 0.3]], dtype=dtype)
    before = x.tobytes()
    seen = []

    def f(a):
        seen.append(a.copy())
        return float(np.sum(np.sin(a)))

    numerical_gradient(f, x)
    assert x.tobytes() == before
    # and every evaluation perturbed exactly one element
    assert len(seen) == 2 * x.size
    for a in seen:
        assert np.count_nonzero(a != x) <= 1


@pytest.mark.parametrize("failing_call", [1, 3, 4, 8])  # odd: while x_i + h is set, even: x_i - h
def test_numerical_gradient_restores_x_when_f_raises(failing_call):
    x = np.array([0.1, 0.2, 0.7, 1e-30])
    before = x.tobytes()
    calls = []

    def f(a):
        calls.append(1)
        if len(calls) == failing_call:
            assert a.tobytes() != before  # one element is perturbed right now
            raise RuntimeError("boom")
        return float(np.sum(a))

    with pytest.raises(RuntimeError, match="boom"):
        numerical_gradient(f, x)
    assert x.tobytes() == before


@pytest.mark.parametrize("bad", [np.array([1, 2, 3]), np.array([True, False]), [1.0, 2.0], 3.0])
def test_numerical_gradient_rejects_non_float_arrays(bad):
    with pytest.raises(TypeError):
        numerical_gradient(lambda a: 0.0, bad)


def test_numerical_gradient_rejects_non_contiguous_arrays():
    x = np.zeros((4, 4))[:, ::2]
    with pytest.raises(ValueError, match="contiguous"):
        numerical_gradient(lambda a: float(np.sum(a)), x)


# -- gradient descent ------------------------------------------------------------------------------


def test_gradient_descent_book_lr_0_1():
    init = np.array([-3.0, 4.0])
    x = gradient_descent(function_2, init, lr=0.1, step_num=100)
    np.testing.assert_allclose(x, [-6.11110793e-10, 8.14814391e-10], rtol=1e-8)
    np.testing.assert_array_equal(init, [-3.0, 4.0])  # not modified


def test_gradient_descent_book_lr_10_breaks_down():
    # The book's value: with lr = 10 the iterate jumps to ~1e13, where the central difference with
    # h = 1e-4 is dominated by rounding; the exact values come from that breakdown.
    x = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=10.0, step_num=100)
    np.testing.assert_allclose(x, [-2.58983747e13, -1.29524862e12], rtol=1e-8)


def test_gradient_descent_book_lr_tiny():
    x = gradient_descent(function_2, np.array([-3.0, 4.0]), lr=1e-10, step_num=100)
    np.testing.assert_allclose(x, [-2.99999994, 3.99999992], rtol=1e-8)


def test_gradient_descent_accepts_lists_and_ints():
    x = gradient_descent(function_2, [-3, 4], lr=0.1, step_num=100)
    assert x.dtype == np.float64
    np.testing.assert_allclose(x, [-6.11110793e-10, 8.14814391e-10], rtol=1e-8)


def test_gradient_descent_return_path():
    init = np.array([-3.0, 4.0])
    x, path = gradient_descent(function_2, init, lr=0.1, step_num=20, return_path=True)
    assert path.shape == (21, 2)
    np.testing.assert_array_equal(path[0], init)
    np.testing.assert_array_equal(path[-1], x)
    # every step shrinks the point by (1 - 2·lr) = 0.8 (numerically, to ~1e-8)
    np.testing.assert_allclose(path[1:], path[:-1] * 0.8, rtol=1e-6, atol=1e-12)
    assert np.all(np.diff(np.sum(path**2, axis=1)) < 0)


def test_gradient_descent_path_of_zero_steps():
    x, path = gradient_descent(function_2, [1.0, 2.0], lr=0.1, step_num=0, return_path=True)
    assert path.shape == (1, 2)
    np.testing.assert_array_equal(x, [1.0, 2.0])
    np.testing.assert_array_equal(path[0], [1.0, 2.0])


def test_gradient_descent_with_exact_gradient():
    def f(_):
        raise AssertionError("f must not be evaluated when grad is given")

    init = np.array([-3.0, 4.0])
    x = gradient_descent(f, init, lr=0.1, step_num=100, grad=lambda p: 2 * p)
    # x_k = (1 - 2 lr)^k x_0
    np.testing.assert_allclose(x, init * 0.8**100, rtol=1e-12)


def test_gradient_descent_divergence_shows_in_path_without_warnings():
    with np.errstate(all="raise"):
        x, path = gradient_descent(
            function_2, np.array([-3.0, 4.0]), lr=1.5, step_num=2000, grad=lambda p: 2 * p, return_path=True
        )
    # |1 - 2·1.5| = 2 per step: overflows after ~1000 steps
    assert not np.all(np.isfinite(x))
    assert np.all(np.isfinite(path[:100]))
    assert not np.all(np.isfinite(path[-1]))
