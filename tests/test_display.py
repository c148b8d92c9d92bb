"""No display, or no X11 libraries: one clear line and exit 2, decided before Qt starts (issue 12, §5)."""

import os
import subprocess
import sys

import pytest

from nnplay.display import APT_LINE, XCB_PACKAGES, display_problem, missing_xcb_libraries


def none_missing():
    return []


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"QT_QPA_PLATFORM": "xcb"},
        {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"},
        {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"},
    ],
)
def test_no_display_is_one_line_with_what_to_do(env):
    problem = display_problem(env, "linux", missing=none_missing)
    assert problem and "\n" not in problem
    assert "QT_QPA_PLATFORM=offscreen" in problem and "nnplay train" in problem


@pytest.mark.parametrize(
    "env",
    [
        {"DISPLAY": ":0"},
        {"WAYLAND_DISPLAY": "wayland-0"},
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "minimal"},
        {"QT_QPA_PLATFORM": "vnc:size=800x600"},
        {"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"},
    ],
)
def test_a_display_or_a_chosen_platform_is_fine(env):
    assert display_problem(env, "linux", missing=none_missing) is None


def test_windows_and_macos_are_not_checked():
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None


def test_missing_xcb_libraries_name_the_apt_packages():
    problem = display_problem({"DISPLAY": ":0"}, "linux", missing=lambda: ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in problem
    assert "QT_QPA_PLATFORM=offscreen" in problem
    # (on a Wayland session Qt uses its Wayland plugin: the X11 libraries do not matter)
    both = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}
    assert display_problem(both, "linux", missing=lambda: ["libxcb-icccm.so.4"]) is None


def test_missing_libraries_are_found_from_the_loader_s_error():
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}

    def load(name):
        if name == "/qt/libQt6XcbQpa.so.6":
            return "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
        return "cannot open" if name in absent else None

    assert missing_xcb_libraries(load, lambda: "/qt/libQt6XcbQpa.so.6") == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert missing_xcb_libraries(lambda name: None, lambda: "/qt/libQt6XcbQpa.so.6") == []
    # another kind of failure: let Qt try (and say what it says)
    assert missing_xcb_libraries(lambda name: "wrong ELF class", lambda: "/qt/libQt6XcbQpa.so.6") == []
    assert set(missing_xcb_libraries(lambda n: "x" if n in absent else None, lambda: None)) == absent
    assert all(pkg in APT_LINE for pkg in XCB_PACKAGES.values())


def test_the_window_without_a_display_exits_2_instead_of_aborting():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "nnplay"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nnplay: error: there is no display"), r.stderr
    assert "QT_QPA_PLATFORM=offscreen" in lines[0]
