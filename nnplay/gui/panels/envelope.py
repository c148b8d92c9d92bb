"""The minimum and maximum of a growing table of values, in a bounded number of buckets (numpy only).

A plot of the loss or of the per-layer gradients after 60,000 steps has 60,000 points per curve, on a plot a
few hundred pixels wide. Handing them all to pyqtgraph every frame costs time that grows with the history
(log mapping, bounds, downsampling: each an O(n) pass per curve and frame). ``Envelope`` takes in only the
rows that are new since the last frame and keeps, per bucket of consecutive rows, the smallest and the
largest value of every column. Drawing the minimum and the maximum of each bucket at the bucket's step (as
pyqtgraph's "peak" downsampling does) gives the same picture as drawing every row, at most
``2 * max_buckets`` points however long training runs. When the buckets are full, neighbouring buckets are
merged in pairs and the bucket size doubles.

NaN means "no value" (a gap in the curve): it is ignored by min and max unless a whole bucket is NaN.
"""

from __future__ import annotations

import numpy as np


class Envelope:
    """Per-bucket minimum and maximum of every column of rows ``(step, values...)`` added in step order."""

    def __init__(self, ncols, max_buckets=2048):
        if max_buckets < 2 or max_buckets % 2:
            raise ValueError("max_buckets must be an even number >= 2")
        self.ncols = int(ncols)
        self.max_buckets = int(max_buckets)
        self._x = np.empty(max_buckets + 1, dtype=np.float64)
        self._lo = np.empty((max_buckets + 1, self.ncols))
        self._hi = np.empty((max_buckets + 1, self.ncols))
        self.clear()

    def clear(self):
        self.size = 1  # rows per complete bucket (a power of two)
        self.rows = 0  # rows taken in since the last clear
        self.last_x = -np.inf  # step of the last row taken in
        self._k = 0  # complete buckets
        self._part_n = 0  # rows in the incomplete last bucket
        self._part_x = 0.0
        self._part_lo = np.full(self.ncols, np.nan)
        self._part_hi = np.full(self.ncols, np.nan)
        self.minimum = np.full(self.ncols, np.nan)  # of everything taken in, per column
        self.maximum = np.full(self.ncols, np.nan)

    def __len__(self):
        """Number of buckets (the incomplete one included)."""
        return self._k + (1 if self._part_n else 0)

    def extend(self, x, y):
        """Take in rows ``y`` (m, ncols) at steps ``x`` (m,), which come after every step taken in so far."""
        x = np.asarray(x, dtype=np.float64).reshape(-1)
        y = np.asarray(y, dtype=np.float64).reshape(len(x), self.ncols)
        m = len(x)
        if m == 0:
            return
        if self.rows == 0:  # start with buckets big enough for all of it: one pass instead of log2 merges
            while m > self.size * self.max_buckets:
                self.size *= 2
        with np.errstate(invalid="ignore"):
            self.minimum = np.fmin(self.minimum, np.fmin.reduce(y, axis=0))
            self.maximum = np.fmax(self.maximum, np.fmax.reduce(y, axis=0))
        self.rows += m
        self.last_x = float(x[-1])
        i = 0
        if self._part_n:  # fill the incomplete bucket first
            take = min(self.size - self._part_n, m)
            self._fold_into_part(y[:take])
            i = take
            if self._part_n == self.size:
                self._close_part()
        while i < m:
            room = self.max_buckets - self._k
            if room == 0:
                self._merge()
                continue
            full = min((m - i) // self.size, room)
            if full:
                j = i + full * self.size
                block = y[i:j].reshape(full, self.size, self.ncols)
                k = self._k
                self._x[k : k + full] = x[i : j : self.size]
                self._lo[k : k + full] = np.fmin.reduce(block, axis=1)
                self._hi[k : k + full] = np.fmax.reduce(block, axis=1)
                self._k += full
                i = j
            elif i < m:  # fewer rows than one bucket: they start the incomplete bucket
                self._part_x = float(x[i])
                self._part_n = 0
                self._part_lo[:] = np.nan
                self._part_hi[:] = np.nan
                self._fold_into_part(y[i:])
                i = m
        if self._k == self.max_buckets and self._part_n:
            self._merge()

    def _fold_into_part(self, rows):
        self._part_lo = np.fmin(self._part_lo, np.fmin.reduce(rows, axis=0))
        self._part_hi = np.fmax(self._part_hi, np.fmax.reduce(rows, axis=0))
        self._part_n += len(rows)

    def _close_part(self):
        if self._k == self.max_buckets:
            self._merge()
        k = self._k
        self._x[k] = self._part_x
        self._lo[k] = self._part_lo
        self._hi[k] = self._part_hi
        self._k += 1
        self._part_n = 0
        self._part_lo = np.full(self.ncols, np.nan)
        self._part_hi = np.full(self.ncols, np.nan)

    def _merge(self):
        """Merge neighbouring complete buckets in pairs; the bucket size doubles. Called only when all
        ``max_buckets`` (an even number) are complete, so every bucket has a partner, and the incomplete
        bucket, if any, holds fewer rows than the new size."""
        half = self._k // 2
        self._x[:half] = self._x[0 : 2 * half : 2]
        self._lo[:half] = np.fmin(self._lo[0 : 2 * half : 2], self._lo[1 : 2 * half : 2])
        self._hi[:half] = np.fmax(self._hi[0 : 2 * half : 2], self._hi[1 : 2 * half : 2])
        self._k = half
        self.size *= 2

    def points(self):
        """``(x, y)`` to draw: every row as it came while buckets hold one row; otherwise each bucket's
        minimum and maximum, in that order, at the bucket's first step. ``y`` is (len(x), ncols)."""
        k = self._k
        x = self._x[:k]
        lo, hi = self._lo[:k], self._hi[:k]
        if self._part_n:
            x = np.append(x, self._part_x)
            lo = np.vstack([lo, self._part_lo])
            hi = np.vstack([hi, self._part_hi])
        if self.size == 1:  # (a one-row bucket is never left incomplete)
            return x.copy(), lo.copy()
        n = len(x)
        xs = np.repeat(x, 2)
        ys = np.empty((2 * n, self.ncols))
        ys[0::2] = lo
        ys[1::2] = hi
        return xs, ys
