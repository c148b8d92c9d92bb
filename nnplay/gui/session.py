"""The one Qt adapter between the numpy ``Trainer`` and the views: it owns the trainer, the clock and the
signals. Views subscribe; the trainer never knows they exist."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Signal

from nnplay.core.config import DEFAULT_SPEED, IDX_DATASET_NAMES, Config  # noqa: F401  (DEFAULT_SPEED: for callers)
from nnplay.core.datasets import expected_shape
from nnplay.core.features import feature_matrix
from nnplay.core.numgrad import estimated_work
from nnplay.core.trainer import Trainer, build_network
from nnplay.gui.clock import SEC_PER_MAC, Clock, nice_ceil, nice_floor

# The evaluation schedule and the evaluation subset come from a fixed cost model of the network (multiply-adds),
# not from timing it: the same experiment at the same speed is then evaluated at the same steps, on the same
# samples, on every machine, and stopped at the same step it shows the same plots.
STEP_OVERHEAD = 3e-5
"""Seconds of Python work per training step, whatever the network (recording, norms, the update)."""
EVAL_OVERHEAD = 3e-4
"""Seconds of Python work per evaluation (two losses and accuracies, the activation histograms)."""

EVAL_INTERVAL = 0.05
"""While playing, evaluations (train/test loss and accuracy) come about this many seconds of playing apart: at 50
steps/s every 5 steps; at full speed, every few thousand steps; and never more often than every step."""
EVAL_SHARE = 0.1
"""Evaluations should take at most about this share of the time (by the cost model)."""

EVAL_BUDGET = 0.015
EVAL_MIN_SAMPLES = 200
"""One evaluation should take about ``EVAL_BUDGET`` seconds at most (by the cost model): a big network on a big
data set is evaluated on a fixed random subset of each set, never fewer than ``EVAL_MIN_SAMPLES`` samples."""

STOP_AT_EVALUATIONS = 50
"""With a stop-at step the curves get at least about this many evaluations up to it (at full speed the time rule
alone evaluates only every few thousand steps: a run to step 1500 drew straight lines)."""
LIVE_ANYWAY = ("gradient", "batch_size", "learning_rate", "optimizer", "speed", "stop_at")
"""Fields that do not change the network whose numerical-gradient cost is estimated."""


def _noisy(config):
    """Batch norm or dropout: the numerical gradient uses the book's loop (see ``nnplay.core.numgrad``)."""
    return config.batch_norm or config.dropout > 0


NUMERICAL_MAX_SECONDS = 5.0
"""A numerical-gradient step estimated to take longer than this (by the cost model below) is refused: the window
would crawl (the book's network on MNIST takes ~20 ms; the largest network the controls allow, hours)."""
SEC_PER_NUMGRAD_WORK = 3e-10
"""Seconds per work unit of ``nnplay.core.numgrad.estimated_work`` (0.15-0.4 ns measured on a 2-core laptop)."""


class TrainingSession(QObject):
    """Drives a ``Trainer`` from a ``Clock`` (``nnplay.gui.clock``) in the GUI thread.

    Each tick of the clock trains until its budget is spent (or the chosen speed is met) and the session emits
    ``stepped`` once, so the views redraw at most once per tick however fast training goes. The trainer evaluates
    every ``eval_every`` steps (see ``evaluation_plan``), and the session evaluates whenever training stops.
    ``now`` is the clock's time source (a test can pass a fake one and call ``clock.tick()`` itself).
    """

    stepped = Signal(int)  # number of steps taken since the last emission (0: paused, redraw everything)
    reset = Signal()  # the trainer started over (new weights, maybe a new network or data)
    diverged = Signal(object)  # core.trainer.Divergence
    playingChanged = Signal(bool)
    configChanged = Signal(object)  # Config
    stoppedAt = Signal(int)  # Play stopped by itself at this step ("stop at step N")
    stepProgress = Signal(float)  # a numerical-gradient step in progress: 0 … 1 done; -1: none in progress

    def __init__(
        self,
        config: Config | None = None,
        parent=None,
        trainer: Trainer | None = None,
        now=time.perf_counter,
    ):
        super().__init__(parent)
        self.trainer = trainer if trainer is not None else Trainer(config or Config(), eval_every=0)
        self.clock = Clock(self._advance, self._position, self, now=now)
        self.clock.ticked.connect(self.stepped)
        self.clock.stopped.connect(self._on_clock_stopped)
        self.clock.playingChanged.connect(self.playingChanged)
        self._sync_clock()
        self._evaluate()

    # -- properties ----------------------------------------------------------------------------------
    @property
    def config(self) -> Config:
        return self.trainer.config

    @property
    def playing(self) -> bool:
        return self.clock.playing

    @property
    def busy(self) -> bool:
        return self.clock.busy

    @property
    def speed(self) -> int:
        """Steps per second; 0 = as fast as possible."""
        return self.clock.speed

    def set_speed(self, steps_per_second: int):
        """Play at this many steps per second (0: full speed); it is the experiment's ``speed``."""
        self.apply_config(self.config.replace(speed=int(steps_per_second)))

    @property
    def stop_at(self) -> int:
        """Play stops exactly at this step (0: never); the experiment's ``stop_at``."""
        return self.clock.stop_at

    def set_stop_at(self, step: int):
        self.apply_config(self.config.replace(stop_at=int(step)))

    def _sync_clock(self):
        self.clock.set_speed(self.config.speed)
        self.clock.set_stop_at(self.config.stop_at)
        self._plan()

    def tick_interval(self):
        """Seconds between timer ticks while busy: 0 at full speed (and for Step epoch), 1/speed otherwise."""
        return self.clock.tick_interval()

    def training_budget(self):
        return self.clock.training_budget()

    # -- the evaluation plan ------------------------------------------------------------------------------
    def evaluation_plan(self):
        """``(eval_every, eval_limit)`` for the current experiment and speed, from the fixed cost model:
        evaluate every ``eval_every`` steps (a 1-2-5 number) so that evaluations come about every
        ``EVAL_INTERVAL`` seconds of playing and take at most ``EVAL_SHARE`` of the time, on at most
        ``eval_limit`` samples of each set (None: all of them)."""
        tr = self.trainer
        ds = tr.dataset
        macs = tr.network.multiply_adds
        sample = macs * SEC_PER_MAC
        n = max(len(ds.x_train), len(ds.x_test))
        fits = int(EVAL_BUDGET / max(sample, 1e-12))
        limit = None if fits >= n else max(EVAL_MIN_SAMPLES, fits)
        n_eval = min(len(ds.x_train), limit or n) + min(len(ds.x_test), limit or n) + tr.probe_size
        eval_seconds = EVAL_OVERHEAD + n_eval * sample
        step_seconds = STEP_OVERHEAD + 3 * tr.batch_size * sample
        if self.config.gradient == "numerical":
            step_seconds += self.numerical_step_seconds()
        rate = self.speed or 1.0 / step_seconds  # steps per second while playing
        every = nice_ceil(max(1.0, rate * EVAL_INTERVAL, rate * eval_seconds / EVAL_SHARE))
        stop_at = self.config.stop_at
        if stop_at:  # a run to a fixed step gets at least ~STOP_AT_EVALUATIONS evaluations, at any speed
            every = min(every, nice_floor(stop_at / STOP_AT_EVALUATIONS))
        return every, limit

    def numerical_step_seconds(self, config: Config | None = None) -> float:
        """Estimated seconds of one numerical-gradient step of ``config`` (default: the current one) on the
        current data, by the cost model (``SEC_PER_NUMGRAD_WORK``); builds a throwaway network when the
        configuration differs from the one training."""
        tr = self.trainer
        config = config or tr.config
        ds = tr.dataset
        n_inputs, n_out, n_train = ds.n_features, ds.n_outputs, len(ds.x_train)
        other = config.dataset != ds.name and expected_shape(config.dataset, config.samples, config.test_ratio)
        if other:  # (about to switch data, e.g. to 28×28 images or back: counted for the new data's shape)
            n_inputs, n_out, n_train = other
        n_inputs = len(config.features) or n_inputs
        to_images = bool(other) and config.dataset in IDX_DATASET_NAMES
        sizes = (n_inputs, *config.hidden, n_out)
        same = config.replace(**{k: getattr(tr.config, k) for k in LIVE_ANYWAY}) == tr.config
        if not other and (
            same or (sizes == tr.network.sizes and config.activation == tr.config.activation and not _noisy(config))
        ):
            net = tr.network
        else:
            net = build_network(config, n_inputs, n_out)
        b = min(config.batch_size, n_train)
        m = min(b, 100)
        if other:  # a stand-in batch (for images four pixels in five dark, as in MNIST)
            rng = np.random.default_rng(0)
            x = (
                rng.random((m, n_inputs)) * (rng.random((m, n_inputs)) < 0.2)
                if to_images
                else rng.normal(size=(m, n_inputs))
            )
            t = np.eye(n_out)[rng.integers(0, n_out, m)] if n_out > 1 else rng.normal(size=(m, 1))
        elif n_inputs == tr.n_inputs:
            x, t = tr.x_train[:m], tr.t_train[:m]
        else:
            x, t = feature_matrix(ds.x_train[:m], config.features), tr.t_train[:m]
        return estimated_work(net, x, t) * (b / m) * SEC_PER_NUMGRAD_WORK

    def _plan(self):
        self.trainer.eval_every, self.trainer.eval_limit = self.evaluation_plan()

    # -- commands ------------------------------------------------------------------------------------
    def play(self):
        if self.trainer.diverged is not None:
            return
        self.clock.play()

    def pause(self, evaluate=True):
        """Stop the clock. With ``evaluate``, the steps since the last evaluation are evaluated and every view
        is brought up to date (``stepped(0)``, while not playing: the views redraw everything); callers that
        step, reset or start again at once do not need that."""
        if self.clock.pause() and evaluate:
            self._catch_up()

    def toggle(self):
        if self.playing:
            self.pause()
        else:
            self.play()

    def step(self):
        """Exactly one mini-batch (pauses first). A numerical-gradient step runs through the clock, a piece per
        frame, so that a long one does not hold the window still (it returns None then)."""
        self.pause(evaluate=False)
        if self.config.gradient == "numerical" and self.trainer.diverged is None:
            self.clock.run_to(self.trainer.step_count + 1)
            return None
        result = self.trainer.step(1)
        if len(result):
            self._evaluate()
            self.stepped.emit(len(result))
        if result.diverged is not None:
            self.diverged.emit(result.diverged)
        return result

    def step_epoch(self):
        """Train to the end of the current epoch, through the clock so the window stays responsive."""
        if self.trainer.diverged is not None:
            return
        self.clock.pause()
        self.clock.run_to(self.trainer.step_count + self.trainer.steps_to_epoch_end)

    def restart(self):
        """Reset: new weights from the same seed, empty plots, step 0."""
        self.pause(evaluate=False)
        self.trainer.reset()
        self.clock.forget_cost()
        self._plan()
        self._evaluate()
        self.reset.emit()

    def apply_config(self, config: Config, start_over=False) -> bool:
        """Switch to ``config``; returns True if training started over (always, with ``start_over``).
        Errors (e.g. a CSV that cannot be read) propagate, and the trainer keeps its old configuration."""
        if config == self.trainer.config and not start_over:
            return False
        restarted = self.trainer.apply(config)
        self.clock.forget_cost()  # (another network or batch size: another cost per step)
        if start_over and not restarted:
            self.trainer.reset()
            restarted = True
        self._sync_clock()
        if restarted:
            self.pause(evaluate=False)
            self._evaluate()
            self.reset.emit()
        self.configChanged.emit(self.trainer.config)
        return restarted

    # -- the clock's callbacks ------------------------------------------------------------------------
    def _position(self):
        return self.trainer.step_count

    def _advance(self, k):
        tr = self.trainer
        if tr.diverged is not None:
            return 0, False
        if self.config.gradient != "numerical":
            result = tr.step(k)
            return len(result), result.diverged is None
        # The numerical gradient, a piece (~1-2 ms) at a time until k steps are done or the tick's time is up: a
        # step longer than a frame goes on in the next tick, and the window answers meanwhile.
        done = 0
        while done < k:
            result = tr.advance_step(1)
            if result is not None:
                done += len(result)
                if result.diverged is not None or not len(result):
                    self.stepProgress.emit(-1.0)
                    return done, False
            if self.clock.now() >= self.clock.deadline:
                break
        job = tr.pending_step
        self.stepProgress.emit(job.progress if job is not None else -1.0)
        return done, True

    def _on_clock_stopped(self, reason):
        self._catch_up()
        if reason == "halted" and self.trainer.diverged is not None:
            self.diverged.emit(self.trainer.diverged)
        elif reason == "stop_at":
            self.stoppedAt.emit(self.trainer.step_count)

    def _catch_up(self):
        """Evaluate the steps since the last evaluation (unless diverged) and let every view redraw."""
        h = self.trainer.history
        if self.trainer.diverged is None and (not len(h.evals) or h.evals.x[-1] != self.trainer.step_count):
            self._evaluate()
        self.stepped.emit(0)

    def _evaluate(self):
        self.trainer.evaluate()

    def __repr__(self):
        return f"TrainingSession({self.trainer!r}, {self.clock!r})"
