"""The README says what is true: its test command is the one CI runs, its experiment-file table lists every key
with the flag that sets it, the example file is valid, every exit code and every system package is named."""

import json
import re
import subprocess
import sys
from pathlib import Path

from nnplay.cli import EXIT_DIVERGED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, EXIT_WRITE, FLAG_FIELDS
from nnplay.core.config import PACE_FIELDS, Config
from nnplay.display import XCB_PACKAGES

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_quick_start_test_command_is_what_ci_runs():
    commands = re.findall(r"\| install and run the tests \| `([^`]+)` \|", README)
    assert commands and commands[0] in (ROOT / ".ci" / "run").read_text().splitlines()
    assert "python3 -m venv .venv" in README.split("| what | command |")[0]  # (before pip install)


def test_every_experiment_key_is_in_the_table_with_its_flag():
    rows = dict(re.findall(r"^\| `(\w+)` \| `(--[\w-]+)` \|", README, flags=re.M))
    flags = {field: "--" + flag.replace("_", "-") for flag, field in FLAG_FIELDS.items()}
    keys = set(Config().to_dict()) | {"csv_path", "data_dir"}  # (the two optional keys)
    assert rows == {field: flags[field] for field in keys - set(PACE_FIELDS)}
    for field in PACE_FIELDS:  # the window's pace: no train flag, the window's own
        window_flag = "--" + field.replace("_", "-")
        assert re.search(rf"^\| `{field}` \| — \(window: `{window_flag}`\)", README, flags=re.M), field
    help_text = subprocess.run([sys.executable, "-m", "nnplay", "train", "--help"], capture_output=True, text=True)
    for flag in rows.values():
        assert flag in help_text.stdout


def test_the_example_experiment_file_is_the_one_shown_and_it_trains(capsys):
    from nnplay.cli import main

    path = ROOT / "examples" / "experiment.json"
    shown = json.loads(re.search(r"```json\n(.*?)```", README, flags=re.S).group(1))
    assert json.loads(path.read_text()) == shown
    assert Config.load(path).to_dict() == shown
    assert main(["train", "--config", str(path), "--steps", "3", "--quiet"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4


def test_every_exit_code_and_system_package_is_named():
    table = README.split("| code | meaning |")[1].split("\n\n")[0]
    codes = {int(c) for c in re.findall(r"^\| (\d+) \|", table, flags=re.M)}
    assert codes == {EXIT_OK, EXIT_USAGE, EXIT_DIVERGED, EXIT_WRITE, EXIT_INTERRUPTED}
    for package in XCB_PACKAGES.values():
        assert package in README, package
    for words in ("QT_QPA_PLATFORM=offscreen", "`--quiet`", "`--samples N`", "python -m nnplay gui", "torch"):
        assert words in README, words
    assert "(default 1000)" in README  # --steps
