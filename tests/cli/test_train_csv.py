"""`nnplay train` writes its CSV through the same writer as the window's history export."""

import numpy as np

from nnplay.cli import main
from nnplay.core.config import Config
from nnplay.core.history_csv import read_history_csv
from nnplay.core.trainer import Trainer


def test_train_csv_reads_back_as_the_history_of_the_same_run(tmp_path, capsys):
    out = tmp_path / "run.csv"
    argv = ["train", "--hidden", "5,4", "--seed", "4", "--steps", "37", "--eval-every", "5", "--out", str(out)]
    assert main([*argv, "--quiet"]) == 0
    capsys.readouterr()
    table = read_history_csv(out)
    tr = Trainer(Config(hidden=(5, 4), seed=4), eval_every=5)
    tr.step(37)
    h = tr.history
    steps = table.step_rows()
    assert steps.all() and table.comments == []
    np.testing.assert_array_equal(table.column("step"), h.step_x)
    np.testing.assert_array_equal(table.column("epoch"), h.step_epochs)
    np.testing.assert_array_equal(table.column("loss"), h.loss)
    np.testing.assert_array_equal(table.column("grad_norm_3"), h.grad_norm[:, 2])
    evals = table.evaluation_rows()
    np.testing.assert_array_equal(table.column("step", evals), h.evals.x)
    np.testing.assert_array_equal(table.column("test_accuracy", evals), h.eval_column("test_accuracy"))
