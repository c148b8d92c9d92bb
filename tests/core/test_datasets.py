"""Tests for nnplay.core.datasets: toy sets, digits, CSV loading and parameter validation."""

from __future__ import annotations

import numpy as np
import pytest

from nnplay.core.datasets import (
    DATASETS,
    TOY_DATASETS,
    Dataset,
    DatasetError,
    load_csv,
    load_digits,
    make_dataset,
)

N_CLASSES = {"xor": 2, "circles": 2, "gaussian": 2, "moons": 2, "spiral": 3}
DIGITS_FIRST_ROW = [
    0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0, 0, 4, 12, 0, 0, 8, 8, 0,
    0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0, 0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0,
]  # fmt: skip


def _all(ds: Dataset) -> tuple[np.ndarray, np.ndarray]:
    return np.concatenate([ds.x_train, ds.x_test]), np.concatenate([ds.t_train, ds.t_test])


def _same(a: Dataset, b: Dataset) -> bool:
    return all(np.array_equal(getattr(a, f), getattr(b, f)) for f in ("x_train", "t_train", "x_test", "t_test"))


def _write(tmp_path, text: str, name: str = "data.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# ---------------------------------------------------------------------------------------- toy sets


@pytest.mark.parametrize("name", TOY_DATASETS)
def test_toy_shapes_dtypes_and_balance(name):
    ds = make_dataset(name, samples=301, noise=0.1, test_ratio=0.2, seed=3)
    k = N_CLASSES[name]
    assert ds.name == name
    assert ds.n_classes == k
    assert ds.class_names == tuple(str(c) for c in range(k))
    assert ds.feature_names == ("x1", "x2")
    assert ds.image_shape is None
    assert ds.n_features == 2 and ds.is_2d
    assert ds.x_train.dtype == np.float64 and ds.x_test.dtype == np.float64
    assert ds.t_train.dtype == np.int64 and ds.t_test.dtype == np.int64
    assert ds.x_train.shape == (241, 2) and ds.t_train.shape == (241,)
    assert ds.x_test.shape == (60, 2) and ds.t_test.shape == (60,)
    x, t = _all(ds)
    counts = np.bincount(t, minlength=k)
    assert len(counts) == k
    assert counts.max() - counts.min() <= 1
    assert counts.sum() == 301
    assert np.all(np.isfinite(x))


@pytest.mark.parametrize("name", TOY_DATASETS)
def test_toy_values_roughly_in_unit_square(name):
    x, _ = _all(make_dataset(name, samples=600, noise=0.0, seed=1))
    limit = 1.6 if name == "gaussian" else 1.0 + 1e-9  # gaussian blobs have tails
    assert np.abs(x).max() <= limit
    assert np.abs(x).max() > 0.5  # actually spread out, not collapsed to a point
    noisy, _ = _all(make_dataset(name, samples=600, noise=0.1, seed=1))
    assert np.abs(noisy).max() < 2.0


@pytest.mark.parametrize("name", (*TOY_DATASETS, "digits"))
def test_same_seed_identical_different_seed_different(name):
    a = make_dataset(name, samples=200, noise=0.2, seed=7)
    b = make_dataset(name, samples=200, noise=0.2, seed=7)
    c = make_dataset(name, samples=200, noise=0.2, seed=8)
    assert _same(a, b)
    assert not _same(a, c)


def test_noise_moves_the_same_points():
    clean = make_dataset("circles", samples=100, noise=0.0, seed=5)
    noisy = make_dataset("circles", samples=100, noise=0.3, seed=5)
    assert np.array_equal(clean.t_train, noisy.t_train)
    diff = noisy.x_train - clean.x_train
    assert 0.2 < diff.std() < 0.4  # the difference is exactly the added noise


def test_more_noise_means_more_spread():
    spread = [np.std(_all(make_dataset("gaussian", samples=400, noise=s))[0]) for s in (0.0, 0.5)]
    assert spread[1] > spread[0] * 1.1


def test_xor_noise_free_labels_follow_sign_rule():
    x, t = _all(make_dataset("xor", samples=500, noise=0.0, seed=2))
    assert np.array_equal(t, (x[:, 0] * x[:, 1] > 0).astype(np.int64))
    assert np.abs(x).min() >= 0.1 - 1e-12  # margin away from the axes


def test_circles_noise_free_radii():
    x, t = _all(make_dataset("circles", samples=400, noise=0.0))
    r = np.hypot(x[:, 0], x[:, 1])
    assert r[t == 0].max() < 0.5
    assert r[t == 1].min() >= 0.7 - 1e-12 and r[t == 1].max() <= 1.0 + 1e-12


def test_gaussian_blob_centres():
    x, t = _all(make_dataset("gaussian", samples=2000, noise=0.1))
    np.testing.assert_allclose(x[t == 0].mean(axis=0), [-0.5, -0.5], atol=0.05)
    np.testing.assert_allclose(x[t == 1].mean(axis=0), [0.5, 0.5], atol=0.05)


def test_spiral_radius_up_to_one():
    x, t = _all(make_dataset("spiral", samples=300, noise=0.0))
    r = np.hypot(x[:, 0], x[:, 1])
    assert r.max() == pytest.approx(1.0)
    assert set(np.unique(t)) == {0, 1, 2}


@pytest.mark.parametrize(("ratio", "n_test"), [(0.0, 0), (0.2, 20), (0.25, 25), (0.5, 50), (0.9, 90)])
def test_test_ratio_split_sizes(ratio, n_test):
    ds = make_dataset("moons", samples=100, test_ratio=ratio)
    assert len(ds.x_test) == len(ds.t_test) == n_test
    assert len(ds.x_train) == 100 - n_test
    assert ds.x_test.shape[1] == 2  # (0, 2) when empty


def test_at_least_one_training_sample():
    ds = make_dataset("xor", samples=2, test_ratio=0.9)
    assert len(ds.x_train) == 1 and len(ds.x_test) == 1


def test_split_is_a_partition():
    ds = make_dataset("spiral", samples=90, noise=0.0, test_ratio=0.3)
    rows = {tuple(r) for r in np.concatenate([ds.x_train, ds.x_test])}
    assert len(rows) == 90


def test_dataset_repr_properties_and_readonly():
    ds = make_dataset("circles", samples=400)
    assert repr(ds) == "Dataset('circles', train=320, test=80, D=2, classes=2)"
    with pytest.raises(ValueError):
        ds.x_train[0, 0] = 5.0
    with pytest.raises(AttributeError):
        ds.name = "xor"  # type: ignore[misc]


def test_dataset_fills_feature_names_and_checks_labels():
    ds = Dataset("csv", np.zeros((3, 3)), np.array([0, 1, 0]), np.zeros((0, 3)), np.array([]), 2, ("a", "b"))
    assert ds.feature_names == ("x0", "x1", "x2")
    assert ds.t_test.dtype == np.int64 and ds.x_test.shape == (0, 3)
    with pytest.raises(ValueError, match="outside"):
        Dataset("csv", np.zeros((2, 1)), np.array([0, 2]), np.zeros((0, 1)), np.array([]), 2, ("a", "b"))


def test_name_is_case_insensitive():
    assert make_dataset(" XOR ").name == "xor"


# ------------------------------------------------------------------------------------ validation


def test_unknown_name_lists_choices():
    with pytest.raises(DatasetError, match="Unknown data set 'iris'") as e:
        make_dataset("iris")
    for name in DATASETS:
        assert name in str(e.value)


@pytest.mark.parametrize(("name", "minimum"), [("xor", 2), ("spiral", 3), ("digits", 2)])
def test_too_few_samples_names_minimum(name, minimum):
    with pytest.raises(DatasetError, match=f"at least {minimum}"):
        make_dataset(name, samples=minimum - 1)
    assert len(_all(make_dataset(name, samples=minimum))[1]) == minimum


@pytest.mark.parametrize("samples", [1.5, "ten", True])
def test_samples_must_be_whole(samples):
    with pytest.raises(DatasetError, match="whole number"):
        make_dataset("xor", samples=samples)


@pytest.mark.parametrize("noise", [-0.1, float("nan"), float("inf")])
def test_bad_noise(noise):
    with pytest.raises(DatasetError, match="noise"):
        make_dataset("xor", noise=noise)


@pytest.mark.parametrize("ratio", [-0.1, 0.95, 1.0, float("nan")])
def test_bad_test_ratio(ratio):
    with pytest.raises(DatasetError, match="test_ratio"):
        make_dataset("xor", test_ratio=ratio)


def test_csv_requires_path():
    with pytest.raises(DatasetError, match="needs a file: pass csv_path"):
        make_dataset("csv")


# ---------------------------------------------------------------------------------------- digits


def test_load_digits_matches_file():
    x, t = load_digits()
    assert x.shape == (1797, 64) and x.dtype == np.float64
    assert t.shape == (1797,) and t.dtype == np.int64
    assert np.array_equal(x[0], DIGITS_FIRST_ROW) and t[0] == 0
    assert t[1] == 1
    assert x.min() == 0 and x.max() == 16
    assert set(np.unique(t)) == set(range(10))


def test_load_digits_returns_copies():
    x, t = load_digits()
    x[0, 0] = 99.0
    t[0] = 9
    x2, t2 = load_digits()
    assert x2[0, 0] == 0 and t2[0] == 0


def test_digits_dataset_all_rows():
    ds = make_dataset("digits", samples=5000, noise=0.0, test_ratio=0.2)
    x, t = _all(ds)
    assert x.shape == (1797, 64)
    assert len(ds.x_test) == round(1797 * 0.2)
    assert ds.n_classes == 10 and ds.class_names == tuple("0123456789")
    assert ds.image_shape == (8, 8) and not ds.is_2d
    assert ds.feature_names[0] == "p0" and ds.feature_names[-1] == "p63"
    assert x.min() == 0.0 and x.max() == 1.0
    # the scaled first image of the file is among the rows (shuffled), with its label
    hits = np.flatnonzero((x == np.array(DIGITS_FIRST_ROW) / 16).all(axis=1))
    assert len(hits) == 1 and t[hits[0]] == 0
    assert np.array_equal(np.bincount(t), np.bincount(load_digits()[1]))


def test_digits_subset_and_noise_clipped():
    ds = make_dataset("digits", samples=300, noise=0.3, test_ratio=0.0, seed=4)
    assert ds.x_train.shape == (300, 64) and len(ds.x_test) == 0
    assert ds.x_train.min() >= 0.0 and ds.x_train.max() <= 1.0
    clean = make_dataset("digits", samples=300, noise=0.0, test_ratio=0.0, seed=4)
    assert np.array_equal(ds.t_train, clean.t_train)
    assert not np.array_equal(ds.x_train, clean.x_train)


# ------------------------------------------------------------------------------------------- CSV


def test_csv_header_and_string_labels(tmp_path):
    p = _write(tmp_path, "# a comment\nsepal,petal,species\n1.0,2,setosa\n\n3,4e0,virginica\n5,6,setosa\n")
    x, t, classes, features = load_csv(p)
    assert x.dtype == np.float64 and x.shape == (3, 2)
    assert np.array_equal(x, [[1, 2], [3, 4], [5, 6]])
    assert t.dtype == np.int64 and np.array_equal(t, [0, 1, 0])
    assert classes == ("setosa", "virginica")
    assert features == ("sepal", "petal")


def test_csv_without_header_numeric_labels_sorted_numerically(tmp_path):
    p = _write(tmp_path, "0.5,1,10\n1.5,2,2\n2.5,3,10\n3.5,4,9\n")
    x, t, classes, features = load_csv(p)
    assert x.shape == (4, 2)
    assert classes == ("2", "9", "10")  # numeric order, not "10" < "2"
    assert np.array_equal(t, [2, 0, 2, 1])
    assert features == ("x0", "x1")


def test_csv_semicolon_delimited(tmp_path):
    p = _write(tmp_path, "a;b;c;label\n1;2;3;yes\n4;5;6;no\n")
    x, t, classes, features = load_csv(p)
    assert x.shape == (2, 3)
    assert np.array_equal(x, [[1, 2, 3], [4, 5, 6]])
    assert classes == ("no", "yes") and np.array_equal(t, [1, 0])
    assert features == ("a", "b", "c")


def test_csv_tab_delimited_with_crlf_and_bom(tmp_path):
    p = tmp_path / "tab.tsv"
    p.write_bytes("\ufeffx0\tx1\ty\r\n1\t2\tA\r\n3\t4\tB\r\n".encode())
    x, t, classes, features = load_csv(p)
    assert np.array_equal(x, [[1, 2], [3, 4]]) and np.array_equal(t, [0, 1])
    assert classes == ("A", "B") and features == ("x0", "x1")


def test_csv_label_column_named_in_header_not_last(tmp_path):
    p = _write(tmp_path, "f1,Target,f2\n1,b,2\n3,a,4\n5,b,6\n")
    x, t, classes, features = load_csv(p)
    assert features == ("f1", "f2")
    assert np.array_equal(x, [[1, 2], [3, 4], [5, 6]])
    assert classes == ("a", "b") and np.array_equal(t, [1, 0, 1])


def test_csv_x_y_columns_stay_features(tmp_path):
    p = _write(tmp_path, "x,y,group\n0.1,0.2,a\n0.3,0.4,b\n")
    x, _, classes, features = load_csv(p)
    assert features == ("x", "y") and classes == ("a", "b")
    assert x.shape == (2, 2)


def test_csv_quoted_cells(tmp_path):
    p = _write(tmp_path, 'h1,h2,label\n1,2,"cat, big"\n3,4,"dog"\n')
    _, _, classes, _ = load_csv(p)
    assert classes == ("cat, big", "dog")


def test_csv_numeric_looking_header_with_text_label_name(tmp_path):
    p = _write(tmp_path, "1,2,digit\n0.5,0.5,0\n0.7,0.1,1\n")
    x, _, classes, features = load_csv(p)
    assert features == ("1", "2") and classes == ("0", "1") and x.shape == (2, 2)


def test_make_dataset_csv_caps_and_splits(tmp_path):
    rows = "\n".join(f"{i},{i * 2},{'ab'[i % 2]}" for i in range(50))
    p = _write(tmp_path, "u,v,label\n" + rows + "\n")
    ds = make_dataset("csv", samples=20, noise=0.5, test_ratio=0.25, seed=1, csv_path=p)
    assert ds.name == "csv" and ds.n_classes == 2 and ds.class_names == ("a", "b")
    assert ds.feature_names == ("u", "v")
    assert len(ds.x_train) == 15 and len(ds.x_test) == 5
    x, t = _all(ds)
    assert np.array_equal(x[:, 1], 2 * x[:, 0])  # used as given: no noise, no scaling
    assert np.array_equal(t, (x[:, 0] % 2).astype(np.int64))
    assert len(np.unique(x[:, 0])) == 20
    full = make_dataset("csv", samples=400, test_ratio=0.0, csv_path=str(p))
    assert len(full.x_train) == 50
    again = make_dataset("csv", samples=20, noise=0.5, test_ratio=0.25, seed=1, csv_path=p)
    assert _same(ds, again)


# ---------------------------------------------------------------------------------- CSV errors


def _error(path) -> str:
    with pytest.raises(DatasetError) as e:
        load_csv(path)
    return str(e.value)


def test_csv_missing_file(tmp_path):
    msg = _error(tmp_path / "nope.csv")
    assert "not found" in msg and "nope.csv" in msg and "Check the path" in msg


def test_csv_folder_is_not_a_file(tmp_path):
    msg = _error(tmp_path)
    assert "folder" in msg and "Choose a .csv file" in msg


def test_csv_read_error(tmp_path, monkeypatch):
    p = _write(tmp_path, "1,2,a\n3,4,b\n")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(p), "read_bytes", deny)
    msg = _error(p)
    assert "Cannot read" in msg and "Permission denied" in msg and "may read it" in msg


def test_csv_not_utf8(tmp_path):
    p = tmp_path / "latin.csv"
    p.write_bytes("a,b,label\n1,2,caf\u00e9\n".encode("latin-1"))
    msg = _error(p)
    assert "latin.csv line 2" in msg and "not UTF-8" in msg and "CSV UTF-8" in msg


def test_csv_binary(tmp_path):
    p = tmp_path / "bin.csv"
    p.write_bytes(b"1,2,a\n\x00\x01\x02")
    msg = _error(p)
    assert "bin.csv line 2" in msg and "binary" in msg


@pytest.mark.parametrize("text", ["", "\n\n  \n", "# only a comment\n"])
def test_csv_empty(tmp_path, text):
    msg = _error(_write(tmp_path, text))
    assert "data.csv is empty" in msg and "one sample per line" in msg


def test_csv_only_header(tmp_path):
    msg = _error(_write(tmp_path, "# c\nf1,f2,label\n"))
    assert "only a header row (line 2)" in msg and "Add one line per sample" in msg


def test_csv_ragged_row(tmp_path):
    msg = _error(_write(tmp_path, "a,b,label\n1,2,x\n3,4,y\n5,6\n7,8,x\n"))
    assert "data.csv line 4" in msg and "2 columns" in msg and "has 3" in msg
    assert "missing or extra comma" in msg


def test_csv_non_numeric_feature(tmp_path):
    text = "a,b,c,label\n" + "1,2,3,x\n" * 5 + "1,2,abc,y\n"
    msg = _error(_write(tmp_path, text))
    assert "data.csv line 7, column 3 'c'" in msg
    assert "'abc' is not a number" in msg
    assert "Feature columns must be numeric; only the label column (column 4 'label') may hold text" in msg


def test_csv_decimal_comma_hint(tmp_path):
    msg = _error(_write(tmp_path, "a;b;label\n1,5;2;x\n3,5;4;y\n"))
    assert "line 2, column 1" in msg and "'.' as the decimal point" in msg


def test_csv_empty_feature_cell(tmp_path):
    msg = _error(_write(tmp_path, "1,2,a\n3,,b\n"))
    assert "data.csv line 2, column 2" in msg and "empty" in msg and "Fill in" in msg


@pytest.mark.parametrize("bad", ["nan", "inf", "-Infinity"])
def test_csv_non_finite_feature(tmp_path, bad):
    msg = _error(_write(tmp_path, f"1,2,a\n3,4,b\n5,{bad},a\n"))
    assert "data.csv line 3, column 2" in msg and "not a finite number" in msg and "fill them in" in msg


def test_csv_empty_label(tmp_path):
    msg = _error(_write(tmp_path, "1,2,a\n3,4,\n"))
    assert "line 2, column 3" in msg and "label is empty" in msg


def test_csv_single_column(tmp_path):
    msg = _error(_write(tmp_path, "1\n2\n3\n"))
    assert "data.csv line 1" in msg and "only 1 column" in msg and "at least one feature column" in msg


def test_csv_single_class(tmp_path):
    msg = _error(_write(tmp_path, "1,2,a\n3,4,a\n"))
    assert "data.csv" in msg and "at least 2 classes" in msg and "label column" in msg


def test_csv_single_row(tmp_path):
    msg = _error(_write(tmp_path, "f,g,label\n1,2,a\n"))
    assert "data.csv has only 1 data row" in msg and "at least 2 rows" in msg


def test_make_dataset_passes_csv_errors(tmp_path):
    with pytest.raises(DatasetError, match="not found"):
        make_dataset("csv", csv_path=tmp_path / "missing.csv")
