"""Each preset shows its lesson within about ten seconds of Play at its own pace (steps = speed × 10), and the
window can be started on a preset and a stop step from the command line."""

import numpy as np
import pytest

from nnplay.cli import _build_parser, _preset_keys
from nnplay.core.config import Config
from nnplay.core.trainer import Trainer
from nnplay.gui.presets import PRESETS, PRESETS_BY_KEY

SECONDS = 10


def _ratio(tr, window=20):
    g = tr.history.grad_norm[-window:]
    return float(np.median(g[:, 0]) / np.median(g[:, -1]))


def _run(config, seconds=SECONDS):
    tr = Trainer(config, eval_every=0)
    tr.evaluate()
    tr.step(config.speed * seconds)
    tr.evaluate()
    return tr


def _test_accuracy(tr):
    return float(tr.history.eval_column("test_accuracy")[-1])


def test_every_preset_has_a_watchable_pace():
    for p in PRESETS:
        assert 1 <= p.config.speed <= 200, p.key  # never "max": the lesson has to be seen happening
    assert 10 <= Config().speed <= 100  # the default: a few tens of steps a second


def test_vanishing_lesson_in_ten_seconds():
    tr = _run(PRESETS_BY_KEY["vanishing"].config)
    assert _ratio(tr) < 1e-4  # layer 1 gets a ten-thousandth of the last layer's gradient, or less
    assert _test_accuracy(tr) < 0.7  # and the network barely learns


def test_relu_he_lesson_in_ten_seconds():
    tr = _run(PRESETS_BY_KEY["relu_he"].config)
    assert 0.1 < _ratio(tr) < 10  # the gradient survives
    assert _test_accuracy(tr) >= 0.9  # and it learns the circles


def test_step_lesson_in_ten_seconds():
    tr = _run(PRESETS_BY_KEY["step"].config)
    g = tr.history.grad_norm
    assert np.all(g[:, :-1] == 0)  # no gradient at all reaches the hidden layers, from the first step
    assert np.all(g[:, -1] > 0)  # only the last layer learns


def test_linear_lesson_in_ten_seconds():
    tr = _run(PRESETS_BY_KEY["linear"].config)
    assert _test_accuracy(tr) < 0.8  # XOR is never solved
    # The network is one affine map: its scores on any points are x·A + c (a straight decision boundary).
    x = np.random.default_rng(0).uniform(-1, 1, (50, 2))
    net = tr.network
    c = net.scores(np.zeros((1, 2)))
    a = net.scores(np.eye(2)) - c
    np.testing.assert_allclose(net.scores(x), x @ a + c, rtol=1e-9, atol=1e-9)


def test_large_learning_rate_lesson_in_ten_seconds():
    tr = _run(PRESETS_BY_KEY["lr_large"].config)
    assert tr.diverged is not None and tr.diverged.step > 20  # it explodes, but slowly enough to watch


def test_digits_lesson_in_ten_seconds():
    assert _test_accuracy(_run(PRESETS_BY_KEY["digits"].config)) >= 0.9


def test_default_experiment_learns_visibly_in_ten_seconds():
    tr = _run(Config())
    first = tr.history.evals.y[0]
    train_loss, train_accuracy = tr.history.evals.y[-1][:2]
    assert train_accuracy >= 0.8 and train_loss < 0.7 * first[0]  # the circle forms, the loss falls


def test_the_command_line_knows_every_preset():
    assert set(_preset_keys()) == set(PRESETS_BY_KEY)
    args = _build_parser().parse_args(["gui", "--preset", "vanishing", "--stop-at", "2000", "--speed", "20"])
    assert (args.preset, args.stop_at, args.speed) == ("vanishing", 2000, 20)


def test_make_window_starts_on_a_preset_and_a_stop_step(qtbot):
    from nnplay.gui.app import make_window

    window, problem = make_window(preset="vanishing", stop_at=2000)
    qtbot.addWidget(window)
    assert problem is None
    assert window.session.config == PRESETS_BY_KEY["vanishing"].config.replace(stop_at=2000)
    assert window.stopAtSpin.value() == 2000 and window.session.clock.stop_at == 2000
    assert window.presetBanner.isVisibleTo(window)  # (the stop step is pace, not a change of the experiment)


@pytest.mark.parametrize("field,value", [("speed", -1), ("stop_at", -5), ("speed", "fast"), ("stop_at", 1.5)])
def test_pace_fields_are_validated(field, value):
    from nnplay.core.config import ConfigError

    with pytest.raises(ConfigError):
        Config(**{field: value})


def test_pace_is_saved_and_old_files_still_open(tmp_path):
    c = Config(speed=20, stop_at=1500)
    assert Config.from_json(c.to_json()) == c
    old = Config.from_json('{"dataset": "xor"}')
    assert old.speed == Config().speed and old.stop_at == 0


# -- issue #11: features, batch normalization, over-fitting -----------------------------------------------------


def test_good_features_lesson_in_ten_seconds():
    c = PRESETS_BY_KEY["features"].config
    assert c.hidden == () and c.features == ("x1^2", "x2^2")
    tr = _run(c)
    assert tr.network.n_layers == 1 and _test_accuracy(tr) >= 0.95  # one layer solves the circles
    assert _test_accuracy(_run(c.replace(features=()))) < 0.75  # on x1, x2 it cannot


def test_batch_norm_lesson_in_ten_seconds():
    """The first layer's gradient comes back: measured here (median of the last 20 steps at step 500) from
    ~1.5e-7 without batch norm to ~0.13 with it, about 10⁶ times more, as large as the last layer's."""
    bn = PRESETS_BY_KEY["batchnorm"].config
    assert bn == PRESETS_BY_KEY["vanishing"].config.replace(batch_norm=True)
    with_bn, without = _run(bn), _run(bn.replace(batch_norm=False))
    first = [float(np.median(t.history.grad_norm[-20:, 0])) for t in (with_bn, without)]
    assert first[0] > 1e4 * first[1]  # layer 1's gradient comes back by four decades or more
    assert 0.1 < _ratio(with_bn) < 10 and _ratio(without) < 1e-4
    assert _test_accuracy(with_bn) >= 0.8 > 0.7 > _test_accuracy(without)


def test_overfitting_lesson_and_its_cures_in_ten_seconds():
    """Measured at step 600 (the preset's ten seconds): train 99.6 % / test 72.1 % without a cure; λ = 0.1
    narrows the gap, 67.0 % / 54.0 %; dropout 0.2 learns much more slowly, 31.1 % / 22.2 % (at step 2,400:
    100 / 73.8, 76.3 / 60.6 and 81.9 / 64.1)."""
    c = PRESETS_BY_KEY["overfitting"].config
    tr = _run(c)
    train, test = (float(tr.history.eval_column(k)[-1]) for k in ("train_accuracy", "test_accuracy"))
    assert train >= 0.99 and test <= train - 0.15  # a wide gap: over-fitting
    gaps = {}
    for cure in ({"weight_decay": 0.1}, {"dropout": 0.2}):
        t = _run(c.replace(**cure))
        a, b = (float(t.history.eval_column(k)[-1]) for k in ("train_accuracy", "test_accuracy"))
        gaps[next(iter(cure))] = a - b
    assert gaps["weight_decay"] < 0.75 * (train - test)
    assert gaps["dropout"] < 0.75 * (train - test)


def test_chapter6_presets_sit_next_to_their_lessons_in_the_menu():
    keys = [p.key for p in PRESETS]
    assert keys.index("features") == keys.index("linear") + 1
    assert keys.index("batchnorm") == keys.index("relu_he") + 1
    assert keys.index("overfitting") > keys.index("digits")  # (after the book's other experiments)
