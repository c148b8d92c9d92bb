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

import numpy as np


def _book_ch5_loop(x_train, t_train, x_test, t_test, steps=10_000, batch=100, lr=0.1, seed=0):
    """The book's ch05/train_neuralnet.py (two_layer_net with Affine/ReLU/SoftmaxWithLoss), in plain numpy."""
    rng = np.random.default_rng(seed)
    W1, b1 = 0.01 * rng.standard_normal((784, 50)), np.zeros(50)
    W2, b2 = 0.01 * rng.standard_normal((50, 10)), np.zeros(10)
    T = np.eye(10)[t_train]
    for _ in range(steps):
        idx = rng.choice(len(x_train), batch)
        x, t = x_train[idx], T[idx]
        a1 = x @ W1 + b1
        z1 = np.maximum(a1, 0)
        a2 = z1 @ W2 + b2
        y = np.exp(a2 - a2.max(axis=1, keepdims=True))
        y /= y.sum(axis=1, keepdims=True)
        d2 = (y - t) / batch
        dW2, db2 = z1.T @ d2, d2.sum(axis=0)
        d1 = (d2 @ W2.T) * (a1 > 0)
        dW1, db1 = x.T @ d1, d1.sum(axis=0)
        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2

    def acc(x, t):
        return float(np.mean((np.maximum(x @ W1 + b1, 0) @ W2 + b2).argmax(axis=1) == t))

    return acc(x_train, t_train), acc(x_test, t_test)


def runs(data_dir, steps):
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
    a, b = _book_ch5_loop(xf, t_train, xt, t_test, steps=steps)
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
