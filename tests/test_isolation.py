"""The tests never touch the user's real settings, data folder or home files."""

import os
from pathlib import Path

import conftest
from hypothesis import settings


def test_home_and_xdg_folders_are_temporary():
    home = Path.home()
    assert home != Path(conftest.REAL_HOME)
    assert home.name.startswith("nnplay-test-home-")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        assert Path(os.environ[var]).is_relative_to(home)


def test_qsettings_are_written_under_the_temporary_home(qapp):
    from PySide6.QtCore import QSettings

    s = QSettings("nnplay", "nnplay")
    s.setValue("probe", 1)
    s.sync()
    assert Path(s.fileName()).is_relative_to(Path.home())
    s.remove("probe")


def test_hypothesis_keeps_no_database_in_the_tree():
    from hypothesis.configuration import storage_directory

    assert settings().database is None
    assert storage_directory("x").path.is_relative_to(Path.home())
