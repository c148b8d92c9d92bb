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
