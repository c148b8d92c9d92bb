"""``python -m nnplay bench``: the numerical-gradient rows and the book's ch.5 MNIST row run and print their
figures (smoke tests on tiny configurations; the figures themselves are measured by hand, not asserted)."""

import gzip
import re

import numpy as np
import pytest

from nnplay import bench
from nnplay.cli import main


def write_idx(path, array, gz=False):
    """An IDX file of unsigned bytes, as MNIST's."""
    header = bytes([0, 0, 8, array.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    data = header + array.astype(np.uint8).tobytes()
    if gz:
        path = path.with_name(path.name + ".gz")
        data = gzip.compress(data)
    path.write_bytes(data)


@pytest.fixture
def tiny_mnist(tmp_path):
    rng = np.random.default_rng(0)
    for stem, n, gz in (("train", 300, True), ("t10k", 60, False)):
        images = rng.integers(0, 256, size=(n, 28, 28))
        images[rng.random(images.shape) < 0.8] = 0
        labels = rng.integers(0, 10, n)
        images[np.arange(n), labels, labels] = 255  # a learnable pixel per class
        write_idx(tmp_path / f"{stem}-images-idx3-ubyte", images, gz)
        write_idx(tmp_path / f"{stem}-labels-idx1-ubyte", labels, gz)
    return tmp_path


TINY_CASES = (("784-6-10 sigmoid", (784, 6, 10), "sigmoid", 0.01), ("784-5-4-10 relu", (784, 5, 4, 10), "relu", "he"))


def test_numgrad_rows_compare_with_the_books_loop():
    lines = []
    rows = bench.run_numgrad(lines.append, TINY_CASES, loop_seconds=0.05, batch=10)
    assert [r["label"] for r in rows] == [c[0] for c in TINY_CASES]
    for r in rows:
        assert r["fast"] > 0 and r["loop"] > 0 and 0 < r["sampled"] <= r["entries"]
        assert r["noise_units"] < 8  # the same numbers as the loop, to its rounding noise
    assert "random MNIST-like" in lines[0] and "extrapolated" in lines[0]
    table = [ln for ln in lines if re.search(r"\d+\.\dms\s+[\d.]+s\*?\s+\d+x", ln)]
    assert len(table) == 2


def test_numgrad_full_loop_times_every_entry():
    rows = bench.run_numgrad(lambda _: None, TINY_CASES[:1], full_loop=True, batch=5)
    assert rows[0]["sampled"] == rows[0]["entries"] == 784 * 6 + 6 + 6 * 10 + 10


def test_mnist_like_batch_has_mostly_zero_pixels_in_0_1():
    x, t = bench.mnist_like_batch(np.random.default_rng(1), 200)
    assert x.shape == (200, 784) and t.shape == (200,)
    assert 0.75 < np.mean(x == 0) < 0.87 and x.min() == 0 and x.max() <= 1
    np.testing.assert_array_equal(np.round(x * 255), x * 255)  # whole uint8 pixel values


def test_read_mnist_gzipped_or_not(tiny_mnist):
    assert bench.find_mnist(tiny_mnist) == tiny_mnist
    m = bench.read_mnist(tiny_mnist)
    assert m["x_train"].shape == (300, 784) and m["x_test"].shape == (60, 784)
    assert m["t_train"].shape == (300,) and m["x_train"].dtype == np.uint8


def test_truncated_idx_is_refused(tiny_mnist, capsys):
    path = tiny_mnist / "t10k-images-idx3-ubyte"
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(ValueError, match="not a complete IDX"):
        bench.read_mnist(tiny_mnist)
    assert main(["bench", "--only", "ch5", "--data-dir", str(tiny_mnist)]) == 2
    assert "not a complete IDX" in capsys.readouterr().err


def test_ch5_row_trains_headless_and_the_minimal_loop(tiny_mnist):
    lines = []
    r = bench.run_ch5(lines.append, bench.read_mnist(tiny_mnist), steps=30, block=10)
    assert r["steps"] == 30 and r["trainer"] > 0 and r["loop"] > 0
    for train_acc, test_acc in r["accuracy"].values():
        assert 0 <= train_acc <= 1 and 0 <= test_acc <= 1
    assert any(ln.startswith("nnplay Trainer") for ln in lines)
    assert any(ln.startswith("minimal numpy loop") for ln in lines)
    assert "goal <= 1.3" in lines[-1]


def test_ch5_row_is_skipped_with_a_note_without_mnist(monkeypatch):
    monkeypatch.delenv(bench.MNIST_ENV, raising=False)
    lines = []
    out = bench.run(lines.append, sections=("ch5",))
    assert out == {"ch5": None}
    assert "BLAS threads" in lines[0]
    assert "skipped" in lines[1] and "--data-dir" in lines[1]


def test_cli_bench_ch5_from_a_data_dir(tiny_mnist, capsys):
    assert main(["bench", "--only", "ch5", "--data-dir", str(tiny_mnist), "--ch5-steps", "20"]) == 0
    out = capsys.readouterr().out
    assert "20 steps of batch 100" in out and "ratio Trainer / loop" in out


def test_cli_bench_data_dir_without_mnist_exits_2(tmp_path, capsys):
    assert main(["bench", "--only", "ch5", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nnplay: error: --data-dir") and "no MNIST" in err
