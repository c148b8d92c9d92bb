"""Can a window open here? Checked before Qt starts, which would otherwise abort the process (exit 134,
"could not load the Qt platform plugin") when there is no display or when the X11 plugin's system libraries
are missing. Imports no Qt."""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from pathlib import Path

XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
"""The system libraries (soname → Debian/Ubuntu package) that Qt 6's X11 platform plugin loads."""

APT_LINE = "sudo apt-get install " + " ".join(XCB_PACKAGES.values())
"""Everything Qt's X11 plugin needs on Debian/Ubuntu (also in the README)."""

WITHOUT_A_WINDOW = (
    "for screenshots and tests run it as QT_QPA_PLATFORM=offscreen python -m nnplay; 'nnplay train' needs no window"
)


def _loads(name):
    try:
        ctypes.CDLL(name)
    except OSError as e:
        return str(e)
    return None


def _xcb_qpa_library():
    """The path of PySide6's ``libQt6XcbQpa`` (the X11 plugin's library), or None."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for path in sorted(Path(folder, "Qt", "lib").glob("libQt6XcbQpa.so*")):
            return str(path)
    return None


def missing_xcb_libraries(load=_loads, qpa_library=_xcb_qpa_library):
    """Sonames of the X11 plugin's system libraries that cannot be loaded (empty when all can, or when it
    cannot be told). ``load(name)`` returns None or the loader's error message."""
    qpa = qpa_library()
    if qpa is not None:
        error = load(qpa)
        if error is None:
            return []
        named = re.findall(r"(lib[\w.+-]+\.so[\w.]*): cannot open shared object file", error)
        if not named:
            return []  # (another problem: let Qt try, and say what it says)
        missing = [name for name in XCB_PACKAGES if load(name) is not None]
        return missing or named
    # No PySide6 layout that we know: at least the libraries that Debian and Ubuntu leave out most often.
    return [name for name in list(XCB_PACKAGES)[:3] if load(name) is not None]


def display_problem(env=None, platform=None, missing=missing_xcb_libraries):
    """Why the window cannot open here (one line, what to do included), or None if it can (or might).

    Only Linux and the like are checked: without ``DISPLAY`` or ``WAYLAND_DISPLAY`` and with no other Qt
    platform chosen (``QT_QPA_PLATFORM=offscreen``, ``minimal``, ``vnc``, ...) there is no display; with an X11
    display, Qt's X11 plugin needs the system libraries in ``XCB_PACKAGES``.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").strip().lower()
    first = re.split(r"[;:]", chosen, maxsplit=1)[0] if chosen else ""
    if first and not first.startswith(("xcb", "wayland")):
        return None  # offscreen, minimal, vnc, eglfs, linuxfb, ...: the user chose it
    x11, wayland = bool(env.get("DISPLAY")), bool(env.get("WAYLAND_DISPLAY"))
    if first.startswith("wayland") and not wayland and ";" not in chosen:
        return (
            f"QT_QPA_PLATFORM is {chosen} but WAYLAND_DISPLAY is not set, so the window cannot open; {WITHOUT_A_WINDOW}"
        )
    if first == "xcb" and not x11:
        return f"QT_QPA_PLATFORM is xcb but DISPLAY is not set, so the window cannot open; {WITHOUT_A_WINDOW}"
    if not x11 and not wayland:
        return (
            "there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); run nnplay "
            f"in a desktop session, or {WITHOUT_A_WINDOW}"
        )
    if x11 and (first == "xcb" or not wayland):
        libs = missing()
        if libs:
            packages = " ".join(XCB_PACKAGES.get(name, name) for name in libs)
            return (
                f"the window needs system libraries that are missing ({', '.join(libs)}); on Debian/Ubuntu: "
                f"sudo apt-get install {packages} (or, {WITHOUT_A_WINDOW})"
            )
    return None
