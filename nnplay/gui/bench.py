"""``python -m nnplay bench --gui``: play the window offscreen with every panel visible and measure it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import numpy as np

GOALS = (
    "goals: redraws/s >= 30, probe lateness p95 <= 50 ms, GUI/headless >= 50 %, window shown <= 1.5 s, with the "
    "unit pictures on for 2-D data up to 6 x 8 units; largest net: the window keeps answering (probe p95 about one "
    "step; its pictures are off)"
)


def _headless_rate(config, seconds=2.0):
    from nnplay.core.trainer import Trainer

    tr = Trainer(config, eval_every=0)
    t0 = time.perf_counter()
    tr.step(1)  # (timed, to choose the chunk)
    chunk = max(1, min(100, int(0.1 / max(time.perf_counter() - t0, 1e-6))))  # ~0.1 s per call
    t0 = time.perf_counter()
    n = 0
    while time.perf_counter() - t0 < seconds:
        n += len(tr.step(chunk))
        if tr.diverged:
            break
    return n / (time.perf_counter() - t0)


def _play(window, app, seconds):
    from PySide6.QtCore import QEventLoop, QTimer

    session = window.session
    frames = []
    lateness = []
    probe = QTimer()
    probe.setInterval(10)
    last = [time.perf_counter()]

    def on_probe():
        now = time.perf_counter()
        lateness.append(max(0.0, now - last[0] - 0.010))
        last[0] = now

    probe.timeout.connect(on_probe)
    session.stepped.connect(lambda _n: frames.append(time.perf_counter()))
    start_steps, start_redraws = session.trainer.step_count, window.redraw_count
    probe.start()
    session.play()
    t0 = time.perf_counter()
    # A local event loop, not app.exec() + app.quit(): after those, in the same process, the waits of
    # pytest-qt that came later no longer saw any timer fire (22 tests timed out behind the bench's test).
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    elapsed = time.perf_counter() - t0
    session.pause()
    probe.stop()
    gaps = np.diff(frames) if len(frames) > 1 else np.array([np.nan])
    return {
        "steps_per_s": (session.trainer.step_count - start_steps) / elapsed,
        "redraws_per_s": (window.redraw_count - start_redraws) / elapsed,
        "frame_p95_ms": 1000 * float(np.percentile(gaps, 95)),
        "probe_p95_ms": 1000 * float(np.percentile(lateness, 95)) if lateness else float("nan"),
    }


def startup_time():
    """Seconds from starting a new Python process to the window being shown (measured in a child)."""
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, "-c", "from nnplay.gui.bench import _startup_child; _startup_child()"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
        timeout=60,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1]) - t0


def _startup_child():
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from nnplay.gui.app import install_message_filter, make_window

    install_message_filter()
    app = QApplication(sys.argv[:1])
    window, _ = make_window()
    window.show()

    def shown():
        print(time.time(), flush=True)
        app.quit()

    QTimer.singleShot(0, shown)
    app.exec()


def _rate(per_second):
    """Steps a second as printed: whole numbers, but one decimal below 10 (a big network on a busy machine makes
    less than one step a second, which is not 0)."""
    return f"{per_second:.0f}" if per_second >= 10 else f"{per_second:.1f}"


def run(seconds=40.0, print_fn=print, min_case=2.0, headless_seconds=2.0):
    from PySide6.QtWidgets import QApplication

    from nnplay.core.config import Config
    from nnplay.gui.app import install_message_filter, make_window

    install_message_filter()  # (the offscreen platform's warnings would land in the middle of the table)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # The last one is the largest the controls allow (16 layers of 256, batch 1000) on 20,000 samples: not
    # fast, but the window must keep answering (a step alone takes ~130 ms there).
    big = Config(samples=20000, hidden=(256,) * 16, batch_size=1000, activation="relu", init="he")
    cases = (
        ("default 2-8-8-2 tanh", None),
        ("2-(8x6)-2 tanh", Config(hidden=(8,) * 6)),
        ("2-(8x6)-2 tanh no pictures", Config(hidden=(8,) * 6)),  # (the same, to see what the pictures cost)
        ("2-(8x6)-2 BN+dropout+L2", Config(hidden=(8,) * 6, batch_norm=True, dropout=0.2, weight_decay=0.01)),
        (
            "reg_gauss 2-(8x6)-1",
            Config(
                hidden=(8,) * 6, dataset="reg_gauss", task="regression", output="identity", loss="sum_squared_error"
            ),
        ),
        ("deep sigmoid 2-(16x8)-2", "vanishing"),
        ("digits 64-64-10", "digits"),
        ("largest 2-(256x16)-2, 20k", big),
    )
    print_fn(
        f"{'config':28s} {'steps/s':>9s} {'redraws/s':>9s} {'frame p95':>10s} {'probe p95':>10s} "
        f"{'headless':>10s} {'GUI/headless':>12s} {'pictures':>9s}"
    )
    per_case = max(min_case, seconds / len(cases))
    rows = []
    for name, preset in cases:
        window, _ = make_window()
        if isinstance(preset, Config):
            window.apply_config(preset, start_over=True)
        elif preset:
            window.load_preset(preset)
        window.speedSlider.setValue(window.speedSlider.maximum())
        window.networkPanel.picturesCheck.setChecked("no pictures" not in name)
        window.show()
        app.processEvents()
        pictures = window.networkPanel.picture_state()
        r = _play(window, app, per_case)
        headless = _headless_rate(window.session.config, headless_seconds)
        window.close()
        window.deleteLater()
        app.processEvents()
        r["headless"] = headless
        r["pictures"] = pictures
        rows.append((name, r))
        print_fn(
            f"{name:28s} {_rate(r['steps_per_s']):>9s} {r['redraws_per_s']:9.1f} {r['frame_p95_ms']:8.1f}ms "
            f"{r['probe_p95_ms']:8.1f}ms {_rate(headless):>10s} {100 * r['steps_per_s'] / headless:11.0f}% "
            f"{pictures:>9s}"
        )
    shown = startup_time()
    print_fn(f"window shown {shown:.2f} s after process start")
    print_fn(GOALS)
    return 0
