"""Core messages keep their template (for the window to translate) and read as English sentences."""

import pytest

from nnplay.core.config import Config, ConfigError
from nnplay.core.datasets import DatasetError, load_csv
from nnplay.core.messages import MessageError, Text


def test_text_fills_named_values_and_nests():
    inner = Text("column {n} '{name}'", n=3, name="species")
    outer = Text("{file} line {line}, {column}", file="a.csv", line=7, column=inner)
    assert str(outer) == "a.csv line 7, column 3 'species'"
    assert "line 7" in outer and outer == Text("{file} line {line}, {column}", file="a.csv", line=7, column=inner)
    assert str(Text("no values: {braces} stay")) == "no values: {braces} stay"


def test_errors_carry_their_template_and_values():
    with pytest.raises(ConfigError) as info:
        Config(learning_rate=-1)
    e = info.value
    assert isinstance(e, MessageError) and isinstance(e, ValueError)
    assert e.text.template == "{name}: {value} is not allowed; {allowed}"
    assert e.text.params["name"] == "learning_rate" and isinstance(e.text.params["allowed"], Text)
    assert str(e) == "learning_rate: -1 is not allowed; use a positive number such as 0.1 (at most 100)"


def test_csv_errors_name_the_file_line_and_column(tmp_path):
    path = tmp_path / "flowers.csv"
    path.write_text("petal,width,species\n1.0,2.0,rose\n1.5,oops,tulip\n", encoding="utf-8")
    with pytest.raises(DatasetError) as info:
        load_csv(path)
    text = info.value.text
    assert str(text).startswith("flowers.csv line 3, column 2 'width': 'oops' is not a number.")
    assert text.params["where"].params["column"].template == "column {n} '{name}'"
