"""The experiment as plain data: one frozen ``Config`` for the GUI, the command line and saved files."""

from __future__ import annotations

import errno
import json
import math
import os
import reprlib
import stat
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path

from nnplay.core.features import FEATURE_NAMES, normalize_features
from nnplay.core.messages import QT_TRANSLATE_NOOP, MessageError, Text
from nnplay.core.network import ACTIVATION_NAMES, INIT_NAMES, LOSS_NAMES, OUTPUT_NAMES, REGULARIZATION_NAMES
from nnplay.core.optimizers import OPTIMIZERS

DATASET_NAMES = ("xor", "circles", "gaussian", "moons", "spiral", "digits", "csv", "mnist", "fashion_mnist")
IDX_DATASET_NAMES = ("mnist", "fashion_mnist")
"""Data sets read from IDX files in ``data_dir``, always with their standard split: samples, noise and
test_ratio do not apply to them."""
REGRESSION_DATASET_NAMES = ("reg_plane", "reg_gauss", "sine")
DATASET_NAMES = (*DATASET_NAMES, *REGRESSION_DATASET_NAMES)
TASK_NAMES = ("classification", "regression")
NOT_2D_DATASETS = ("digits", "sine", *IDX_DATASET_NAMES)
"""Built-in sets whose inputs are not points in the plane: no features (x1², sin x1, …) for them."""
MAX_WEIGHT_DECAY = 10.0
MAX_DROPOUT = 0.9
GRADIENT_NAMES = ("backprop", "numerical")
MAX_HIDDEN_LAYERS = 32
MAX_WIDTH = 1024
MAX_SAMPLES = 100_000
MAX_SEED = 2**31 - 1
MAX_SPEED = 100_000
MAX_STOP_AT = 1_000_000_000
DEFAULT_SPEED = 50
PACE_FIELDS = ("speed", "stop_at")
"""Fields that say how the window plays the experiment, not what is trained: changing them never starts over,
and the command line's ``train`` ignores them."""
MAX_FILE_BYTES = 1_000_000
"""An experiment file is a few hundred bytes; anything over this is not one (and is not read into memory)."""
MAX_NUMBER_DIGITS = 4300
"""Longer integers in an experiment file are refused while parsing, with a ``ConfigError`` (Python's own
limit of 4,300 digits would raise a plain ``ValueError``); no setting needs more than a dozen digits."""

_short = reprlib.Repr()
_short.maxstring = _short.maxother = 60
_short.maxlist = _short.maxtuple = _short.maxdict = 8
_short.maxlevel = 3
_short.maxlong = 60


def _shown(value):
    """``repr(value)``, shortened for a message (a huge or deeply nested value from a file stays one line)."""
    return _short.repr(value)


class ConfigError(MessageError):
    """A setting that cannot be used; the message names the field, the value and what is allowed."""


def _bad(name, value, allowed):
    if not isinstance(allowed, Text):
        allowed = Text(allowed)
    return ConfigError(
        QT_TRANSLATE_NOOP("core", "{name}: {value} is not allowed; {allowed}"),
        name=name,
        value=_shown(value),
        allowed=allowed,
    )


@dataclass(frozen=True)
class Config:
    """One experiment. Every field is validated on construction (``ConfigError`` otherwise).

    ``hidden`` lists the widths of the hidden layers (``()`` for none). ``init`` is ``"xavier"``,
    ``"he"``, ``"zero"`` or a positive number (a std). ``csv_path`` is used only with ``dataset="csv"``;
    ``data_dir`` only with ``"mnist"`` and ``"fashion_mnist"`` (the folder with their IDX files; None: nnplay's
    own data folder). ``speed`` (steps per second while the window plays; 0 = as fast as the machine goes) and
    ``stop_at`` (the step at which Play stops; 0 = never) are the window's pace: the same experiment stopped at
    the same step shows the same picture on every machine. Files saved before a field existed still load (it
    takes its default).
    """

    dataset: str = "circles"
    samples: int = 400
    noise: float = 0.1
    test_ratio: float = 0.2
    hidden: tuple[int, ...] = (8, 8)
    activation: str = "tanh"
    output: str = "softmax"
    loss: str = "cross_entropy"
    init: str | float = "xavier"
    optimizer: str = "sgd"
    learning_rate: float = 0.1
    batch_size: int = 10
    gradient: str = "backprop"
    seed: int = 0
    csv_path: str | None = field(default=None)
    data_dir: str | None = field(default=None)
    speed: int = DEFAULT_SPEED
    stop_at: int = 0
    # The book's chapter 6 and TF Playground (issue #11); files saved before these fields open with the defaults.
    weight_decay: float = 0.0
    regularization: str = "l2"
    dropout: float = 0.0
    batch_norm: bool = False
    features: tuple[str, ...] = ()
    task: str = "classification"

    def __post_init__(self):
        set_ = object.__setattr__
        set_(self, "dataset", _choice("dataset", self.dataset, DATASET_NAMES))
        set_(self, "samples", _int("samples", self.samples, 2, MAX_SAMPLES))
        set_(self, "noise", _float("noise", self.noise, 0.0, 5.0))
        set_(self, "test_ratio", _float("test_ratio", self.test_ratio, 0.0, 0.9))
        set_(self, "hidden", _hidden(self.hidden))
        set_(self, "activation", _choice("activation", self.activation, ACTIVATION_NAMES))
        set_(self, "output", _choice("output", self.output, OUTPUT_NAMES))
        set_(self, "loss", _choice("loss", self.loss, LOSS_NAMES))
        if self.output == "identity" and self.loss == "cross_entropy":
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "loss: 'cross_entropy' is not allowed with output 'identity'; cross-entropy takes the log of "
                    "probabilities, so use output 'softmax', or loss 'sum_squared_error'",
                )
            )
        set_(self, "init", _init(self.init))
        set_(self, "optimizer", _choice("optimizer", self.optimizer, tuple(OPTIMIZERS)))
        lr_allowed = Text(QT_TRANSLATE_NOOP("core", "use a positive number such as 0.1 (at most 100)"))
        lr = _float("learning_rate", self.learning_rate, 0.0, 100.0, lr_allowed)
        if lr <= 0:
            raise _bad("learning_rate", self.learning_rate, lr_allowed)
        set_(self, "learning_rate", lr)
        set_(self, "batch_size", _int("batch_size", self.batch_size, 1, MAX_SAMPLES))
        set_(self, "gradient", _choice("gradient", self.gradient, GRADIENT_NAMES))
        set_(self, "seed", _int("seed", self.seed, 0, MAX_SEED))
        set_(self, "speed", _int("speed", self.speed, 0, MAX_SPEED))
        set_(self, "stop_at", _int("stop_at", self.stop_at, 0, MAX_STOP_AT))
        if self.csv_path is not None and not isinstance(self.csv_path, str | Path):
            raise _bad("csv_path", self.csv_path, QT_TRANSLATE_NOOP("core", "use the path of a CSV file, as text"))
        if self.csv_path is not None:
            set_(self, "csv_path", str(self.csv_path))
        if self.data_dir is not None and not isinstance(self.data_dir, str | Path):
            raise _bad("data_dir", self.data_dir, QT_TRANSLATE_NOOP("core", "use the path of a folder, as text"))
        if self.data_dir is not None:
            set_(self, "data_dir", str(self.data_dir) if str(self.data_dir).strip() else None)
        if self.dataset == "csv" and not self.csv_path:
            raise ConfigError(
                QT_TRANSLATE_NOOP("core", "csv_path: missing; dataset 'csv' needs csv_path, the path of your CSV file")
            )
        self._check_chapter6()

    def _check_chapter6(self):
        """Weight decay, dropout, batch norm, features and task (issue #11)."""
        set_ = object.__setattr__
        set_(self, "weight_decay", _float("weight_decay", self.weight_decay, 0.0, MAX_WEIGHT_DECAY))
        set_(self, "regularization", _choice("regularization", self.regularization, REGULARIZATION_NAMES))
        set_(self, "dropout", _float("dropout", self.dropout, 0.0, MAX_DROPOUT))
        set_(self, "batch_norm", _bool("batch_norm", self.batch_norm))
        set_(self, "features", _features(self.features))
        set_(self, "task", _choice("task", self.task, TASK_NAMES))
        if self.features and self.dataset in NOT_2D_DATASETS:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "core", "features: {dataset} is not 2-D data; features (x1^2, sin(x1), …) need two inputs x1, x2"
                ),
                dataset=repr(self.dataset),
            )
        regression = self.task == "regression"
        if self.dataset in REGRESSION_DATASET_NAMES and not regression:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "core", "task: {dataset} holds values, not classes; use task 'regression' (identity output)"
                ),
                dataset=repr(self.dataset),
            )
        if regression and self.dataset not in (*REGRESSION_DATASET_NAMES, "csv"):
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "task: {dataset} holds classes; regression needs reg_plane, reg_gauss, sine or a CSV file "
                    "of values",
                ),
                dataset=repr(self.dataset),
            )
        if regression and self.output != "identity":
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "output: regression fits values, so use output 'identity' with loss 'sum_squared_error' "
                    "(softmax gives probabilities of classes)",
                )
            )

    # -- plain data ----------------------------------------------------------------------------------
    def replace(self, **changes):
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)

    @property
    def is_regression(self):
        return self.task == "regression"

    def to_dict(self):
        d = asdict(self)
        d["hidden"] = list(self.hidden)
        d["features"] = list(self.features)
        if d["csv_path"] is None:
            del d["csv_path"]
        if d["data_dir"] is None:
            del d["data_dir"]
        return d

    def to_json(self):
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_dict(cls, data):
        """Build a Config from a dict such as a parsed JSON file; missing keys take their defaults."""
        if not isinstance(data, dict):
            raise ConfigError(
                QT_TRANSLATE_NOOP("core", "a config must be a JSON object {{...}}, not {kind}"),
                kind=type(data).__name__,
            )
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(
                QT_TRANSLATE_NOOP("core", "unknown key {key}; allowed keys: {keys}"),
                key=_shown(unknown[0]),
                keys=", ".join(sorted(known)),
            )
        return cls(**data)

    @classmethod
    def from_json(cls, text):
        """Build a Config from JSON text (a leading UTF-8 byte-order mark is ignored, as editors write one)."""
        text = text.removeprefix("\ufeff")
        try:
            data = json.loads(text, parse_int=_parse_int)
        except json.JSONDecodeError as e:
            raise ConfigError(
                QT_TRANSLATE_NOOP("core", "not valid JSON (line {line}, column {column}: {problem})"),
                line=e.lineno,
                column=e.colno,
                problem=e.msg,
            ) from None
        except RecursionError:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "not an experiment: brackets nested too deeply to read. An experiment is one object "
                    '{"key": value, ...} whose values are numbers, text or a list of widths',
                )
            ) from None
        return cls.from_dict(data)

    @classmethod
    def load(cls, path):
        """Read a config file; every problem becomes a ``ConfigError`` naming the file as it was given."""
        shown = os.fspath(path) if isinstance(path, str | os.PathLike) else str(path)
        text = _read_file(shown)
        try:
            return cls.from_json(text)
        except ConfigError as e:
            raise ConfigError(QT_TRANSLATE_NOOP("core", "{path}: {error}"), path=shown, error=e.text) from None

    def save(self, path):
        Path(path).write_text(self.to_json(), encoding="utf-8")


def _parse_int(digits):
    if len(digits) > MAX_NUMBER_DIGITS:
        raise ConfigError(
            QT_TRANSLATE_NOOP("core", "a number with {count} digits is too long; use a number such as 100 or 0.1"),
            count=f"{len(digits.lstrip('-')):,}",
        )
    return int(digits)


def _read_file(path):
    """The text of the experiment file ``path`` (a str); ``ConfigError`` says what is wrong and what to do."""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(
                QT_TRANSLATE_NOOP("core", "{path} is not a regular file; choose an experiment file (.json)"), path=path
            )
        if info.st_size > MAX_FILE_BYTES:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{path} is {size} bytes, too large for an experiment file (a few hundred bytes); "
                    "choose the .json file that nnplay saved",
                ),
                path=path,
                size=f"{info.st_size:,}",
            )
        with open(path, "rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except ConfigError:
        raise
    except (FileNotFoundError, NotADirectoryError):
        raise ConfigError(QT_TRANSLATE_NOOP("core", "{path}: no such file; check the path"), path=path) from None
    except PermissionError:
        raise ConfigError(
            QT_TRANSLATE_NOOP(
                "core",
                "{path}: permission denied; you may not read this file. Make it readable for your user, "
                "or copy it to one of your folders",
            ),
            path=path,
        ) from None
    except IsADirectoryError:
        raise ConfigError(
            QT_TRANSLATE_NOOP("core", "{path} is a folder, not a file; choose an experiment file (.json)"), path=path
        ) from None
    except OSError as e:
        raise ConfigError(
            QT_TRANSLATE_NOOP("core", "{path}: cannot be read ({problem}); check the path"),
            path=path,
            problem=e.strerror or e,
        ) from None
    except ValueError:  # a NUL character, or text the file system cannot encode
        raise ConfigError(
            QT_TRANSLATE_NOOP("core", "{path}: not a usable file name; check the path"), path=_shown(path)
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ConfigError(
            QT_TRANSLATE_NOOP(
                "core", "{path}: not UTF-8 text (byte {offset} cannot be read); save the file as UTF-8 text"
            ),
            path=path,
            offset=e.start,
        ) from None


def _choice(name, value, allowed):
    if isinstance(value, str) and value.lower() in allowed:
        return value.lower()
    raise _bad(name, value, Text(QT_TRANSLATE_NOOP("core", "choose one of {choices}"), choices=", ".join(allowed)))


def _number(name, value, allowed):
    """``value`` as a finite int or float (text is parsed); otherwise a ConfigError whose hint is ``allowed``."""
    original = value
    if isinstance(value, bool):
        raise _bad(name, original, allowed)
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise _bad(name, original, allowed) from None
    if not isinstance(value, int | float):
        raise _bad(name, original, allowed)
    try:
        finite = math.isfinite(value)  # an int beyond the float range raises OverflowError here
    except OverflowError:
        finite = False
    if not finite:
        raise _bad(name, original, allowed)
    return value


def _int(name, value, lo, hi):
    allowed = Text(QT_TRANSLATE_NOOP("core", "use a whole number from {lo} to {hi}"), lo=lo, hi=hi)
    v = _number(name, value, allowed)
    if float(v) != int(v) or not lo <= int(v) <= hi:
        raise _bad(name, value, allowed)
    return int(v)


def _float(name, value, lo, hi, allowed=None):
    allowed = allowed or Text(QT_TRANSLATE_NOOP("core", "use a number from {lo} to {hi}"), lo=f"{lo:g}", hi=f"{hi:g}")
    v = float(_number(name, value, allowed))
    if not lo <= v <= hi:
        raise _bad(name, value, allowed)
    return v


def _hidden(value):
    original = value
    if isinstance(value, str):
        text = value.replace(" ", "")
        parts = [] if text in ("", "-", "none") else text.split(",")
        value = parts
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list | tuple):
        raise _bad(
            "hidden", original, QT_TRANSLATE_NOOP("core", "list the hidden layer widths, e.g. [8, 8] (or [] for none)")
        )
    if len(value) > MAX_HIDDEN_LAYERS:
        raise _bad(
            "hidden", original, Text(QT_TRANSLATE_NOOP("core", "use at most {n} hidden layers"), n=MAX_HIDDEN_LAYERS)
        )
    out = []
    for w in value:
        try:
            out.append(_int("hidden", w, 1, MAX_WIDTH))
        except ConfigError:
            raise _bad(
                "hidden",
                original,
                Text(
                    QT_TRANSLATE_NOOP("core", "each width must be a whole number from 1 to {n}, e.g. [8, 8]"),
                    n=MAX_WIDTH,
                ),
            ) from None
    return tuple(out)


def _bool(name, value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise _bad(name, value, QT_TRANSLATE_NOOP("core", "use true or false"))


def _features(value):
    try:
        return normalize_features(value if isinstance(value, str | list | tuple) else [value])
    except ValueError:
        raise _bad(
            "features",
            value,
            Text(
                QT_TRANSLATE_NOOP("core", "list features among {names}, e.g. x1^2, x2^2"),
                names=", ".join(FEATURE_NAMES),
            ),
        ) from None


def task_changes(config, changes):
    """``changes`` to ``config`` with the task, output and loss a new data set needs when they were not given
    themselves: a regression set needs task "regression", the identity output and the squared error; leaving one
    for a set of classes goes back to classification with softmax and cross-entropy. (A CSV file is never
    switched: its task is what was chosen.) Returns a new dict."""
    changes = dict(changes)
    dataset = changes.get("dataset", config.dataset)
    task = changes.get("task")
    if task is None and dataset in REGRESSION_DATASET_NAMES:
        task = changes["task"] = "regression"
    elif task is None and dataset != "csv" and config.task == "regression":
        task = changes["task"] = "classification"
    if task == "regression":
        changes.setdefault("output", "identity")
        changes.setdefault("loss", "sum_squared_error")
    elif task == "classification" and config.task == "regression":
        changes.setdefault("output", "softmax")
        changes.setdefault("loss", "cross_entropy")
    return changes


def _init(value):
    allowed = Text(QT_TRANSLATE_NOOP("core", "choose xavier, he, zero or a positive number (a std such as 0.01)"))
    if isinstance(value, str) and value.strip().lower() in INIT_NAMES:
        return value.strip().lower()
    v = _number("init", value, allowed)
    if v <= 0:
        raise _bad("init", value, allowed)
    return float(v)
