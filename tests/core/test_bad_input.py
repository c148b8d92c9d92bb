"""Bad input found by trying nnplay as a new user would (issue 12, §2): each gives the project's own error with
a message that says what is wrong and what to do, never another exception."""

import os

import pytest

from nnplay.core.config import Config, ConfigError
from nnplay.core.datasets import DatasetError, load_csv, make_dataset


def _csv_error(path):
    with pytest.raises(DatasetError) as info:
        load_csv(path)
    return str(info.value)


def _config_error(path):
    with pytest.raises(ConfigError) as info:
        Config.load(path)
    return str(info.value)


# -- experiment files (JSON) ----------------------------------------------------------------------------


def test_deeply_nested_json_is_a_config_error(tmp_path):
    text = "[" * 5000 + "]" * 5000
    with pytest.raises(ConfigError, match="nested too deeply"):
        Config.from_json(text)
    path = tmp_path / "deep.json"
    path.write_text('{"hidden": ' + text + "}")
    assert "nested too deeply" in _config_error(path)


def test_an_integer_of_more_than_4300_digits_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="5,000 digits is too long"):
        Config.from_json('{"samples": ' + "9" * 5000 + "}")
    path = tmp_path / "long.json"
    path.write_text('{"seed": -' + "1" * 4301 + "}")
    assert "4,301 digits" in _config_error(path)


def test_a_value_from_a_file_is_shown_short_in_the_message():
    with pytest.raises(ConfigError) as info:
        Config.from_json('{"hidden": ' + "[" * 500 + "]" * 500 + ', "seed": 1}')
    assert len(str(info.value)) < 200
    with pytest.raises(ConfigError) as info:
        Config.from_json('{"activation": "' + "x" * 100_000 + '"}')
    assert len(str(info.value)) < 300


def test_a_utf8_bom_is_accepted_in_json(tmp_path):
    assert Config.from_json('\ufeff{"seed": 3}').seed == 3
    path = tmp_path / "bom.json"
    path.write_bytes(b'\xef\xbb\xbf{"dataset": "xor"}')
    assert Config.load(path).dataset == "xor"


def test_a_permission_problem_says_so(tmp_path, monkeypatch):
    path = tmp_path / "locked.json"
    path.write_text("{}")
    real_open = open

    def deny(file, *args, **kwargs):
        if os.fspath(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    msg = _config_error(str(path))
    assert "permission denied" in msg and "readable" in msg
    assert "UTF-8" not in msg


def test_config_errors_name_the_path_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "bad.json").write_text('{"seed": -1}')
    assert _config_error("./sub//bad.json").startswith("./sub//bad.json: seed")
    assert _config_error("./sub//nope.json").startswith("./sub//nope.json: no such file")


def test_config_from_a_folder_a_device_or_a_huge_file(tmp_path):
    assert "is a folder" in _config_error(tmp_path)
    assert "not a regular file" in _config_error("/dev/zero")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2_000_000 + b"{}")
    assert "too large for an experiment file" in _config_error(big)


@pytest.mark.parametrize("name", ["a" * 300 + ".json", "a\x00b.json"])
def test_config_with_an_impossible_file_name(tmp_path, name):
    msg = _config_error(os.path.join(tmp_path, name))
    assert "check the path" in msg


def test_config_not_utf8_says_so(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"dataset": "\xe9"}')
    msg = _config_error(path)
    assert "not UTF-8" in msg and "save the file as UTF-8" in msg


# -- CSV files ------------------------------------------------------------------------------------------


def test_csv_with_cr_only_line_endings_is_read_as_lines(tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(b"x,y,label\r0,1,a\r1,0,b\r2,2,a\r")
    x, t, classes, features = load_csv(path)
    assert x.tolist() == [[0, 1], [1, 0], [2, 2]] and t.tolist() == [0, 1, 0]
    assert classes == ("a", "b") and features == ("x", "y")


def test_csv_with_a_stray_cr_is_a_dataset_error(tmp_path):
    path = tmp_path / "stray.csv"
    path.write_bytes(b"x,y,label\r0.0")
    msg = _csv_error(path)
    assert "stray.csv line 2" in msg


@pytest.mark.parametrize("quoted", [False, True])
def test_csv_with_a_huge_cell_is_a_dataset_error(tmp_path, quoted):
    cell = "1" * 200_000
    if quoted:
        cell = f'"{cell}"'
    path = tmp_path / "huge.csv"
    path.write_text(f"x,y,label\n{cell},1,a\n2,2,b\n")
    msg = _csv_error(path)
    assert "huge.csv line 2" in msg and "longer than 131,072 characters" in msg


def test_csv_with_a_too_long_file_name_is_a_dataset_error(tmp_path):
    name = "d" * 300 + ".csv"
    msg = _csv_error(os.path.join(tmp_path, name))
    assert "File name too long" in msg and name in msg
    with pytest.raises(DatasetError):
        make_dataset("csv", csv_path=os.path.join(tmp_path, name))


def test_csv_with_a_nul_in_its_name_is_a_dataset_error():
    assert "not a usable file name" in _csv_error("/tmp/a\x00b.csv")


def test_csv_errors_about_the_file_name_the_path_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert "./data//nope.csv" in _csv_error("./data//nope.csv")


def test_csv_that_is_not_a_regular_file_is_not_read():
    assert "not a regular file" in _csv_error("/dev/zero")


def test_csv_with_too_many_classes_is_explained(tmp_path):
    path = tmp_path / "prices.csv"
    path.write_text("size,price\n" + "".join(f"{i},{1000 + 7 * i}\n" for i in range(5000)))  # (a regression)
    msg = _csv_error(path)
    assert "column 2 'price'" in msg and "5,000 different values" in msg and "not a measurement" in msg


def test_csv_with_too_many_lines_is_refused_before_parsing(tmp_path):
    path = tmp_path / "long.csv"
    path.write_bytes(b"0,1\n" * 1_000_001)
    msg = _csv_error(path)
    assert "1,000,002 lines" in msg and "sample of the rows" in msg
