"""Tests for the bounded history: nnplay.core.history.Series and trainer.History."""

from __future__ import annotations

import numpy as np
import pytest

from nnplay.core.config import Config
from nnplay.core.history import Series
from nnplay.core.trainer import Divergence, Evaluation, History, StepResult, Trainer


def feed(series, n, rng, max_chunk=37):
    """Feed rows for steps 0..n-1 with columns (step, step²) in random-sized chunks."""
    i = 0
    while i < n:
        m = min(int(rng.integers(1, max_chunk + 1)), n - i)
        x = np.arange(i, i + m)
        series.extend(x, np.column_stack([x, x.astype(float) ** 2]))
        i += m
        assert len(series) <= series.capacity


def check_means(series, n):
    """Every stored row is the mean of ``stride`` consecutive incoming rows, keyed by the last one's step,
    and the rows cover 0..x[-1] without gaps."""
    x, y, s = series.x, series.y, series.stride
    assert len(x) > 0
    assert np.all(np.diff(x) > 0)
    assert x[0] == s - 1
    np.testing.assert_array_equal(np.diff(x), s)
    assert n - s < x[-1] + 1 <= n  # only fewer than `stride` rows may still be pending
    for j in range(len(x)):
        group = np.arange(x[j] - s + 1, x[j] + 1, dtype=float)
        assert y[j, 0] == pytest.approx(group.mean(), rel=1e-12)
        assert y[j, 1] == pytest.approx(np.mean(group**2), rel=1e-12)


@pytest.mark.parametrize("capacity", [2, 16, 64])
def test_series_stays_bounded_and_keeps_correct_means(capacity):
    s = Series(2, capacity)
    n = 100 * capacity
    feed(s, n, np.random.default_rng(capacity))
    assert len(s) <= capacity
    assert len(s) >= capacity // 2
    assert s.stride > 1
    check_means(s, n)


def test_series_keeps_everything_while_there_is_room():
    s = Series(2, 64)
    feed(s, 64, np.random.default_rng(0))
    assert len(s) == 64
    assert s.stride == 1
    np.testing.assert_array_equal(s.x, np.arange(64))
    np.testing.assert_array_equal(s.y[:, 1], np.arange(64.0) ** 2)
    s.extend([64], [[64.0, 4096.0]])  # one more: pairs are merged
    assert s.stride == 2
    assert len(s) == 32
    check_means(s, 65)


def test_series_one_row_at_a_time_equals_one_big_chunk():
    a, b = Series(1, 8), Series(1, 8)
    values = np.random.default_rng(1).normal(size=300)
    for i, v in enumerate(values):
        a.extend([i], [[v]])
    b.extend(np.arange(300), values[:, None])
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_allclose(a.y, b.y, rtol=1e-13)
    assert a.stride == b.stride


def test_series_views_are_read_only_and_clear_resets():
    s = Series(1, 4)
    s.extend(np.arange(10), np.arange(10.0)[:, None])
    with pytest.raises(ValueError):
        s.x[0] = 5
    with pytest.raises(ValueError):
        s.y[0, 0] = 5.0
    s.clear()
    assert len(s) == 0
    assert s.stride == 1
    s.extend([0, 1], [[1.0], [2.0]])
    np.testing.assert_array_equal(s.x, [0, 1])


@pytest.mark.parametrize("capacity", [0, 1, 3, 7])
def test_series_rejects_odd_or_tiny_capacity(capacity):
    with pytest.raises(ValueError, match="capacity"):
        Series(1, capacity)


def synthetic_result(start, n, n_layers, rng):
    steps = np.arange(start, start + n)
    rows = rng.random((n, 1 + 3 * n_layers))
    rows[:, 0] = steps  # a known column: its stored means are checkable
    return StepResult(steps, (steps - 1) // 32 + 1, rows, (), None)


def test_history_after_a_million_steps_is_small():
    tr = Trainer(Config(hidden=(8, 8)), eval_every=0)
    h = tr.history
    rng = np.random.default_rng(2)
    chunk = 50_000
    for start in range(1, 1_000_001, chunk):
        h._add(synthetic_result(start, chunk, 3, rng))
    assert h.last_step == 1_000_000
    assert h.nbytes < 50_000_000
    assert len(h.step_x) <= h.steps.capacity
    assert h.step_x[-1] > 990_000
    assert np.all(np.diff(h.step_x) > 0)
    assert h.grad_norm.shape == (len(h.step_x), 3)
    stride = h.steps.stride
    assert stride > 1
    np.testing.assert_allclose(h.loss, h.step_x - (stride - 1) / 2, rtol=1e-12)
    assert np.all((h.update_ratio >= 0) & (h.update_ratio < 1))


def test_history_skips_the_diverged_row_and_keeps_evaluations():
    h = History(n_layers=2, capacity=8, eval_capacity=4)
    rng = np.random.default_rng(3)
    ok = synthetic_result(1, 5, 2, rng)
    h._add(ok)
    np.testing.assert_array_equal(h.loss, np.arange(1, 6))
    bad_rows = rng.random((3, 7))
    bad_rows[-1, 0] = np.inf
    div = Divergence(8, np.inf, "the loss became inf", 1.0)
    h._add(StepResult(np.arange(6, 9), np.ones(3, dtype=int), bad_rows, (), div))
    np.testing.assert_array_equal(h.step_x, np.arange(1, 8))
    assert h.last_step == 7
    assert np.all(np.isfinite(h.loss))
    for i in range(10):
        h._add_eval(Evaluation(i + 1, 1, 1.0 * i, 0.5, np.nan, np.nan, None))
    assert len(h.evals) <= 4
    assert np.all(np.isnan(h.eval_column("test_loss")))
    assert np.all(np.diff(h.evals.x) > 0)


@pytest.mark.parametrize("capacity", [4, 16, 64])
def test_merged_rows_keep_the_exact_minimum_maximum_and_log_mean(capacity):
    """A band drawn from the merged rows is the band of every row: min and max of the rows each one stands for;
    its middle on a log axis is the mean of their log10 (zeros and non-finite values left out)."""
    rng = np.random.default_rng(capacity)
    n = 37 * capacity + 5
    values = np.exp(rng.normal(size=(n, 2)) * 2)
    values[rng.random(n) < 0.1, 1] = 0.0  # exact zeros (a step function's gradient) in column 1
    s = Series(2, capacity)
    i = 0
    while i < n:
        m = min(int(rng.integers(1, 50)), n - i)
        s.extend(np.arange(i, i + m), values[i : i + m])
        i += m
    assert s.merged and s.stride > 1
    st = s.stride
    for j, last in enumerate(s.x):
        group = values[last - st + 1 : last + 1]
        np.testing.assert_array_equal(s.lo[j], group.min(axis=0))
        np.testing.assert_array_equal(s.hi[j], group.max(axis=0))
        np.testing.assert_allclose(s.y[j], group.mean(axis=0), rtol=1e-12)
        assert s.logmean()[j, 0] == pytest.approx(np.log10(group[:, 0]).mean(), rel=1e-9, abs=1e-12)
        positive = group[:, 1][group[:, 1] > 0]
        if len(positive) == len(group):
            assert s.logmean()[j, 1] == pytest.approx(np.log10(positive).mean(), rel=1e-9, abs=1e-12)


def test_before_any_merge_the_summaries_are_the_rows():
    s = Series(1, 8)
    s.extend(np.arange(5), np.array([[1.0], [10.0], [0.0], [100.0], [-1.0]]))
    assert not s.merged
    np.testing.assert_array_equal(s.lo, s.y)
    np.testing.assert_array_equal(s.hi, s.y)
    np.testing.assert_array_equal(s.logmean()[:, 0], [0.0, 1.0, np.nan, 2.0, np.nan])
