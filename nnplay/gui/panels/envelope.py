"""A summary of a growing table of values in a bounded number of buckets (numpy only): per bucket and column,
the minimum, the maximum, the mean and whether a value was exactly zero.

A plot of the loss or of the per-layer gradients after 60,000 steps has 60,000 points per curve, on a plot a
few hundred pixels wide. Handing them all to pyqtgraph every frame costs time that grows with the history
(log mapping, bounds, downsampling: each an O(n) pass per curve and frame). ``Envelope`` takes in only the
rows that are new since the last frame and keeps, per bucket of consecutive rows, the smallest and the
largest value of every column (drawn as a band: the minimum and the maximum of each bucket at the bucket's
step, as pyqtgraph's "peak" downsampling does), the sum and count of the values of a middle line (a mean), and
whether any value was exactly zero (a gradient of 0 has no place on a log axis and is drawn on a lane of its
own). At most ``max_buckets`` buckets however long training runs: when they are full, neighbouring buckets are
merged in pairs and the bucket size doubles.

Rows may themselves stand for several steps (a history that merged rows): then ``lo``/``hi`` are their minima
and maxima, ``mid`` their means and ``weight`` how many steps each stands for, and the summary is the same as
if every step had come one by one.

NaN means "no value" (a gap in the curve): it is ignored by min, max and mean unless a whole bucket is NaN.
"""

from __future__ import annotations

import numpy as np


class Envelope:
    """Per-bucket minimum, maximum, mean and zero flag of every column of rows added in step order."""

    def __init__(self, ncols, max_buckets=2048):
        if max_buckets < 2 or max_buckets % 2:
            raise ValueError("max_buckets must be an even number >= 2")
        self.ncols = int(ncols)
        self.max_buckets = int(max_buckets)
        shape = (max_buckets + 1, self.ncols)
        self._x = np.empty(max_buckets + 1, dtype=np.float64)
        self._lo = np.empty(shape)
        self._hi = np.empty(shape)
        self._sum = np.empty(shape)
        self._cnt = np.empty(shape)
        self._zero = np.empty(shape, dtype=bool)
        self.clear()

    def clear(self):
        self.size = 1  # steps per complete bucket (a power of two)
        self.rows = 0  # rows taken in since the last clear
        self.last_x = -np.inf  # step of the last row taken in
        self._k = 0  # complete buckets
        self._part_n = 0  # steps in the incomplete last bucket
        self._part_x = 0.0
        self._part = self._empty_part()
        self.minimum = np.full(self.ncols, np.nan)  # of everything taken in, per column
        self.maximum = np.full(self.ncols, np.nan)
        self.any_zero = np.zeros(self.ncols, dtype=bool)

    def _empty_part(self):
        n = self.ncols
        return [np.full(n, np.nan), np.full(n, np.nan), np.zeros(n), np.zeros(n), np.zeros(n, dtype=bool)]

    def __len__(self):
        """Number of buckets (the incomplete one included)."""
        return self._k + (1 if self._part_n else 0)

    def extend(self, x, lo, hi=None, mid=None, weight=1, zero=None):
        """Take in rows at steps ``x`` (m,), which come after every step taken in so far.

        ``lo`` and ``hi`` (m, ncols) are each row's smallest and largest value (``hi`` defaults to ``lo``: plain
        rows), ``mid`` the value the middle line averages (defaults to ``lo``; NaN: left out), ``weight`` how many
        steps each row stands for (a power of two), ``zero`` (m, ncols) where a value was exactly 0 (defaults to
        ``lo == 0``). Buckets hold a number of steps, not of rows, so rows that stand for several steps fill them
        as fast as the steps would have.
        """
        x = np.asarray(x, dtype=np.float64).reshape(-1)
        m = len(x)
        if m == 0:
            return
        w = max(1, int(weight))
        lo = np.asarray(lo, dtype=np.float64).reshape(m, self.ncols)
        hi = lo if hi is None else np.asarray(hi, dtype=np.float64).reshape(m, self.ncols)
        mid = lo if mid is None else np.asarray(mid, dtype=np.float64).reshape(m, self.ncols)
        zero = (lo == 0) if zero is None else np.asarray(zero, dtype=bool).reshape(m, self.ncols)
        finite = np.isfinite(mid)
        wcount = np.where(finite, float(w), 0.0)
        wsum = np.where(finite, mid, 0.0) * wcount
        if self.rows == 0:  # start with buckets big enough for all of it: one pass instead of log2 merges
            while m * w > self.size * self.max_buckets or self.size < w:
                self.size *= 2
        while self.size < w:  # (rows that stand for more steps than a bucket: coarser buckets first)
            self._merge_any()
        with np.errstate(invalid="ignore"):
            self.minimum = np.fmin(self.minimum, np.fmin.reduce(lo, axis=0))
            self.maximum = np.fmax(self.maximum, np.fmax.reduce(hi, axis=0))
        self.any_zero |= zero.any(axis=0)
        self.rows += m
        self.last_x = float(x[-1])
        cols = (lo, hi, wsum, wcount, zero)
        i = 0
        if self._part_n:  # fill the incomplete bucket first
            take = min(-(-(self.size - self._part_n) // w), m)
            self._fold_into_part([c[:take] for c in cols], take * w)
            i = take
            if self._part_n >= self.size:
                self._close_part()
        while i < m:
            room = self.max_buckets - self._k
            if room == 0:
                self._merge()
                continue
            per = self.size // w  # rows per bucket
            full = min((m - i) // per, room)
            if full:
                j = i + full * per
                k = self._k
                shape = (full, per, self.ncols)
                self._x[k : k + full] = x[i:j:per]
                self._lo[k : k + full] = np.fmin.reduce(lo[i:j].reshape(shape), axis=1)
                self._hi[k : k + full] = np.fmax.reduce(hi[i:j].reshape(shape), axis=1)
                self._sum[k : k + full] = wsum[i:j].reshape(shape).sum(axis=1)
                self._cnt[k : k + full] = wcount[i:j].reshape(shape).sum(axis=1)
                self._zero[k : k + full] = zero[i:j].reshape(shape).any(axis=1)
                self._k += full
                i = j
            elif i < m:  # fewer rows than one bucket: they start the incomplete bucket
                self._part_x = float(x[i])
                self._part_n = 0
                self._part = self._empty_part()
                self._fold_into_part([c[i:] for c in cols], (m - i) * w)
                i = m
        if self._k == self.max_buckets and self._part_n:
            self._merge()

    def _fold_into_part(self, rows, steps):
        lo, hi, wsum, w, zero = rows
        p = self._part
        with np.errstate(invalid="ignore"):
            p[0] = np.fmin(p[0], np.fmin.reduce(lo, axis=0))
            p[1] = np.fmax(p[1], np.fmax.reduce(hi, axis=0))
        p[2] = p[2] + wsum.sum(axis=0)
        p[3] = p[3] + w.sum(axis=0)
        p[4] = p[4] | zero.any(axis=0)
        self._part_n += steps

    def _close_part(self):
        if self._k == self.max_buckets:
            self._merge()
        k = self._k
        self._x[k] = self._part_x
        for arr, v in zip(self._arrays(), self._part, strict=True):
            arr[k] = v
        self._k += 1
        self._part_n = 0
        self._part = self._empty_part()

    def _arrays(self):
        return (self._lo, self._hi, self._sum, self._cnt, self._zero)

    def _merge_any(self):
        """Double the bucket size now (rows standing for more steps than a bucket arrived): complete buckets
        merge in pairs; an odd last one becomes the incomplete bucket (with whatever that held)."""
        if self._k % 2:
            k = self._k - 1
            last = [self._x[k], *(arr[k].copy() for arr in self._arrays())]
            part, part_n, part_x = self._part, self._part_n, self._part_x
            self._k = k
            self._merge()
            self._part_x = last[0]
            self._part = list(last[1:])
            self._part_n = self.size // 2
            if part_n:  # (the old incomplete bucket follows it)
                self._fold_into_part([v[None, :] for v in part], part_n)
            del part_x
        else:
            self._merge()

    def _merge(self):
        """Merge neighbouring complete buckets in pairs; the bucket size doubles. Every bucket has a partner
        (an even number of them), and the incomplete bucket, if any, holds fewer steps than the new size."""
        half = self._k // 2
        a, b = slice(0, 2 * half, 2), slice(1, 2 * half, 2)
        self._x[:half] = self._x[a]
        with np.errstate(invalid="ignore"):
            self._lo[:half] = np.fmin(self._lo[a], self._lo[b])
            self._hi[:half] = np.fmax(self._hi[a], self._hi[b])
        self._sum[:half] = self._sum[a] + self._sum[b]
        self._cnt[:half] = self._cnt[a] + self._cnt[b]
        self._zero[:half] = self._zero[a] | self._zero[b]
        self._k = half
        self.size *= 2

    def _buckets(self):
        """(x, lo, hi, sum, count, zero) of every bucket, the incomplete one included."""
        k = self._k
        out = [self._x[:k], *(arr[:k] for arr in self._arrays())]
        if self._part_n:
            out[0] = np.append(out[0], self._part_x)
            out[1:] = [np.vstack([arr, v[None, :]]) for arr, v in zip(out[1:], self._part, strict=True)]
        return out

    def points(self):
        """``(x, y)`` of the band: every row as it came while buckets hold one plain row; otherwise each
        bucket's minimum and maximum, in that order, at the bucket's first step. ``y`` is (len(x), ncols)."""
        x, lo, hi, *_ = self._buckets()
        if self.size == 1 and np.array_equal(lo, hi, equal_nan=True):  # (a one-row bucket is never incomplete)
            return x.copy(), lo.copy()
        n = len(x)
        xs = np.repeat(x, 2)
        ys = np.empty((2 * n, self.ncols))
        ys[0::2] = lo
        ys[1::2] = hi
        return xs, ys

    def means(self, window=1):
        """``(x, y)`` of the middle line: per bucket, the mean of the ``mid`` values of the ``window`` buckets
        centred on it (weighted by the steps they stand for; NaN where there is none). ``y`` is (len, ncols)."""
        x, _lo, _hi, total, count, _zero = self._buckets()
        if window > 1 and len(x):
            half = window // 2
            total = _window_sums(total, half)
            count = _window_sums(count, half)
        with np.errstate(invalid="ignore", divide="ignore"):
            y = np.where(count > 0, total / np.maximum(count, 1e-300), np.nan)
        return x.copy(), y

    def zeros(self):
        """``(x, zero)``: per bucket and column, True where some value was exactly 0."""
        x, *_, zero = self._buckets()
        return x.copy(), zero.copy()


def _window_sums(a, half):
    """Sums of ``a`` (n, c) over rows i − half … i + half (cut at the ends)."""
    n = len(a)
    c = np.vstack([np.zeros((1, a.shape[1])), np.cumsum(a, axis=0)])
    idx = np.arange(n)
    lo = np.clip(idx - half, 0, n)
    hi = np.clip(idx + half + 1, 0, n)
    return c[hi] - c[lo]
