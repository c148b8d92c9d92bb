"""Command line: ``nnplay`` (the window), ``nnplay train`` (headless, CSV out), ``nnplay bench``."""

from __future__ import annotations

import argparse
import math
import os
import sys
import time

from nnplay import __version__

EXIT_OK, EXIT_USAGE, EXIT_DIVERGED, EXIT_INTERRUPTED = 0, 2, 3, 130

# flag -> Config field
FLAG_FIELDS = {
    "dataset": "dataset",
    "samples": "samples",
    "noise": "noise",
    "test_ratio": "test_ratio",
    "hidden": "hidden",
    "activation": "activation",
    "output": "output",
    "loss": "loss",
    "init": "init",
    "optimizer": "optimizer",
    "lr": "learning_rate",
    "batch_size": "batch_size",
    "gradient": "gradient",
    "seed": "seed",
    "csv": "csv_path",
}


class UsageError(Exception):
    """Anything the user typed or pointed at that cannot be used: exit 2 with one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} must be 0 or more")
    return value


def _preset_keys():
    # (the keys only, without importing Qt: they are listed here and checked by a test against the menu)
    return ("vanishing", "relu_he", "step", "linear", "lr_large", "digits")


def _build_parser():
    parser = _Parser(prog="nnplay", description="Watch small neural networks learn (Deep Learning from Scratch).")
    parser.add_argument("--version", action="version", version=f"nnplay {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the window (the default when no command is given)")
    gui.add_argument("--config", metavar="FILE.json", help="start with this experiment")
    gui.add_argument("--lang", choices=("en", "ja"), help="language of the window (default: the system's)")
    gui.add_argument("--preset", choices=_preset_keys(), help="start with this preset (see the Presets menu)")
    gui.add_argument(
        "--stop-at", dest="stop_at", type=_positive_int, metavar="N",
        help="Play stops exactly at step N (0 = never): the same experiment shows the same picture at step N",
    )  # fmt: skip
    gui.add_argument("--speed", type=_positive_int, metavar="STEPS", help="steps per second while playing (0 = max)")

    train = sub.add_parser(
        "train",
        help="train without a window and write a CSV",
        description="Train headless. Flags override the values in --config.",
    )
    train.add_argument("--config", metavar="FILE.json", help="experiment file (the GUI's File > Save)")
    train.add_argument("--dataset", help="xor, circles, gaussian, moons, spiral, digits or csv")
    train.add_argument("--csv", metavar="DATA.csv", help="your own data, with --dataset csv")
    train.add_argument("--samples", help="number of samples (before the train/test split)")
    train.add_argument("--noise", help="noise level, e.g. 0.1")
    train.add_argument("--test-ratio", dest="test_ratio", help="held-out fraction, 0 to 0.9")
    train.add_argument("--hidden", help="hidden layer widths, e.g. 8,8 ('' for none)")
    train.add_argument("--activation", help="step, sigmoid, tanh, relu or identity")
    train.add_argument("--output", help="softmax or identity")
    train.add_argument("--loss", help="cross_entropy or sum_squared_error")
    train.add_argument("--init", help="xavier, he, zero or a std such as 0.01")
    train.add_argument("--optimizer", help="sgd, momentum, adagrad or adam")
    train.add_argument("--lr", help="learning rate, e.g. 0.1")
    train.add_argument("--batch-size", dest="batch_size", help="mini-batch size")
    train.add_argument("--gradient", help="backprop or numerical (slow)")
    train.add_argument("--seed", help="random seed (data, weights, batches)")
    train.add_argument("--steps", type=_positive_int, default=1000, help="mini-batch steps to run (default 1000)")
    train.add_argument(
        "--eval-every", dest="eval_every", type=_positive_int, default=10,
        help="evaluate train/test loss and accuracy every N steps (default 10; 0 = never)",
    )  # fmt: skip
    train.add_argument("--out", metavar="FILE.csv", default="-", help="where to write the CSV (default: stdout)")
    train.add_argument("--quiet", action="store_true", help="no progress on stderr")

    bench = sub.add_parser("bench", help="measure the speed of training (and of the window with --gui)")
    bench.add_argument("--gui", action="store_true", help="play the window offscreen for ~10 s and measure it")
    bench.add_argument("--seconds", type=float, default=10.0, help="how long --gui plays (default 10)")
    bench.add_argument(
        "--only", choices=("engine", "numgrad", "ch5"), action="append",
        help="run only this section (repeatable): engine speed, numerical gradient, the book's ch.5 MNIST run",
    )  # fmt: skip
    bench.add_argument(
        "--data-dir", dest="data_dir", metavar="DIR",
        help="folder with the MNIST IDX files for the ch.5 row and real batches (default: $NNPLAY_MNIST_DIR)",
    )  # fmt: skip
    bench.add_argument(
        "--full-loop", dest="full_loop", action="store_true",
        help="time the book's numerical-gradient loop on every parameter (minutes) instead of a sample",
    )  # fmt: skip
    bench.add_argument("--ch5-steps", dest="ch5_steps", type=_positive_int, default=10_000, help=argparse.SUPPRESS)
    return parser


def _config_from_args(args):
    from nnplay.core.config import Config, ConfigError

    try:
        base = Config.load(args.config) if args.config else Config()
        changes = {field: getattr(args, flag) for flag, field in FLAG_FIELDS.items() if getattr(args, flag) is not None}
        return base.replace(**changes)
    except ConfigError as e:
        raise UsageError(str(e)) from None


class _Progress:
    def __init__(self, total, enabled):
        self.total, self.enabled = max(total, 1), enabled
        self.last = 0.0

    def update(self, done, loss, force=False):
        now = time.monotonic()
        if not self.enabled or (now - self.last < 0.1 and not force):
            return
        self.last = now
        width = 30
        filled = int(width * done / self.total)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} steps  loss {loss:.4g} ")
        sys.stderr.flush()

    def close(self):
        if self.enabled:
            sys.stderr.write("\n")


def cmd_train(args):
    from nnplay.core.datasets import DatasetError
    from nnplay.core.history_csv import HistoryCsvWriter
    from nnplay.core.trainer import Trainer

    config = _config_from_args(args)
    try:
        trainer = Trainer(config, eval_every=args.eval_every)
    except DatasetError as e:
        raise UsageError(str(e)) from None
    try:
        out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")  # noqa: SIM115
    except OSError as e:
        raise UsageError(f"cannot write {args.out}: {e.strerror}; choose another --out path") from None
    progress = _Progress(args.steps, not args.quiet and sys.stderr.isatty())
    diverged = None
    interrupted = False
    try:
        writer = HistoryCsvWriter(out, trainer.history)  # (the same columns as the window's history export)
        done = 0
        # Chunks keep the progress bar alive; numerical gradients are slow, so their chunks are short.
        chunk = 20 if config.gradient == "numerical" else 500
        while done < args.steps and diverged is None:
            result = trainer.step(min(chunk, args.steps - done))
            writer.write_result(result)
            done += len(result)
            diverged = result.diverged
            if len(result):
                progress.update(done, result.loss[-1])
            if len(result) == 0:
                break
    except KeyboardInterrupt:
        interrupted = True
    finally:
        progress.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    if interrupted:
        print(f"nnplay: interrupted after {trainer.step_count} steps", file=sys.stderr)
        return EXIT_INTERRUPTED
    if diverged is not None:
        print(f"nnplay: diverged: {diverged.message}", file=sys.stderr)
        return EXIT_DIVERGED
    if not args.quiet:
        last = trainer.evaluate()
        acc = "" if math.isnan(last.test_accuracy) else f", test accuracy {last.test_accuracy:.3f}"
        print(
            f"nnplay: {trainer.step_count} steps ({trainer.epoch} epochs), train loss {last.train_loss:.4g}{acc}",
            file=sys.stderr,
        )
    return EXIT_OK


def cmd_bench(args):
    if args.gui:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from nnplay.gui.bench import run as run_gui

        return run_gui(seconds=args.seconds)
    from nnplay.bench import find_mnist, run

    if args.data_dir is not None and find_mnist(args.data_dir) is None:
        raise UsageError(
            f"--data-dir {args.data_dir}: no MNIST there (it needs train-images, train-labels, t10k-images and "
            "t10k-labels IDX files, gzipped or not)"
        )
    sections = tuple(args.only) if args.only else ("engine", "numgrad", "ch5")
    try:
        run(sections=sections, data_dir=args.data_dir, full_loop=args.full_loop, ch5_steps=args.ch5_steps)
    except ValueError as e:  # a damaged IDX file
        raise UsageError(str(e)) from None
    return EXIT_OK


def cmd_gui(args):
    from nnplay.gui.app import run

    return run(
        config_path=getattr(args, "config", None),
        lang=getattr(args, "lang", None),
        preset=getattr(args, "preset", None),
        stop_at=getattr(args, "stop_at", None),
        speed=getattr(args, "speed", None),
    )


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser()
    try:
        if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
            argv = ["gui", *argv]
        args = parser.parse_args(argv)
        command = args.command or "gui"
        return {"train": cmd_train, "bench": cmd_bench, "gui": cmd_gui}[command](args)
    except UsageError as e:
        print(f"nnplay: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `nnplay train | head`
        return EXIT_OK
