"""A normal, non-editable install must carry the bundled data, the translations and the entry points."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_resources_and_entry_point(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
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
    for qm in (ROOT / "resources" / "translations").glob("*.qm"):
        assert f"nnplay/resources/translations/{qm.name}" in names
    pages = sorted((ROOT / "resources" / "help").glob("*/*.html"))
    assert len(pages) >= 30  # every help page, in English and Japanese
    for page in pages:
        assert f"nnplay/resources/help/{page.parent.name}/{page.name}" in names
