"""Command line: ``nnplay`` (the window), ``nnplay train`` (headless, CSV out), ``nnplay bench``,
``nnplay data fetch|path`` (MNIST and Fashion-MNIST files)."""

from __future__ import annotations

import argparse
import csv
import math
import os
import sys
import time

from nnplay import __version__

EXIT_OK, EXIT_USAGE, EXIT_DIVERGED, EXIT_INTERRUPTED = 0, 2, 3, 130
DATA_SETS = ("mnist", "fashion_mnist")

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
    "data_dir": "data_dir",
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


def _build_parser():
    parser = _Parser(prog="nnplay", description="Watch small neural networks learn (Deep Learning from Scratch).")
    parser.add_argument("--version", action="version", version=f"nnplay {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the window (the default when no command is given)")
    gui.add_argument("--config", metavar="FILE.json", help="start with this experiment")
    gui.add_argument("--lang", choices=("en", "ja"), help="language of the window (default: the system's)")

    train = sub.add_parser(
        "train",
        help="train without a window and write a CSV",
        description="Train headless. Flags override the values in --config.",
    )
    train.add_argument("--config", metavar="FILE.json", help="experiment file (the GUI's File > Save)")
    train.add_argument("--dataset", help="xor, circles, gaussian, moons, spiral, digits, csv, mnist or fashion_mnist")
    train.add_argument("--csv", metavar="DATA.csv", help="your own data, with --dataset csv")
    train.add_argument(
        "--data-dir", dest="data_dir", metavar="DIR",
        help="folder with the MNIST / Fashion-MNIST files (default: nnplay's data folder, see 'nnplay data path')",
    )  # fmt: skip
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

    data = sub.add_parser(
        "data",
        help="download MNIST / Fashion-MNIST, or show where nnplay keeps them",
        description="MNIST and Fashion-MNIST are read from their four IDX files (gzipped or not).",
    )
    data_sub = data.add_subparsers(dest="data_command", parser_class=_Parser, required=True)
    fetch = data_sub.add_parser(
        "fetch",
        help="download a data set's missing files (checked against their SHA-256)",
        description="Download the files of a data set that are not there yet, each checked against its "
        "known SHA-256. Files already there are kept.",
    )
    fetch.add_argument("dataset", choices=DATA_SETS, help="which data set")
    fetch.add_argument("--data-dir", dest="data_dir", metavar="DIR", help="the data folder (default: nnplay's)")
    fetch.add_argument("--quiet", action="store_true", help="no progress on stderr")
    path = data_sub.add_parser("path", help="print the data folder (or the folder of one data set)")
    path.add_argument(
        "dataset", nargs="?", choices=DATA_SETS, help="print the folder that holds (or will hold) this data set's files"
    )
    path.add_argument("--data-dir", dest="data_dir", metavar="DIR", help="the data folder (default: nnplay's)")

    bench = sub.add_parser("bench", help="measure the speed of training (and of the window with --gui)")
    bench.add_argument("--gui", action="store_true", help="play the window offscreen for ~10 s and measure it")
    bench.add_argument("--seconds", type=float, default=10.0, help="how long --gui plays (default 10)")
    return parser


def _config_from_args(args):
    from nnplay.core.config import Config, ConfigError

    try:
        base = Config.load(args.config) if args.config else Config()
        changes = {field: getattr(args, flag) for flag, field in FLAG_FIELDS.items() if getattr(args, flag) is not None}
        return base.replace(**changes)
    except ConfigError as e:
        raise UsageError(str(e)) from None


CSV_EVAL = ("train_loss", "train_accuracy", "test_loss", "test_accuracy")


def _fmt(v):
    return repr(float(v))


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
    from nnplay.core.trainer import Trainer

    config = _config_from_args(args)
    try:
        trainer = Trainer(config, eval_every=args.eval_every)
    except DatasetError as e:
        raise UsageError(str(e)) from None
    L = trainer.network.n_layers
    try:
        out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")  # noqa: SIM115
    except OSError as e:
        raise UsageError(f"cannot write {args.out}: {e.strerror}; choose another --out path") from None
    progress = _Progress(args.steps, not args.quiet and sys.stderr.isatty())
    diverged = None
    interrupted = False
    try:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["step", "epoch", "loss", *CSV_EVAL, *(f"grad_norm_{i + 1}" for i in range(L))])
        done = 0
        # Chunks keep the progress bar alive; numerical gradients are slow, so their chunks are short.
        chunk = 20 if config.gradient == "numerical" else 500
        while done < args.steps and diverged is None:
            result = trainer.step(min(chunk, args.steps - done))
            evals = {ev.step: ev for ev in result.evaluations}
            for i, step in enumerate(result.steps):
                ev = evals.get(int(step))
                extra = [_fmt(getattr(ev, k)) for k in CSV_EVAL] if ev else [""] * len(CSV_EVAL)
                writer.writerow(
                    [int(step), int(result.epochs[i]), _fmt(result.loss[i]), *extra, *map(_fmt, result.grad_norm[i])]
                )
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


class _DownloadProgress:
    """One line on stderr per file: name, bytes and a bar (only on a terminal)."""

    def __init__(self, enabled):
        self.enabled = enabled
        self.last = 0.0
        self.name = None

    def __call__(self, index, n_files, name, done, total):
        if not self.enabled:
            return
        now = time.monotonic()
        if name != self.name:
            if self.name is not None:
                sys.stderr.write("\n")
            self.name, self.last = name, 0.0
        elif now - self.last < 0.1 and done < total:
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else 0
        size = f"{done / 1e6:.1f}/{total / 1e6:.1f} MB" if total else f"{done / 1e6:.1f} MB"
        sys.stderr.write(f"\r[{index + 1}/{n_files}] {name} [{'#' * filled}{'.' * (width - filled)}] {size} ")
        sys.stderr.flush()

    def close(self):
        if self.enabled and self.name is not None:
            sys.stderr.write("\n")


def cmd_data(args):
    from nnplay.core import mnist
    from nnplay.core.datasets import DatasetError

    if args.data_command == "path":
        folder = mnist.data_folder(args.dataset, args.data_dir) if args.dataset else mnist.data_root(args.data_dir)
        print(folder)
        return EXIT_OK
    progress = _DownloadProgress(not args.quiet and sys.stderr.isatty())
    try:
        got = mnist.fetch(args.dataset, args.data_dir, progress=progress)
    except DatasetError as e:
        progress.close()
        raise UsageError(str(e)) from None
    except KeyboardInterrupt:
        progress.close()
        print("nnplay: download interrupted; nothing partial was kept", file=sys.stderr)
        return EXIT_INTERRUPTED
    progress.close()
    try:
        mnist.load_idx_dataset(args.dataset, args.data_dir)  # the files fit together (also ones already there)
    except DatasetError as e:
        raise UsageError(str(e)) from None
    folder = mnist.data_folder(args.dataset, args.data_dir)
    title = mnist.SOURCES[args.dataset].title
    if not args.quiet:
        what = f"downloaded {len(got)} file{'s' if len(got) != 1 else ''}" if got else "already there"
        print(f"nnplay: {title} {what}: {folder}", file=sys.stderr)
    return EXIT_OK


def cmd_bench(args):
    if args.gui:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from nnplay.gui.bench import run as run_gui

        return run_gui(seconds=args.seconds)
    from nnplay.bench import run

    run()
    return EXIT_OK


def cmd_gui(args):
    from nnplay.gui.app import run

    return run(config_path=getattr(args, "config", None), lang=getattr(args, "lang", None))


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _build_parser()
    try:
        if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
            argv = ["gui", *argv]
        args = parser.parse_args(argv)
        command = args.command or "gui"
        return {"train": cmd_train, "bench": cmd_bench, "gui": cmd_gui, "data": cmd_data}[command](args)
    except UsageError as e:
        print(f"nnplay: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `nnplay train | head`
        return EXIT_OK
