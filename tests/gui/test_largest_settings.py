"""The largest settings the controls allow, with every lab open (issue 12, §4): peak memory stays under 1 GB and
no event does more work than one training step.

Work is counted, not timed: every multiply-add of every layer's forward and backward pass
(``Affine.forward``/``backward``) is added up between two consecutive events the application dispatches, so
the largest such sum is the most any one event (a click, a timer tick) computed. The figures printed are
measured on this machine; only memory and work are asserted.
"""

import json
import os
import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])

    import nnplay.core.layers as layers

    work = [0]
    forward, backward = layers.Affine.forward, layers.Affine.backward

    def counted_forward(self, x):
        work[0] += x.shape[0] * self.W.size
        return forward(self, x)

    def counted_backward(self, dout, need_dx=True):
        work[0] += (2 if need_dx else 1) * dout.shape[0] * self.W.size
        return backward(self, dout, need_dx=need_dx)

    layers.Affine.forward, layers.Affine.backward = counted_forward, counted_backward

    from nnplay.core.config import Config
    from nnplay.gui.app import make_window
    from nnplay.gui.main_window import LABS


    class PerEvent(QObject):
        def __init__(self):
            super().__init__()
            self.last, self.events = 0, []

        def eventFilter(self, obj, event):
            self.events.append(work[0] - self.last)
            self.last = work[0]
            return False

        def take(self):
            self.eventFilter(None, None)
            out, self.events = max(self.events, default=0), []
            return out


    per_event = PerEvent()
    app.installEventFilter(per_event)
    window, _ = make_window()
    window.resize(1500, 940)
    window.show()
    labs = {module: window.open_lab(module) for module, _cls, _text in LABS}
    window.tabs.setCurrentIndex(0)
    report = {}


    def act(name, action, until=lambda: True, rounds=20):
        per_event.take()
        action()
        for _ in range(rounds):
            app.processEvents()
        while not until():
            app.processEvents()
        report[name] = per_event.take()


    collapse = labs["collapse"]
    # The largest the controls allow: 100,000 samples, 16 hidden layers of 256, batch 1000; identity, so that
    # the collapse lab copies the network.
    largest = Config(dataset="spiral", samples=100_000, hidden=(256,) * 16, batch_size=1000, activation="identity")
    act("apply largest", lambda: window.apply_config(largest, start_over=True))
    act("step", window.session.step)
    tr = window.session.trainer
    row = sum(a * b for a, b in zip(tr.network.sizes[:-1], tr.network.sizes[1:]))
    report["one training step"] = 3 * tr.batch_size * row
    # (what the window evaluates and draws after a step: a subset of each set, the probe, the decision regions)
    shown = sum(tr.evaluation_samples()) + tr.probe_size + window.boundaryPanel.grid_size() ** 2
    report["one step with its evaluation"] = report["one training step"] + shown * row
    act("width 255", lambda: window.controls.hiddenWidthSpin.setValue(255))
    for module, lab in labs.items():
        act(f"front {module}", lambda lab=lab: window.tabs.setCurrentWidget(lab), until=lambda: not collapse.computing)
    window.tabs.setCurrentWidget(collapse)
    act("collapse: copy", collapse.make_linear, until=lambda: not collapse.computing)
    act("collapse: train", lambda: collapse.train(2), until=lambda: not collapse.training and not collapse.computing)
    window.tabs.setCurrentWidget(labs["gradcheck"])
    act("gradcheck: run", labs["gradcheck"].run)
    labs["gradcheck"].cancel()
    act("resize", lambda: window.resize(1100, 700))
    act("back to training", lambda: window.tabs.setCurrentIndex(0))
    report["collapse chunks"] = collapse.chunks_done
    report["collapse proof"] = collapse.proofLabel.text()
    status = open("/proc/self/status").read()
    report["VmHWM kB"] = int(status.split("VmHWM:")[1].split()[0])
    print(json.dumps(report))
    """
)


def test_largest_settings_every_lab_open_bounded_memory_and_work_per_event():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    report = json.loads(r.stdout.strip().splitlines()[-1])
    print(json.dumps(report, indent=1))  # (the measured figures, for the record: pytest -s shows them)
    assert report["VmHWM kB"] < 1024 * 1024, report  # peak RSS under 1 GB (was 3.6 GB)
    step, step_shown = report["one training step"], report["one step with its evaluation"]
    # The window's own Step is one training step, then its evaluation and the decision regions (a few hundred
    # samples' forward passes): no event of the window does more than that, and no lab's more than one step.
    for name in ("apply largest", "step", "width 255", "resize", "back to training"):
        assert report[name] <= step_shown, (name, report[name] / step, report)
    for name in [k for k in report if k.startswith(("front", "collapse:", "gradcheck"))]:
        assert report[name] <= step, (name, report[name] / step, report)
    # The collapse lab's proof and picture of that network were computed in chunks, and finished.
    assert report["collapse chunks"] > 5
    assert "of the 100,000 samples" in report["collapse proof"] and "running" not in report["collapse proof"]
