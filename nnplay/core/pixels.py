"""Images kept as bytes, handed out as floats: MNIST's 60,000 × 784 pixels are 47 MB as uint8 but 376 MB as
float64, so a data set of images stores the bytes and scales only the rows that are asked for.

A :class:`PixelArray` looks like a read-only (N, D) float64 array with values in [0, 1]: ``len``, ``shape``,
``dtype`` and indexing work as for an ndarray, and every index (``x[i]``, ``x[5:10]``, ``x[idx]``) gives a fresh
float64 ndarray of just those rows. Whole-set work goes through :meth:`PixelArray.head` (a lazy view of the
first rows) and :meth:`PixelArray.blocks` (the rows in float64 pieces of bounded size), which is how
``Network.scores`` and the trainer's evaluation read it without ever making the whole float64 copy.
"""

from __future__ import annotations

import numpy as np

__all__ = ["BLOCK_ROWS", "PixelArray", "head"]

BLOCK_ROWS = 2048
"""Rows per float64 block when a whole PixelArray is processed (2048 × 784 × 8 bytes ≈ 13 MB)."""


class PixelArray:
    """A read-only (N, D) array of uint8 pixels that reads as float64 ``pixels / scale`` (in [0, 1] for 255).

    Parameters
    ----------
    raw : ndarray, shape (N, D), uint8
        The pixels; kept (read-only), not copied.
    scale : float
        The value that maps to 1.0 (255 for 8-bit images).
    """

    __slots__ = ("raw", "scale")

    dtype = np.dtype(np.float64)
    ndim = 2

    def __init__(self, raw, scale=255.0):
        raw = np.asarray(raw)
        if raw.dtype != np.uint8 or raw.ndim != 2:
            raise ValueError(f"PixelArray needs a (N, D) uint8 array, got {raw.dtype} {raw.shape}")
        if raw.flags.writeable:
            raw = raw.view()
            raw.setflags(write=False)
        self.raw = raw
        self.scale = float(scale)

    # -- array-like -----------------------------------------------------------------------------------
    @property
    def shape(self):
        return self.raw.shape

    @property
    def size(self):
        return self.raw.size

    @property
    def nbytes(self):
        """Bytes held (the uint8 pixels), not the size of a float64 copy."""
        return self.raw.nbytes

    def __len__(self):
        return self.raw.shape[0]

    def __getitem__(self, key):
        """The indexed pixels as a new float64 ndarray (any numpy index: an int, a slice, an index array, …)."""
        return np.divide(self.raw[key], self.scale, dtype=np.float64)

    def __array__(self, dtype=None, copy=None):
        # The whole set as floats: correct but big (8× the bytes); code that reads whole sets uses blocks().
        out = np.divide(self.raw, self.scale, dtype=np.float64)
        return out if dtype is None else out.astype(dtype, copy=False)

    # -- whole-set access without the float64 copy ----------------------------------------------------
    def head(self, n=None):
        """The first ``n`` rows (all for None) as a PixelArray sharing these bytes (no copy)."""
        if n is None or n >= len(self):
            return self
        return PixelArray(self.raw[: max(int(n), 0)], self.scale)

    def blocks(self, rows=None):
        """Yield the rows as float64 ndarrays of at most ``rows`` (default ``BLOCK_ROWS``) rows each, in order."""
        rows = int(rows or BLOCK_ROWS)
        for start in range(0, len(self), rows):
            yield self[start : start + rows]

    def __repr__(self):
        return f"PixelArray({len(self)}×{self.shape[1]} uint8 / {self.scale:g})"


def head(x, n=None):
    """The first ``n`` rows of ``x`` (all for None): ``x[:n]`` for an ndarray, a lazy view for a PixelArray."""
    if isinstance(x, PixelArray):
        return x.head(n)
    return x if n is None else x[:n]
