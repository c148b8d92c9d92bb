"""Where nnplay's shipped resources live, for an installed package and a source checkout alike."""

from __future__ import annotations

from importlib import resources as _ilr
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/`` (e.g. ``resource_path("data", "digits.csv.gz")``)."""
    try:
        base = Path(str(_ilr.files("nnplay.resources")))
    except ModuleNotFoundError:
        base = Path(__file__).resolve().parent.parent / "resources"
    path = base.joinpath(*parts)
    if not path.exists():  # running from a checkout that was never installed
        alt = Path(__file__).resolve().parent.parent / "resources" / Path(*parts)
        if alt.exists():
            return alt
    return path
