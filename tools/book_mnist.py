"""The book's MNIST runs, measured by hand (needs the real MNIST files; not a test):

    python tools/book_mnist.py runs --data-dir DIR    # ch.4 and ch.5 presets headless, 10,000 steps each
    python tools/book_mnist.py rss --data-dir DIR     # resident memory with MNIST loaded and the window open

``runs`` trains each preset's config with nnplay's Trainer (10,000 steps of batch 100, evaluation only at the end
on all 60,000 + 10,000 images) and, in the same process for scale, the book's own ch.5 loop written in plain
numpy (TwoLayerNet(784, 50, 10), ReLU, np.random.choice batches). ``rss`` opens the window offscreen on the ch.5
preset, plays at full speed for a while and reads the process's resident set size from /proc/self/status.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from types import SimpleNamespace


def runs(data_dir, steps):
    from nnplay.bench import book_ch5_loop
    from nnplay.core.mnist import load_idx_dataset
    from nnplay.core.trainer import Trainer
    from nnplay.gui.presets import PRESETS_BY_KEY  # (Qt is imported, not started)

    t0 = time.perf_counter()
    x_train, t_train, x_test, t_test = load_idx_dataset("mnist", data_dir)
    print(f"MNIST loaded in {time.perf_counter() - t0:.2f} s (uint8: {x_train.nbytes / 1e6:.0f} MB + "
          f"{x_test.nbytes / 1e6:.0f} MB)")  # fmt: skip
    for key in ("book_ch4", "book_ch5"):
        config = PRESETS_BY_KEY[key].config.replace(data_dir=str(data_dir))
        tr = Trainer(config, eval_every=0)
        t0 = time.perf_counter()
        tr.step(steps)
        elapsed = time.perf_counter() - t0
        ev = tr.evaluate()
        print(f"{key}: {steps:,} steps in {elapsed:.1f} s, train accuracy {ev.train_accuracy:.4f}, "
              f"test accuracy {ev.test_accuracy:.4f} (on {ev.train_samples:,} + {ev.test_samples:,})")  # fmt: skip
    xf, xt = x_train / 255.0, x_test / 255.0
    t0 = time.perf_counter()
    step, accuracy = book_ch5_loop(SimpleNamespace(x_train=xf, t_train=t_train))  # (the bench's own loop)
    step(steps)
    a, b = accuracy(xf, t_train), accuracy(xt, t_test)
    print(f"the book's ch.5 loop (float64 arrays): {time.perf_counter() - t0:.1f} s, train {a:.4f}, test {b:.4f}")


def _rss_mb():
    fields = {}
    with open("/proc/self/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def rss(data_dir, seconds):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from nnplay.core.config import Config
    from nnplay.gui.main_window import MainWindow
    from nnplay.gui.session import TrainingSession
    from nnplay.gui.style import configure_pyqtgraph

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_pyqtgraph()
    window = MainWindow(TrainingSession(Config()))
    window.show()
    app.processEvents()
    before = _rss_mb()
    window.choose_data_dir(str(data_dir))
    window.load_preset("book_ch5")
    window.speedSlider.setValue(window.speedSlider.maximum())  # full speed: every panel busy
    window.session.play()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    window.session.pause()
    now, peak = _rss_mb()
    steps = window.session.trainer.step_count
    print(f"window with circles: {before[0]:.0f} MB; with MNIST after {steps:,} steps in {seconds:g} s of play: "
          f"{now:.0f} MB resident, peak {peak:.0f} MB")  # fmt: skip
    window.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("runs", "rss"))
    parser.add_argument("--data-dir", required=True, help="folder with the MNIST files")
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    if args.what == "runs":
        runs(args.data_dir, args.steps)
    else:
        rss(args.data_dir, args.seconds)


if __name__ == "__main__":
    main()
