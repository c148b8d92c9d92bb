"""The book's simpleNet (4.4.2): the printed values, the numerical gradient against its closed form, and δ."""

import numpy as np
import pytest

from nnplay.core.experiments import SIMPLENET_T, SIMPLENET_W, SIMPLENET_X, simplenet
from nnplay.core.functions import DELTA

BOOK_P = [1.05414809, 0.63071653, 1.1328074]
BOOK_LOSS = 0.92806853663411326
BOOK_DW = [[0.21924763, 0.14356247, -0.36281009], [0.32887144, 0.2153437, -0.54421514]]


def test_the_books_printed_values():
    r = simplenet()  # the book's W, x = [0.6, 0.9], t = [0, 0, 1]
    np.testing.assert_allclose(r.p, BOOK_P, atol=5e-9)  # (the book prints 8 decimals)
    assert r.argmax == 2
    assert r.loss == pytest.approx(BOOK_LOSS, abs=5e-9)  # (from its unrounded W: 2e-9 apart)
    np.testing.assert_allclose(r.dW, BOOK_DW, atol=5e-9)
    np.testing.assert_allclose(r.y.sum(), 1.0)
    assert r.W.shape == (2, 3) and r.t.tolist() == [0.0, 0.0, 1.0]


def test_with_the_delta_of_the_books_code_the_loss_is_slightly_smaller():
    r = simplenet(delta=DELTA)
    assert r.loss == pytest.approx(-np.log(r.y[2] + DELTA), rel=1e-15)
    assert 2e-7 < BOOK_LOSS - r.loss < 3e-7  # so the printed numbers are those without δ
    assert np.abs(r.dW - np.array(BOOK_DW)).max() > 5e-8


@pytest.mark.parametrize("delta", [0.0, DELTA])
def test_numerical_gradient_equals_the_closed_form(delta):
    rng = np.random.default_rng(3)
    for _ in range(5):
        W, x, t = rng.normal(size=(2, 3)), rng.normal(size=2), int(rng.integers(3))
        r = simplenet(W, x, t, delta=delta)
        np.testing.assert_allclose(r.dW, r.dW_exact, atol=1e-8)
        if delta == 0:
            np.testing.assert_allclose(r.dW_exact, np.outer(x, r.y - np.eye(3)[t]), atol=1e-15)


def test_inputs_are_copied_and_never_perturbed():
    W = np.array(SIMPLENET_W)
    x = np.array(SIMPLENET_X)
    before = W.copy()
    r = simplenet(W, x, SIMPLENET_T)
    assert np.array_equal(W, before) and r.W is not W


def test_a_step_against_the_gradient_lowers_the_loss():
    r = simplenet()
    after = simplenet(r.W - 0.5 * r.dW)
    assert after.loss < r.loss
