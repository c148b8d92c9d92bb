"""One clock for every Play in the app: the training view, the compare lab and the descent lab.

A ``Clock`` owns a ``QTimer`` and decides, tick by tick, how many steps to take. At a chosen speed (steps per
second) it takes the steps owed since the last tick; at full speed it takes steps until the tick's time budget
is spent (what a redraw leaves of a ~31 ms frame); it never passes "stop at step N"; and it times the steps it
takes, so that a network whose step takes 100 ms takes one step per tick and a click never waits long.

What one step *is* stays with the clock's owner, who passes two functions:

- ``advance(k)`` takes up to ``k`` steps and returns ``(steps taken, go_on)``; ``go_on`` is False when nothing
  more can happen (the loss diverged, a path is at its end), and the clock then stops;
- ``position()`` is the current step number (for "stop at step N" and "run to step N").

The clock emits ``ticked(n)`` once per tick after taking ``n > 0`` steps (the owner redraws once), and
``stopped(reason)`` when it stopped by itself: ``"stop_at"`` (the chosen step was reached), ``"target"`` (a
``run_to`` target was reached) or ``"halted"`` (``advance`` said it cannot go on).

Time comes from ``now`` (``time.perf_counter`` unless a test passes a fake clock), and ``tick`` is public, so a
test can drive the clock tick by tick and get the same steps on any machine.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QSpinBox, QWidget

from nnplay.gui.widgets import arg

SPEEDS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 0)
"""Steps per second offered by every speed control; 0 means as fast as the machine goes."""

FULL_SPEED = 0

FRAME_TARGET = 0.031
"""At full speed, a frame (training, then one redraw) should take about this long: ~32 redraws a second."""

# Seconds of training per timer tick at full speed: what the redraw leaves of FRAME_TARGET, but at least as
# long as the redraw itself takes (up to FRAME_BUDGET), so that training keeps half of the time when drawing
# is slow, and never more than MAX_BUDGET, so that a click never waits long.
FRAME_BUDGET = 0.018
MAX_BUDGET = 0.025

MIN_INTERVAL_MS = 15
"""Ticks at a chosen speed come at most this often (a tick may then take several steps)."""

SEC_PER_MAC = 1e-10
"""Seconds per multiply-add in the window's fixed cost model (about what numpy's matrix products reach on a
small laptop). Whatever changes the picture (when to evaluate, on how many samples, how fine the decision
regions are) is sized with this model, never by timing the machine: the same experiment then looks the same on
every machine."""

MAX_OWED_SECONDS = 0.25
"""A machine that cannot keep up with the chosen speed does not build up a debt of steps: at most this many
seconds' worth of steps are owed at once."""


class Clock(QObject):
    """Paces ``advance`` from a ``QTimer`` (see the module's docstring)."""

    ticked = Signal(int)
    playingChanged = Signal(bool)
    stopped = Signal(str)

    def __init__(self, advance, position, parent=None, now=time.perf_counter, speed=FULL_SPEED):
        super().__init__(parent)
        self._advance = advance
        self._position = position
        self._now = now
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._speed = int(speed)
        self.stop_at = 0  # 0: never; otherwise Play stops exactly at this step
        self._stop_pending = None  # the stop_at step still ahead of the position (set by play)
        self._target = None  # run_to: run until this step at full speed, then stop
        self._owed = 0.0
        self._last_tick = 0.0
        self._sec_per_step = None  # running mean of the seconds one step takes (None: not measured yet)
        self.frame_budget = None  # seconds of training per tick at full speed; None: adapt to the redraw
        self._redraw_time = 0.012  # running mean of the seconds between ticks spent outside training
        self._train_end = None
        self.deadline = math.inf  # during a tick: when its training time is up (advance may look at it)

    # -- state ---------------------------------------------------------------------------------------------
    @property
    def speed(self) -> int:
        """Steps per second while playing; 0 = as fast as possible."""
        return self._speed

    @property
    def playing(self) -> bool:
        """Playing (not running to a target, not paused)."""
        return self._timer.isActive() and self._target is None

    @property
    def busy(self) -> bool:
        """Playing or running to a target."""
        return self._timer.isActive()

    def tick_interval(self):
        """Seconds between ticks while busy: 0 at full speed (and while running to a target), about 1/speed
        otherwise."""
        return self._interval() / 1000

    def _interval(self):
        if self._speed == FULL_SPEED or self._target is not None:
            return 0
        return max(MIN_INTERVAL_MS, int(1000 / self._speed))

    def now(self):
        """The clock's time in seconds (``time.perf_counter`` unless a test gave another source)."""
        return self._now()

    def seconds_per_step(self):
        """The measured cost of one step (None before the first one)."""
        return self._sec_per_step

    # -- settings ------------------------------------------------------------------------------------------
    def set_speed(self, steps_per_second):
        self._speed = max(0, int(steps_per_second))
        self._owed = 0.0
        self._train_end = None  # (the wait of a slower speed is not a redraw)
        if self._timer.isActive():
            self._timer.setInterval(self._interval())

    def set_stop_at(self, step):
        """Stop playing exactly at ``step`` (0: never). A step already passed does not stop the next Play."""
        self.stop_at = max(0, int(step))
        if self._timer.isActive():
            self._arm_stop()

    def _arm_stop(self):
        pos = self._position()
        self._stop_pending = self.stop_at if self.stop_at > pos else None

    def forget_cost(self):
        """The cost of a step changed (another network or batch size): time the next step before taking more."""
        self._sec_per_step = None

    def training_budget(self):
        """Seconds of training in the next tick at full speed (see ``FRAME_BUDGET``)."""
        if self.frame_budget is not None:
            return self.frame_budget
        other = self._redraw_time
        return min(MAX_BUDGET, max(FRAME_TARGET - other, min(other, FRAME_BUDGET)))

    # -- commands ------------------------------------------------------------------------------------------
    def play(self):
        if self.playing:
            return
        self._target = None
        self._arm_stop()
        self._start()

    def run_to(self, step):
        """Run at full speed until ``step`` (Step epoch), then stop with ``stopped("target")``."""
        self._timer.stop()
        self._target = int(step)
        self._stop_pending = None
        self._start()

    def _start(self):
        self._owed = 1.0 if self._speed else 0.0  # the first step comes at once
        self._last_tick = self._now()
        self._train_end = None
        was = self._timer.isActive()
        self._timer.start(0)  # (the first tick at once; then every 1/speed seconds)
        if not was:
            self.playingChanged.emit(True)

    def pause(self):
        """Stop the timer (no signal but ``playingChanged(False)``, and only if it was running)."""
        was = self._timer.isActive()
        self._timer.stop()
        self._target = None
        self._stop_pending = None
        if was:
            self.playingChanged.emit(False)
        return was

    def toggle(self):
        if self.playing:
            self.pause()
        else:
            self.play()

    # -- the tick ------------------------------------------------------------------------------------------
    def _wanted(self, start):
        """Steps to take in this tick: None means as many as the budget allows."""
        pos = self._position()
        if self._target is not None:
            return max(0, self._target - pos)
        if self._speed == FULL_SPEED:
            wanted = None
        else:
            self._owed += (start - self._last_tick) * self._speed
            self._owed = min(self._owed, max(1.0, self._speed * MAX_OWED_SECONDS))
            wanted = int(self._owed)
            self._owed -= wanted
        if self._stop_pending is not None:
            left = max(0, self._stop_pending - pos)
            wanted = left if wanted is None else min(wanted, left)
        return wanted

    def tick(self):
        """One tick: take the steps owed (or fill the budget), emit ``ticked``, stop where asked to."""
        if self._timer.isActive() and self._timer.interval() != self._interval():
            self._timer.setInterval(self._interval())
        start = self._now()
        if self._train_end is not None and self._interval() == 0:
            # Evaluating, redrawing and handling events since the last tick's training (a long pause, say a
            # hidden window, is not a redraw).
            other = start - self._train_end
            if other < 0.25:
                self._redraw_time = 0.8 * self._redraw_time + 0.2 * other
        wanted = self._wanted(start)
        self._last_tick = start
        total = 0
        go_on = True
        partial = False  # advance worked on a step it has not finished (a long numerical-gradient step)
        deadline = self.deadline = start + self.training_budget()
        while wanted is None or total < wanted:
            now = self._now()
            if now >= deadline and (total or partial):
                break
            # (Until one step has been timed, one step: a big network takes 100 ms or more per step.)
            per = self._sec_per_step
            k = 1 if per is None else max(1, int((deadline - now) / per * 0.8))
            if wanted is not None:
                k = min(k, wanted - total)
            t0 = self._now()
            done, go_on = self._advance(k)
            if done:
                per = max(self._now() - t0, 1e-9) / done
                old = self._sec_per_step
                self._sec_per_step = per if old is None else 0.7 * old + 0.3 * per
            elif go_on:
                partial = True
                continue
            total += done
            if not go_on or done < k:
                break
        self._train_end = self._now()
        self.deadline = math.inf
        if total:
            self.ticked.emit(total)
        pos = self._position()
        if not go_on:
            reason = "halted"
        elif self._target is not None and pos >= self._target:
            reason = "target"
        elif self._stop_pending is not None and pos >= self._stop_pending:
            reason = "stop_at"
        else:
            return
        self.pause()
        self.stopped.emit(reason)

    def __repr__(self):
        state = "playing" if self.playing else "busy" if self.busy else "paused"
        speed = "full speed" if self._speed == FULL_SPEED else f"{self._speed} steps/s"
        stop = f", stop at {self.stop_at}" if self.stop_at else ""
        return f"Clock({state}, {speed}{stop})"


def nice_floor(x):
    """The largest of 1, 2, 5, 10, 20, 50, … that is at most ``x`` (1 for x < 2)."""
    if x < 2:
        return 1
    e = 10 ** math.floor(math.log10(x))
    for m in (5, 2, 1):
        if m * e <= x + 1e-9:
            return int(m * e)
    return int(e)


def nice_ceil(x):
    """The smallest of 1, 2, 5, 10, 20, 50, … that is at least ``x`` (x ≥ 1)."""
    if x <= 1:
        return 1
    e = 10 ** math.floor(math.log10(x))
    for m in (1, 2, 5, 10):
        if m * e >= x - 1e-9:
            return int(m * e)
    return int(10 * e)


MAX_STOP_AT = 1_000_000_000


class SpeedControl(QWidget):
    """The speed of a ``Clock`` (a slider over ``SPEEDS``, from 1 step a second to "max") and "stop at step N"
    (0 = never), the same in the toolbar and in every lab with its own Play.

    Object names are ``<prefix>SpeedSlider``, ``<prefix>SpeedLabel`` and ``<prefix>StopAtSpin`` (``speedSlider``,
    ``speedLabel`` and ``stopAtSpin`` with no prefix, in the main window's toolbar).
    """

    speedChanged = Signal(int)
    stopAtChanged = Signal(int)

    def __init__(self, clock: Clock, prefix="", unit=None, parent=None):
        super().__init__(parent)
        self.clock = clock
        self._unit = unit  # what one step is, for the tooltips ("lock steps" in the compare lab)

        def name(base):
            return prefix + base[0].upper() + base[1:] if prefix else base

        self.setObjectName(name("speedControl"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.caption = QLabel(self.tr("Speed"))
        lay.addWidget(self.caption)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(name("speedSlider"))
        self.slider.setAccessibleName(self.tr("Speed"))
        self.slider.setToolTip(
            self.tr(
                "Steps per second while playing: from 1 to as fast as the machine goes (max).\n"
                "Slow speeds let you watch each step; max shows where training goes."
            )
        )
        self.slider.setRange(0, len(SPEEDS) - 1)
        self.slider.setPageStep(1)
        self.slider.setFixedWidth(150)
        lay.addWidget(self.slider)
        self.label = QLabel()
        self.label.setObjectName(name("speedLabel"))
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance(self._speed_text(5000)) + 8)
        lay.addWidget(self.label)
        lay.addSpacing(10)
        self.stopCaption = QLabel(self.tr("Stop at step"))
        lay.addWidget(self.stopCaption)
        self.stopAtSpin = QSpinBox()
        self.stopAtSpin.setObjectName(name("stopAtSpin"))
        self.stopAtSpin.setAccessibleName(self.tr("Stop at step"))
        self.stopAtSpin.setToolTip(
            self.tr(
                "Play stops exactly at this step (0 = never), so that a class can end on the same picture: the "
                "same experiment stopped at the same step gives the same weights and plots on every machine."
            )
        )
        self.stopAtSpin.setRange(0, MAX_STOP_AT)
        self.stopAtSpin.setSpecialValueText(self.tr("never"))
        self.stopAtSpin.setGroupSeparatorShown(True)
        self.stopAtSpin.setKeyboardTracking(False)
        self.stopAtSpin.setFixedWidth(self.fontMetrics().horizontalAdvance("1,000,000,000") + 30)
        lay.addWidget(self.stopAtSpin)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.slider.valueChanged.connect(self._slider_moved)
        self.stopAtSpin.valueChanged.connect(self._stop_at_edited)
        self.set_speed(clock.speed)
        self.set_stop_at(clock.stop_at)

    def _speed_text(self, speed):
        return self.tr("max") if speed == FULL_SPEED else arg(self.tr("%1 steps/s"), speed)

    def speed(self):
        return self.clock.speed

    def set_speed(self, speed):
        """Show ``speed`` (on the slider: the nearest offered one) and set it on the clock."""
        speed = max(0, int(speed))
        nearest = speed
        if speed not in SPEEDS:
            nearest = min((s for s in SPEEDS if s), key=lambda s: abs(math.log(s) - math.log(speed)))
        with QSignalBlocker(self.slider):
            self.slider.setValue(SPEEDS.index(nearest))
        self._apply_speed(speed)

    def set_stop_at(self, step):
        with QSignalBlocker(self.stopAtSpin):
            self.stopAtSpin.setValue(int(step))
        self.clock.set_stop_at(int(step))

    def _slider_moved(self, index):
        self._apply_speed(SPEEDS[index])
        self.speedChanged.emit(SPEEDS[index])

    def _apply_speed(self, speed):
        self.clock.set_speed(speed)
        self.label.setText(self._speed_text(speed))

    def _stop_at_edited(self, value):
        self.clock.set_stop_at(value)
        self.stopAtChanged.emit(value)
