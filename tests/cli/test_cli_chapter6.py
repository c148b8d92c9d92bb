"""The command line's flags for issue #11: weight decay, dropout, batch norm, features, regression."""

import csv
import io
import json

import pytest

from nnplay.cli import _build_parser, _config_from_args, main


def run_main(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def config_of(*argv):
    return _config_from_args(_build_parser().parse_args(["train", *argv]))


def test_the_issues_flags_reach_the_experiment():
    c = config_of("--weight-decay", "0.1", "--regularization", "l2", "--dropout", "0.2", "--batch-norm",
                  "--features", "x1,x2,x1^2")  # fmt: skip
    assert (c.weight_decay, c.regularization, c.dropout, c.batch_norm) == (0.1, "l2", 0.2, True)
    assert c.features == ("x1", "x2", "x1^2")
    assert config_of("--regularization", "L1").regularization == "l1"
    assert config_of().batch_norm is False


def test_flags_override_a_file_and_old_files_still_open(tmp_path):
    cfg = tmp_path / "old.json"
    cfg.write_text(json.dumps({"dataset": "xor", "hidden": [4]}))  # saved before these fields existed
    c = config_of("--config", str(cfg))
    assert (c.dataset, c.weight_decay, c.batch_norm, c.features) == ("xor", 0.0, False, ())
    new = tmp_path / "new.json"
    new.write_text(json.dumps({"dataset": "circles", "batch_norm": True, "dropout": 0.5}))
    c = config_of("--config", str(new), "--no-batch-norm", "--dropout", "0")
    assert c.batch_norm is False and c.dropout == 0.0


def test_a_regression_set_gets_the_identity_output_and_squared_error():
    c = config_of("--dataset", "sine")
    assert (c.task, c.output, c.loss) == ("regression", "identity", "sum_squared_error")


def test_regression_csv_has_r2_and_rmse_in_place_of_accuracy(capsys):
    code, out, err = run_main(capsys, "train", "--dataset", "reg_plane", "--steps", "40", "--eval-every", "20")
    assert code == 0
    rows = read_csv(out)
    assert list(rows[0]) == [
        "step", "epoch", "loss", "train_loss", "train_r2", "train_rmse", "test_loss", "test_r2", "test_rmse",
        "grad_norm_1", "grad_norm_2", "grad_norm_3",
    ]  # fmt: skip
    last = rows[39]
    assert float(last["test_r2"]) <= 1 and float(last["test_rmse"]) > 0
    assert "R²" in err


def test_weight_decay_adds_the_data_loss_column(capsys):
    code, out, _ = run_main(capsys, "train", "--steps", "5", "--weight-decay", "0.1", "--quiet")
    assert code == 0
    rows = read_csv(out)
    assert list(rows[0])[:4] == ["step", "epoch", "loss", "data_loss"]
    assert all(float(r["loss"]) > float(r["data_loss"]) for r in rows)  # loss = data loss + ½λΣ‖W‖²


def test_a_csv_file_trains_as_regression_only_when_asked(tmp_path, capsys):
    data = tmp_path / "values.csv"
    data.write_text("a,b,value\n" + "".join(f"{i / 10},{(i % 7) / 7},{i / 5 + 0.1}\n" for i in range(30)))
    code, out, _ = run_main(
        capsys, "train", "--dataset", "csv", "--csv", str(data), "--task", "regression", "--steps", "10", "--quiet"
    )
    assert code == 0 and "test_r2" in read_csv(out)[0]
    code, out, _ = run_main(capsys, "train", "--dataset", "csv", "--csv", str(data), "--steps", "3", "--quiet")
    assert code == 0 and "test_accuracy" in read_csv(out)[0]  # never guessed: classes by default


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--dataset", "circles", "--task", "regression"], "holds classes"),
        (["--weight-decay", "-1"], "weight_decay"),
        (["--dropout", "1.5"], "dropout"),
        (["--features", "x1,cos(x2)"], "features"),
        (["--dataset", "digits", "--features", "x1^2"], "2-D"),
        (["--regularization", "l3"], "regularization"),
    ],
)
def test_bad_values_are_one_line_errors(capsys, argv, words):
    code, out, err = run_main(capsys, "train", "--steps", "1", *argv)
    assert code == 2 and out == ""
    assert err.startswith("nnplay: error:") and words in err and err.count("\n") == 1
