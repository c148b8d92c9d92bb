"""The command line with MNIST: ``nnplay data fetch|path`` and ``train --dataset mnist --data-dir DIR``
(generated IDX files and a local HTTP server; nothing here needs the internet)."""

import csv
import gzip
import io
import os
from pathlib import Path

import pytest
from idx_fixtures import FileServer, closed_port_url, file_contents, make_arrays, patch_source, write_dataset

from nnplay.cli import main
from nnplay.core import mnist


def run_main(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_data_path_prints_nnplays_folder_under_the_temporary_home(capsys, monkeypatch):
    monkeypatch.delenv(mnist.ENV_VAR, raising=False)
    code, out, _ = run_main(capsys, "data", "path")
    assert code == 0
    folder = Path(out.strip())
    assert folder.is_relative_to(Path.home()) and folder == mnist.default_data_dir()
    code, out, _ = run_main(capsys, "data", "path", "fashion_mnist")
    assert Path(out.strip()) == folder / "fashion_mnist"


def test_data_path_of_a_given_folder(capsys, tmp_path):
    write_dataset(tmp_path / "dataset")  # the book's folder, files directly inside
    code, out, _ = run_main(capsys, "data", "path", "mnist", "--data-dir", tmp_path / "dataset")
    assert code == 0 and Path(out.strip()) == tmp_path / "dataset"


def test_data_fetch_downloads_into_the_folder(capsys, tmp_path, monkeypatch):
    files = file_contents(make_arrays())
    with FileServer(files) as server:
        patch_source(monkeypatch, "mnist", [server.url], files)
        code, out, err = run_main(capsys, "data", "fetch", "mnist", "--data-dir", tmp_path)
        assert code == 0, err
        assert sorted(os.listdir(tmp_path / "mnist")) == sorted(files)
        assert "downloaded 4 files" in err and out == ""
        code, _, err = run_main(capsys, "data", "fetch", "mnist", "--data-dir", tmp_path)
        assert code == 0 and "already there" in err
        assert len(server.requests) == 4


def test_data_fetch_offline_exits_2_with_one_line(capsys, tmp_path, monkeypatch):
    patch_source(monkeypatch, "mnist", [closed_port_url()], file_contents(make_arrays()))
    code, _, err = run_main(capsys, "data", "fetch", "mnist", "--data-dir", tmp_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("nnplay: error: Cannot download MNIST") and "offline" in err
    assert not (tmp_path / "mnist").exists()


def test_data_fetch_corrupt_download_exits_2_and_keeps_nothing(capsys, tmp_path, monkeypatch):
    files = file_contents(make_arrays())
    served = dict(files, **{"t10k-images-idx3-ubyte.gz": files["t10k-images-idx3-ubyte.gz"][:-3]})
    with FileServer(served) as server:
        patch_source(monkeypatch, "mnist", [server.url], files)
        code, _, err = run_main(capsys, "data", "fetch", "mnist", "--data-dir", tmp_path)
    assert code == 2 and "SHA-256" in err and len(err.strip().splitlines()) == 1
    assert "t10k-images-idx3-ubyte.gz" not in os.listdir(tmp_path / "mnist")


def test_data_fetch_unknown_data_set(capsys):
    code, _, err = run_main(capsys, "data", "fetch", "cifar10")
    assert code == 2 and "invalid choice" in err


def test_train_on_mnist_from_a_folder(capsys, tmp_path):
    write_dataset(tmp_path, style="windows", n_train=40, n_test=10)
    code, out, err = run_main(
        capsys, "train", "--dataset", "mnist", "--data-dir", tmp_path, "--hidden", "16",
        "--batch-size", "10", "--steps", "9", "--eval-every", "4", "--quiet",
    )  # fmt: skip
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [int(r["step"]) for r in rows] == list(range(1, 10))
    assert [int(r["epoch"]) for r in rows] == [1] * 4 + [2] * 4 + [3]  # 40 images, batches of 10
    assert [int(r["step"]) for r in rows if r["test_accuracy"]] == [4, 8]


def test_train_on_missing_mnist_exits_2_and_says_how_to_get_it(capsys, tmp_path):
    code, _, err = run_main(capsys, "train", "--dataset", "mnist", "--data-dir", tmp_path, "--steps", "1")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "nnplay data fetch mnist" in err and str(tmp_path / "mnist") in err


@pytest.mark.parametrize(
    ("name", "blob", "needle"),
    [
        ("train-labels-idx1-ubyte.gz", b"not gzip and not idx", "not an IDX file"),
        ("train-images-idx3-ubyte.gz", gzip.compress(b"\x00\x00\x08\x03\x00\x00\x00\x05"), "cut short"),
    ],
)
def test_train_on_damaged_mnist_exits_2(capsys, tmp_path, name, blob, needle):
    write_dataset(tmp_path)
    (tmp_path / name).write_bytes(blob)
    code, _, err = run_main(capsys, "train", "--dataset", "mnist", "--data-dir", tmp_path, "--steps", "1")
    assert code == 2 and needle in err and name in err
    assert len(err.strip().splitlines()) == 1
