"""``Envelope``: the bounded min/max summary the curves are drawn from, checked against brute force."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnplay.gui.panels.envelope import Envelope


def bucket_starts_and_extremes(env):
    """Bucket start steps and (lo, hi) per bucket, read back from ``points()``."""
    x, y = env.points()
    if env.size == 1:
        return x, y, y
    return x[0::2], y[0::2], y[1::2]


def check_against_brute_force(env, xs, ys):
    starts, lo, hi = bucket_starts_and_extremes(env)
    assert env.rows == len(xs)
    assert len(starts) == len(env) <= env.max_buckets + 1
    assert np.all(np.diff(starts) > 0)
    assert starts[0] == xs[0]
    # Every bucket is exactly the rows from its start step to the next bucket's start step.
    edges = np.append(starts, np.inf)
    for j in range(len(starts)):
        rows = ys[(xs >= edges[j]) & (xs < edges[j + 1])]
        assert len(rows) >= 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # nanmin of an all-NaN bucket
            np.testing.assert_array_equal(lo[j], np.nanmin(rows, axis=0))
            np.testing.assert_array_equal(hi[j], np.nanmax(rows, axis=0))
    # Complete buckets hold exactly env.size rows; only the last may hold fewer.
    counts = np.array([np.sum((xs >= edges[j]) & (xs < edges[j + 1])) for j in range(len(starts))])
    assert np.all(counts[:-1] == env.size) and 1 <= counts[-1] <= env.size
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        np.testing.assert_array_equal(env.minimum, np.nanmin(ys, axis=0))
        np.testing.assert_array_equal(env.maximum, np.nanmax(ys, axis=0))


@settings(max_examples=60, deadline=None)
@given(
    chunks=st.lists(st.integers(1, 70), min_size=1, max_size=25),
    max_buckets=st.sampled_from([2, 4, 6, 16]),
    ncols=st.integers(1, 3),
    seed=st.integers(0, 2**16),
)
def test_buckets_hold_the_min_and_max_of_their_rows(chunks, max_buckets, ncols, seed):
    rng = np.random.default_rng(seed)
    total = sum(chunks)
    xs = np.cumsum(rng.integers(1, 4, total)).astype(float)
    ys = rng.normal(size=(total, ncols))
    ys[rng.random((total, ncols)) < 0.1] = np.nan
    env = Envelope(ncols, max_buckets=max_buckets)
    i = 0
    for c in chunks:
        env.extend(xs[i : i + c], ys[i : i + c])
        i += c
        check_against_brute_force(env, xs[:i], ys[:i])


def test_small_histories_are_drawn_row_for_row():
    env = Envelope(2, max_buckets=8)
    ys = np.arange(16.0).reshape(8, 2)
    env.extend(np.arange(1, 9), ys)
    x, y = env.points()
    np.testing.assert_array_equal(x, np.arange(1, 9))
    np.testing.assert_array_equal(y, ys)
    env.extend([9], [[0.0, 1.0]])  # one row too many: buckets of two, drawn as min and max
    x, y = env.points()
    assert env.size == 2 and len(x) == 2 * len(env) == 10


def test_cost_and_size_stay_bounded_for_a_million_rows():
    env = Envelope(1, max_buckets=2048)
    x = np.arange(1_000_000, dtype=float)
    y = np.sin(x / 5000.0)[:, None]
    for i in range(0, len(x), 997):
        env.extend(x[i : i + 997], y[i : i + 997])
    xd, yd = env.points()
    assert env.rows == 1_000_000
    assert len(xd) <= 2 * (2048 + 1)
    assert yd.min() == pytest.approx(-1.0, abs=1e-8) and yd.max() == pytest.approx(1.0, abs=1e-8)


def test_a_first_large_block_uses_big_buckets_at_once():
    env = Envelope(1, max_buckets=4)
    env.extend(np.arange(100), np.arange(100.0)[:, None])
    assert env.size == 32 and len(env) == 4
    check_against_brute_force(env, np.arange(100.0), np.arange(100.0)[:, None])


def test_all_nan_bucket_stays_a_gap_and_clear_starts_over():
    env = Envelope(1, max_buckets=4)
    env.extend(np.arange(8), np.array([1, 2, np.nan, np.nan, 3, 4, 5, 6.0])[:, None])
    _, lo, _ = bucket_starts_and_extremes(env)
    assert np.isnan(lo[1, 0]) and lo[0, 0] == 1
    env.clear()
    assert env.rows == 0 and len(env) == 0 and env.points()[0].size == 0


def test_max_buckets_must_be_even():
    with pytest.raises(ValueError):
        Envelope(1, max_buckets=3)


def test_rows_that_stand_for_several_steps_give_the_same_summary_as_the_steps():
    """A history that merged rows hands over (min, max, mean) of 2, 4, … steps per row: the buckets hold steps,
    so the band and the middle line are those of the steps themselves."""
    rng = np.random.default_rng(3)
    n = 64 * 40
    values = rng.normal(size=(n, 2))
    steps = np.arange(n)
    raw = Envelope(2, 64)
    raw.extend(steps, values)
    merged = Envelope(2, 64)
    half = n // 2
    merged.extend(steps[:half], values[:half])
    pairs = values[half:].reshape(-1, 2, 2)
    merged.extend(steps[half::2], pairs.min(axis=1), pairs.max(axis=1), mid=pairs.mean(axis=1), weight=2)
    assert raw.size == merged.size and len(raw) == len(merged)
    np.testing.assert_array_equal(raw.points()[1], merged.points()[1])
    np.testing.assert_allclose(raw.means(window=3)[1], merged.means(window=3)[1], rtol=1e-12)
