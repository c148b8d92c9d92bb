"""MNIST and Fashion-MNIST from IDX files: finding, reading, checking, the bytes-as-floats representation,
training on it, and downloads from a local HTTP server (nothing here needs the internet)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from idx_fixtures import (
    OFFICIAL,
    FileServer,
    closed_port_url,
    file_contents,
    idx_bytes,
    make_arrays,
    patch_source,
    write_dataset,
)

from nnplay.core import mnist
from nnplay.core.config import Config
from nnplay.core.datasets import DatasetError, make_dataset
from nnplay.core.mnist import DownloadCancelled, MissingDataError, fetch, load_idx_dataset, read_idx
from nnplay.core.network import Network
from nnplay.core.pixels import PixelArray, head
from nnplay.core.trainer import Trainer

FUZZ = int(os.environ.get("NNPLAY_FUZZ_EXAMPLES", "200"))


def _file_order(x_flat):
    """The index each row had in the file (fixtures store it in the first two pixels)."""
    return x_flat[:, 0].astype(np.int64) + 256 * x_flat[:, 1].astype(np.int64)


# -- folders -------------------------------------------------------------------------------------------------


def test_default_data_folder_is_under_the_temporary_home(monkeypatch):
    monkeypatch.delenv(mnist.ENV_VAR, raising=False)
    folder = mnist.default_data_dir()
    assert folder.is_relative_to(Path.home())
    assert folder.is_relative_to(Path(os.environ["XDG_DATA_HOME"]))
    assert folder.name == "nnplay"
    assert mnist.data_folder("mnist") == folder / "mnist"
    assert mnist.data_folder("fashion_mnist") == folder / "fashion_mnist"


def test_environment_variable_overrides_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(mnist.ENV_VAR, str(tmp_path / "elsewhere"))
    assert mnist.default_data_dir() == tmp_path / "elsewhere"
    assert mnist.data_folder("mnist", None) == tmp_path / "elsewhere" / "mnist"
    assert mnist.data_folder("mnist", tmp_path / "given") == tmp_path / "given" / "mnist"  # an explicit folder wins


@pytest.mark.parametrize("style", ["gz", "raw", "windows"])
def test_reads_every_naming_gzipped_or_not(tmp_path, style):
    arrays = write_dataset(tmp_path, style=style, n_train=30, n_test=12)
    x_train, t_train, x_test, t_test = load_idx_dataset("mnist", tmp_path)
    assert x_train.shape == (30, 784) and x_test.shape == (12, 784)
    assert x_train.dtype == np.uint8 and t_train.dtype == np.int64
    assert not x_train.flags.writeable and not t_train.flags.writeable
    for x, t, part in ((x_train, t_train, "train"), (x_test, t_test, "test")):
        order = _file_order(x)
        assert sorted(order) == list(range(len(x)))  # every image once
        assert list(order) != list(range(len(x)))  # in a shuffled order
        xs, ts = arrays[part]
        np.testing.assert_array_equal(x, xs.reshape(len(xs), -1)[order])  # images and labels stay paired
        np.testing.assert_array_equal(t, ts[order])


def test_the_order_is_fixed_whatever_the_seed(tmp_path):
    write_dataset(tmp_path)
    a = make_dataset("mnist", seed=1, data_dir=tmp_path)
    mnist._load_checked.cache_clear()
    b = make_dataset("mnist", seed=2, samples=50, noise=0.5, test_ratio=0.5, data_dir=tmp_path)
    np.testing.assert_array_equal(a.x_train.raw, b.x_train.raw)
    np.testing.assert_array_equal(a.t_test, b.t_test)
    assert len(b.x_test) == 12  # the standard split: samples, noise and test_ratio do not apply


def test_subfolder_then_folder_itself(tmp_path):
    write_dataset(tmp_path / "mnist", n_train=20)
    write_dataset(tmp_path / "fashion", n_train=25)
    assert mnist.data_folder("mnist", tmp_path) == tmp_path / "mnist"
    assert mnist.data_folder("fashion_mnist", tmp_path) == tmp_path / "fashion"
    assert len(load_idx_dataset("fashion_mnist", tmp_path)[0]) == 25
    book = tmp_path / "dataset"  # the book's folder: the four .gz files directly inside
    write_dataset(book, n_train=21)
    assert mnist.data_folder("mnist", book) == book
    assert len(load_idx_dataset("mnist", book)[0]) == 21


def test_dataset_object_for_mnist_and_fashion(tmp_path):
    write_dataset(tmp_path)
    ds = make_dataset("mnist", data_dir=tmp_path)
    assert ds.name == "mnist" and ds.n_classes == 10 and ds.image_shape == (28, 28)
    assert ds.n_features == 784 and not ds.is_2d
    assert ds.class_names == tuple("0123456789")
    assert isinstance(ds.x_train, PixelArray) and isinstance(ds.x_test, PixelArray)
    assert ds.x_train.nbytes == 30 * 784  # bytes, not floats
    row = ds.x_train[3]
    assert row.dtype == np.float64 and row.shape == (784,)
    np.testing.assert_array_equal(row, ds.x_train.raw[3] / 255.0)
    fashion = make_dataset("fashion_mnist", data_dir=tmp_path)
    assert fashion.class_names[0] == "T-shirt/top" and fashion.class_names[9] == "Ankle boot"


def test_loaded_once_while_the_files_are_unchanged(tmp_path):
    write_dataset(tmp_path)
    a = load_idx_dataset("mnist", tmp_path)
    assert load_idx_dataset("mnist", tmp_path)[0] is a[0]
    write_dataset(tmp_path, n_train=31)  # changed files are read again
    assert len(load_idx_dataset("mnist", tmp_path)[0]) == 31


# -- bad input -----------------------------------------------------------------------------------------------


def test_missing_files_name_the_folder_and_the_files(tmp_path):
    with pytest.raises(MissingDataError) as e:
        make_dataset("mnist", data_dir=tmp_path)
    assert isinstance(e.value, DatasetError)
    assert e.value.key == "mnist" and e.value.folder == tmp_path / "mnist"
    assert e.value.missing == tuple(f"{n}.gz" for n in OFFICIAL)
    assert "nnplay data fetch mnist" in str(e.value)
    write_dataset(tmp_path / "mnist")
    (tmp_path / "mnist" / "t10k-labels-idx1-ubyte.gz").unlink()
    with pytest.raises(MissingDataError) as e:
        load_idx_dataset("mnist", tmp_path)
    assert e.value.missing == ("t10k-labels-idx1-ubyte.gz",)
    assert mnist.missing_files("mnist", tmp_path) == ["t10k-labels-idx1-ubyte.gz"]


def _corrupt(folder, name, blob):
    (folder / name).write_bytes(blob)


def _labels_blob(n, value=1):
    return idx_bytes(np.full(n, value, dtype=np.uint8))


@pytest.mark.parametrize(
    ("name", "blob", "needle"),
    [
        ("train-images-idx3-ubyte.gz", b"", "it is empty"),
        ("train-images-idx3-ubyte.gz", gzip.compress(b"\x00\x00\x08\x03" + b"\x00\x00\x00\x1e"), "cut short"),
        ("train-images-idx3-ubyte.gz", gzip.compress(b"\x00\x00\x09\x03" + bytes(20)), "not an IDX file"),
        ("train-images-idx3-ubyte.gz", gzip.compress(b"P5\n28 28\n255\n" + bytes(784)), "not an IDX file"),
        ("train-images-idx3-ubyte.gz", gzip.compress(idx_bytes(np.zeros((30, 28, 28)))[:-100]), "cut short"),
        ("train-images-idx3-ubyte.gz", gzip.compress(idx_bytes(np.zeros((30, 28, 28))) + b"x"), "goes on after"),
        ("train-images-idx3-ubyte.gz", gzip.compress(idx_bytes(np.zeros((30, 28, 28))))[:-20], "damaged"),
        ("train-images-idx3-ubyte.gz", b"\x1f\x8b" + bytes(40), "damaged"),
        ("train-images-idx3-ubyte.gz", gzip.compress(idx_bytes(np.zeros((30, 16, 16)))), "16×16 pixels"),
        ("train-images-idx3-ubyte.gz", gzip.compress(idx_bytes(np.zeros((30, 784)))), "not images"),
        ("train-images-idx3-ubyte.gz", gzip.compress(idx_bytes(np.zeros((29, 28, 28)))), "29 images but"),
        ("train-labels-idx1-ubyte.gz", gzip.compress(_labels_blob(30, 10)), "label 10"),
        ("train-labels-idx1-ubyte.gz", gzip.compress(idx_bytes(np.zeros((30, 1)))), "not labels"),
        ("t10k-labels-idx1-ubyte.gz", gzip.compress(_labels_blob(11)), "12 images but"),
        ("train-images-idx3-ubyte.gz", gzip.compress(b"\x00\x00\x08\x03" + b"\xff\xff\xff\xff" * 3), "far more"),
    ],
)
def test_bad_files_give_one_clear_error_and_nothing_half_loaded(tmp_path, name, blob, needle):
    write_dataset(tmp_path)
    good = make_dataset("mnist", data_dir=tmp_path)
    _corrupt(tmp_path, name, blob)
    with pytest.raises(DatasetError, match=needle) as e:
        make_dataset("mnist", data_dir=tmp_path)
    assert not isinstance(e.value, MissingDataError)
    assert name in str(e.value) or name.replace("-idx", ".idx") in str(e.value) or "t10k" in str(e.value)
    assert len(good.x_train) == 30  # what was loaded before is untouched


def test_an_unreadable_file_and_a_folder_in_its_place(tmp_path):
    write_dataset(tmp_path)
    p = tmp_path / "t10k-images-idx3-ubyte.gz"
    p.unlink()
    p.mkdir()  # a folder with the file's name is not a file: it is missing
    with pytest.raises(MissingDataError):
        load_idx_dataset("mnist", tmp_path)
    with pytest.raises(DatasetError, match="is a folder"):
        read_idx(p)
    with pytest.raises(DatasetError, match="not found"):
        read_idx(tmp_path / "nope")


def test_a_wrong_folder_is_missing_data(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(MissingDataError, match="MNIST is not in"):
        make_dataset("mnist", data_dir=tmp_path)


@settings(max_examples=FUZZ)
@given(st.binary(max_size=300))
def test_fuzz_random_bytes_only_dataset_error(tmp_path_factory, blob):
    _fuzz(tmp_path_factory, blob)


@settings(max_examples=FUZZ)
@given(st.binary(max_size=200), st.integers(1, 4), st.lists(st.integers(0, 2**32 - 1), min_size=4, max_size=4))
def test_fuzz_valid_headers_random_rest(tmp_path_factory, rest, ndim, dims):
    header = b"\x00\x00\x08" + bytes([ndim]) + b"".join(d.to_bytes(4, "big") for d in dims[:ndim])
    for blob in (header + rest, gzip.compress(header + rest), gzip.compress(header + rest)[: 10 + len(rest) // 2]):
        _fuzz(tmp_path_factory, blob)


def _fuzz(tmp_path_factory, blob):
    p = tmp_path_factory.getbasetemp() / "fuzz.idx"
    p.write_bytes(blob)
    try:
        a = read_idx(p)
    except DatasetError:
        return
    # whatever is accepted is exactly what its header declares
    data = gzip.decompress(blob) if blob[:2] == b"\x1f\x8b" else blob
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    assert a.dtype == np.uint8 and a.shape == tuple(dims) and not a.flags.writeable
    assert a.tobytes() == data[4 + 4 * ndim :]


# -- bytes as floats -----------------------------------------------------------------------------------------


def test_pixel_array_reads_as_scaled_floats():
    raw = np.arange(5 * 4, dtype=np.uint8).reshape(5, 4) * 12
    x = PixelArray(raw)
    assert len(x) == 5 and x.shape == (5, 4) and x.dtype == np.float64 and x.nbytes == 20
    np.testing.assert_array_equal(x[1:3], raw[1:3] / 255.0)
    np.testing.assert_array_equal(x[[4, 0]], raw[[4, 0]] / 255.0)
    np.testing.assert_array_equal(x[2, 1], raw[2, 1] / 255.0)
    np.testing.assert_array_equal(np.asarray(x), raw / 255.0)
    assert isinstance(x.head(2), PixelArray) and len(x.head(2)) == 2 and x.head(None) is x and x.head(9) is x
    assert np.shares_memory(x.head(2).raw, raw)
    blocks = list(x.blocks(rows=2))
    assert [len(b) for b in blocks] == [2, 2, 1]
    np.testing.assert_array_equal(np.concatenate(blocks), raw / 255.0)
    assert not x.raw.flags.writeable and raw.flags.writeable  # the caller's array is not frozen
    assert len(head(np.zeros((5, 2)), 3)) == 3 and len(head(x, 3)) == 3
    with pytest.raises(ValueError, match="uint8"):
        PixelArray(np.zeros((2, 2)))


def test_network_scores_bytes_in_blocks_as_floats(monkeypatch):
    rng = np.random.default_rng(0)
    raw = rng.integers(0, 256, size=(50, 784), dtype=np.uint8)
    net = Network([784, 20, 10], "relu", init="he", seed=1)
    dense = net.scores(raw / 255.0)
    monkeypatch.setattr("nnplay.core.pixels.BLOCK_ROWS", 7)
    x = PixelArray(raw)
    assert len(list(x.blocks())) == 8
    np.testing.assert_allclose(net.scores(x), dense, rtol=1e-12, atol=1e-12)
    assert net.accuracy(x, np.zeros(50)) == net.accuracy(raw / 255.0, np.zeros(50))
    assert net.scores(x.head(0)).shape == (0, 10)


def _float_copy(ds):
    from nnplay.core.datasets import Dataset

    return Dataset(
        "digits",
        np.asarray(ds.x_train),
        ds.t_train,
        np.asarray(ds.x_test),
        ds.t_test,
        10,
        ds.class_names,
        image_shape=(28, 28),
    )


def test_training_on_bytes_equals_training_on_floats(tmp_path):
    write_dataset(tmp_path, n_train=47, n_test=13)
    config = Config(dataset="mnist", data_dir=str(tmp_path), hidden=(16,), batch_size=10, activation="relu")
    a = Trainer(config, eval_every=3)
    b = Trainer(config, eval_every=3, dataset=_float_copy(a.dataset))
    ra, rb = a.step(12), b.step(12)  # (more than one epoch: 5 steps each)
    np.testing.assert_allclose(ra.loss, rb.loss, rtol=1e-12)
    np.testing.assert_allclose(a.network.flat_params, b.network.flat_params, rtol=1e-10, atol=1e-15)
    assert a.epoch == b.epoch == 3
    for ea, eb in zip(ra.evaluations, rb.evaluations, strict=True):
        assert ea.train_accuracy == eb.train_accuracy and ea.test_loss == pytest.approx(eb.test_loss, rel=1e-12)
    a.eval_limit = b.eval_limit = 20
    ea, eb = a.evaluate(), b.evaluate()
    assert (ea.train_samples, ea.test_samples) == (20, 13) == (eb.train_samples, eb.test_samples)
    assert ea.train_loss == pytest.approx(eb.train_loss, rel=1e-12)
    assert a.evaluation_samples() == (20, 13)


def test_a_batch_is_scaled_floats(tmp_path):
    write_dataset(tmp_path)
    tr = Trainer(Config(dataset="mnist", data_dir=str(tmp_path), hidden=(8,), batch_size=7), eval_every=0)
    x, t = tr._next_batch()
    assert x.dtype == np.float64 and x.shape == (7, 784) and x.min() >= 0.0 and x.max() <= 1.0
    assert t.shape == (7, 10)
    assert tr._probe.dtype == np.float64 and tr._probe.shape == (30, 784)


def test_trainer_apply_reloads_when_the_folder_changes(tmp_path):
    write_dataset(tmp_path / "a", n_train=30)
    write_dataset(tmp_path / "b", n_train=40)
    tr = Trainer(Config(dataset="mnist", data_dir=str(tmp_path / "a"), hidden=(8,)), eval_every=0)
    assert len(tr.dataset.x_train) == 30
    assert tr.apply(tr.config.replace(data_dir=str(tmp_path / "b")))
    assert len(tr.dataset.x_train) == 40
    with pytest.raises(MissingDataError):
        tr.apply(tr.config.replace(data_dir=str(tmp_path / "c")))
    assert len(tr.dataset.x_train) == 40  # the old data keeps training


# -- downloads (a local server) ------------------------------------------------------------------------------


@pytest.fixture
def served(monkeypatch):
    files = file_contents(make_arrays(n_train=120, n_test=40, noisy=True))
    with FileServer(files) as server:
        patch_source(monkeypatch, "mnist", [server.url], files)
        yield server, files


def test_fetch_downloads_verifies_and_loads(tmp_path, served):
    server, files = served
    seen = []
    got = fetch("mnist", tmp_path, progress=lambda *a: seen.append(a))
    folder = tmp_path / "mnist"
    assert sorted(got) == sorted(folder / n for n in files)
    assert sorted(os.listdir(folder)) == sorted(files)  # no temporary files left
    for n, b in files.items():
        assert (folder / n).read_bytes() == b
    assert {a[2] for a in seen} == set(files) and all(a[1] == 4 for a in seen)
    last = [a for a in seen if a[2] == "train-images-idx3-ubyte.gz"][-1]
    assert last[3] == last[4] == len(files["train-images-idx3-ubyte.gz"])
    assert len(load_idx_dataset("mnist", tmp_path)[0]) == 120
    assert fetch("mnist", tmp_path) == []  # nothing missing: nothing asked
    assert len(server.requests) == 4


def test_fetch_keeps_files_already_there(tmp_path, served):
    server, _ = served
    folder = tmp_path / "mnist"
    folder.mkdir()
    mine = idx_bytes(np.zeros(3, dtype=np.uint8))  # (not the official bytes: never overwritten)
    (folder / "t10k-labels.idx1-ubyte").write_bytes(mine)
    got = fetch("mnist", tmp_path)
    assert len(got) == 3 and (folder / "t10k-labels.idx1-ubyte").read_bytes() == mine
    assert not (folder / "t10k-labels-idx1-ubyte.gz").exists()
    assert len(server.requests) == 3


def test_a_corrupt_download_is_rejected_and_not_kept(tmp_path, served):
    server, files = served
    blob = bytearray(files["train-labels-idx1-ubyte.gz"])
    blob[-5] ^= 0xFF
    server.files["train-labels-idx1-ubyte.gz"] = bytes(blob)
    with pytest.raises(DatasetError, match="does not match its known SHA-256") as e:
        fetch("mnist", tmp_path)
    assert "train-labels-idx1-ubyte.gz" in str(e.value)
    folder = tmp_path / "mnist"
    assert sorted(os.listdir(folder)) == ["train-images-idx3-ubyte.gz"]  # the good one before it stays
    with pytest.raises(MissingDataError):
        load_idx_dataset("mnist", tmp_path)


def test_a_second_mirror_is_tried(tmp_path, monkeypatch):
    files = file_contents(make_arrays())
    with FileServer(files) as server:
        patch_source(monkeypatch, "mnist", [closed_port_url(), server.url], files)
        assert len(fetch("mnist", tmp_path)) == 4


def test_offline_gives_a_clear_message_and_leaves_nothing(tmp_path, monkeypatch):
    files = file_contents(make_arrays())
    patch_source(monkeypatch, "mnist", [closed_port_url()], files)
    with pytest.raises(DatasetError, match=r"no connection to 127\.0\.0\.1.*Are you offline"):
        fetch("mnist", tmp_path / "new")
    assert not (tmp_path / "new").exists()  # the folders it would have made are gone again


def test_server_error_is_named(tmp_path, served):
    server, _ = served
    del server.files["t10k-images-idx3-ubyte.gz"]
    with pytest.raises(DatasetError, match="answered 404"):
        fetch("mnist", tmp_path)


def test_cancel_stops_and_keeps_nothing_partial(tmp_path, served):
    calls = []

    def progress(*a):
        calls.append(a)

    with pytest.raises(DownloadCancelled):
        fetch("mnist", tmp_path, progress=progress, cancelled=lambda: len(calls) >= 1)
    assert len(calls) == 1
    assert not (tmp_path / "mnist").exists() or os.listdir(tmp_path / "mnist") == []
