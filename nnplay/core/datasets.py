"""Data sets for nnplay: five seeded 2-D toy problems, the 8×8 handwritten digits, user CSV files, and MNIST and
Fashion-MNIST read from their IDX files (``nnplay.core.mnist``).

Every set is returned as a :class:`Dataset` with a train/test split. Everything is reproducible: the same
arguments (including ``seed``) give bit-identical arrays, because all randomness comes from one
``np.random.default_rng(seed)``.

Conventions
-----------
* ``x`` arrays have shape ``(N, D)`` and dtype float64 (one sample per row, as in the book). MNIST's are
  ``PixelArray`` objects (``nnplay.core.pixels``): uint8 pixels that read as float64 in [0, 1] row by row.
* ``t`` arrays have shape ``(N,)`` and dtype int64 and hold class indices ``0 .. n_classes-1``
  (not one-hot; use ``np.eye(n_classes)[t]`` for that).
* The toy sets live roughly in ``[-1, 1]²``, so their inputs suit Xavier/He initialisation as they are.
"""

from __future__ import annotations

import csv
import functools
import gzip
import math
import operator
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nnplay.core.messages import QT_TRANSLATE_NOOP, MessageError, Text
from nnplay.core.pixels import PixelArray

__all__ = [
    "DATASETS",
    "IDX_DATASETS",
    "LABEL_COLUMN_NAMES",
    "REGRESSION_DATASETS",
    "TOY_DATASETS",
    "Dataset",
    "DatasetError",
    "load_csv",
    "load_csv_values",
    "load_digits",
    "make_dataset",
]

TOY_DATASETS = ("xor", "circles", "gaussian", "moons", "spiral")
IDX_DATASETS = ("mnist", "fashion_mnist")
"""Read from the standard IDX files with their standard split; samples, noise and test_ratio do not apply."""
DATASETS = (*TOY_DATASETS, "digits", "csv", *IDX_DATASETS)
REGRESSION_DATASETS = ("reg_plane", "reg_gauss", "sine")
"""Sets whose targets are values, not classes (TF Playground's two, and sin x): task "regression"."""
TASKS = ("classification", "regression")

#: Header names (case-insensitive) that mark the label column of a CSV file, in order of preference.
LABEL_COLUMN_NAMES = ("label", "class", "target", "y")

DIGITS_SHAPE = (8, 8)
_DIGITS_ROWS = 1797
_N_CLASSES = {"xor": 2, "circles": 2, "gaussian": 2, "moons": 2, "spiral": 3, "digits": 10}
_MAX_TEST_RATIO = 0.9
MAX_CSV_BYTES = 32_000_000
MAX_CSV_LINES = 1_000_000
"""Larger CSV files are refused before they are parsed (their text split into cells would take gigabytes,
and a configuration trains on at most ``MAX_CSV_ROWS`` samples anyway)."""
MAX_CSV_ROWS = 100_000
MAX_CSV_FEATURES = 4096
MAX_CSV_CLASSES = 100
MAX_CSV_CELL = 131_072
"""The csv module's field size limit: a longer cell is a broken quote or separator, not a value."""
_DELIMITERS = {
    ",": QT_TRANSLATE_NOOP("core", "comma"),
    ";": QT_TRANSLATE_NOOP("core", "semicolon"),
    "\t": QT_TRANSLATE_NOOP("core", "tab"),
}


class DatasetError(MessageError):
    """A data set cannot be built or loaded; the message says what is wrong and what to do about it."""


def _readonly(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)
    return a


@dataclass(frozen=True, eq=False)
class Dataset:
    """A labelled data set, already split into a training and a test part.

    The arrays are stored read-only (copy them before changing them in place).

    Attributes
    ----------
    name : str
        One of :data:`DATASETS`.
    x_train : ndarray or PixelArray, shape (N_train, D), float64
        Training inputs, one sample per row (a ``PixelArray`` of uint8 pixels for MNIST: indexing it gives
        float64 rows; see ``nnplay.core.pixels``).
    t_train : ndarray, shape (N_train,), int64
        Training labels as class indices ``0 .. n_classes-1``.
    x_test : ndarray, shape (N_test, D), float64
        Held-out inputs (``N_test`` may be 0).
    t_test : ndarray, shape (N_test,), int64
        Held-out labels.
    n_classes : int
        Number of classes K.
    class_names : tuple of str, length K
        Display name of each class index.
    image_shape : tuple of int or None
        ``(8, 8)`` or ``(28, 28)`` when each row is an image (digits, MNIST), else None.
    feature_names : tuple of str, length D
        Name of each input column; ``("x0", "x1", ...)`` when left empty.
    task : {"classification", "regression"}
        For ``"regression"`` the targets ``t_*`` are real values, shape (N,) float64, ``n_classes`` is 0 and
        ``class_names`` is empty; the network then has one identity output (``n_outputs``).
    """

    name: str
    x_train: np.ndarray
    t_train: np.ndarray
    x_test: np.ndarray
    t_test: np.ndarray
    n_classes: int
    class_names: tuple[str, ...]
    image_shape: tuple[int, int] | None = None
    feature_names: tuple[str, ...] = field(default=())
    task: str = "classification"

    def __post_init__(self) -> None:
        if self.task not in TASKS:
            raise ValueError(f"task must be one of {', '.join(TASKS)}, not {self.task!r}")
        regression = self.task == "regression"
        xs = {}
        for part in ("train", "test"):
            x = getattr(self, f"x_{part}")
            if not isinstance(x, PixelArray):  # (a PixelArray is read-only already and stays uint8)
                x = _readonly(np.asarray(x, dtype=np.float64))
            t = np.asarray(getattr(self, f"t_{part}"), dtype=np.float64 if regression else np.int64)
            if x.ndim != 2 or t.ndim != 1 or len(x) != len(t):
                raise ValueError(f"x_{part} must be (N, D) and t_{part} (N,), got {x.shape} and {t.shape}")
            if regression and not np.all(np.isfinite(t)):
                raise ValueError(f"t_{part} holds values that are not finite")
            if not regression and t.size and (t.min() < 0 or t.max() >= self.n_classes):
                raise ValueError(f"t_{part} holds labels outside 0..{self.n_classes - 1}")
            object.__setattr__(self, f"x_{part}", x)
            object.__setattr__(self, f"t_{part}", _readonly(t))
            xs[part] = x
        d = xs["train"].shape[1]
        if xs["test"].shape[1] != d:
            raise ValueError(f"x_train has {d} columns but x_test has {xs['test'].shape[1]}")
        if len(self.class_names) != self.n_classes:
            raise ValueError(f"{len(self.class_names)} class names for {self.n_classes} classes")
        names = tuple(self.feature_names) or tuple(f"x{i}" for i in range(d))
        if len(names) != d:
            raise ValueError(f"{len(names)} feature names for {d} features")
        object.__setattr__(self, "feature_names", names)
        object.__setattr__(self, "class_names", tuple(self.class_names))
        if self.image_shape is not None and math.prod(self.image_shape) != d:
            raise ValueError(f"image_shape {self.image_shape} does not hold {d} features")

    @property
    def n_features(self) -> int:
        """Number of input features D."""
        return self.x_train.shape[1]

    @property
    def n_outputs(self) -> int:
        """Output units of a network for this data: one per class, or one value for regression."""
        return 1 if self.task == "regression" else self.n_classes

    @property
    def is_2d(self) -> bool:
        """True when the inputs are points in the plane (D == 2), so decision boundaries can be drawn."""
        return self.n_features == 2

    def __repr__(self) -> str:
        return (
            f"Dataset({self.name!r}, train={len(self.x_train)}, test={len(self.x_test)}, "
            f"D={self.n_features}, classes={self.n_classes})"
        )


# --------------------------------------------------------------------------------------------------
# make_dataset
# --------------------------------------------------------------------------------------------------


def expected_shape(name, samples=400, test_ratio=0.2):
    """``(inputs, outputs, training samples)`` a built-in data set will have, without making it (for cost
    estimates before a switch); None for a CSV file (its shape is known only once it is read)."""
    name = name.lower()
    if name in IDX_DATASETS:
        return 784, 10, 60_000
    if name == "csv":
        return None
    n = min(samples, _DIGITS_ROWS) if name == "digits" else samples
    n_train = max(1, n - round(n * test_ratio))
    if name in REGRESSION_DATASETS:
        return (1 if name == "sine" else 2), 1, n_train
    return (64 if name == "digits" else 2), _N_CLASSES[name], n_train


def make_dataset(
    name: str,
    samples: int = 400,
    noise: float = 0.1,
    test_ratio: float = 0.2,
    seed: int = 0,
    csv_path: str | Path | None = None,
    data_dir: str | Path | None = None,
    task: str = "classification",
) -> Dataset:
    """Build a data set and split it into training and test parts.

    Parameters
    ----------
    name : str
        One of :data:`DATASETS` or :data:`REGRESSION_DATASETS` (case-insensitive).
    samples : int
        Total number of samples before the split. Toy sets generate exactly this many, spread over the
        classes as evenly as possible. For ``"digits"`` and ``"csv"`` it is a cap: a smaller value takes a
        seeded random subset, a value at least the number of rows takes them all.
    noise : float
        Standard deviation of Gaussian noise added to every input value (>= 0). For the toy sets 0.1 is
        mild and 0.5 heavy. For ``"digits"`` it is added to the pixels after scaling them to [0, 1], and
        the result is clipped back to [0, 1]. Ignored for ``"csv"`` (its features have unknown scale).
        The noise-free points depend only on ``seed``, so changing ``noise`` moves the same points.
    test_ratio : float
        Fraction in [0, 0.9] held out as the test set (rounded to whole samples; at least one sample
        always stays for training).
    seed : int
        Seed of the random generator; the same arguments give bit-identical arrays.
    csv_path : str or Path, optional
        The file to load; required when ``name == "csv"``. See :func:`load_csv` for the format.
    data_dir : str or Path, optional
        The folder with the IDX files of ``"mnist"`` and ``"fashion_mnist"`` (None: nnplay's own data folder;
        see ``nnplay.core.mnist``). These two always use their standard split (the training files and the
        test files) and ignore ``samples``, ``noise``, ``test_ratio`` and ``seed``.
    task : {"classification", "regression"}
        ``"regression"`` for :data:`REGRESSION_DATASETS` (required there) and for a CSV file whose label
        column holds values to fit (:func:`load_csv_values`); never guessed from the file.

    Returns
    -------
    Dataset
        With ``x_*`` of shape (N, D) float64 and ``t_*`` of shape (N,) int64.

    Raises
    ------
    DatasetError
        For an unknown name, invalid parameters, or a CSV or IDX file that cannot be used
        (``nnplay.core.mnist.MissingDataError`` when IDX files are missing).
    """
    key = str(name).strip().lower()
    if key not in DATASETS and key not in REGRESSION_DATASETS:
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "Unknown data set {name}. Choose one of: {choices}."),
            name=repr(name),
            choices=", ".join((*DATASETS, *REGRESSION_DATASETS)),
        )
    n = _check_samples(samples, key)
    noise = _check_float(noise, "noise")
    if noise < 0:
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "noise must be >= 0 (it is a standard deviation), got {noise}. Use 0 for none."),
            noise=noise,
        )
    test_ratio = _check_float(test_ratio, "test_ratio")
    if not 0.0 <= test_ratio <= _MAX_TEST_RATIO:
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "test_ratio must be between 0 and {top} (the held-out fraction), got {value}."),
            top=_MAX_TEST_RATIO,
            value=test_ratio,
        )
    if key in IDX_DATASETS:
        return _idx_dataset(key, data_dir)
    rng = np.random.default_rng(seed)
    if key in REGRESSION_DATASETS or task == "regression":
        return _regression_dataset(key, n, noise, test_ratio, rng, csv_path, task)

    image_shape = None
    if key in TOY_DATASETS:
        k = _N_CLASSES[key]
        counts = [n // k + (1 if c < n % k else 0) for c in range(k)]
        x, t = _TOY_MAKERS[key](counts, rng)
        x = x + noise * rng.standard_normal(x.shape)
        class_names = tuple(str(c) for c in range(k))
        feature_names = ("x1", "x2")
    elif key == "digits":
        x_all, t_all = _digits_cached()
        idx = rng.permutation(len(x_all))[:n]
        x = x_all[idx] / 16.0
        t = t_all[idx]
        x = np.clip(x + noise * rng.standard_normal(x.shape), 0.0, 1.0)
        k = 10
        class_names = tuple(str(c) for c in range(k))
        feature_names = tuple(f"p{i}" for i in range(x.shape[1]))
        image_shape = DIGITS_SHAPE
    else:
        if csv_path is None or str(csv_path).strip() == "":
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "The 'csv' data set needs a file: pass csv_path (the path of a .csv file).")
            )
        x_all, t_all, class_names, feature_names = load_csv(csv_path)
        idx = rng.permutation(len(x_all))[:n]
        x, t = x_all[idx], t_all[idx]
        k = len(class_names)

    x_train, t_train, x_test, t_test = _split(x, t, test_ratio, rng)
    return Dataset(
        name=key,
        x_train=x_train,
        t_train=t_train,
        x_test=x_test,
        t_test=t_test,
        n_classes=k,
        class_names=class_names,
        image_shape=image_shape,
        feature_names=feature_names,
    )


def _idx_dataset(key: str, data_dir) -> Dataset:
    from nnplay.core import mnist

    x_train, t_train, x_test, t_test = mnist.load_idx_dataset(key, data_dir)
    return Dataset(
        name=key,
        x_train=PixelArray(x_train),
        t_train=t_train,
        x_test=PixelArray(x_test),
        t_test=t_test,
        n_classes=10,
        class_names=mnist.SOURCES[key].class_names,
        image_shape=mnist.IMAGE_SHAPE,
    )


def _check_samples(samples: object, key: str) -> int:
    if isinstance(samples, bool):
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "samples must be a whole number, got {value}."), value=repr(samples)
        )
    try:
        n = operator.index(samples)
    except TypeError:
        if isinstance(samples, float) and samples.is_integer():
            n = int(samples)
        else:
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "samples must be a whole number, got {value}."), value=repr(samples)
            ) from None
    minimum = _N_CLASSES.get(key, 2) if key in TOY_DATASETS else 2
    if n < minimum:
        why = (
            QT_TRANSLATE_NOOP("core", "at least one per class")
            if key in TOY_DATASETS
            else QT_TRANSLATE_NOOP("core", "at least two rows")
        )
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "samples must be at least {minimum} for {name} ({why}), got {value}."),
            minimum=minimum,
            name=repr(key),
            why=Text(why),
            value=n,
        )
    return n


def _check_float(value: object, what: str) -> float:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "{what} must be a number, got {value}."), what=what, value=repr(value)
        ) from None
    if not math.isfinite(v):
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "{what} must be a finite number, got {value}."), what=what, value=repr(value)
        )
    return v


def _split(
    x: np.ndarray, t: np.ndarray, test_ratio: float, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle (N, D) inputs and (N,) labels together, then hold out ``round(N * test_ratio)`` rows."""
    n = len(x)
    n_test = min(round(n * test_ratio), n - 1)
    perm = rng.permutation(n)
    test, train = perm[:n_test], perm[n_test:]
    return x[train], t[train], x[test], t[test]


# --------------------------------------------------------------------------------------------------
# Toy sets: each maker takes per-class counts and returns noise-free x (N, 2) and t (N,), class-sorted.
# --------------------------------------------------------------------------------------------------


def _labels(counts: list[int]) -> np.ndarray:
    return np.repeat(np.arange(len(counts), dtype=np.int64), counts)


def _xor(counts: list[int], rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # |coordinate| in [0.1, 1]: a margin around the axes keeps the noise-free problem clean.
    n = sum(counts)
    mag = rng.uniform(0.1, 1.0, size=(n, 2))
    s0 = rng.choice([-1.0, 1.0], size=n)
    t = _labels(counts)
    s1 = np.where(t == 1, s0, -s0)  # class 1: same signs (x0*x1 > 0); class 0: opposite signs
    return mag * np.stack([s0, s1], axis=1), t


def _polar(r: np.ndarray, a: np.ndarray) -> np.ndarray:
    return np.stack([r * np.cos(a), r * np.sin(a)], axis=1)


def _circles(counts: list[int], rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n0, n1 = counts
    # sqrt of a uniform number gives points spread evenly over the area
    r_in = 0.5 * np.sqrt(rng.uniform(0.0, 1.0, n0))
    r_out = np.sqrt(rng.uniform(0.7**2, 1.0, n1))
    a = rng.uniform(0.0, 2 * np.pi, n0 + n1)
    return _polar(np.concatenate([r_in, r_out]), a), _labels(counts)


def _gaussian(counts: list[int], rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    t = _labels(counts)
    centres = np.array([[-0.5, -0.5], [0.5, 0.5]])
    return centres[t] + 0.2 * rng.standard_normal((len(t), 2)), t


def _moons(counts: list[int], rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    n0, n1 = counts
    a0 = np.linspace(0.0, np.pi, n0)
    a1 = np.linspace(0.0, np.pi, n1)
    upper = np.stack([np.cos(a0), np.sin(a0)], axis=1)
    lower = np.stack([1.0 - np.cos(a1), 0.5 - np.sin(a1)], axis=1)
    # the classic moons span x in [-1, 2], y in [-0.5, 1]: centre them and scale into [-1, 1]²
    x = (np.concatenate([upper, lower]) - [0.5, 0.25]) / 1.5
    return x, _labels(counts)


def _spiral(counts: list[int], rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # CS231n-style arms: radius grows linearly to 1 while the angle turns by 4 radians
    parts = []
    for c, m in enumerate(counts):
        r = np.linspace(0.05, 1.0, m)
        a = 2 * np.pi * c / len(counts) + 4.0 * r
        parts.append(_polar(r, a))
    return np.concatenate(parts), _labels(counts)


_TOY_MAKERS = {"xor": _xor, "circles": _circles, "gaussian": _gaussian, "moons": _moons, "spiral": _spiral}


# --------------------------------------------------------------------------------------------------
# Regression: TF Playground's plane and Gaussian bumps (scaled from [-6, 6]² into [-1, 1]²), and sin x.
# Each maker returns noise-free x (N, D) and t (N,); ``noise`` is then added to the target values.
# --------------------------------------------------------------------------------------------------

_GAUSS_BUMPS = np.array([[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1], [4, -2.5, -1]])
_GAUSS_BUMPS = _GAUSS_BUMPS / [6.0, 6.0, 1.0]  # centres (x1, x2) and sign
_GAUSS_RADIUS = 2.0 / 6.0


def _reg_plane(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # TF Playground: label = (x + y) / 10 on [-6, 6]²; here t = (x1 + x2) / 2 on [-1, 1]², in [-1, 1]
    x = rng.uniform(-1.0, 1.0, size=(n, 2))
    return x, (x[:, 0] + x[:, 1]) / 2.0


def _reg_gauss(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    # TF Playground: six bumps of alternating sign; the value is that of the bump that is largest in size here,
    # ±(1 − d / r) within r of its centre, 0 elsewhere
    x = rng.uniform(-1.0, 1.0, size=(n, 2))
    d = np.linalg.norm(x[:, None, :] - _GAUSS_BUMPS[None, :, :2], axis=2)  # (N, 6)
    v = _GAUSS_BUMPS[:, 2] * np.clip(1.0 - d / _GAUSS_RADIUS, 0.0, 1.0)
    return x, v[np.arange(n), np.abs(v).argmax(axis=1)]


def _sine(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    x = rng.uniform(-np.pi, np.pi, size=(n, 1))
    return x, np.sin(x[:, 0])


_REGRESSION_MAKERS = {"reg_plane": _reg_plane, "reg_gauss": _reg_gauss, "sine": _sine}


def _regression_dataset(key, n, noise, test_ratio, rng, csv_path, task) -> Dataset:
    if task != "regression":
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core", "{name} holds values to fit, not classes: use it with task 'regression' (identity output)."
            ),
            name=repr(key),
        )
    if key in _REGRESSION_MAKERS:
        x, t = _REGRESSION_MAKERS[key](n, rng)
        t = t + noise * rng.standard_normal(t.shape)
        feature_names = ("x1", "x2") if x.shape[1] == 2 else ("x",)
    elif key == "csv":
        if csv_path is None or str(csv_path).strip() == "":
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "The 'csv' data set needs a file: pass csv_path (the path of a .csv file).")
            )
        x_all, t_all, feature_names = load_csv_values(csv_path)
        idx = rng.permutation(len(x_all))[:n]
        x, t = x_all[idx], t_all[idx]
    else:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{name} holds classes, not values: regression needs reg_plane, reg_gauss, sine or a CSV file "
                "with a numeric label column.",
            ),
            name=repr(key),
        )
    x_train, t_train, x_test, t_test = _split(x, t, test_ratio, rng)
    return Dataset(
        name=key,
        x_train=x_train,
        t_train=t_train,
        x_test=x_test,
        t_test=t_test,
        n_classes=0,
        class_names=(),
        feature_names=feature_names,
        task="regression",
    )


# --------------------------------------------------------------------------------------------------
# Digits
# --------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _digits_cached() -> tuple[np.ndarray, np.ndarray]:
    from nnplay.paths import resource_path

    path = resource_path("data", "digits.csv.gz")
    try:
        with gzip.open(path, "rt", encoding="ascii") as f:
            data = np.loadtxt(f, delimiter=",", dtype=np.float64)
    except (OSError, ValueError, EOFError) as e:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core", "Cannot read the bundled digits file {path} ({problem}). Reinstall nnplay to restore it."
            ),
            path=path,
            problem=e,
        ) from e
    if data.shape != (_DIGITS_ROWS, 65):
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "The bundled digits file {path} has shape {shape}, expected {expected}. "
                "Reinstall nnplay to restore it.",
            ),
            path=path,
            shape=data.shape,
            expected=(_DIGITS_ROWS, 65),
        )
    return _readonly(np.ascontiguousarray(data[:, :64])), _readonly(data[:, 64].astype(np.int64))


def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """Load the 8×8 handwritten digits bundled with nnplay (read from disk once, then cached).

    Returns
    -------
    x : ndarray, shape (1797, 64), float64
        Raw pixel intensities 0..16, row by row (``x[i].reshape(8, 8)`` is the image).
    t : ndarray, shape (1797,), int64
        The digit 0..9 shown in each image.

    Both arrays are fresh copies, in file order.
    """
    x, t = _digits_cached()
    return x.copy(), t.copy()


# --------------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------------


def load_csv(path: str | Path) -> tuple[np.ndarray, np.ndarray, tuple[str, ...], tuple[str, ...]]:
    """Load a labelled data set from a CSV file (without pandas).

    Format: one sample per line, numeric feature columns plus one label column, separated by commas
    (a semicolon or tab is used instead when it is clearly the delimiter). Lines may end in LF, CR LF or CR
    alone (old Mac and Excel exports). Blank lines and lines starting with ``#`` are skipped. An optional
    header row is recognised when one of its cells is a label-column name or a feature cell is not a number.
    The label column is the header column named ``label``, ``class``, ``target`` or ``y`` (case-insensitive,
    in that order of preference; ``y`` only when there is no column ``x``, so ``x,y,...`` files keep ``y`` as
    a feature), otherwise the last column. Labels may be numbers or text; they are mapped to 0..K-1 in sorted
    order (numeric order when all are numbers).

    Features are used as given: they are **not** scaled, so standardise them yourself if their ranges
    differ a lot.

    Limits: at most :data:`MAX_CSV_BYTES` bytes, :data:`MAX_CSV_FEATURES` feature columns and
    :data:`MAX_CSV_CLASSES` classes; a cell of at most :data:`MAX_CSV_CELL` characters.

    Parameters
    ----------
    path : str or Path
        The CSV file, UTF-8 encoded (a byte-order mark is allowed).

    Returns
    -------
    x : ndarray, shape (N, D), float64
        Features in file order.
    t : ndarray, shape (N,), int64
        Class index of each row.
    class_names : tuple of str, length K
        The label text of each class index.
    feature_names : tuple of str, length D
        Header names of the feature columns, or ``("x0", "x1", ...)`` without a header.

    Raises
    ------
    DatasetError
        For anything that cannot be used (and only that): the file is missing, unreadable, too large or
        malformed; the message names the file as given and, where it applies, the line and column.
    """
    given = _path_text(path)
    text = _read_text(path, given)
    # Messages about the file's content name the file; those about finding or reading it, the path as given.
    fname = Path(given).name or given
    n_lines = max(text.count("\n"), text.count("\r")) + 1
    if n_lines > MAX_CSV_LINES:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file} has {count} lines; nnplay reads CSV files of up to {limit} lines. "
                "Keep a sample of the rows (nnplay trains on at most {rows} anyway).",
            ),
            file=fname,
            count=f"{n_lines:,}",
            limit=f"{MAX_CSV_LINES:,}",
            rows=f"{MAX_CSV_ROWS:,}",
        )
    # CR LF, and CR alone, end lines too; a line's number is what an editor shows.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    del text
    numbers = [i for i, ln in enumerate(lines) if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbers:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file} is empty (no data lines). Put one sample per line: feature values, then the label, "
                "e.g. '0.5,1.2,cat'.",
            ),
            file=fname,
        )
    delim = _sniff_delimiter([lines[i] for i in numbers[:20]])
    first_no = numbers[0] + 1
    first = _split_line(lines[numbers[0]], delim, fname, first_no)
    n_cols = len(first)
    if n_cols < 2:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file} line {line}: only 1 column found. A data set needs at least one feature column "
                "and a label column, separated by commas (or semicolons or tabs).",
            ),
            file=fname,
            line=first_no,
        )
    if n_cols - 1 > MAX_CSV_FEATURES:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file} line {line}: {count} feature columns; nnplay takes at most {limit}. "
                "Keep fewer columns (or check the separator).",
            ),
            file=fname,
            line=first_no,
            count=f"{n_cols - 1:,}",
            limit=f"{MAX_CSV_FEATURES:,}",
        )

    # The first row is a header if it names the label column or a feature is not a number; also when only its
    # label is text while every other row's is a number ("1,2,species"), which is known after reading them.
    lower = [c.lower() for c in first]
    header = first if any(n in lower for n in LABEL_COLUMN_NAMES) or not all(map(_is_number, first[:-1])) else None
    maybe_header = header is None and not _is_number(first[-1])
    label_col = _label_column(header) if header is not None else n_cols - 1
    label_desc = _column_text(label_col, header)
    feat_cols = [c for c in range(n_cols) if c != label_col]
    x = np.empty((len(numbers), len(feat_cols)), dtype=np.float64)  # row 0: the first line, if it is data
    labels = [""]
    for r, i in enumerate(numbers[1:], start=1):
        no = i + 1
        cells = _split_line(lines[i], delim, fname, no)
        lines[i] = ""  # (the text of each line is let go once parsed)
        if len(cells) != n_cols:
            raise DatasetError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{file} line {line}: {count} columns, but line {first} has {expected}. Every row needs "
                    "the same number of {separator}-separated values; look for a missing or extra {separator}.",
                ),
                file=fname,
                line=no,
                count=len(cells),
                first=first_no,
                expected=n_cols,
                separator=Text(_DELIMITERS[delim]),
            )
        _parse_row(cells, x[r], feat_cols, label_col, fname, no, header, delim, label_desc, labels)
    if maybe_header and all(map(_is_number, labels[1:])) and len(numbers) > 1:
        header = first
    if header is None:
        _parse_row(first, x[0], feat_cols, label_col, fname, first_no, header, delim, label_desc, labels, row=0)
    else:
        x, labels = x[1:], labels[1:]
        if len(labels) == 0:
            raise DatasetError(
                QT_TRANSLATE_NOOP(
                    "core", "{file} has only a header row (line {line}) and no data. Add one line per sample below it."
                ),
                file=fname,
                line=first_no,
            )
    if len(labels) < 2:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core", "{file} has only {count} data row; a data set needs at least 2 rows (more to train well)."
            ),
            file=fname,
            count=len(labels),
        )

    t, class_names = _encode_labels(labels)
    if len(class_names) < 2:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file}: every row has the label {label} ({column}), but classification needs at least 2 classes. "
                "Check that the label column is the right one and holds different classes.",
            ),
            file=fname,
            label=_short_repr(class_names[0]),
            column=label_desc,
        )
    if len(class_names) > MAX_CSV_CLASSES:
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file}: the label column ({column}) holds {count} different values; nnplay tells apart at most "
                "{limit} classes. Check that the label column is the right one: it names a class, it is not a "
                "measurement.",
            ),
            file=fname,
            column=label_desc,
            count=f"{len(class_names):,}",
            limit=MAX_CSV_CLASSES,
        )
    if header is not None:
        feature_names = tuple(header[c] or f"x{j}" for j, c in enumerate(feat_cols))
    else:
        feature_names = tuple(f"x{j}" for j in range(len(feat_cols)))
    return x, t, class_names, feature_names


def _parse_row(cells, out, feat_cols, label_col, fname, no, header, delim, label_desc, labels, row=None):
    """Parse one data row: its features into ``out`` (a row of x), its label appended to ``labels`` (or put at
    ``labels[row]``)."""
    for j, c in enumerate(feat_cols):
        out[j] = _parse_feature(cells[c], fname, no, c, header, delim, label_desc)
    lab = cells[label_col]
    if lab == "":
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file} line {line}, column {column}: the label is empty. Give every row a label (or delete the row).",
            ),
            file=fname,
            line=no,
            column=label_col + 1,
        )
    if row is None:
        labels.append(lab)
    else:
        labels[row] = lab


def _path_text(path) -> str:
    """The path as the user gave it (a ``Path`` is shown as its text, never normalised)."""
    try:
        return os.fspath(path) if not isinstance(path, bytes) else os.fsdecode(path)
    except TypeError:
        return str(path)


def _short_repr(value) -> str:
    r = repr(value)
    return r if len(r) <= 60 else r[:28] + "..." + r[-28:]


def load_csv_values(path: str | Path) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Load a CSV file for regression: the same format as :func:`load_csv`, but the label column holds numbers
    to fit (the targets), not classes.

    Returns
    -------
    x : ndarray, shape (N, D), float64
    t : ndarray, shape (N,), float64
        The label column's values.
    feature_names : tuple of str, length D

    Raises
    ------
    DatasetError
        As :func:`load_csv`, and when a label is not a number.
    """
    x, t, class_names, feature_names = load_csv(path)
    try:
        values = np.array([float(c) for c in class_names])
    except ValueError:
        bad = next(c for c in class_names if not _is_number(c))
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file}: the label {label} is not a number, but regression fits numbers. Use task 'classification' "
                "for labels that are names.",
            ),
            file=Path(path).name,
            label=repr(bad),
        ) from None
    return x, values[t], feature_names


def _read_text(path: str | Path, given: str) -> str:
    """The file's text; every problem is a ``DatasetError`` naming the path as ``given``."""
    fname = given
    try:
        p = Path(path)
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "{path} is a folder, not a file. Choose a .csv file instead."), path=fname
            )
        if not stat.S_ISREG(info.st_mode):
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "{path} is not a regular file. Choose a .csv file instead."), path=fname
            )
        if info.st_size > MAX_CSV_BYTES:
            raise DatasetError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{path} is {size} MB; nnplay reads CSV files of up to {limit} MB. "
                    "Keep a sample of the rows (nnplay trains on at most {rows} anyway).",
                ),
                path=fname,
                size=f"{info.st_size / 1e6:,.0f}",
                limit=f"{MAX_CSV_BYTES / 1e6:.0f}",
                rows=f"{MAX_CSV_ROWS:,}",
            )
        raw = p.read_bytes()
    except DatasetError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "CSV file not found: {path}. Check the path (or choose the file again)."),
            path=fname,
        ) from None
    except OSError as e:  # permission denied, a name too long, an I/O error
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core", "Cannot read {path}: {problem}. Check that the file exists and that you may read it."
            ),
            path=fname,
            problem=e.strerror or e,
        ) from None
    except ValueError:  # a NUL character in the name, or one the file system cannot encode
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "{path} is not a usable file name. Check the path (or choose the file again)."),
            path=_short_repr(fname),
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file} line {line}: the file is not UTF-8 text. Save it as 'CSV UTF-8' "
                "(most spreadsheet programs offer this under 'Save as').",
            ),
            file=Path(given).name,
            line=line,
        ) from None
    del raw
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{file} line {line}: the file contains binary data, not text. Export it as a plain CSV file (UTF-8).",
            ),
            file=Path(given).name,
            line=line,
        )
    return text


def _split_line(line: str, delim: str, fname: str = "", no: int = 0) -> list[str]:
    """Split one line into stripped cells, honouring double quotes (``"a,b"`` is one cell)."""
    if '"' not in line:
        cells = line.split(delim)
        if max(map(len, cells)) > MAX_CSV_CELL:
            _cell_too_long(fname, no)
        return [cell.strip() for cell in cells]
    try:
        return [cell.strip() for cell in next(csv.reader([line], delimiter=delim, strict=False))]
    except csv.Error:  # (the csv module's field size limit is MAX_CSV_CELL)
        _cell_too_long(fname, no)


def _count_cells(line: str, delim: str) -> int:
    """How many cells ``line`` splits into with ``delim`` (-1 if it cannot be split)."""
    if '"' not in line:
        return line.count(delim) + 1
    try:
        return len(next(csv.reader([line], delimiter=delim, strict=False)))
    except csv.Error:
        return -1


def _cell_too_long(fname, no):
    raise DatasetError(
        QT_TRANSLATE_NOOP(
            "core",
            "{file} line {line}: a cell is longer than {limit} characters. A cell holds one number or one label; "
            'check the separator and the quotes (") of that line.',
        ),
        file=fname,
        line=no,
        limit=f"{MAX_CSV_CELL:,}",
    )


def _sniff_delimiter(sample: list[str]) -> str:
    """Pick ',', ';' or tab: the one giving the same number (>= 2) of cells on every sample line.

    When several fit, the one with the most cells wins; on a tie, tab and semicolon beat comma (commas
    also appear as decimal marks in semicolon files). When none fits, the most frequent one is used so
    the column-count check reports the offending line.
    """
    best, best_key = ",", (-1, -1)
    for rank, d in enumerate(("\t", ";", ",")):
        counts = {_count_cells(ln, d) for ln in sample}
        if len(counts) == 1 and (n := counts.pop()) >= 2 and (n, -rank) > best_key:
            best, best_key = d, (n, -rank)
    if best_key[0] < 0:
        best = max(_DELIMITERS, key=lambda d: (sample[0].count(d), d == ","))
    return best


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def _label_column(header: list[str]) -> int:
    lower = [h.lower() for h in header]
    for name in LABEL_COLUMN_NAMES:
        if name == "y" and "x" in lower:
            continue
        if name in lower:
            return lower.index(name)
    return len(header) - 1


def _parse_feature(
    cell: str, fname: str, no: int, col: int, header: list[str] | None, delim: str, label_desc: str
) -> float:
    where = Text(
        QT_TRANSLATE_NOOP("core", "{file} line {line}, {column}"), file=fname, line=no, column=_column_text(col, header)
    )
    if cell == "":
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "{where}: the value is empty. Fill in every feature value (or delete the row)."),
            where=where,
        )
    try:
        v = float(cell)
    except ValueError:
        if "," in cell and delim != ",":
            template = QT_TRANSLATE_NOOP(
                "core",
                "{where}: {value} is not a number. Feature columns must be numeric; only the label column "
                "({label}) may hold text. Use '.' as the decimal point, not ','.",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "core",
                "{where}: {value} is not a number. Feature columns must be numeric; only the label column "
                "({label}) may hold text.",
            )
        raise DatasetError(template, where=where, value=repr(cell), label=label_desc) from None
    if not math.isfinite(v):
        raise DatasetError(
            QT_TRANSLATE_NOOP(
                "core",
                "{where}: {value} is not a finite number. Missing or infinite values are not allowed: "
                "fill them in or delete the row.",
            ),
            where=where,
            value=repr(cell),
        )
    return v


def _column_text(col: int, header: list[str] | None) -> Text:
    """'column 3' or "column 3 'species'" (1-based, with the header's name when there is one)."""
    if header is not None and header[col]:
        return Text(QT_TRANSLATE_NOOP("core", "column {n} '{name}'"), n=col + 1, name=header[col])
    return Text(QT_TRANSLATE_NOOP("core", "column {n}"), n=col + 1)


def _encode_labels(texts: list[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    """Map label strings to 0..K-1 in sorted order (numeric when all are finite numbers)."""
    try:
        values = [float(s) for s in texts]
        numeric = all(math.isfinite(v) for v in values)
    except ValueError:
        numeric = False
    if numeric:
        # equal numbers are one class ("1" and "1.0"); its name is the first spelling seen
        names: dict[float, str] = {}
        for v, s in zip(values, texts, strict=True):
            names.setdefault(v, s)
        keys = sorted(names)
        index = {v: i for i, v in enumerate(keys)}
        t = np.array([index[v] for v in values], dtype=np.int64)
        return t, tuple(names[v] for v in keys)
    classes = sorted(set(texts))
    index_s = {s: i for i, s in enumerate(classes)}
    return np.array([index_s[s] for s in texts], dtype=np.int64), tuple(classes)
