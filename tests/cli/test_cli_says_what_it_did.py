"""The command line says what it did (issue 12, §2–§3): Ctrl-C, full disks, closed pipes, --csv, --out that
would overwrite an input, and the wording of its messages."""

import builtins
import errno
import json
import os
import signal
import subprocess
import sys

import pytest
from test_cli import read_csv, run_main

from nnplay.core.trainer import Trainer

TRAIN = [sys.executable, "-m", "nnplay", "train"]


def _one_error_line(err):
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nnplay: error: "), err
    assert "Traceback" not in err and "Exception ignored" not in err
    return lines[0]


def test_ctrl_c_writes_and_reports_every_step_it_took(tmp_path, capsys, monkeypatch):
    """Ctrl-C lands while a chunk of steps is being trained: the chunk's rows are written and counted."""
    calls = []
    original = Trainer.step

    def step(self, n=1):
        result = original(self, n)
        calls.append(len(result))
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGINT)  # (as if pressed during this chunk)
        return result

    monkeypatch.setattr(Trainer, "step", step)
    out = tmp_path / "run.csv"
    code, _, err = run_main(capsys, "train", "--steps", "100000", "--out", str(out), "--quiet")
    assert code == 130
    rows = read_csv(out.read_text())
    assert len(rows) == sum(calls) == int(rows[-1]["step"])
    assert err.strip() == f"nnplay: interrupted after {len(rows):,} steps ({len(rows):,} rows written to {out})"


def test_ctrl_c_on_stdout_reports_the_rows_the_reader_got():
    p = subprocess.Popen([*TRAIN, "--steps", "100000000", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = [p.stdout.readline() for _ in range(300)]  # (it is running: 299 steps are out)
    p.send_signal(signal.SIGINT)
    rest = p.stdout.read()  # (not communicate(): it would skip what this buffered reader already holds)
    err = p.stderr.read()
    rows = len(first) - 1 + len(rest.splitlines())
    assert p.wait(timeout=120) == 130, err
    assert err.decode().strip() == f"nnplay: interrupted after {rows:,} steps ({rows:,} rows written)"


def test_help_documents_every_exit_code():
    r = subprocess.run([*TRAIN, "--help"], capture_output=True, text=True)
    for code in ("0 ", "2 ", "3 ", "4 ", "130 "):
        assert f"\n  {code}" in r.stdout, code
    assert "Ctrl-C" in r.stdout and "disk is full" in r.stdout


def test_a_full_disk_is_one_line_and_exit_4(tmp_path, capsys, monkeypatch):
    real_open = builtins.open
    target = tmp_path / "run.csv"

    class Full:
        def __init__(self):
            self.f = real_open(target, "w")

        def write(self, text):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def flush(self):
            pass

        def close(self):
            self.f.close()

    monkeypatch.setattr(
        builtins, "open", lambda path, *a, **k: Full() if path == str(target) else real_open(path, *a, **k)
    )
    code, _, err = run_main(capsys, "train", "--steps", "50", "--out", str(target))
    assert code == 4
    line = _one_error_line(err)
    assert f"cannot write {target}: No space left on device" in line and "incomplete" in line


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("to_stdout", [False, True])
def test_dev_full_in_a_real_process(to_stdout):
    if to_stdout:
        with open("/dev/full", "w") as full:
            r = subprocess.run([*TRAIN, "--steps", "3000"], stdout=full, stderr=subprocess.PIPE, text=True)
    else:
        r = subprocess.run([*TRAIN, "--steps", "3000", "--out", "/dev/full"], capture_output=True, text=True)
    assert r.returncode == 4
    assert "No space left on device" in _one_error_line(r.stderr)


def test_a_closed_pipe_ends_quietly():
    p = subprocess.Popen([*TRAIN, "--steps", "100000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.readline()
    p.stdout.close()  # like `| head -1`
    err = p.stderr.read().decode()
    assert p.wait(timeout=120) == 0
    assert "Traceback" not in err and "Exception ignored" not in err and "Broken pipe" not in err


def _csv(tmp_path, name="d.csv"):
    path = tmp_path / name
    path.write_text("a,b,label\n" + "".join(f"{i % 7},{i % 5},{'yes' if i % 2 else 'no'}\n" for i in range(40)))
    return path


def test_csv_flag_implies_the_csv_data_set(tmp_path, capsys):
    data = _csv(tmp_path)
    code, out, err = run_main(capsys, "train", "--csv", str(data), "--steps", "3")
    assert code == 0 and len(read_csv(out)) == 3
    assert f"on {data}, train loss" in err


def test_csv_flag_with_another_data_set_is_refused(tmp_path, capsys):
    code, _, err = run_main(capsys, "train", "--csv", str(_csv(tmp_path)), "--dataset", "xor")
    assert code == 2 and "--dataset csv" in _one_error_line(err)


@pytest.mark.parametrize("which", ["csv", "config", "csv_in_config"])
def test_out_that_would_overwrite_an_input_is_refused(tmp_path, capsys, monkeypatch, which):
    monkeypatch.chdir(tmp_path)
    data = _csv(tmp_path)
    cfg = tmp_path / "exp.json"
    cfg.write_text(json.dumps({"dataset": "csv", "csv_path": str(data)} if which == "csv_in_config" else {}))
    before = {p: p.read_bytes() for p in (data, cfg)}
    if which == "csv":
        argv = ["--csv", str(data), "--out", "./d.csv"]
    elif which == "config":
        argv = ["--config", str(cfg), "--out", "exp.json"]
    else:
        argv = ["--config", "exp.json", "--out", str(data)]
    code, _, err = run_main(capsys, "train", *argv)
    assert code == 2
    assert "would overwrite" in _one_error_line(err)
    assert {p: p.read_bytes() for p in (data, cfg)} == before


def test_unknown_train_flag_points_to_train_help(capsys):
    code, _, err = run_main(capsys, "train", "--steps", "3", "--colour", "red")
    assert code == 2
    line = _one_error_line(err)
    assert "--colour" in line and "'nnplay train --help'" in line


def test_one_epoch_and_one_step_are_singular(capsys):
    code, _, err = run_main(capsys, "train", "--steps", "1", "--samples", "10", "--batch-size", "10")
    assert code == 0
    assert err.startswith("nnplay: 1 step (1 epoch) on circles, ")


def test_no_test_set_gives_empty_test_columns(capsys):
    code, out, err = run_main(capsys, "train", "--steps", "4", "--eval-every", "2", "--test-ratio", "0")
    assert code == 0
    rows = read_csv(out)
    evaluated = [r for r in rows if r["train_loss"]]
    assert len(evaluated) == 2
    assert all(r["test_loss"] == "" and r["test_accuracy"] == "" for r in rows)
    assert "nan" not in out and "test accuracy" not in err


def test_out_without_permission_says_so(tmp_path, capsys, monkeypatch):
    real_open = builtins.open
    target = str(tmp_path / "locked.csv")

    def deny(path, *a, **k):
        if path == target:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_open(path, *a, **k)

    monkeypatch.setattr(builtins, "open", deny)
    code, _, err = run_main(capsys, "train", "--steps", "2", "--out", target)
    assert code == 2
    assert f"cannot write {target}: permission denied" in _one_error_line(err)


def test_experiment_file_with_a_bom(tmp_path, capsys):
    cfg = tmp_path / "bom.json"
    cfg.write_bytes(b'\xef\xbb\xbf{"dataset": "xor", "hidden": [3]}')
    code, out, _ = run_main(capsys, "train", "--config", str(cfg), "--steps", "2", "--quiet")
    assert code == 0 and "grad_norm_2" in out and "grad_norm_3" not in out


def test_experiment_file_errors_name_the_path_as_given(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exp.json").write_text("[" * 5000 + "]" * 5000)
    code, _, err = run_main(capsys, "train", "--config", "./exp.json")
    assert code == 2
    assert _one_error_line(err).startswith("nnplay: error: ./exp.json: ")
