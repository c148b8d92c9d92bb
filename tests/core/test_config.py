"""Tests for nnplay.core.config: defaults, validation messages, JSON round trips."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnplay.core.config import (
    DATASET_NAMES,
    GRADIENT_NAMES,
    MAX_DROPOUT,
    MAX_HIDDEN_LAYERS,
    MAX_SAMPLES,
    MAX_SEED,
    MAX_WEIGHT_DECAY,
    MAX_WIDTH,
    NOT_2D_DATASETS,
    REGRESSION_DATASET_NAMES,
    Config,
    ConfigError,
)
from nnplay.core.features import FEATURE_NAMES
from nnplay.core.network import ACTIVATION_NAMES, INIT_NAMES, REGULARIZATION_NAMES
from nnplay.core.optimizers import OPTIMIZERS

NAN, INF = float("nan"), float("inf")


def test_defaults_are_valid_and_as_documented():
    c = Config()
    assert c.dataset == "circles"
    assert c.hidden == (8, 8)
    assert c.output == "softmax"
    assert c.loss == "cross_entropy"
    assert c.csv_path is None
    assert 0 < c.learning_rate <= 100
    assert c == Config.from_dict({})  # missing keys take the defaults
    assert issubclass(ConfigError, ValueError)


def test_config_is_frozen_and_replace_validates():
    c = Config()
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.seed = 3  # type: ignore[misc]
    assert c.replace(seed=3).seed == 3
    assert c.seed == 0
    with pytest.raises(ConfigError, match="learning_rate"):
        c.replace(learning_rate=-1)


# -- every field rejects bad values with a message naming the field, the value and what is allowed --

# (field, bad value, fragments the "allowed" part must contain)
BAD_VALUES = [
    ("dataset", "imagenet", list(DATASET_NAMES)),
    ("dataset", 3, ["circles"]),
    ("activation", "swish", list(ACTIVATION_NAMES)),
    ("output", "sigmoid", ["softmax", "identity"]),
    ("loss", "hinge", ["cross_entropy", "sum_squared_error"]),
    ("optimizer", "rmsprop", list(OPTIMIZERS)),
    ("gradient", "exact", list(GRADIENT_NAMES)),
    ("learning_rate", -0.1, ["positive", "100"]),
    ("learning_rate", 0, ["positive", "100"]),
    ("learning_rate", 0.0, ["positive", "100"]),
    ("learning_rate", INF, ["positive", "100"]),
    ("learning_rate", NAN, ["positive", "100"]),
    ("learning_rate", 1000, ["100"]),
    ("learning_rate", "fast", ["positive"]),
    ("batch_size", 0, ["1", str(MAX_SAMPLES)]),
    ("batch_size", 2.5, ["whole number"]),
    ("batch_size", INF, ["1", str(MAX_SAMPLES)]),
    ("samples", 1, ["2", str(MAX_SAMPLES)]),
    ("samples", True, ["whole number", "2"]),
    ("noise", -1, ["0", "5"]),
    ("noise", NAN, ["0", "5"]),
    ("test_ratio", 0.95, ["0", "0.9"]),
    ("test_ratio", -0.1, ["0", "0.9"]),
    ("hidden", [0], ["1", str(MAX_WIDTH)]),
    ("hidden", "x", ["1", str(MAX_WIDTH)]),
    ("hidden", "8,0", ["1", str(MAX_WIDTH)]),
    ("hidden", [8, 2.5], ["whole number"]),
    ("hidden", [8] * (MAX_HIDDEN_LAYERS + 1), [str(MAX_HIDDEN_LAYERS)]),
    ("hidden", {"a": 1}, ["[8, 8]"]),
    ("init", -1, ["xavier", "he", "zero", "positive"]),
    ("init", 0, ["xavier", "positive"]),
    ("init", "foo", ["xavier", "he", "zero", "positive"]),
    ("init", "-0.5", ["xavier", "positive"]),
    ("init", NAN, ["positive"]),
    ("seed", -1, ["0", str(MAX_SEED)]),
    ("seed", MAX_SEED + 1, ["0", str(MAX_SEED)]),
    ("seed", 1.5, ["whole number"]),
    ("csv_path", 5, ["path"]),
    ("data_dir", 5, ["folder"]),
    # integers beyond the float range must not escape as OverflowError
    ("samples", 10**400, ["2", str(MAX_SAMPLES)]),
    ("noise", -(10**400), ["0", "5"]),
    ("init", 10**400, ["positive"]),
    ("learning_rate", 10**400, ["positive"]),
]


@pytest.mark.parametrize(("name", "value", "allowed"), BAD_VALUES, ids=[f"{n}={v!r}" for n, v, _ in BAD_VALUES])
def test_bad_value_is_rejected_with_helpful_message(name, value, allowed):
    with pytest.raises(ConfigError) as info:
        Config(**{name: value})
    msg = str(info.value)
    assert msg.startswith(f"{name}:"), msg
    shown = repr(value)
    assert (shown if len(shown) <= 60 else shown[:20]) in msg, msg  # (a 400-digit number is shortened)
    assert len(msg) < 300, msg
    _, _, hint = msg.partition(" is not allowed; ")
    assert hint, msg
    for fragment in allowed:
        assert fragment in hint, f"{fragment!r} missing from {msg!r}"


def test_huge_integer_in_json_file_is_a_config_error(tmp_path):
    path = tmp_path / "huge.json"
    path.write_text('{"samples": 1' + "0" * 400 + "}", encoding="utf-8")
    with pytest.raises(ConfigError, match="samples"):
        Config.load(path)
    with pytest.raises(ConfigError, match="hidden"):
        Config(hidden=[8, 10**400])


def test_range_hints_do_not_allow_what_is_rejected():
    # the learning rate must be > 0, so its message must not offer "from 0"
    for bad in (-0.1, 0, INF):
        with pytest.raises(ConfigError) as info:
            Config(learning_rate=bad)
        assert "from 0 " not in str(info.value)


def test_config_error_is_also_raised_by_replace_and_from_dict():
    with pytest.raises(ConfigError, match="batch_size: 0"):
        Config().replace(batch_size=0)
    with pytest.raises(ConfigError, match="seed: -1"):
        Config.from_dict({"seed": -1})


def test_identity_output_with_cross_entropy_is_rejected():
    with pytest.raises(ConfigError) as info:
        Config(output="identity", loss="cross_entropy")
    msg = str(info.value)
    for fragment in ("loss", "cross_entropy", "identity", "softmax", "sum_squared_error"):
        assert fragment in msg
    assert Config(output="identity", loss="sum_squared_error").output == "identity"


def test_csv_needs_csv_path():
    with pytest.raises(ConfigError, match="csv_path") as info:
        Config(dataset="csv")
    assert "csv" in str(info.value)
    with pytest.raises(ConfigError, match="csv_path"):
        Config(dataset="csv", csv_path="")
    assert Config(dataset="csv", csv_path="data/x.csv").csv_path == "data/x.csv"


def test_unknown_json_key():
    with pytest.raises(ConfigError) as info:
        Config.from_json('{"seed": 1, "lr": 0.1}')
    msg = str(info.value)
    assert "'lr'" in msg
    assert "learning_rate" in msg  # lists what is allowed


def test_invalid_json_reports_line_and_column():
    with pytest.raises(ConfigError) as info:
        Config.from_json('{\n  "seed": 1,\n}')
    msg = str(info.value)
    assert "JSON" in msg
    assert "line 3" in msg
    assert "column 1" in msg


@pytest.mark.parametrize("text", ["[1, 2]", '"circles"', "3", "null"])
def test_json_that_is_not_an_object(text):
    with pytest.raises(ConfigError, match="object"):
        Config.from_json(text)


def test_load_missing_file_names_it(tmp_path):
    path = tmp_path / "nope.json"
    with pytest.raises(ConfigError) as info:
        Config.load(path)
    assert str(path) in str(info.value)
    assert "no such file" in str(info.value)


def test_load_bad_file_names_file_and_problem(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"activation": "swish"}', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Config.load(path)
    assert str(path) in str(info.value)
    assert "activation: 'swish'" in str(info.value)
    path.write_bytes(b'{"dataset": "\xff"}')
    with pytest.raises(ConfigError, match="UTF-8"):
        Config.load(path)


# -- accepted spellings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("8,8", (8, 8)), ("8, 4", (8, 4)), ([8, 8], (8, 8)), ((16,), (16,)), ((), ()), ([], ()), ("", ()), (5, (5,))],
)
def test_hidden_spellings(value, expected):
    assert Config(hidden=value).hidden == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("0.01", 0.01), (0.01, 0.01), (2, 2.0), ("HE", "he"), ("xavier", "xavier")]
)
def test_init_spellings(value, expected):
    got = Config(init=value).init
    assert got == expected
    assert type(got) is type(expected)


def test_names_are_case_insensitive_and_numbers_are_normalised():
    c = Config(dataset="Spiral", activation="ReLU", optimizer="ADAM", samples="300", learning_rate="0.5", seed=3.0)
    assert (c.dataset, c.activation, c.optimizer) == ("spiral", "relu", "adam")
    assert c.samples == 300
    assert type(c.samples) is int
    assert c.learning_rate == 0.5
    assert type(c.seed) is int


# -- JSON round trips ------------------------------------------------------------------------------


def test_json_round_trip_of_defaults_and_a_custom_config():
    for c in (Config(), Config(dataset="spiral", hidden=(), init=0.05, optimizer="momentum", test_ratio=0.0)):
        text = c.to_json()
        assert json.loads(text) == c.to_dict()
        assert Config.from_json(text) == c
    assert "csv_path" not in Config().to_dict()
    assert Config().to_dict()["hidden"] == [8, 8]


def test_save_and_load(tmp_path):
    c = Config(dataset="csv", csv_path=str(tmp_path / "données.csv"), hidden=(3, 2), init="he", seed=99)
    path = tmp_path / "exp.json"
    c.save(path)
    assert Config.load(path) == c
    assert Config.load(str(path)) == c


def valid_configs():
    output_loss = st.sampled_from(
        [("softmax", "cross_entropy"), ("softmax", "sum_squared_error"), ("identity", "sum_squared_error")]
    )
    data = st.one_of(
        st.tuples(st.sampled_from([d for d in DATASET_NAMES if d != "csv"]), st.none() | st.text(max_size=20)),
        st.tuples(st.just("csv"), st.text(min_size=1, max_size=20)),
    )
    init = st.sampled_from(INIT_NAMES) | st.floats(min_value=1e-300, max_value=1e6, allow_nan=False)

    def build(data, ol, features, regression_csv, **kw):
        (dataset, csv_path), (output, loss) = data, ol
        task = "classification"
        if dataset in REGRESSION_DATASET_NAMES or (dataset == "csv" and regression_csv):
            task, output, loss = "regression", "identity", "sum_squared_error"
        if dataset in NOT_2D_DATASETS:
            features = ()
        return Config(dataset=dataset, csv_path=csv_path, output=output, loss=loss, task=task, features=features, **kw)

    return st.builds(
        build,
        data=data,
        ol=output_loss,
        samples=st.integers(2, MAX_SAMPLES),
        noise=st.floats(0.0, 5.0),
        test_ratio=st.floats(0.0, 0.9),
        hidden=st.lists(st.integers(1, MAX_WIDTH), max_size=MAX_HIDDEN_LAYERS).map(tuple),
        activation=st.sampled_from(ACTIVATION_NAMES),
        init=init,
        optimizer=st.sampled_from(list(OPTIMIZERS)),
        learning_rate=st.floats(0.0, 100.0, exclude_min=True),
        batch_size=st.integers(1, MAX_SAMPLES),
        gradient=st.sampled_from(GRADIENT_NAMES),
        seed=st.integers(0, MAX_SEED),
        weight_decay=st.floats(0.0, MAX_WEIGHT_DECAY),
        regularization=st.sampled_from(REGULARIZATION_NAMES),
        dropout=st.floats(0.0, MAX_DROPOUT),
        batch_norm=st.booleans(),
        features=st.lists(st.sampled_from(FEATURE_NAMES), max_size=7).map(tuple),
        regression_csv=st.booleans(),
    )


@settings(max_examples=200, deadline=None)
@given(valid_configs())
def test_any_valid_config_round_trips_through_json(c):
    back = Config.from_json(c.to_json())
    assert back == c
    for f in dataclasses.fields(Config):
        a, b = getattr(back, f.name), getattr(c, f.name)
        assert type(a) is type(b), f.name
        if isinstance(a, float):
            assert math.copysign(1, a) == math.copysign(1, b)  # even -0.0 vs 0.0
    # and validating an already valid config changes nothing
    assert Config(**{f.name: getattr(c, f.name) for f in dataclasses.fields(Config)}) == c


def test_data_dir_round_trips_and_old_files_still_open(tmp_path):
    c = Config(dataset="mnist", data_dir=tmp_path / "book" / "dataset", hidden=(50,))
    assert c.data_dir == str(tmp_path / "book" / "dataset")
    assert Config.from_json(c.to_json()) == c
    assert "data_dir" not in Config(dataset="fashion_mnist").to_dict()  # None is not written
    assert Config(data_dir="  ").data_dir is None
    old = tmp_path / "old.json"  # a file saved before data_dir existed
    old.write_text(json.dumps({k: v for k, v in Config(dataset="mnist").to_dict().items() if k != "data_dir"}))
    assert Config.load(old) == Config(dataset="mnist")
