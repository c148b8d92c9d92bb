"""The command line: CSV output, exit codes and one-line errors."""

import csv
import io
import json
import subprocess
import sys

import pytest

from nnplay.cli import main


def run_main(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_train_writes_csv_with_every_step(capsys):
    code, out, _ = run_main(capsys, "train", "--steps", "25", "--eval-every", "10", "--hidden", "8,8", "--quiet")
    assert code == 0
    rows = read_csv(out)
    assert [int(r["step"]) for r in rows] == list(range(1, 26))
    assert list(rows[0]) == [
        "step", "epoch", "loss", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
        "grad_norm_1", "grad_norm_2", "grad_norm_3",
    ]  # fmt: skip
    evaluated = [int(r["step"]) for r in rows if r["train_loss"]]
    assert evaluated == [10, 20]
    assert all(float(r["loss"]) > 0 for r in rows)
    assert rows[0]["test_accuracy"] == ""


def test_train_to_file_and_flags_override_config(tmp_path, capsys):
    cfg = tmp_path / "exp.json"
    cfg.write_text(json.dumps({"dataset": "xor", "hidden": [4], "learning_rate": 0.5, "seed": 3}))
    out = tmp_path / "run.csv"
    code, stdout, _ = run_main(
        capsys, "train", "--config", str(cfg), "--hidden", "5,5,5", "--steps", "12", "--out", str(out), "--quiet"
    )
    assert code == 0 and stdout == ""
    rows = read_csv(out.read_text())
    assert len(rows) == 12
    assert "grad_norm_4" in rows[0] and "grad_norm_5" not in rows[0]  # the flag's 3 hidden layers won


def test_same_seed_same_csv(capsys):
    a = run_main(capsys, "train", "--steps", "30", "--seed", "7", "--quiet")[1]
    b = run_main(capsys, "train", "--steps", "30", "--seed", "7", "--quiet")[1]
    c = run_main(capsys, "train", "--steps", "30", "--seed", "8", "--quiet")[1]
    assert a == b
    assert a != c


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["train", "--activation", "swish"], "activation"),
        (["train", "--hidden", "8,x"], "hidden"),
        (["train", "--lr", "-1"], "learning_rate"),
        (["train", "--lr", "abc"], "learning_rate"),
        (["train", "--batch-size", "0"], "batch_size"),
        (["train", "--samples", "1"], "samples"),
        (["train", "--test-ratio", "2"], "test_ratio"),
        (["train", "--init", "-2"], "init"),
        (["train", "--output", "identity", "--loss", "cross_entropy"], "cross_entropy"),
        (["train", "--gradient", "magic"], "gradient"),
        (["train", "--dataset", "imagenet"], "dataset"),
        (["train", "--dataset", "csv"], "csv_path"),
        (["train", "--dataset", "csv", "--csv", "/no/such/file.csv"], "not found"),
        (["train", "--config", "/no/such/exp.json"], "no such file"),
        (["train", "--steps", "-5"], "steps"),
        (["train", "--steps", "many"], "steps"),
        (["train", "--out", "/no/such/dir/out.csv"], "cannot write"),
        (["train", "--bogus"], "unrecognized"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, argv, needle):
    code, _, err = run_main(capsys, *argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("nnplay: error: ")
    assert needle in lines[0]
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json", "not valid JSON"),
        ('{"dataset": "xor", "colour": 1}', "unknown key 'colour'"),
        ("[1, 2]", "JSON object"),
        ('{"hidden": [8, 0]}', "hidden"),
    ],
)
def test_bad_config_file_exits_2(tmp_path, capsys, content, needle):
    cfg = tmp_path / "bad.json"
    cfg.write_text(content)
    code, _, err = run_main(capsys, "train", "--config", str(cfg))
    assert code == 2
    assert err.count("\n") == 1 and needle in err and str(cfg) in err


def test_bad_csv_data_exits_2(tmp_path, capsys):
    data = tmp_path / "d.csv"
    data.write_text("a,b,label\n1,2,x\n3,oops,y\n")
    code, _, err = run_main(capsys, "train", "--dataset", "csv", "--csv", str(data))
    assert code == 2
    assert "line 3" in err and err.count("\n") == 1


def test_csv_data_trains(tmp_path, capsys):
    data = tmp_path / "d.csv"
    data.write_text("a,b,label\n" + "".join(f"{i % 7},{i % 5},{'yes' if i % 2 else 'no'}\n" for i in range(40)))
    code, out, _ = run_main(capsys, "train", "--dataset", "csv", "--csv", str(data), "--steps", "5", "--quiet")
    assert code == 0 and len(read_csv(out)) == 5


def test_divergence_exits_3_and_keeps_the_steps(tmp_path, capsys):
    out = tmp_path / "d.csv"
    argv = ["train", "--output", "identity", "--loss", "sum_squared_error", "--activation", "tanh", "--lr", "3"]
    code, _, err = run_main(capsys, *argv, "--steps", "2000", "--out", str(out))
    assert code == 3
    assert "smaller" in err and "0.3" in err and "Traceback" not in err
    rows = read_csv(out.read_text())
    steps = [int(r["step"]) for r in rows]
    assert steps == list(range(1, len(rows) + 1)) and len(rows) < 2000
    losses = [float(r["loss"]) for r in rows]
    assert all(x == x and abs(x) != float("inf") for x in losses[:-1])
    assert not (abs(losses[-1]) < float("inf"))  # the step that diverged, recorded last


def test_python_m_nnplay_help_and_subprocess_exit_codes():
    r = subprocess.run([sys.executable, "-m", "nnplay", "train", "--help"], capture_output=True, text=True)
    assert r.returncode == 0 and "--batch-size" in r.stdout and "--eval-every" in r.stdout
    r = subprocess.run([sys.executable, "-m", "nnplay", "train", "--lr", "0"], capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.startswith("nnplay: error: learning_rate")


def test_numerical_gradient_from_the_command_line(capsys):
    code, out, _ = run_main(
        capsys, "train", "--hidden", "3", "--gradient", "numerical", "--steps", "3", "--samples", "40", "--quiet"
    )
    assert code == 0
    assert len(read_csv(out)) == 3
