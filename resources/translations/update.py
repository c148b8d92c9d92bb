"""Refresh nnplay's translations: pyside6-lupdate, then pyside6-lrelease.

Run it from anywhere (it works relative to the repository)::

    python resources/translations/update.py            # every language that has a nnplay_<lang>.ts
    python resources/translations/update.py ja         # only Japanese
    python resources/translations/update.py --check    # exit 1 if an entry is unfinished
    python resources/translations/update.py --fill-from OTHER.ts   # take finished translations from another
                                                       # .ts (e.g. a branch's) for entries still unfinished

What it does, for each language:

1. ``pyside6-lupdate`` scans every ``nnplay/gui/**/*.py`` (``self.tr``, ``QCoreApplication.translate``,
   ``QT_TRANSLATE_NOOP``) and the core modules with messages (``QT_TRANSLATE_NOOP("core", ...)``, shown
   through ``nnplay.gui.widgets.core_text``) into ``resources/translations/nnplay_<lang>.ts``. Existing
   translations are kept; new or changed source texts appear as ``type="unfinished"`` entries (translate them
   in the .ts, e.g. with Qt Linguist or a small xml.etree script, and remove the ``type`` attribute). Texts
   that disappeared from the sources stay in the file as ``type="vanished"`` so their translations can come
   back; pass ``--drop-obsolete`` to delete them instead.
2. ``pyside6-lrelease`` compiles the .ts into ``nnplay_<lang>.qm``, which ``nnplay.gui.app.install_translator``
   loads (``python -m nnplay --lang ja``, or View → Language).
3. It prints how many entries the .ts holds and how many are still unfinished.

Run it again whenever GUI strings change, translate what is unfinished, re-run, and commit the .ts and .qm.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GUI = ROOT / "nnplay" / "gui"
CORE = ROOT / "nnplay" / "core"
QT_LANGUAGE = {"ja": "ja_JP"}  # the .ts language attribute (it decides the plural forms)


def sources():
    """Every GUI source file and every core file with messages (``QT_TRANSLATE_NOOP("core", ...)``, see
    ``nnplay.core.messages``), relative to the repository (so the .ts locations are stable)."""
    gui = GUI.rglob("*.py")
    marker = re.compile(r'QT_TRANSLATE_NOOP\(\s*"core"')  # (ruff may put "core" on the next line)
    core = (p for p in CORE.rglob("*.py") if marker.search(p.read_text(encoding="utf-8")))
    return sorted(str(p.relative_to(ROOT)) for p in (*gui, *core))


def tool(name):
    path = shutil.which(name)
    if path is None:
        sys.exit(f"{name} not found: install PySide6 (it ships pyside6-lupdate and pyside6-lrelease)")
    return path


def stats(ts_path):
    """(entries, unfinished, vanished): messages that are live in the sources, live ones without a
    finished translation, and ones kept from earlier sources."""
    entries = unfinished = vanished = 0
    for message in ET.parse(ts_path).getroot().iter("message"):
        kind = message.find("translation").get("type")
        if kind in ("vanished", "obsolete"):
            vanished += 1
            continue
        entries += 1
        if kind == "unfinished":
            unfinished += 1
    return entries, unfinished, vanished


def fill_from(ts_path, other_path):
    """Give every unfinished entry of ``ts_path`` the finished translation that ``other_path`` has for the same
    context and source text (after merging two branches, each with its own new strings). Returns how many."""
    known = {}
    for context in ET.parse(other_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr.get("type") is None and (tr.text or list(tr)):
                known[(name, message.findtext("source"))] = tr
    tree = ET.parse(ts_path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            other = known.get((name, message.findtext("source")))
            if tr.get("type") == "unfinished" and other is not None:
                message.remove(tr)
                message.append(other)
                filled += 1
    if filled:
        tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return filled


def update(lang, drop_obsolete=False, fill=None):
    ts = HERE / f"nnplay_{lang}.ts"
    qm = HERE / f"nnplay_{lang}.qm"
    cmd = [tool("pyside6-lupdate"), *sources(), "-locations", "none"]  # (no line numbers: fewer merge conflicts)
    cmd += ["-target-language", QT_LANGUAGE.get(lang, lang)]
    if drop_obsolete:
        cmd.append("-no-obsolete")
    cmd += ["-ts", str(ts.relative_to(ROOT))]
    subprocess.run(cmd, cwd=ROOT, check=True)
    if fill:
        print(f"{ts.name}: {fill_from(ts, fill)} unfinished entries filled from {fill}")
        subprocess.run(cmd, cwd=ROOT, check=True)  # (back in lupdate's own layout)
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], cwd=ROOT, check=True)
    entries, unfinished, vanished = stats(ts)
    print(f"{ts.name}: {entries} entries, {unfinished} unfinished, {vanished} vanished -> {qm.name}")
    return unfinished


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="*", help="language codes (default: every nnplay_<lang>.ts here)")
    parser.add_argument("--drop-obsolete", action="store_true", help="delete entries no longer in the sources")
    parser.add_argument("--check", action="store_true", help="exit with status 1 if any entry is unfinished")
    parser.add_argument("--fill-from", metavar="OTHER.ts", help="take finished translations from this .ts")
    args = parser.parse_args(argv)
    languages = args.languages or sorted(p.stem.removeprefix("nnplay_") for p in HERE.glob("nnplay_*.ts")) or ["ja"]
    unfinished = sum(update(lang, args.drop_obsolete, args.fill_from) for lang in languages)
    return 1 if args.check and unfinished else 0


if __name__ == "__main__":
    sys.exit(main())
