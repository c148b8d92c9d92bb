"""Input features for 2-D data, as in TensorFlow Playground: x1, x2, x1², x2², x1·x2, sin x1, sin x2.

A network given x1² and x2² instead of x1 and x2 separates the circles with no hidden layer at all: its
decision boundary w1·x1² + w2·x2² + b = 0 is an ellipse. Features are spelled ``x1, x2, x1^2, x2^2, x1*x2,
sin(x1), sin(x2)`` in experiment files and on the command line; x1 and x2 are the first and second input
columns of the data.
"""

from __future__ import annotations

import numpy as np

FEATURE_NAMES = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)")
"""Every feature, in the order the network's inputs take them."""

RAW_FEATURES = ("x1", "x2")
"""The data's own two inputs: a feature list equal to this is no feature map at all."""

FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂", "sin(x1)": "sin x₁",
                  "sin(x2)": "sin x₂"}  # fmt: skip
"""How the window writes each feature."""

_ALIASES = {
    "x1²": "x1^2",
    "x2²": "x2^2",
    "x1x2": "x1*x2",
    "x1·x2": "x1*x2",
    "x2*x1": "x1*x2",
    "sinx1": "sin(x1)",
    "sinx2": "sin(x2)",
    "sin x1": "sin(x1)",
    "sin x2": "sin(x2)",
}

_FUNCTIONS = {
    "x1": lambda x: x[:, 0],
    "x2": lambda x: x[:, 1],
    "x1^2": lambda x: x[:, 0] * x[:, 0],
    "x2^2": lambda x: x[:, 1] * x[:, 1],
    "x1*x2": lambda x: x[:, 0] * x[:, 1],
    "sin(x1)": lambda x: np.sin(x[:, 0]),
    "sin(x2)": lambda x: np.sin(x[:, 1]),
}


def canonical_feature(name):
    """The file spelling of one feature name (``"x1²"`` → ``"x1^2"``), or None if it is not one."""
    if not isinstance(name, str):
        return None
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    key = _ALIASES.get(key.replace(" ", ""), key.replace(" ", ""))
    return key if key in FEATURE_NAMES else None


def normalize_features(names):
    """Feature names in ``FEATURE_NAMES`` order without repeats, ``()`` for the raw inputs (x1, x2).

    ``names`` : a sequence of names or one comma-separated string. Raises ``ValueError`` naming the first
    unknown one.
    """
    if isinstance(names, str):
        names = [p for p in names.split(",") if p.strip()]
    out = set()
    for n in names:
        c = canonical_feature(n)
        if c is None:
            raise ValueError(f"unknown feature {n!r}")
        out.add(c)
    ordered = tuple(f for f in FEATURE_NAMES if f in out)
    return () if ordered == RAW_FEATURES else ordered


def feature_matrix(x, names):
    """The network's inputs for 2-D points.

    Parameters
    ----------
    x : (N, 2) ndarray
        Raw inputs (x1, x2).
    names : sequence of str
        Features in ``FEATURE_NAMES`` spelling; empty: ``x`` itself.

    Returns
    -------
    (N, len(names)) ndarray, float64 (``x`` unchanged when ``names`` is empty)
    """
    if not names:
        return x
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != 2:
        raise ValueError(f"features need 2-D inputs (N, 2), not {x.shape}")
    return np.column_stack([_FUNCTIONS[n](x) for n in names])
