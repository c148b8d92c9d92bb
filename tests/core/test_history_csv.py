"""The CSV of a run: one writer for `nnplay train` and the window's export, one reader, exact round trips."""

import io

import numpy as np
import pytest

from nnplay.core.config import Config
from nnplay.core.history_csv import (
    HistoryCsvWriter,
    columns,
    merged_note,
    read_history_csv,
    write_history_csv,
)
from nnplay.core.trainer import History, Trainer


def assert_table_equals_history(table, h):
    """Every stored row of steps and every stored evaluation of ``h`` is in ``table``, exactly."""
    steps = table.step_rows()
    np.testing.assert_array_equal(table.column("step", steps), h.step_x)
    np.testing.assert_array_equal(table.column("epoch", steps), h.step_epochs)
    np.testing.assert_array_equal(table.column("loss", steps), h.loss)
    for i in range(h.n_layers):
        np.testing.assert_array_equal(table.column(f"grad_norm_{i + 1}", steps), h.grad_norm[:, i])
    evals = table.evaluation_rows()
    np.testing.assert_array_equal(table.column("step", evals), h.evals.x)
    np.testing.assert_array_equal(table.column("epoch", evals), h.evaluation_epochs)
    for name in h.csv_eval_columns:
        np.testing.assert_array_equal(table.column(name, evals), h.evals.y[:, h.eval_columns.index(name)])
    if "data_loss" in table.columns:
        np.testing.assert_array_equal(table.column("data_loss", steps), h.data_loss)
    assert np.all(np.diff(table.column("step")) > 0)  # one row per step, in order
    assert np.all(steps | evals)


def test_the_columns_are_those_of_nnplay_train():
    h = History(n_layers=3)
    assert columns(h) == [
        "step", "epoch", "loss", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
        "grad_norm_1", "grad_norm_2", "grad_norm_3",
    ]  # fmt: skip


def test_a_history_reads_back_exactly_with_evaluations_between_steps(tmp_path):
    tr = Trainer(Config(hidden=(6, 5)), eval_every=7)
    tr.evaluate()  # at step 0: a row of its own
    tr.step(40)
    tr.evaluate()  # at step 40, not a multiple of 7: fills that step's row
    tr.step(3)
    h = tr.history
    path = tmp_path / "h.csv"
    assert write_history_csv(path, h) is None  # nothing merged: no comment line
    assert not path.read_text().startswith("#")
    table = read_history_csv(path)
    assert table.comments == [] and table.columns == columns(h)
    assert_table_equals_history(table, h)
    assert len(table) == 44  # steps 1 … 43 and the evaluation at step 0
    first = {name: table.filled[name][0] for name in table.columns}
    assert first["train_loss"] and not first["loss"] and not first["grad_norm_1"]
    assert table.column("epoch")[0] == 0
    row40 = int(np.flatnonzero(table.column("step") == 40)[0])
    assert table.filled["loss"][row40] and table.filled["train_loss"][row40]
    # Epochs are those the trainer counted: 320 training samples in batches of 10 → 32 steps an epoch.
    assert table.column("epoch", table.step_rows())[31] == 1 and table.column("epoch", table.step_rows())[32] == 2


def test_a_merged_history_says_so_in_a_first_comment_line(tmp_path):
    tr = Trainer(Config(), eval_every=5)
    tr.history = h = History(tr.network.n_layers, capacity=16, eval_capacity=4, data_loss=True)
    tr.step(100)
    assert h.steps.stride > 1 and h.evals.stride > 1
    note = merged_note(h)
    assert note is not None and f"{h.steps.stride}" in str(note) and "merged" in str(note)
    path = tmp_path / "h.csv"
    assert write_history_csv(path, h) == note
    text = path.read_text()
    assert text.startswith("# Rows were merged") and text.count("\n#") == 0
    table = read_history_csv(path)
    assert table.comments == [str(note)]
    assert_table_equals_history(table, h)
    # A merged row carries the epoch of its last step (the step it is keyed by).
    reference = Trainer(Config(), eval_every=5)
    result = reference.step(100)
    epoch_of = dict(zip(result.steps.tolist(), result.epochs.tolist(), strict=True))
    assert table.column("epoch", table.step_rows()).tolist() == [epoch_of[int(s)] for s in h.step_x]


def test_train_and_the_export_write_the_same_file():
    """The command line's rows (written as it trains) and an export of the same run's history are the same
    text, and read back as the history."""
    config = Config(hidden=(4,), seed=3)
    streamed = io.StringIO()
    tr = Trainer(config, eval_every=10)
    writer = HistoryCsvWriter(streamed, tr.history)
    for _ in range(5):
        writer.write_result(tr.step(9))
    exported = io.StringIO()
    HistoryCsvWriter(exported, tr.history).write_history(tr.history)
    assert streamed.getvalue() == exported.getvalue()
    streamed.seek(0)
    assert_table_equals_history(read_history_csv(streamed), tr.history)


def test_regression_has_r2_and_rmse_in_place_of_the_accuracies():
    h = History(n_layers=2, task="regression")
    assert columns(h) == [
        "step", "epoch", "loss", "train_loss", "train_r2", "train_rmse", "test_loss", "test_r2", "test_rmse",
        "grad_norm_1", "grad_norm_2",
    ]  # fmt: skip
    assert columns(h, data_loss=True)[:4] == ["step", "epoch", "loss", "data_loss"]


def test_a_run_with_weight_decay_exports_what_train_writes():
    """The window's export finds the weight decay in the rows (loss ≠ data loss) and writes the same file as the
    command line, which knows it from the configuration."""
    config = Config(
        dataset="reg_gauss", task="regression", output="identity", loss="sum_squared_error", weight_decay=0.1,
        hidden=(5,),
    )  # fmt: skip
    tr = Trainer(config, eval_every=4)
    streamed = io.StringIO()
    writer = HistoryCsvWriter(streamed, tr.history, data_loss=True)
    for _ in range(3):
        writer.write_result(tr.step(5))
    exported = io.StringIO()
    HistoryCsvWriter(exported, tr.history).write_history(tr.history)
    assert streamed.getvalue() == exported.getvalue()
    streamed.seek(0)
    table = read_history_csv(streamed)
    assert table.columns[3:10] == [
        "data_loss",
        "train_loss",
        "train_r2",
        "train_rmse",
        "test_loss",
        "test_r2",
        "test_rmse",
    ]
    steps = table.step_rows()
    assert np.all(table.column("loss", steps) > table.column("data_loss", steps))  # + ½λΣ‖W‖²
    assert np.all(np.isfinite(table.column("test_r2", table.evaluation_rows())))
    assert_table_equals_history(table, tr.history)


def test_without_weight_decay_there_is_no_data_loss_column():
    tr = Trainer(Config(hidden=(4,)), eval_every=3)
    tr.step(6)
    out = io.StringIO()
    HistoryCsvWriter(out, tr.history).write_history(tr.history)
    assert "data_loss" not in out.getvalue().splitlines()[0]


def test_a_cell_that_is_not_a_number_is_an_error():
    with pytest.raises(ValueError, match="loss"):
        read_history_csv(io.StringIO("step,epoch,loss\n1,1,abc\n"))
