"""Bounded, downsampling storage of what training recorded."""

from __future__ import annotations

import numpy as np


class Series:
    """A table of rows keyed by step that never grows past ``capacity`` rows.

    While there is room every row is kept. When the table is full, neighbouring rows are merged in pairs
    (their mean, keyed by the later step) and from then on each stored row is the mean of ``stride``
    consecutive incoming rows (the stride doubles at each merge). A million steps therefore cost the same
    memory as ``capacity`` steps, and the picture keeps its shape at every scale.
    """

    def __init__(self, ncols, capacity=65536):
        if capacity < 2 or capacity % 2:
            raise ValueError("capacity must be an even number >= 2")
        self.ncols = ncols
        self.capacity = capacity
        self.stride = 1
        self._x = np.empty(capacity, dtype=np.int64)
        self._y = np.empty((capacity, ncols))
        self._n = 0
        self._pend_x = np.empty(0, dtype=np.int64)
        self._pend_y = np.empty((0, ncols))

    def __len__(self):
        return self._n

    @property
    def x(self):
        """Steps of the stored rows (a read-only view)."""
        v = self._x[: self._n]
        v.flags.writeable = False
        return v

    @property
    def y(self):
        """The stored rows, (len, ncols) (a read-only view)."""
        v = self._y[: self._n]
        v.flags.writeable = False
        return v

    @property
    def nbytes(self):
        return self._x.nbytes + self._y.nbytes

    def clear(self):
        self._n = 0
        self.stride = 1
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
                self._x[n : n + groups] = x[i + self.stride - 1 : j : self.stride]
                self._y[n : n + groups] = y[i:j].reshape(groups, self.stride, self.ncols).mean(axis=1)
            self._n += groups
            i = j
        self._pend_x = x[i:].copy()
        self._pend_y = y[i:].copy()

    def _decimate(self):
        half = self._n // 2
        self._x[:half] = self._x[1 : 2 * half : 2]
        self._y[:half] = 0.5 * (self._y[0 : 2 * half : 2] + self._y[1 : 2 * half : 2])
        self._n = half
        self.stride *= 2

    def __repr__(self):
        return f"Series(rows={self._n}, cols={self.ncols}, stride={self.stride}, capacity={self.capacity})"
