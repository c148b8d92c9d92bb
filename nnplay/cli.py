"""Command line: ``nnplay`` (the window), ``nnplay train`` (headless, CSV out), ``nnplay bench``,
``nnplay data fetch|path`` (MNIST and Fashion-MNIST files)."""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import signal
import sys
import time

from nnplay import __version__

EXIT_OK, EXIT_USAGE, EXIT_DIVERGED, EXIT_WRITE, EXIT_INTERRUPTED = 0, 2, 3, 4, 130

EXIT_CODES = """exit codes:
  0    done
  2    a bad flag, file or value (one line 'nnplay: error: ...'); also: no display for the window
  3    the loss diverged (the CSV holds every step up to it)
  4    the CSV could not be written (e.g. the disk is full); the rows before that may be in it
  130  interrupted by Ctrl-C (the CSV holds every step it reports)"""

CHUNK_SECONDS = 0.1
"""``train`` steps in chunks of about this long: the progress line moves and Ctrl-C stops within a chunk."""
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
FLAG_FIELDS.update(
    {  # the book's chapter 6 and TF Playground (issue #11)
        "weight_decay": "weight_decay",
        "regularization": "regularization",
        "dropout": "dropout",
        "batch_norm": "batch_norm",
        "features": "features",
        "task": "task",
    }
)


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
    from nnplay.gui.presets import PRESETS  # (plain data: no Qt is imported for it)

    return tuple(p.key for p in PRESETS)


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
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    train.add_argument("--config", metavar="FILE.json", help="experiment file (the GUI's File > Save)")
    train.add_argument(
        "--dataset",
        help="xor, circles, gaussian, moons, spiral, digits, csv, mnist or fashion_mnist; values to fit: "
        "reg_plane, reg_gauss, sine",
    )
    train.add_argument("--csv", metavar="DATA.csv", help="your own data (implies --dataset csv)")
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
    _add_chapter6_flags(train)
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
    bench.add_argument("--gui", action="store_true", help="play the window offscreen (5 s per net) and measure it")
    bench.add_argument(
        "--seconds", type=float, default=40.0, help="how long --gui plays in all (default 40: 5 s per net)"
    )
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


def _add_chapter6_flags(train):
    train.add_argument("--weight-decay", dest="weight_decay", metavar="LAMBDA", help="weight decay λ, e.g. 0.1")
    train.add_argument("--regularization", help="l2 (½λΣW², the book's) or l1 (λΣ|W|)")
    train.add_argument("--dropout", metavar="RATIO", help="dropout ratio of every hidden layer, e.g. 0.2 (0 = none)")
    train.add_argument(
        "--batch-norm", dest="batch_norm", action=argparse.BooleanOptionalAction, default=None,
        help="batch normalization between every hidden Affine layer and its activation",
    )  # fmt: skip
    train.add_argument("--features", help="inputs of 2-D data, e.g. x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)")
    train.add_argument(
        "--task", choices=("classification", "regression"),
        help="regression fits the label values (reg_plane, reg_gauss, sine, or a CSV file of numbers)",
    )  # fmt: skip


def _config_from_args(args):
    from nnplay.core.config import Config, ConfigError, task_changes

    if args.csv is not None and args.dataset is not None and args.dataset.strip().lower() != "csv":
        raise UsageError(
            f"--csv {args.csv} is your own data, but --dataset is {args.dataset}: "
            "leave out --dataset (or use --dataset csv) to train on the CSV file"
        )
    try:
        base = Config.load(args.config) if args.config else Config()
        changes = {field: getattr(args, flag) for flag, field in FLAG_FIELDS.items() if getattr(args, flag) is not None}
        if args.csv is not None:
            changes["dataset"] = "csv"  # --csv FILE means: train on FILE
        # A regression set needs the identity output and the squared error: filled in unless given.
        changes = task_changes(base, changes)
        return base.replace(**changes)
    except ConfigError as e:
        raise UsageError(str(e)) from None


def _same_file(a, b):
    """True if paths ``a`` and ``b`` name the same file (existing or not)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


def _check_out(args, config):
    """Refuse an --out that would overwrite the experiment file or the CSV data it trains on."""
    if args.out == "-":
        return
    inputs = [("--config", args.config)] if args.config else []
    if config.dataset == "csv" and config.csv_path:
        inputs.append(("--csv" if args.csv else "the experiment's csv_path", config.csv_path))
    for what, path in inputs:
        if _same_file(args.out, path):
            raise UsageError(
                f"--out {args.out} is {what} ({path}): writing there would overwrite it; choose another --out file"
            )


def _plural(n, one, many):
    return f"{n:,} {one if n == 1 else many}"


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


class _CtrlC:
    """While active, the first Ctrl-C only asks the training loop to stop after the current chunk (whose rows
    are then written); a second one interrupts at once (``KeyboardInterrupt``)."""

    def __init__(self):
        self.requested = False
        self._previous = None

    def _handle(self, signum, frame):
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __enter__(self):
        with contextlib.suppress(ValueError):  # (not the main thread: Ctrl-C stays Python's KeyboardInterrupt)
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *exc):
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


class _OutputError(Exception):
    """The CSV could not be written (disk full, a closed pipe, ...)."""


def _silence_stdout():
    """After stdout failed (a full disk, a closed pipe), point it at /dev/null so that Python's flush at exit
    does not print a traceback of its own."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def cmd_train(args):
    from nnplay.core.datasets import DatasetError
    from nnplay.core.history_csv import HistoryCsvWriter
    from nnplay.core.trainer import Trainer

    config = _config_from_args(args)
    _check_out(args, config)
    try:
        trainer = Trainer(config, eval_every=args.eval_every)
    except DatasetError as e:
        raise UsageError(str(e)) from None
    target = "standard output" if args.out == "-" else args.out
    try:
        out = sys.stdout if args.out == "-" else open(args.out, "w", newline="", encoding="utf-8")  # noqa: SIM115
    except PermissionError:
        raise UsageError(f"cannot write {args.out}: permission denied; choose another --out path") from None
    except (OSError, ValueError) as e:
        raise UsageError(
            f"cannot write {args.out}: {getattr(e, 'strerror', None) or e}; choose another --out path"
        ) from None
    progress = _Progress(args.steps, not args.quiet and sys.stderr.isatty())
    written = 0  # steps handed to the file (one row each)
    diverged = None
    interrupted = False
    failure = None
    writer = None
    with _CtrlC() as ctrl_c:
        try:
            # (the same columns as the window's history export; data_loss with weight decay)
            writer = HistoryCsvWriter(out, trainer.history, data_loss=config.weight_decay > 0)
            chunk = 1  # (the first step is timed: chunks of ~CHUNK_SECONDS keep Ctrl-C and the progress line quick)
            while written < args.steps and diverged is None and not ctrl_c.requested:
                t0 = time.perf_counter()
                result = trainer.step(min(chunk, args.steps - written))
                per_step = (time.perf_counter() - t0) / max(len(result), 1)
                chunk = max(1, min(500, int(CHUNK_SECONDS / max(per_step, 1e-7))))
                writer.write_result(result)
                written += len(result)
                diverged = result.diverged
                if len(result):
                    progress.update(written, result.loss[-1])
                if len(result) == 0:
                    break
            interrupted = ctrl_c.requested
            out.flush()
        except KeyboardInterrupt:  # a second Ctrl-C: the chunk in progress is lost, what was written is kept
            interrupted = True
            with contextlib.suppress(OSError, ValueError):
                out.flush()
        except OSError as e:
            failure = e
        finally:
            progress.close()
            if out is not sys.stdout:
                try:
                    out.close()
                except OSError as e:
                    failure = failure or e
    if failure is not None:
        if out is sys.stdout:
            _silence_stdout()
        if isinstance(failure, BrokenPipeError):  # e.g. `nnplay train | head`: the reader has what it wanted
            return EXIT_OK
        print(
            f"nnplay: error: cannot write {target}: {failure.strerror or failure} "
            f"(after {_plural(trainer.step_count, 'step', 'steps')}; the CSV is incomplete)",
            file=sys.stderr,
        )
        return EXIT_WRITE
    if interrupted:
        where = "" if out is sys.stdout else f" to {args.out}"
        rows = writer.rows if writer is not None else 0
        print(
            f"nnplay: interrupted after {_plural(written, 'step', 'steps')} ({_plural(rows, 'row', 'rows')} "
            f"written{where})",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    if diverged is not None:
        print(f"nnplay: diverged: {diverged.message}", file=sys.stderr)
        return EXIT_DIVERGED
    if not args.quiet:
        last = trainer.evaluate()
        acc = "" if math.isnan(last.test_accuracy) else f", test accuracy {last.test_accuracy:.3f}"
        data = config.csv_path if config.dataset == "csv" else config.dataset
        if config.task == "regression" and not math.isnan(last.test_r2):
            acc = f", test R² {last.test_r2:.3f}, RMSE {last.test_rmse:.4g}"
        print(
            f"nnplay: {_plural(trainer.step_count, 'step', 'steps')} ({_plural(trainer.epoch, 'epoch', 'epochs')}) "
            f"on {data}, train loss {last.train_loss:.4g}{acc}",
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
        args, extra = parser.parse_known_args(argv)
        command = args.command or "gui"
        if extra:  # (argparse would blame the top level and point to 'nnplay --help')
            raise UsageError(f"unrecognized arguments: {' '.join(extra)} (see 'nnplay {command} --help')")
        return {"train": cmd_train, "bench": cmd_bench, "gui": cmd_gui, "data": cmd_data}[command](args)
    except UsageError as e:
        print(f"nnplay: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `nnplay train | head`
        _silence_stdout()
        return EXIT_OK
