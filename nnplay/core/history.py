"""Bounded, downsampling storage of what training recorded."""

from __future__ import annotations

import numpy as np


class Series:
    """A table of rows keyed by step that never grows past ``capacity`` rows.

    While there is room every row is kept. When the table is full, neighbouring rows are merged in pairs
    (keyed by the later step) and from then on each stored row summarises ``stride`` consecutive incoming rows
    (the stride doubles at each merge). A million steps therefore cost the same memory as ``capacity`` steps.

    A merged row keeps, per column, the **mean** of the rows it stands for (``y``: what a table of the history
    shows), their **minimum** and **maximum** (``lo``, ``hi``: the band a plot draws) and the **mean of their
    log10** over the positive values (``logmean``: the middle of a band drawn on a log axis; NaN where none is
    positive). A plot drawn from merged rows therefore has the same band and the same middle line as one drawn
    from every row: nothing changes where the history started merging. The three summaries exist from the first
    merge on; before it, they are the rows themselves (``lo`` and ``hi`` are ``y``).
    """

    def __init__(self, ncols, capacity=65536):
        if capacity < 2 or capacity % 2:
            raise ValueError("capacity must be an even number >= 2")
        self.ncols = ncols
        self.capacity = capacity
        self.stride = 1
        self._x = np.empty(capacity, dtype=np.int64)
        self._y = np.empty((capacity, ncols))
        self._lo = self._hi = self._lm = None  # (allocated at the first merge)
        self._n = 0
        self._pend_x = np.empty(0, dtype=np.int64)
        self._pend_y = np.empty((0, ncols))

    def __len__(self):
        return self._n

    @staticmethod
    def _view(a, n):
        v = a[:n]
        v.flags.writeable = False
        return v

    @property
    def x(self):
        """Steps of the stored rows (a read-only view)."""
        return self._view(self._x, self._n)

    @property
    def y(self):
        """The stored rows, (len, ncols): each the mean of the ``stride`` rows it stands for (read-only)."""
        return self._view(self._y, self._n)

    @property
    def merged(self):
        """True once rows have been merged (``lo``, ``hi``, ``logmean`` are then kept apart from ``y``)."""
        return self._lo is not None

    @property
    def lo(self):
        """(len, ncols) minimum of the rows each stored row stands for (read-only)."""
        return self._view(self._lo if self.merged else self._y, self._n)

    @property
    def hi(self):
        """(len, ncols) maximum of the rows each stored row stands for (read-only)."""
        return self._view(self._hi if self.merged else self._y, self._n)

    def logmean(self, start=0):
        """(len - start, ncols) mean of log10 of the positive values among the rows each stored row stands for
        (NaN where none is positive), from row ``start`` on."""
        if self.merged:
            return self._view(self._lm, self._n)[start:]
        return _log10(self._y[start : self._n])

    @property
    def nbytes(self):
        extra = 0 if self._lo is None else self._lo.nbytes + self._hi.nbytes + self._lm.nbytes
        return self._x.nbytes + self._y.nbytes + extra

    def clear(self):
        self._n = 0
        self.stride = 1
        self._lo = self._hi = self._lm = None
        self._pend_x = self._pend_x[:0]
        self._pend_y = self._pend_y[:0]

    def extend(self, x, y):
        """Append rows ``y`` (m, ncols) for steps ``x`` (m,)."""
        m = len(x)
        if self.stride == 1 and self._n + m <= self.capacity:  # the common case: room for every row
            n = self._n
            self._x[n : n + m] = x
            self._y[n : n + m] = y
            self._n = n + m
            return
        x = np.asarray(x, dtype=np.int64)
        y = np.asarray(y, dtype=np.float64).reshape(len(x), self.ncols)
        if len(self._pend_x):
            x = np.concatenate([self._pend_x, x])
            y = np.concatenate([self._pend_y, y])
        i, m = 0, len(x)
        while m - i >= self.stride:
            if self._n == self.capacity:
                self._decimate()
                continue
            groups = min((m - i) // self.stride, self.capacity - self._n)
            j = i + groups * self.stride
            n = self._n
            if self.stride == 1:
                self._x[n : n + groups] = x[i:j]
                self._y[n : n + groups] = y[i:j]
            else:
                block = y[i:j].reshape(groups, self.stride, self.ncols)
                self._x[n : n + groups] = x[i + self.stride - 1 : j : self.stride]
                self._y[n : n + groups] = block.mean(axis=1)
                with np.errstate(invalid="ignore"):
                    self._lo[n : n + groups] = np.fmin.reduce(block, axis=1)
                    self._hi[n : n + groups] = np.fmax.reduce(block, axis=1)
                self._lm[n : n + groups] = _nanmean(_log10(block), axis=1)
            self._n += groups
            i = j
        self._pend_x = x[i:].copy()
        self._pend_y = y[i:].copy()

    def _decimate(self):
        n = self._n
        if self._lo is None:  # the first merge: the rows are their own minimum, maximum and log-mean
            self._lo = self._y.copy()
            self._hi = self._y.copy()
            self._lm = np.empty_like(self._y)
            self._lm[:n] = _log10(self._y[:n])
        half = n // 2
        a, b = slice(0, 2 * half, 2), slice(1, 2 * half, 2)
        self._x[:half] = self._x[b]
        self._y[:half] = 0.5 * (self._y[a] + self._y[b])
        with np.errstate(invalid="ignore"):
            self._lo[:half] = np.fmin(self._lo[a], self._lo[b])
            self._hi[:half] = np.fmax(self._hi[a], self._hi[b])
        # (both halves stand for as many rows: the mean of their log-means, NaN only where both are NaN)
        self._lm[:half] = _nanmean(np.stack([self._lm[a], self._lm[b]]), axis=0)
        self._n = half
        self.stride *= 2

    def __repr__(self):
        return f"Series(rows={self._n}, cols={self.ncols}, stride={self.stride}, capacity={self.capacity})"


def _log10(a):
    """log10 of the positive finite values of ``a``, NaN elsewhere (no warnings)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = np.log10(a)
    out[~np.isfinite(out)] = np.nan
    return out


def _nanmean(a, axis):
    """Mean of the finite values along ``axis``; NaN where there are none (no warnings)."""
    finite = np.isfinite(a)
    total = np.where(finite, a, 0.0).sum(axis=axis)
    count = finite.sum(axis=axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan)
