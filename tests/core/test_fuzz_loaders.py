"""Fuzz the loaders: whatever bytes or text a file holds, they return data or raise the project's own error
(``ConfigError``, ``DatasetError``), never another exception. Sized for CI; ``NNPLAY_FUZZ_EXAMPLES`` for more."""

import json
import os
import tempfile

import numpy as np
from fuzzing import fuzz
from hypothesis import given
from hypothesis import strategies as st

from nnplay.core.config import Config, ConfigError
from nnplay.core.datasets import DatasetError, load_csv, make_dataset

FIELDS = [f for f in Config().to_dict()] + ["csv_path"]

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=20,
)
config_like = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), json_values, max_size=8)


def _write(data: bytes) -> str:
    fd, path = tempfile.mkstemp(suffix=".dat")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return path


def _load_config(data: bytes):
    path = _write(data)
    try:
        return Config.load(path)
    except ConfigError:
        return None
    finally:
        os.unlink(path)


@fuzz()
@given(st.text())
def test_fuzz_config_from_random_text(text):
    try:
        assert isinstance(Config.from_json(text), Config)
    except ConfigError as e:
        assert str(e)


@fuzz()
@given(config_like)
def test_fuzz_config_from_random_json(data):
    text = json.dumps(data)
    try:
        c = Config.from_json(text)
    except ConfigError as e:
        assert str(e) and len(str(e)) < 1000
        return
    assert Config.from_json(c.to_json()) == c


@fuzz()
@given(st.binary() | st.builds(lambda d: b"\xef\xbb\xbf" + json.dumps(d).encode(), config_like))
def test_fuzz_config_load_random_bytes(data):
    c = _load_config(data)
    assert c is None or isinstance(c, Config)


CELLS = st.sampled_from(["0", "1", "-2.5", "1e3", "nan", "inf", "", " ", "x", "label", "cat", '"a,b"', '"', "#"])
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
DELIMS = st.sampled_from([",", ";", "\t", ", "])


@st.composite
def csv_like(draw):
    """Text shaped like a CSV file: rows of cells, a delimiter, line endings, a header or not, noise."""
    delim = draw(DELIMS)
    n_cols = draw(st.integers(1, 5))
    rows = draw(
        st.lists(
            st.lists(CELLS | st.text(max_size=4) | st.floats().map(repr), min_size=n_cols - 1, max_size=n_cols + 1),
            max_size=12,
        )
    )
    text = draw(LINE_ENDS).join(delim.join(r) for r in rows)
    if draw(st.booleans()):
        text = delim.join(draw(st.sampled_from(["x", "y", "label", "class", "a"])) for _ in range(n_cols)) + "\n" + text
    return text


def _load_csv(data: bytes):
    path = _write(data)
    try:
        x, t, classes, features = load_csv(path)
    except DatasetError as e:
        assert str(e)
        return None
    finally:
        os.unlink(path)
    assert x.ndim == 2 and x.shape[0] == len(t) >= 2 and x.shape[1] == len(features) >= 1
    assert np.all(np.isfinite(x)) and len(classes) >= 2 and t.min() >= 0 and t.max() < len(classes)
    return x, t, classes, features


@fuzz()
@given(st.binary())
def test_fuzz_csv_random_bytes(data):
    _load_csv(data)


@fuzz()
@given(st.text(alphabet=st.sampled_from(list('0123456789.-+e,;\t\r\n #"abxylabel')), max_size=300))
def test_fuzz_csv_random_csv_like_characters(text):
    _load_csv(text.encode())


@fuzz()
@given(csv_like(), st.integers(2, 50), st.sampled_from([0.0, 0.2, 0.9]))
def test_fuzz_csv_random_csv_like_rows_and_a_data_set_from_them(text, samples, test_ratio):
    loaded = _load_csv(text.encode())
    if loaded is None:
        return
    path = _write(text.encode())
    try:
        ds = make_dataset("csv", samples=samples, test_ratio=test_ratio, csv_path=path)
    finally:
        os.unlink(path)
    assert len(ds.x_train) >= 1 and ds.n_classes == len(loaded[2])
