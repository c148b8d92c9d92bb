"""The history of a run as CSV: one format, written by ``nnplay train`` and by the window's File → Export history
as CSV…, and one reader for both.

One row per step: ``step, epoch, loss`` (the mini-batch loss, with the weight-decay term when there is one),
``data_loss`` (the same without that term; only for runs with weight decay), the evaluation columns (``train_loss,
train_accuracy, test_loss, test_accuracy``; for regression ``train_loss, train_r2, train_rmse, test_loss, test_r2,
test_rmse``; empty between evaluations, and where nothing was measured) and ``grad_norm_1 … grad_norm_L``
(‖∂L/∂W‖ of each layer). The evaluation columns come from the history (``History.csv_eval_columns``). An
evaluation at a step that has no row of its own (the window evaluates at step 0, and when it pauses) gets a row
with only ``step``, ``epoch`` and the evaluation columns.

The window's history keeps a bounded number of rows (``nnplay.core.history.Series``): after very long runs each
stored row stands for several consecutive steps (their mean, keyed by the last step). An export of such a history
says so in a first line that starts with ``#`` (``read_history_csv`` skips such lines; ``pandas.read_csv`` with
``comment="#"`` too). Numbers are written with ``repr``, so they read back exactly.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field

import numpy as np

from nnplay.core.messages import QT_TRANSLATE_NOOP, Text

STEP_COLUMNS = ("step", "epoch", "loss")


def columns(history, data_loss=False) -> list[str]:
    """The CSV's header for ``history`` (a ``nnplay.core.trainer.History``), with ``data_loss`` after ``loss``
    when asked."""
    L = history.n_layers
    extra = ["data_loss"] if data_loss else []
    return [*STEP_COLUMNS, *extra, *history.csv_eval_columns, *(f"grad_norm_{i + 1}" for i in range(L))]


def has_weight_decay(history) -> bool:
    """Whether any stored row's loss differs from its data loss (the run had a weight-decay term)."""
    if not history.has_data_loss or len(history.steps.x) == 0:
        return False
    return bool(np.any(history.loss != history.data_loss))


def _fmt(v):
    return repr(float(v))


def _cell(v):
    """An evaluation's value; empty when it was not measured (NaN: e.g. the test columns with no test set)."""
    v = float(v)
    return "" if math.isnan(v) else repr(v)


def merged_note(history) -> Text | None:
    """Why the rows are not one per step (the history merged rows to stay bounded), or None when they are."""
    steps, evals = history.steps, history.evals
    if steps.stride == 1 and evals.stride == 1:
        return None
    if evals.stride == 1:
        return Text(
            QT_TRANSLATE_NOOP(
                "core",
                "Rows were merged by the history bound: each row stands for {stride} consecutive steps (their "
                "mean, at the last of them); the history keeps at most {capacity} rows.",
            ),
            stride=f"{steps.stride:,}",
            capacity=f"{steps.capacity:,}",
        )
    return Text(
        QT_TRANSLATE_NOOP(
            "core",
            "Rows were merged by the history bound: each row stands for {stride} consecutive steps and each "
            "evaluation for {eval_stride} consecutive evaluations (their mean, at the last of them); the history "
            "keeps at most {capacity} rows.",
        ),
        stride=f"{steps.stride:,}",
        eval_stride=f"{evals.stride:,}",
        capacity=f"{steps.capacity:,}",
    )


class HistoryCsvWriter:
    """Writes the CSV of a run to an open text file: the header at once, then rows.

    ``write_result`` takes a ``StepResult`` as training goes (the command line); ``write_history`` writes a whole
    ``History`` (the window's export). ``comment`` (one line) is written first, after ``# ``. ``data_loss``:
    whether to write that column (the run has weight decay); None decides from the history's rows.
    """

    def __init__(self, file, history, comment=None, data_loss=None):
        self.data_loss = has_weight_decay(history) if data_loss is None else bool(data_loss)
        self.columns = columns(history, self.data_loss)
        self.eval_columns = tuple(history.csv_eval_columns)
        self._eval_index = [history.eval_columns.index(c) for c in self.eval_columns]
        self.n_layers = history.n_layers
        self.rows = 0
        if comment:
            file.write("# " + " ".join(str(comment).split()) + "\n")
        self._writer = csv.writer(file, lineterminator="\n")
        self._writer.writerow(self.columns)

    def _row(self, step, epoch, loss=None, evaluation=None, grad_norms=None, data_loss=None):
        empty_evals = [""] * len(self.eval_columns)
        row = [
            int(step),
            int(epoch),
            "" if loss is None else _fmt(loss),
            *(["" if data_loss is None else _fmt(data_loss)] if self.data_loss else []),
            *(empty_evals if evaluation is None else map(_cell, evaluation)),
            *([""] * self.n_layers if grad_norms is None else map(_fmt, grad_norms)),
        ]
        self._writer.writerow(row)
        self.rows += 1

    def write_result(self, result):
        """The rows of ``result`` (a ``StepResult``: every step it took, the diverged one included), each with
        the evaluation made after it, if any."""
        evals = {int(ev.step): ev for ev in result.evaluations}
        steps = set()
        for i, step in enumerate(result.steps):
            step = int(step)
            steps.add(step)
            ev = evals.get(step)
            values = None if ev is None else [getattr(ev, k) for k in self.eval_columns]
            self._row(step, result.epochs[i], result.loss[i], values, result.grad_norm[i], result.data_loss[i])
        for step, ev in evals.items():  # (an evaluation without a step of its own)
            if step not in steps:
                self._row(step, ev.epoch, evaluation=[getattr(ev, k) for k in self.eval_columns])

    def write_history(self, history):
        """Every stored row of ``history`` and every stored evaluation, in step order; an evaluation at a step
        with a row fills that row's evaluation columns."""
        sx, ex = history.step_x, history.evals.x
        y = history.steps.y
        L = history.n_layers
        loss, grads, data_loss = y[:, 0], y[:, 1 : 1 + 2 * L : 2], history.data_loss
        s_epochs, e_epochs = history.step_epochs, history.evaluation_epochs
        evals = history.evals.y[:, self._eval_index]
        i = j = 0
        while i < len(sx) or j < len(ex):
            s = sx[i] if i < len(sx) else math.inf
            e = ex[j] if j < len(ex) else math.inf
            if s <= e:
                ev = evals[j] if s == e else None
                self._row(s, s_epochs[i], loss[i], ev, grads[i], data_loss[i])
                i += 1
                j += s == e
            else:
                self._row(e, e_epochs[j], evaluation=evals[j])
                j += 1


def write_history_csv(path, history) -> Text | None:
    """Write ``history`` to the CSV file ``path``; returns the note on merged rows (also the file's first
    line) or None. Raises OSError when the file cannot be written."""
    note = merged_note(history)
    with open(path, "w", newline="", encoding="utf-8") as f:
        HistoryCsvWriter(f, history, comment=None if note is None else str(note)).write_history(history)
    return note


@dataclass
class HistoryTable:
    """A CSV of a run read back: every column as floats (NaN where a cell is empty), which cells were filled,
    and the comment lines (without ``# ``)."""

    columns: list[str]
    values: dict[str, np.ndarray]
    filled: dict[str, np.ndarray]
    comments: list[str] = field(default_factory=list)

    def __len__(self):
        return len(self.values[self.columns[0]]) if self.columns else 0

    def step_rows(self):
        """Mask of the rows of steps (the ones with a mini-batch loss)."""
        return self.filled["loss"]

    def evaluation_rows(self):
        """Mask of the rows with an evaluation."""
        return self.filled["train_loss"]

    def column(self, name, rows=None):
        v = self.values[name]
        return v if rows is None else v[rows]


def read_history_csv(file) -> HistoryTable:
    """Read a CSV written by ``nnplay train`` or by the window's export (``file``: a path or an open text file).
    Lines that start with ``#`` are comments. Raises ValueError when a cell is not a number."""
    if hasattr(file, "read"):
        return _read(file)
    with open(file, newline="", encoding="utf-8") as f:
        return _read(f)


def _read(f):
    comments = []
    lines = []
    for line in f:
        if line.startswith("#"):
            comments.append(line[1:].strip())
        else:
            lines.append(line)
    reader = csv.reader(lines)
    header = next(reader, [])
    cells = list(reader)
    values, filled = {}, {}
    for k, name in enumerate(header):
        column = [row[k] if k < len(row) else "" for row in cells]
        filled[name] = np.array([c != "" for c in column], dtype=bool)
        try:
            values[name] = np.array([float(c) if c != "" else np.nan for c in column], dtype=np.float64)
        except ValueError as e:
            raise ValueError(f"column {name}: {e}") from None
    return HistoryTable(list(header), values, filled, comments)
