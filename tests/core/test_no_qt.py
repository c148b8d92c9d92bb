"""The engine must stay importable without Qt: nothing in nnplay.core may pull in PySide6 or pyqtgraph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nnplay.core

SCRIPT = r"""
import importlib, json, pkgutil, sys
import nnplay.core
names = sorted(m.name for m in pkgutil.iter_modules(nnplay.core.__path__, "nnplay.core."))
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
print(json.dumps({"modules": names, "qt": qt}))
"""


def test_core_imports_no_qt():
    root = Path(nnplay.core.__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=root, env=env, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    expected = {"config", "datasets", "functions", "gradient", "history", "layers", "network", "optimizers", "trainer"}
    assert expected <= {m.rsplit(".", 1)[1] for m in out["modules"]}
    assert out["qt"] == [], f"Qt modules imported by nnplay.core: {out['qt']}"
