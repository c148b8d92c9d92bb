"""The one clock behind every Play: speeds, stop-at, budgets, driven tick by tick with a fake time source, so
that every assertion holds on any machine, however busy."""

import pytest
from qt_helpers import FakeTime

from nnplay.gui.clock import FRAME_BUDGET, FRAME_TARGET, MAX_BUDGET, SPEEDS, Clock, SpeedControl, nice_ceil, nice_floor


class Counter:
    """A thing that advances in steps: each step costs ``cost`` seconds of fake time; it halts at ``end``."""

    def __init__(self, time, cost=0.0, end=None):
        self.time, self.cost, self.end = time, cost, end
        self.pos = 0
        self.calls = []

    def advance(self, k):
        if self.end is not None:
            k = min(k, self.end - self.pos)
        self.calls.append(k)
        self.pos += k
        self.time.advance(self.cost * k)
        return k, self.end is None or self.pos < self.end

    def position(self):
        return self.pos


def make(qapp, speed=10, cost=0.0, end=None):
    t = FakeTime()
    c = Counter(t, cost, end)
    clock = Clock(c.advance, c.position, now=t, speed=speed)
    return clock, c, t


def run(clock, t, seconds, dt):
    """Tick every ``dt`` seconds of fake time for ``seconds`` (while the clock is busy)."""
    ticks = 0
    while clock.busy and ticks * dt < seconds + 1e-9:
        clock.tick()
        t.advance(dt)
        ticks += 1
    return ticks


def test_at_a_chosen_speed_it_takes_that_many_steps_a_second(qapp):
    clock, c, t = make(qapp, speed=10)
    ticked = []
    clock.ticked.connect(ticked.append)
    clock.play()
    assert clock.playing and clock.tick_interval() == pytest.approx(0.1)
    run(clock, t, 1.0, 0.1)  # ticks at 0, 0.1, …, 1.0 s
    clock.pause()
    assert c.pos == 11  # the first step at once, then one every 0.1 s
    assert ticked == [1] * 11


def test_fast_speeds_take_several_steps_per_tick(qapp):
    clock, c, t = make(qapp, speed=1000)
    clock.play()
    ticks = run(clock, t, 1.0, 0.015)
    clock.pause()
    assert abs(c.pos - (1 + 1000 * 0.015 * (ticks - 1))) <= 1  # one at once, then 1000 per second
    assert max(c.calls) <= 16


def test_a_machine_that_cannot_keep_up_builds_no_debt(qapp):
    clock, c, t = make(qapp, speed=1000)
    clock.play()
    clock.tick()
    t.advance(5.0)  # the window was busy for five seconds
    before = c.pos
    clock.tick()
    assert c.pos - before == 250  # at most a quarter of a second's worth


def test_full_speed_fills_the_budget_after_timing_one_step(qapp):
    clock, c, _ = make(qapp, speed=0, cost=0.001)
    clock.play()
    clock.tick()
    assert c.calls[0] == 1  # a step of unknown cost is timed first (a big network takes 100 ms)
    assert c.pos == pytest.approx(clock.training_budget() / 0.001, abs=3)


def test_the_budget_is_what_the_redraw_leaves_of_a_frame_but_at_least_the_redraw(qapp):
    clock, _, _ = make(qapp, speed=0)
    for redraw, budget in ((0.002, MAX_BUDGET), (0.010, FRAME_TARGET - 0.010), (0.016, 0.016), (0.030, FRAME_BUDGET)):
        clock._redraw_time = redraw
        assert clock.training_budget() == pytest.approx(budget)
    clock.frame_budget = 0.001  # fixed by hand (the soak test draws as often as it can)
    assert clock.training_budget() == 0.001


def test_the_clock_measures_how_long_a_redraw_takes(qapp):
    clock, _, t = make(qapp, speed=0, cost=0.0005)
    clock.play()
    run(clock, t, 2.0, 0.02)  # 20 ms between ticks outside training: a slow redraw
    clock.pause()
    assert clock.training_budget() >= 0.015  # training keeps at least about half of each frame


@pytest.mark.parametrize("speed", [0, 5, 50, 5000])
def test_play_stops_exactly_at_the_chosen_step(qapp, speed):
    clock, c, t = make(qapp, speed=speed, cost=0.0001)
    stopped = []
    clock.stopped.connect(stopped.append)
    clock.set_stop_at(137)
    clock.play()
    run(clock, t, 100.0, 0.02)
    assert c.pos == 137 and not clock.busy
    assert stopped == ["stop_at"]
    clock.play()  # past it: Play goes on
    clock.tick()
    assert c.pos > 137 and clock.playing
    target = c.pos + 13
    clock.set_stop_at(target)  # changed while playing: stops there
    run(clock, t, 100.0, 0.02)
    assert c.pos == target and stopped == ["stop_at", "stop_at"]


def test_run_to_a_target_ignores_the_speed(qapp):
    clock, c, t = make(qapp, speed=1, cost=0.0001)
    stopped = []
    clock.stopped.connect(stopped.append)
    clock.run_to(40)
    assert clock.busy and not clock.playing and clock.tick_interval() == 0
    run(clock, t, 10.0, 0.001)
    assert c.pos == 40 and stopped == ["target"]


def test_it_stops_when_advance_cannot_go_on(qapp):
    clock, c, t = make(qapp, speed=0, cost=0.0001, end=25)
    stopped, playing = [], []
    clock.stopped.connect(stopped.append)
    clock.playingChanged.connect(playing.append)
    clock.play()
    run(clock, t, 10.0, 0.02)
    assert c.pos == 25 and stopped == ["halted"] and playing == [True, False]


def test_speed_control_sets_the_clock_both_ways(qapp):
    clock, _, _ = make(qapp, speed=50)
    control = SpeedControl(clock, prefix="lab")
    assert control.slider.objectName() == "labSpeedSlider" and control.stopAtSpin.objectName() == "labStopAtSpin"
    assert control.label.text() == "50 steps/s"
    control.slider.setValue(len(SPEEDS) - 1)
    assert clock.speed == 0 and control.label.text() == "max"
    control.set_speed(8)  # not offered: kept, shown on the slider as the nearest offered speed (on a log scale)
    assert clock.speed == 8 and control.speed() == 8 and control.label.text() == "8 steps/s"
    assert SPEEDS[control.slider.value()] == 10
    control.stopAtSpin.setValue(2000)
    assert clock.stop_at == 2000
    assert control.stopAtSpin.text().replace(",", "") == "2000"
    control.stopAtSpin.setValue(0)
    assert clock.stop_at == 0 and control.stopAtSpin.text() == "never"
    main = SpeedControl(clock)
    assert main.slider.objectName() == "speedSlider" and main.stopAtSpin.objectName() == "stopAtSpin"


def test_nice_ceil():
    values = (0.3, 1, 1.5, 2, 3, 7, 10, 11, 4000, 5001)
    assert [nice_ceil(x) for x in values] == [1, 1, 2, 2, 5, 10, 10, 20, 5000, 10000]


def test_nice_floor():
    values = [0.3, 1, 1.9, 2, 4.9, 5, 9.99, 10, 30, 7499]
    assert [nice_floor(x) for x in values] == [1, 1, 1, 2, 2, 5, 5, 10, 20, 5000]
