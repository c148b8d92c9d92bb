"""Tests for nnplay.core.trainer: determinism, batching, recorded numbers against direct computation,
learning, vanishing gradients, divergence, live changes and activation statistics."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnplay.core.config import Config
from nnplay.core.network import Network
from nnplay.core.trainer import EVAL_COLUMNS, HIST_BINS, Divergence, StepResult, Trainer

SMALL = Config(samples=200, batch_size=7)  # 160 training samples → 23 steps per epoch


def record_batches(trainer):
    """Make ``trainer.network.gradient`` remember a copy of every batch it is given."""
    net = trainer.network
    seen = []

    def gradient(x, t, copy=True):
        seen.append((np.array(x), np.array(t)))
        return Network.gradient(net, x, t, copy)

    net.gradient = gradient
    return seen


def same_results(a: StepResult, b: StepResult):
    return (
        np.array_equal(a.steps, b.steps)
        and np.array_equal(a.epochs, b.epochs)
        and np.array_equal(a.rows, b.rows, equal_nan=True)
        and a.diverged == b.diverged
    )


# -- determinism -----------------------------------------------------------------------------------


def test_same_config_and_seed_is_bit_identical():
    a, b = Trainer(Config(), eval_every=50), Trainer(Config(), eval_every=50)
    ra, rb = a.step(300), b.step(300)
    assert same_results(ra, rb)
    np.testing.assert_array_equal(a.network.flat_params, b.network.flat_params)
    assert [(e.step, e.train_loss, e.test_accuracy) for e in ra.evaluations] == [
        (e.step, e.train_loss, e.test_accuracy) for e in rb.evaluations
    ]
    assert len(ra.evaluations) == 6


def test_different_seed_is_different():
    a, b = Trainer(Config(seed=0), eval_every=0), Trainer(Config(seed=1), eval_every=0)
    ra, rb = a.step(50), b.step(50)
    assert not np.array_equal(ra.rows, rb.rows)
    assert not np.array_equal(a.network.flat_params, b.network.flat_params)


def test_reset_restores_initial_weights():
    tr = Trainer(Config(), eval_every=0)
    initial = tr.network.flat_params.copy()
    first = tr.step(20)
    tr.reset()
    assert tr.step_count == 0
    assert len(tr.history.step_x) == 0
    np.testing.assert_array_equal(tr.network.flat_params, initial)
    assert same_results(tr.step(20), first)


# -- steps, epochs and batches ---------------------------------------------------------------------


def test_step_rows_steps_and_epochs():
    tr = Trainer(SMALL, eval_every=0)
    n_train = len(tr.dataset.x_train)
    assert n_train == 160
    assert tr.steps_per_epoch == math.ceil(160 / 7) == 23
    r = tr.step(100)
    assert len(r) == 100
    assert r.rows.shape == (100, 2 + 3 * 3)  # … | the data loss (the loss itself without weight decay)
    np.testing.assert_array_equal(r.steps, np.arange(1, 101))
    np.testing.assert_array_equal(r.epochs, (np.arange(100)) // 23 + 1)
    assert tr.step_count == 100
    assert tr.epoch == 5
    assert r.grad_norm.shape == r.bias_grad_norm.shape == r.update_ratio.shape == (100, 3)
    np.testing.assert_array_equal(r.loss, r.rows[:, 0])
    np.testing.assert_array_equal(r.data_loss, r.loss)
    assert np.all(np.isfinite(r.rows))


def test_step_zero_returns_nothing():
    tr = Trainer(SMALL, eval_every=1)
    r = tr.step(0)
    assert len(r) == 0
    assert r.evaluations == ()
    assert tr.step_count == 0


def test_split_steps_equal_one_call():
    a, b = Trainer(SMALL, eval_every=2), Trainer(SMALL, eval_every=2)
    r3, r2 = a.step(3), a.step(2)
    r5 = b.step(5)
    np.testing.assert_array_equal(np.concatenate([r3.steps, r2.steps]), r5.steps)
    np.testing.assert_array_equal(np.concatenate([r3.epochs, r2.epochs]), r5.epochs)
    np.testing.assert_array_equal(np.concatenate([r3.rows, r2.rows]), r5.rows)
    np.testing.assert_array_equal(a.network.flat_params, b.network.flat_params)
    assert [e.step for e in r3.evaluations + r2.evaluations] == [e.step for e in r5.evaluations] == [2, 4]
    np.testing.assert_array_equal(a.history.steps.y, b.history.steps.y)


def test_each_epoch_visits_every_training_sample_once():
    tr = Trainer(SMALL, eval_every=0)
    seen = record_batches(tr)
    ds = tr.dataset
    expected = np.column_stack([ds.x_train, ds.t_train])
    expected = expected[np.lexsort(expected.T[::-1])]
    orders = []
    for epoch in (1, 2, 3):
        seen.clear()
        r = tr.step_epoch()
        assert len(r) == 23
        assert np.all(r.epochs == epoch)
        assert [len(x) for x, _ in seen] == [7] * 22 + [160 - 22 * 7]
        xs = np.concatenate([x for x, _ in seen])
        ts = np.concatenate([t for _, t in seen]).argmax(axis=1)
        got = np.column_stack([xs, ts])
        np.testing.assert_array_equal(got[np.lexsort(got.T[::-1])], expected)
        orders.append(xs)
    assert not np.array_equal(orders[0], orders[1])  # reshuffled every epoch


def test_step_epoch_mid_epoch_finishes_the_epoch():
    tr = Trainer(SMALL, eval_every=0)
    tr.step(5)
    assert tr.steps_to_epoch_end == 18
    r = tr.step_epoch()
    assert len(r) == 18
    assert np.all(r.epochs == 1)
    assert tr.steps_to_epoch_end == 23
    assert tr.step(1).epochs[0] == 2


def test_batch_size_larger_than_training_set_is_one_full_batch():
    tr = Trainer(Config(samples=50, batch_size=1000), eval_every=0)
    seen = record_batches(tr)
    assert tr.steps_per_epoch == 1
    r = tr.step(3)
    np.testing.assert_array_equal(r.epochs, [1, 2, 3])
    assert all(len(x) == 40 for x, _ in seen)


# -- the recorded numbers are what they claim ------------------------------------------------------


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_recorded_norms_and_ratios_match_a_step_by_hand(optimizer):
    cfg = Config(hidden=(6, 5), activation="relu", optimizer=optimizer, learning_rate=0.05, batch_size=16)
    tr = Trainer(cfg, eval_every=0)
    tr.step(5)
    before = {k: v.copy() for k, v in tr.network.params.items()}
    seen = record_batches(tr)
    r = tr.step(1)
    (x, t) = seen[0]
    ref = Network(tr.network.sizes, cfg.activation, cfg.output, cfg.loss, cfg.init, seed=123)
    for k, v in before.items():
        ref.params[k][...] = v
    g = ref.gradient(x, t)
    assert r.loss[0] == pytest.approx(ref.loss(x, t), rel=1e-12)
    for i in range(3):
        gw, gb, w = g[f"W{i + 1}"], g[f"b{i + 1}"], before[f"W{i + 1}"]
        assert r.grad_norm[0, i] == pytest.approx(np.linalg.norm(gw), rel=1e-12)
        assert r.bias_grad_norm[0, i] == pytest.approx(np.linalg.norm(gb), rel=1e-12)
        assert r.update_ratio[0, i] == pytest.approx(0.05 * np.linalg.norm(gw) / np.linalg.norm(w), rel=1e-12)
    if optimizer == "sgd":
        for k in before:
            np.testing.assert_allclose(tr.network.params[k], before[k] - 0.05 * g[k], rtol=1e-12, atol=1e-15)
    else:
        changed = [not np.array_equal(tr.network.params[k], before[k]) for k in before]
        assert all(changed)


def test_history_records_every_step_and_evaluation():
    tr = Trainer(SMALL, eval_every=5)
    r = tr.step(23)
    np.testing.assert_array_equal(tr.history.step_x, np.arange(1, 24))
    np.testing.assert_array_equal(tr.history.loss, r.loss)
    np.testing.assert_array_equal(tr.history.grad_norm, r.grad_norm)
    np.testing.assert_array_equal(tr.history.update_ratio, r.update_ratio)
    np.testing.assert_array_equal(tr.history.evals.x, [5, 10, 15, 20])
    assert tr.history.last_step == 23
    assert tr.history.latest_activations is r.evaluations[-1].activations


def test_evaluations_every_eval_every_steps_match_direct_computation():
    tr = Trainer(SMALL, eval_every=5)
    ds = tr.dataset
    for call, n in enumerate((5, 3, 2, 5)):
        r = tr.step(n)
        due = [s for s in r.steps if s % 5 == 0]
        assert [e.step for e in r.evaluations] == due
        if due:  # evaluated right after the last step of this call: the network has not moved since
            ev = r.evaluations[-1]
            net = tr.network
            assert ev.train_loss == pytest.approx(net.loss(ds.x_train, ds.t_train), rel=1e-12)
            assert ev.train_accuracy == net.accuracy(ds.x_train, ds.t_train)
            assert ev.test_loss == pytest.approx(net.loss(ds.x_test, ds.t_test), rel=1e-12)
            assert ev.test_accuracy == net.accuracy(ds.x_test, ds.t_test)
            assert ev.epoch == tr.epoch
        else:
            assert call == 1
    assert len(tr.history.evals) == 3
    assert tr.history.eval_column("test_accuracy").shape == (3,)
    assert EVAL_COLUMNS[:4] == ("train_loss", "train_accuracy", "test_loss", "test_accuracy")
    assert EVAL_COLUMNS[4:] == ("train_r2", "train_rmse", "test_r2", "test_rmse", "penalty")
    assert np.all(np.isnan(tr.history.eval_column("test_r2"))) and np.all(tr.history.eval_column("penalty") == 0)


def test_evaluate_on_demand_records_it():
    tr = Trainer(SMALL, eval_every=0)
    r = tr.step(10)
    assert r.evaluations == ()
    ev = tr.evaluate()
    assert ev.step == 10
    assert ev.train_loss == pytest.approx(tr.network.loss(tr.dataset.x_train, tr.dataset.t_train), rel=1e-12)
    np.testing.assert_array_equal(tr.history.evals.x, [10])


def test_no_test_set_gives_nan_test_metrics():
    tr = Trainer(Config(test_ratio=0.0, samples=100), eval_every=4)
    assert len(tr.dataset.x_test) == 0
    r = tr.step(8)
    assert len(r.evaluations) == 2
    for ev in r.evaluations:
        assert math.isnan(ev.test_loss)
        assert math.isnan(ev.test_accuracy)
        assert math.isfinite(ev.train_loss)
        assert 0 <= ev.train_accuracy <= 1


# -- learning and its pathologies ------------------------------------------------------------------


def test_training_learns_circles():
    tr = Trainer(Config(), eval_every=500)
    first = tr.evaluate()
    r = tr.step(2000)
    last = r.evaluations[-1]
    assert last.step == 2000
    assert last.test_accuracy > 0.9
    assert last.train_loss < 0.5 * first.train_loss


def mean_grad_norms(activation, init):
    cfg = Config(dataset="spiral", hidden=(16,) * 8, activation=activation, init=init)
    return Trainer(cfg, eval_every=0).step(200).grad_norm.mean(axis=0)


def test_deep_sigmoid_gradients_vanish():
    g = mean_grad_norms("sigmoid", "xavier")
    assert g.shape == (9,)
    assert g[0] < g[-1] / 100
    assert np.all(np.diff(g) > 0)  # shrinking layer by layer towards the input


def test_deep_relu_with_he_gradients_do_not_vanish():
    g = mean_grad_norms("relu", "he")
    assert g[0] > g[-1] / 10


def test_step_activation_only_trains_the_last_layer():
    tr = Trainer(Config(activation="step", hidden=(8, 8)), eval_every=0)
    before = {k: v.copy() for k, v in tr.network.params.items()}
    r = tr.step(200)
    for k in ("W1", "b1", "W2", "b2"):
        np.testing.assert_array_equal(tr.network.params[k], before[k], err_msg=k)
    assert np.all(r.grad_norm[:, :2] == 0)
    assert not np.array_equal(tr.network.params["W3"], before["W3"])
    assert not np.array_equal(tr.network.params["b3"], before["b3"])


def test_zero_init_keeps_units_symmetric_and_is_not_divergence():
    """The book's lesson (ch. 6): with all weights equal, every unit of a layer stays the same unit."""
    tr = Trainer(Config(init="zero", activation="sigmoid", hidden=(8, 8)), eval_every=10)
    r = tr.step(100)
    assert len(r) == 100
    assert r.diverged is None  # ‖W‖ = 0 makes the update ratio undefined, which is not divergence
    assert np.all(np.isfinite(r.loss))
    assert np.all(np.isfinite(r.grad_norm))
    p = tr.network.params
    for key in ("W1", "W2"):
        assert np.all(np.ptp(p[key], axis=1) == 0), key  # all units of the layer have identical weights
    for key in ("b1", "b2"):
        assert np.ptp(p[key]) == 0, key
    assert np.any(p["W2"] != 0)  # they did move, in lockstep


# -- divergence ------------------------------------------------------------------------------------

DIVERGING = Config(output="identity", loss="sum_squared_error", activation="relu", init="he", learning_rate=100.0)


def test_divergence_stops_cleanly():
    tr = Trainer(DIVERGING, eval_every=10)
    with np.errstate(all="raise"):  # the trainer must silence its own overflow, not leak it
        r = tr.step(1000)
    d = r.diverged
    assert isinstance(d, Divergence)
    n = len(r)
    assert 1 < n < 1000
    assert d.step == r.steps[-1] == n
    assert tr.diverged == d
    assert tr.step_count == n - 1  # the diverging update was not applied
    assert not np.all(np.isfinite(r.rows[-1]))
    assert np.all(np.isfinite(r.rows[:-1, 0]))
    assert d.learning_rate == 100.0
    assert "loss" in d.cause or "gradient" in d.cause or "weights" in d.cause
    assert f"step {n}" in d.message
    assert "learning rate" in d.message
    assert "smaller" in d.message
    assert "try 10 " in d.message  # a concrete smaller rate
    assert np.all(np.isfinite(tr.network.flat_params))
    # params are those before the diverging step: replay n - 1 steps on a fresh trainer
    replay = Trainer(DIVERGING, eval_every=10)
    rr = replay.step(n - 1)
    assert rr.diverged is None
    np.testing.assert_array_equal(tr.network.flat_params, replay.network.flat_params)
    # history keeps only the steps that were applied
    assert tr.history.last_step == n - 1
    assert len(tr.history.step_x) == n - 1
    assert np.all(np.isfinite(tr.history.loss))


def test_after_divergence_step_does_nothing_until_the_config_changes():
    tr = Trainer(DIVERGING, eval_every=0)
    r = tr.step(1000)
    n = len(r)
    params = tr.network.flat_params.copy()
    again = tr.step(10)
    assert len(again) == 0
    assert again.diverged is None
    assert tr.diverged is not None
    assert tr.step_count == n - 1
    np.testing.assert_array_equal(tr.network.flat_params, params)
    # any change after divergence starts over (the last finite weights are usually already huge)
    assert tr.apply(DIVERGING.replace(learning_rate=1e-3)) is True
    assert tr.diverged is None
    assert tr.step_count == 0
    fresh = Trainer(DIVERGING.replace(learning_rate=1e-3), eval_every=0)
    np.testing.assert_array_equal(tr.network.flat_params, fresh.network.flat_params)
    more = tr.step(50)
    assert len(more) == 50 and more.diverged is None


def test_divergence_is_not_triggered_by_a_stable_run():
    r = Trainer(Config(), eval_every=0).step(500)
    assert r.diverged is None
    assert np.all(np.isfinite(r.rows))


# -- apply -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"learning_rate": 0.01},
        {"batch_size": 3},
        {"optimizer": "adam"},
        {"learning_rate": 0.3, "optimizer": "momentum"},
    ],
)
def test_apply_live_changes_keep_training(changes):
    tr = Trainer(SMALL, eval_every=0)
    tr.step(30)
    params = tr.network.flat_params.copy()
    new = SMALL.replace(**changes)
    assert tr.apply(new) is False
    assert tr.config == new
    assert tr.step_count == 30
    np.testing.assert_array_equal(tr.network.flat_params, params)
    assert tr.optimizer.lr == new.learning_rate
    assert type(tr.optimizer).__name__.lower() == new.optimizer
    assert tr.batch_size == new.batch_size
    r = tr.step(2)
    np.testing.assert_array_equal(r.steps, [31, 32])
    assert len(tr.history.step_x) == 32


def test_apply_same_config_changes_nothing():
    tr = Trainer(SMALL, eval_every=0)
    tr.step(10)
    opt = tr.optimizer
    assert tr.apply(SMALL) is False
    assert tr.optimizer is opt
    assert tr.step_count == 10


@pytest.mark.parametrize(
    "changes",
    [
        {"hidden": (4,)},
        {"activation": "relu"},
        {"init": "he"},
        {"seed": 5},
        {"noise": 0.3},
        {"dataset": "moons"},
        {"loss": "sum_squared_error"},
        {"gradient": "numerical", "hidden": (2,)},
    ],
)
def test_apply_other_changes_start_over(changes):
    tr = Trainer(SMALL, eval_every=0)
    tr.step(30)
    new = SMALL.replace(**changes)
    assert tr.apply(new) is True
    assert tr.config == new
    assert tr.step_count == 0
    assert tr.epoch == 0
    assert len(tr.history.step_x) == 0
    fresh = Trainer(new, eval_every=0)
    np.testing.assert_array_equal(tr.network.flat_params, fresh.network.flat_params)
    np.testing.assert_array_equal(tr.dataset.x_train, fresh.dataset.x_train)
    assert same_results(tr.step(5), fresh.step(5))


# -- numerical gradient mode -----------------------------------------------------------------------


def test_numerical_gradient_mode_trains_like_backprop():
    base = Config(dataset="gaussian", samples=40, hidden=(3,), activation="tanh", batch_size=8, learning_rate=0.5)
    num = Trainer(base.replace(gradient="numerical"), eval_every=0)
    bp = Trainer(base, eval_every=0)
    start = num.evaluate()
    rn, rb = num.step(60), bp.step(60)
    np.testing.assert_allclose(rn.grad_norm, rb.grad_norm, rtol=1e-6)
    np.testing.assert_allclose(rn.bias_grad_norm, rb.bias_grad_norm, rtol=1e-6, atol=1e-10)
    np.testing.assert_allclose(rn.loss, rb.loss, rtol=1e-8)
    np.testing.assert_allclose(num.network.flat_params, bp.network.flat_params, rtol=1e-6, atol=1e-9)
    assert not np.array_equal(rn.grad_norm, rb.grad_norm)  # really a different computation
    end = num.evaluate()
    assert end.train_loss < 0.2 * start.train_loss  # and it learns
    assert end.train_accuracy > 0.9


# -- a numerical-gradient step in pieces ---------------------------------------------------------------

NUMERICAL = Config(
    dataset="gaussian", samples=60, hidden=(5, 4), activation="tanh", batch_size=8, gradient="numerical"
)  # 48 training samples: 6 steps per epoch


def drive_in_pieces(trainer, n_steps, max_entries):
    """Advance ``n_steps`` steps with ``advance_step(max_entries)``; returns the results and how many calls
    came back with the step still in progress."""
    results, unfinished = [], 0
    while len(results) < n_steps:
        r = trainer.advance_step(max_entries)
        if r is None:
            unfinished += 1
            assert trainer.pending_step is not None
        else:
            results.append(r)
            assert trainer.pending_step is None
    return results, unfinished


def concat(results):
    return (
        np.concatenate([r.steps for r in results]),
        np.concatenate([r.epochs for r in results]),
        np.concatenate([r.rows for r in results]),
    )


@pytest.mark.parametrize("max_entries", [1, 20])
def test_numerical_step_in_pieces_is_bit_identical_to_step(max_entries):
    whole = Trainer(NUMERICAL, eval_every=3)
    r = whole.step(8)
    pieces = Trainer(NUMERICAL, eval_every=3)
    results, unfinished = drive_in_pieces(pieces, 8, max_entries)
    assert all(len(x) == 1 for x in results)
    assert unfinished >= 8  # every step took more than one call
    steps, epochs, rows = concat(results)
    np.testing.assert_array_equal(steps, r.steps)
    np.testing.assert_array_equal(epochs, r.epochs)
    np.testing.assert_array_equal(rows, r.rows)
    np.testing.assert_array_equal(pieces.network.flat_params, whole.network.flat_params)
    np.testing.assert_array_equal(pieces.history.steps.y, whole.history.steps.y)
    assert [e.step for x in results for e in x.evaluations] == [e.step for e in r.evaluations] == [3, 6]


def test_step_finishes_a_pending_step_first():
    whole = Trainer(NUMERICAL, eval_every=0)
    r = whole.step(5)
    mixed = Trainer(NUMERICAL, eval_every=0)
    first, _ = drive_in_pieces(mixed, 1, 1)
    assert mixed.advance_step(1) is None  # step 2 is under way…
    job = mixed.pending_step
    assert 0 < job.done < job.total and 0 < job.progress < 1
    rest = mixed.step(4)  # …and step(4) finishes it, then runs 3 more
    np.testing.assert_array_equal(rest.steps, [2, 3, 4, 5])
    np.testing.assert_array_equal(concat([*first, rest])[2], r.rows)
    np.testing.assert_array_equal(mixed.network.flat_params, whole.network.flat_params)


def test_begin_step_returns_the_pending_job():
    tr = Trainer(NUMERICAL, eval_every=0)
    assert tr.pending_step is None
    job = tr.begin_step()
    assert job is tr.pending_step is tr.begin_step()
    assert job.done == 0 and job.total == tr.network.flat_params.size
    assert tr.step_count == 0  # nothing applied yet
    r = tr.advance_step()  # None: all the rest
    assert len(r) == 1 and tr.pending_step is None and tr.step_count == 1
    assert r.loss[0] == job.loss


def test_estimated_step_work():
    assert Trainer(SMALL, eval_every=0).estimated_step_work() == 0  # backprop
    small = Trainer(NUMERICAL, eval_every=0)
    work = small.estimated_step_work()
    assert work == pytest.approx(small.begin_step().work_total, rel=0.2)  # the first batch vs a random one
    wide = Trainer(NUMERICAL.replace(hidden=(50, 40)), eval_every=0)
    assert wide.estimated_step_work() > 20 * work


def test_backprop_advance_step_is_one_step():
    a, b = Trainer(SMALL, eval_every=0), Trainer(SMALL, eval_every=0)
    assert a.begin_step() is None
    for _ in range(3):
        assert same_results(a.advance_step(1), b.step(1))
    assert a.pending_step is None


def test_reset_drops_the_pending_step_and_a_live_change_keeps_it():
    tr = Trainer(NUMERICAL, eval_every=0)
    tr.advance_step(1)
    tr.reset()
    assert tr.pending_step is None and tr.step_count == 0
    tr.advance_step(1)
    job = tr.pending_step
    assert not tr.apply(NUMERICAL.replace(learning_rate=0.05))  # live: the batch is drawn, keep the work
    assert tr.pending_step is job
    ref = Trainer(NUMERICAL.replace(learning_rate=0.05), eval_every=0)
    np.testing.assert_array_equal(tr.step(2).rows, ref.step(2).rows)
    tr.advance_step(1)
    assert tr.apply(NUMERICAL.replace(hidden=(3,)))  # starts over
    assert tr.pending_step is None


def test_step_epoch_counts_a_pending_step():
    tr = Trainer(NUMERICAL, eval_every=0)
    assert tr.steps_to_epoch_end == 6
    tr.advance_step(1)  # step 1 under way: its batch is the epoch's first
    assert tr.steps_to_epoch_end == 6
    r = tr.step_epoch()
    np.testing.assert_array_equal(r.steps, [1, 2, 3, 4, 5, 6])
    assert np.all(r.epochs == 1)
    tr.step(5)
    tr.advance_step(1)  # the epoch's last step under way
    assert tr.steps_to_epoch_end == 1
    assert len(tr.step_epoch()) == 1 and tr.steps_to_epoch_end == 6


def test_advance_step_after_divergence_is_empty():
    tr = Trainer(NUMERICAL, eval_every=0)
    tr.step(2)
    tr.network.params["W3"][0, 0] = np.inf  # the loss of the next step is not finite
    r = tr.advance_step(1)  # its gradient is NaN at once: nothing to spread over calls
    assert len(r) == 1 and r.diverged is not None and "loss" in r.diverged.message
    assert tr.step_count == 2
    assert len(tr.advance_step(1)) == 0 and tr.begin_step() is None and tr.pending_step is None


# -- activation statistics -------------------------------------------------------------------------


def test_sigmoid_with_huge_init_saturates():
    tr = Trainer(Config(activation="sigmoid", init=10.0, hidden=(16, 16)), eval_every=0)
    stats = tr.activation_stats()
    assert stats.saturated.shape == (2,)
    # layer 1 sees only the 2 inputs in [-1, 1]²; layer 2 sums 16 units with weights of std 10
    assert stats.saturated[1] > 0.5
    assert stats.saturated.mean() > 0.5
    calm = Trainer(Config(activation="sigmoid", init="xavier", hidden=(16, 16)), eval_every=0).activation_stats()
    assert np.all(calm.saturated < 0.2)
    assert np.all(stats.saturated > calm.saturated + 0.3)
    assert np.all(stats.dead == 0)  # "dead" is for ReLU only


def test_tanh_with_huge_init_saturates():
    stats = Trainer(Config(activation="tanh", init=10.0), eval_every=0).activation_stats()
    assert np.all(stats.saturated > 0.5)


def test_relu_with_negative_bias_has_dead_units():
    tr = Trainer(Config(activation="relu", init="he", hidden=(16, 16)), eval_every=0)
    assert np.all(tr.activation_stats().dead < 0.5)
    tr.network.params["b1"][...] = -100.0
    stats = tr.activation_stats()
    assert stats.dead[0] == 1.0
    assert stats.dead[1] == 1.0  # layer 2 sees only zeros, so its pre-activation is b2 = 0: dead too
    tr.network.params["b1"][:8] = 0.0  # half the units can live again
    assert 0.0 < tr.activation_stats().dead[0] <= 0.5


def test_activation_stats_match_the_trace():
    tr = Trainer(Config(activation="tanh", hidden=(8, 5)), eval_every=0, probe_size=50)
    tr.step(10)
    stats = tr.activation_stats()
    traces = tr.network.trace(tr.dataset.x_train[:50])
    assert stats.step == 10
    for i, trc in enumerate(traces):
        assert stats.mean[i] == pytest.approx(trc.post.mean(), rel=1e-12)
        assert stats.std[i] == pytest.approx(trc.post.std(), rel=1e-12)
        assert stats.saturated[i] == pytest.approx(np.mean(np.abs(trc.post) > np.sqrt(0.9)), abs=1e-12)
        assert stats.pre_counts[i].sum() == trc.pre.size
        assert stats.post_counts[i].sum() == trc.post.size
    assert stats.pre_counts.shape == (2, HIST_BINS)
    assert stats.pre_edges.shape == stats.post_edges.shape == (HIST_BINS + 1,)
    assert stats.post_edges[0] == -1.0
    assert stats.post_edges[-1] == 1.0


def test_eval_limit_measures_the_first_samples_of_each_set():
    tr = Trainer(Config(samples=1000, test_ratio=0.3), eval_every=0)
    tr.step(20)
    full = tr.evaluate()
    assert (full.train_samples, full.test_samples) == (700, 300) == tr.evaluation_samples()
    tr.eval_limit = 100
    part = tr.evaluate()
    assert (part.train_samples, part.test_samples) == (100, 100) == tr.evaluation_samples()
    ds, net = tr.dataset, tr.network
    t1h = np.eye(ds.n_classes)[ds.t_train[:100]]
    scores = net.scores(ds.x_train[:100])
    assert part.train_loss == pytest.approx(net.last_layer.forward(scores, t1h))
    assert part.train_accuracy == pytest.approx(np.mean(scores.argmax(axis=1) == ds.t_train[:100]))
    assert part.train_loss != full.train_loss  # a subset, not the whole set
    assert tr.evaluate().train_loss == part.train_loss  # the same subset every time
