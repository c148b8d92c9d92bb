"""The one Qt adapter between the numpy ``Trainer`` and the views: it owns the trainer, the timer and
the signals. Views subscribe; the trainer never knows they exist."""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, QTimer, Signal

from nnplay.core.config import Config
from nnplay.core.trainer import Trainer

SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 0)
"""Steps per second offered by the speed control; 0 means as fast as the machine goes."""

FRAME_TARGET = 0.031
"""At full speed, a frame (training, then one redraw) should take about this long: ~32 redraws a second."""

# Seconds of training per timer tick at full speed: what the redraw leaves of FRAME_TARGET, but at least as
# long as the redraw itself takes (up to FRAME_BUDGET), so that training keeps half of the time when drawing
# is slow, and never more than MAX_BUDGET, so that a click never waits long.
FRAME_BUDGET = 0.018
MAX_BUDGET = 0.025

EVAL_INTERVAL = 0.1
"""While playing, the whole training and test sets are evaluated (loss, accuracy) at most this often, in
seconds: at full speed that is a point every few hundred steps, and it leaves the time to training."""

EVAL_BUDGET = 0.015
EVAL_MIN_SAMPLES = 200
"""One evaluation should take about ``EVAL_BUDGET`` seconds at most: a big network on a big data set is
evaluated on a fixed random subset of each set (never fewer than ``EVAL_MIN_SAMPLES``), and evaluations that
still take long come less often (at most a fifth of the time goes to them)."""

NUMERICAL_PARAM_LIMIT = 3000
"""Above this many parameters a numerical-gradient step takes too long for an interactive window."""


class TrainingSession(QObject):
    """Drives a ``Trainer`` from a ``QTimer`` in the GUI thread.

    Each tick trains until a time budget is spent (or until the chosen speed is met), evaluates (at most
    every ``EVAL_INTERVAL`` seconds, and whenever training stops) and emits ``stepped`` once, so the views
    redraw at most once per tick however fast training goes.
    """

    stepped = Signal(int)  # number of steps taken since the last emission
    reset = Signal()  # the trainer started over (new weights, maybe a new network or data)
    diverged = Signal(object)  # core.trainer.Divergence
    playingChanged = Signal(bool)
    configChanged = Signal(object)  # Config

    def __init__(self, config: Config | None = None, parent=None, trainer: Trainer | None = None):
        super().__init__(parent)
        self.trainer = trainer if trainer is not None else Trainer(config or Config(), eval_every=0)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self._speed = 0
        self._owed = 0.0
        self._last_tick = 0.0
        self._target_step = None  # run until this step, then pause (Step epoch)
        self._sec_per_step = None  # running mean of the seconds one step takes (None: not measured yet)
        self.frame_budget = None  # seconds of training per tick; None: adapt to the cost of a redraw
        self._redraw_time = 0.012  # running mean of the seconds between ticks spent outside training
        self._train_end = None
        self._last_eval = -math.inf
        self._eval_interval = EVAL_INTERVAL
        self._choose_eval_limit()
        self._evaluate()

    # -- properties ----------------------------------------------------------------------------------
    @property
    def config(self) -> Config:
        return self.trainer.config

    @property
    def playing(self) -> bool:
        return self._timer.isActive() and self._target_step is None

    @property
    def busy(self) -> bool:
        return self._timer.isActive()

    @property
    def speed(self) -> int:
        """Steps per second; 0 = as fast as possible."""
        return self._speed

    def set_speed(self, steps_per_second: int):
        self._speed = max(0, int(steps_per_second))
        self._owed = 0.0
        self._train_end = None  # (the wait of a slower speed is not a redraw)
        if self._timer.isActive():
            self._timer.setInterval(self._interval())

    def tick_interval(self):
        """Seconds between timer ticks while busy: 0 at full speed (and for Step epoch), 1/speed otherwise."""
        return self._interval() / 1000

    def _interval(self):
        if self._speed == 0 or self._target_step is not None:
            return 0
        return max(15, int(1000 / self._speed))

    # -- commands ------------------------------------------------------------------------------------
    def play(self):
        if self.trainer.diverged is not None or self.playing:
            return
        self._target_step = None
        self._owed = 1.0 if self._speed else 0.0  # the first step comes at once
        self._last_tick = time.perf_counter()
        self._train_end = None
        self._timer.start(self._interval())
        self.playingChanged.emit(True)

    def pause(self, evaluate=True):
        """Stop the timer. With ``evaluate``, the steps since the last evaluation are evaluated and every view
        is brought up to date (``stepped(0)``, while not playing: the views redraw everything); callers that
        step, reset or start again at once do not need that."""
        was = self._timer.isActive()
        self._timer.stop()
        self._target_step = None
        if was:
            if evaluate:
                if self._evaluated_step != self.trainer.step_count and self.trainer.diverged is None:
                    self._evaluate()  # the last steps since the last evaluation
                self.stepped.emit(0)
            self.playingChanged.emit(False)

    def _evaluate(self):
        start = time.perf_counter()
        self.trainer.evaluate()
        self._evaluated_step = self.trainer.step_count
        self._last_eval = time.perf_counter()
        self._eval_interval = max(EVAL_INTERVAL, 4 * (self._last_eval - start))

    def _choose_eval_limit(self):
        """Time a forward pass of a few samples through the (new) network, and evaluate only as many samples
        of each set as fit into ``EVAL_BUDGET``."""
        tr = self.trainer
        x = tr.dataset.x_train[:256]
        n = max(len(tr.dataset.x_train), len(tr.dataset.x_test))
        if len(x) == 0:
            tr.eval_limit = None
            return
        best = math.inf
        for _ in range(2):  # (the first call may pay for allocations)
            t0 = time.perf_counter()
            tr.network.scores(x)
            best = min(best, time.perf_counter() - t0)
        fits = int(EVAL_BUDGET / (2 * max(best, 1e-7) / len(x)))
        tr.eval_limit = None if fits >= n else max(EVAL_MIN_SAMPLES, fits)

    def toggle(self):
        if self.playing:
            self.pause()
        else:
            self.play()

    def step(self):
        """Exactly one mini-batch (pauses first)."""
        self.pause(evaluate=False)
        self._run(1)

    def step_epoch(self):
        """Train to the end of the current epoch, through the timer so the window stays responsive."""
        if self.trainer.diverged is not None:
            return
        self.pause(evaluate=False)
        self._target_step = self.trainer.step_count + self.trainer.steps_to_epoch_end
        self._last_tick = time.perf_counter()
        self._train_end = None
        self._timer.start(0)
        self.playingChanged.emit(True)

    def restart(self):
        """Reset: new weights from the same seed, empty plots, step 0."""
        self.pause(evaluate=False)
        self.trainer.reset()
        self._choose_eval_limit()
        self._evaluate()
        self.reset.emit()

    def apply_config(self, config: Config, start_over=False) -> bool:
        """Switch to ``config``; returns True if training started over (always, with ``start_over``).
        Errors (e.g. a CSV that cannot be read) propagate, and the trainer keeps its old configuration."""
        if config == self.trainer.config and not start_over:
            return False
        restarted = self.trainer.apply(config)
        self._sec_per_step = None  # (another network or batch size: another cost per step)
        if start_over and not restarted:
            self.trainer.reset()
            restarted = True
        if restarted:
            self.pause(evaluate=False)
            self._choose_eval_limit()
            self._evaluate()
            self.reset.emit()
        self.configChanged.emit(self.trainer.config)
        return restarted

    def training_budget(self):
        """Seconds of training in the next tick at full speed (see ``FRAME_BUDGET``)."""
        if self.frame_budget is not None:
            return self.frame_budget
        other = self._redraw_time
        return min(MAX_BUDGET, max(FRAME_TARGET - other, min(other, FRAME_BUDGET)))

    # -- the timer -----------------------------------------------------------------------------------
    def _run(self, n):
        tr = self.trainer
        result = tr.step(n)
        if len(result):
            self._evaluate()
            self.stepped.emit(len(result))
        if result.diverged is not None:
            self.pause()
            self.diverged.emit(result.diverged)
        return result

    def _tick(self):
        tr = self.trainer
        start = time.perf_counter()
        if self._target_step is not None:
            wanted = self._target_step - tr.step_count
        elif self._speed == 0:
            wanted = None
        else:
            self._owed += (start - self._last_tick) * self._speed
            wanted = int(self._owed)
            self._owed -= wanted
            self._owed = min(self._owed, 1.0)
        if self._train_end is not None and self._timer.interval() == 0:
            # Evaluating, redrawing and handling events since the last tick's training (a long pause, say a
            # hidden window, is not a redraw).
            other = start - self._train_end
            if other < 0.25:
                self._redraw_time = 0.8 * self._redraw_time + 0.2 * other
        self._last_tick = start
        total = 0
        diverged = None
        deadline = start + self.training_budget()
        while wanted is None or total < wanted:
            now = time.perf_counter()
            if now >= deadline and total:
                break
            # (Until one step has been timed, one step: a big network takes 100 ms or more per step.)
            per = self._sec_per_step
            k = 1 if per is None else max(1, int((deadline - now) / per * 0.8))
            if wanted is not None:
                k = min(k, wanted - total)
            t0 = time.perf_counter()
            result = tr.step(k)
            if len(result):
                per = (time.perf_counter() - t0) / len(result)
                old = self._sec_per_step
                self._sec_per_step = per if old is None else 0.7 * old + 0.3 * per
            total += len(result)
            if result.diverged is not None or len(result) < k:
                diverged = result.diverged or tr.diverged
                break
        self._train_end = time.perf_counter()
        done = diverged is not None or (self._target_step is not None and tr.step_count >= self._target_step)
        if total:
            if done or time.perf_counter() - self._last_eval >= self._eval_interval:
                self._evaluate()
            self.stepped.emit(total)
        if diverged is not None:
            self.pause()
            self.diverged.emit(diverged)
        elif self._target_step is not None and tr.step_count >= self._target_step:
            self.pause()
