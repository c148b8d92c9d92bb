"""Regression data and scores, TF Playground's input features, and the new experiment fields."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from nnplay.core.config import Config, ConfigError, task_changes
from nnplay.core.datasets import REGRESSION_DATASETS, DatasetError, load_csv_values, make_dataset
from nnplay.core.features import FEATURE_NAMES, canonical_feature, feature_matrix, normalize_features
from nnplay.core.trainer import Trainer, regression_scores

REG = {"task": "regression", "output": "identity", "loss": "sum_squared_error"}


# -- data sets --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", REGRESSION_DATASETS)
def test_regression_sets_are_values_seeded_and_split(name):
    ds = make_dataset(name, samples=300, noise=0.0, test_ratio=0.2, seed=3, task="regression")
    assert ds.task == "regression" and ds.n_classes == 0 and ds.n_outputs == 1 and ds.class_names == ()
    assert ds.t_train.dtype == np.float64 and ds.t_train.shape == (240,) and ds.t_test.shape == (60,)
    again = make_dataset(name, samples=300, noise=0.0, test_ratio=0.2, seed=3, task="regression")
    np.testing.assert_array_equal(ds.x_train, again.x_train)
    np.testing.assert_array_equal(ds.t_train, again.t_train)
    other = make_dataset(name, samples=300, noise=0.0, test_ratio=0.2, seed=4, task="regression")
    assert not np.array_equal(ds.x_train, other.x_train)
    x = np.concatenate([ds.x_train, ds.x_test])
    t = np.concatenate([ds.t_train, ds.t_test])
    if name == "reg_plane":
        np.testing.assert_allclose(t, (x[:, 0] + x[:, 1]) / 2, rtol=1e-14)
        assert ds.feature_names == ("x1", "x2") and np.abs(x).max() <= 1
    elif name == "sine":
        assert ds.n_features == 1 and ds.feature_names == ("x",)
        np.testing.assert_allclose(t, np.sin(x[:, 0]), rtol=1e-14)
        assert np.abs(x).max() <= np.pi
    else:
        assert ds.is_2d and np.abs(t).max() <= 1 and t.min() < -0.5 and t.max() > 0.5
        # TF Playground's bumps: +1 at (-4, 2.5)/6, -1 at (0, 2.5)/6, 0 far from every centre
        near = np.linalg.norm(x - [-4 / 6, 2.5 / 6], axis=1) < 0.05
        assert np.all(t[near] > 0.8)
    noisy = make_dataset(name, samples=300, noise=0.1, test_ratio=0.2, seed=3, task="regression")
    np.testing.assert_array_equal(noisy.x_train, ds.x_train)  # the noise is on the values
    assert 0.07 < np.std(noisy.t_train - ds.t_train) < 0.13


def test_tasks_and_data_sets_must_fit():
    with pytest.raises(DatasetError, match="values to fit"):
        make_dataset("sine")  # (task classification)
    with pytest.raises(DatasetError, match="holds classes"):
        make_dataset("circles", task="regression")


def test_a_csv_file_of_values_can_be_fitted_and_is_never_guessed(tmp_path):
    path = tmp_path / "houses.csv"
    rng = np.random.default_rng(0)
    area, rooms = rng.random(40), rng.integers(1, 5, 40)
    rows = ["area,rooms,price"] + [f"{a:.3f},{r},{2 * a + r + 0.5:.4f}" for a, r in zip(area, rooms, strict=True)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    x, t, names = load_csv_values(path)
    assert names == ("area", "rooms") and x.shape == (40, 2) and t.dtype == np.float64
    np.testing.assert_allclose(t, np.round(2 * x[:, 0] + x[:, 1] + 0.5, 4), atol=1e-3)
    reg = make_dataset("csv", samples=40, test_ratio=0.25, csv_path=path, task="regression")
    assert reg.task == "regression" and len(reg.t_test) == 10
    cls = make_dataset("csv", samples=40, csv_path=path)  # not guessed: the same file is 40 classes by default
    assert cls.task == "classification" and cls.n_classes > 30
    words = tmp_path / "words.csv"
    words.write_text("a,b,label\n1,2,cat\n3,4,dog\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="not a number"):
        load_csv_values(words)


# -- scores -----------------------------------------------------------------------------------------------------


def test_r2_and_rmse_are_their_definitions():
    t = np.array([1.0, 2.0, 3.0, 4.0])
    assert regression_scores(t, t) == (1.0, 0.0)
    r2, rmse = regression_scores(np.full(4, 2.5), t)  # the mean: R² = 0
    assert r2 == 0.0 and rmse == pytest.approx(math.sqrt(1.25))
    y = np.array([1.5, 1.5, 3.5, 3.5])
    assert regression_scores(y, t) == pytest.approx((1 - 1.0 / 5.0, 0.5))
    assert regression_scores(-t, t)[0] < 0  # worse than the mean
    assert math.isnan(regression_scores(np.ones(3), np.ones(3))[0])


def test_trainer_fits_the_sine_and_reports_r2_instead_of_accuracy():
    c = Config(dataset="sine", hidden=(16, 16), activation="tanh", learning_rate=0.1, **REG)
    tr = Trainer(c, eval_every=100)
    assert tr.network.sizes == (1, 16, 16, 1) and tr.t_train.shape == (len(tr.dataset.x_train), 1)
    first = tr.evaluate()
    tr.step(2000)
    ev = tr.evaluate()
    assert math.isnan(ev.train_accuracy) and math.isnan(ev.test_accuracy)
    assert ev.test_r2 > 0.9 > first.test_r2
    y = tr.network.scores(tr.x_test)[:, 0]
    t = tr.dataset.t_test
    assert ev.test_rmse == pytest.approx(math.sqrt(np.mean((y - t) ** 2)), rel=1e-12)
    assert ev.test_loss == pytest.approx(0.5 * np.mean((y - t) ** 2), rel=1e-12)  # ½Σ(y − t)² / N
    assert tr.regression_scores("test") == pytest.approx((ev.test_r2, ev.test_rmse))
    assert math.isnan(tr.accuracy())
    np.testing.assert_array_equal(tr.history.eval_column("test_r2")[-1], ev.test_r2)


# -- features ---------------------------------------------------------------------------------------------------


def test_feature_matrix_computes_tf_playgrounds_features():
    x = np.array([[0.5, -2.0], [1.0, 3.0]])
    got = feature_matrix(x, FEATURE_NAMES)
    expected = np.column_stack([x[:, 0], x[:, 1], x[:, 0] ** 2, x[:, 1] ** 2, x[:, 0] * x[:, 1],
                                np.sin(x[:, 0]), np.sin(x[:, 1])])  # fmt: skip
    np.testing.assert_allclose(got, expected, rtol=1e-15)
    assert feature_matrix(x, ()) is x
    with pytest.raises(ValueError):
        feature_matrix(np.ones((3, 1)), ("x1^2",))


def test_feature_names_are_normalised():
    assert normalize_features("x2^2, x1^2") == ("x1^2", "x2^2")  # file order, whatever the order typed
    assert normalize_features(["x1²", "X1*X2", "sin x2", "x1^2"]) == ("x1^2", "x1*x2", "sin(x2)")
    assert normalize_features("x1,x2") == () == normalize_features([])  # the raw inputs: no feature map
    assert canonical_feature("sin(x1)") == "sin(x1)" and canonical_feature("cos(x1)") is None
    with pytest.raises(ValueError, match="cos"):
        normalize_features("x1, cos(x1)")


def test_good_features_solve_the_circles_without_a_hidden_layer():
    c = Config(dataset="circles", hidden=(), features=("x1^2", "x2^2"), learning_rate=0.5)
    tr = Trainer(c, eval_every=0)
    assert tr.network.sizes == (2, 2) and tr.n_inputs == 2
    np.testing.assert_allclose(tr.x_train, tr.dataset.x_train**2)
    tr.step(500)
    assert tr.evaluate().test_accuracy >= 0.95
    raw = Trainer(c.replace(features=()), eval_every=0)
    raw.step(500)
    assert raw.evaluate().test_accuracy < 0.8  # a straight line cannot
    p = tr.predict(np.array([[0.0, 0.0], [0.95, 0.0]]))  # raw points go through the features
    assert p[0].argmax() != p[1].argmax()


def test_features_need_two_inputs():
    with pytest.raises(ConfigError, match="2-D"):
        Config(dataset="digits", features=("x1^2",))
    c = Config(dataset="csv", csv_path="x.csv", features=("x1^2",))  # (a CSV file is checked when it is read)
    assert c.features == ("x1^2",)


# -- the experiment file ------------------------------------------------------------------------------------------


def test_new_fields_validate_round_trip_and_old_files_open(tmp_path):
    c = Config(weight_decay=0.1, regularization="L1", dropout=0.2, batch_norm=True, features="x1,x1^2")
    assert (c.regularization, c.features) == ("l1", ("x1", "x1^2"))
    assert Config.from_json(c.to_json()) == c
    d = json.loads(c.to_json())
    assert d["features"] == ["x1", "x1^2"] and d["batch_norm"] is True and d["task"] == "classification"
    old = Config.from_json('{"dataset": "xor", "hidden": [4]}')  # saved before these fields existed
    assert (old.weight_decay, old.dropout, old.batch_norm, old.features) == (0.0, 0.0, False, ())
    assert old.task == "classification" and old.regularization == "l2"
    for bad in ({"weight_decay": -0.1}, {"weight_decay": 11}, {"dropout": 0.95}, {"regularization": "l3"},
                {"batch_norm": "maybe"}, {"features": ["x3"]}, {"task": "clustering"}):  # fmt: skip
        with pytest.raises(ConfigError):
            Config(**bad)


def test_task_rules():
    with pytest.raises(ConfigError, match="regression"):
        Config(dataset="sine")
    with pytest.raises(ConfigError, match="identity"):
        Config(dataset="sine", task="regression")
    with pytest.raises(ConfigError, match="holds classes"):
        Config(dataset="circles", **REG)
    assert Config(dataset="csv", csv_path="v.csv", **REG).is_regression


def test_task_changes_fill_in_what_a_new_data_set_needs():
    c = Config()
    assert task_changes(c, {"dataset": "reg_gauss"}) == {"dataset": "reg_gauss", **REG}
    assert task_changes(c, {"dataset": "reg_gauss", "loss": "sum_squared_error"})["output"] == "identity"
    reg = Config(dataset="sine", **REG)
    back = task_changes(reg, {"dataset": "moons"})
    assert back == {"dataset": "moons", "task": "classification", "output": "softmax", "loss": "cross_entropy"}
    assert Config(**{**reg.to_dict(), **back}).task == "classification"
    assert task_changes(reg, {"dataset": "csv"}) == {"dataset": "csv"}  # a CSV file keeps the task chosen
    assert task_changes(c, {"task": "regression"}) == REG


def test_features_with_data_that_is_not_2d_leave_the_old_experiment_training(tmp_path):
    """Switching to a 3-column CSV with x1² chosen is refused before anything changes (it once left the trainer
    with the new data and the old network, and every redraw failed)."""
    from nnplay.core.datasets import DatasetError

    path = tmp_path / "three.csv"
    rng = np.random.default_rng(0)
    rows = [f"{a:.3f},{b:.3f},{c:.3f},{int(a > 0)}" for a, b, c in rng.normal(size=(40, 3))]
    path.write_text("\n".join(rows) + "\n")
    tr = Trainer(Config(dataset="circles", hidden=(4,), features=("x1^2", "x2^2")), eval_every=0)
    tr.step(3)
    before = tr.config
    with pytest.raises(DatasetError, match="x1, x2"):
        tr.apply(before.replace(dataset="csv", csv_path=str(path)))
    assert tr.config == before and tr.dataset.name == "circles" and tr.step_count == 3
    tr.step(2)
    assert tr.step_count == 5 and tr.predict(tr.dataset.x_test[:5]).shape == (5, 2)
