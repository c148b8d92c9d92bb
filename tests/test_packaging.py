"""A normal, non-editable install must carry the bundled data, the translations and the entry points."""

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _source_copy(dest):
    """The source tree without build leftovers: setuptools builds in ``build/`` and never removes a file it
    copied there once, so a wheel built in a used checkout can hold files the configuration now leaves out."""
    ignore = shutil.ignore_patterns("build", "dist", "*.egg-info", ".git", ".*venv*", "__pycache__", ".*_cache")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def test_wheel_contains_resources_and_entry_point(tmp_path):
    source = _source_copy(tmp_path / "src")
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    (wheel,) = tmp_path.glob("nnplay-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        assert "nnplay = nnplay.cli:main" in z.read(entry_points).decode()
    assert "nnplay/resources/data/digits.csv.gz" in names
    assert "nnplay/resources/data/DIGITS_LICENSE.md" in names
    assert "nnplay/core/trainer.py" in names and "nnplay/gui/main_window.py" in names
    qms = list((ROOT / "resources" / "translations").glob("*.qm"))
    assert qms
    for qm in qms:
        assert f"nnplay/resources/translations/{qm.name}" in names
    pages = sorted((ROOT / "resources" / "help").glob("*/*.html"))
    assert len(pages) >= 30  # every help page, in English and Japanese
    for page in pages:
        assert f"nnplay/resources/help/{page.parent.name}/{page.name}" in names
    # The catalogues' sources and their tool are for development, not for the installed package.
    shipped = {n for n in names if n.startswith("nnplay/resources/")}
    assert not [n for n in shipped if n.endswith((".ts", ".py")) and not n.endswith("resources/__init__.py")], shipped
    # The licence the package declares is in it.
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "MIT License" in (ROOT / "LICENSE").read_text()


def test_package_data_names_only_what_exists():
    """Every package-data pattern matches a file (no leftover ``icons/*`` for a folder that does not exist)."""
    text = (ROOT / "pyproject.toml").read_text()
    section = text.split("[tool.setuptools.package-data]", 1)[1].split("\n[", 1)[0]
    patterns = re.findall(r'"([^"]+)"', section.split('"nnplay.resources" =', 1)[1].split("\n", 1)[0])
    assert patterns
    for pattern in patterns:
        assert list((ROOT / "resources").glob(pattern)), f"{pattern} matches nothing"
