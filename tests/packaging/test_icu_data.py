"""Linux: ICU's data library rebuilt with the items the recipe keeps
(``packaging/icu_data.py``), loaded by Qt in a child process in place of the wheel's:
Indonesian collates and names time zones as with the whole data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.recipe_files import load
from tests.packaging.test_recipe import linux


def load_icu_data() -> ModuleType:
    return load("icu_data")


icu_data = load_icu_data()

QT_CHECK = """
from PySide6.QtCore import QCollator, QDateTime, QLocale, QTimeZone
words = ["budi", "Zaenal", "Ádi", "abdul", "Çitra", "cahya"]
print(sorted(words, key=QCollator(QLocale("id_ID")).sortKey))
print(QLocale("id_ID").toUpper("jalan raya ǆ"))
zone = QTimeZone(b"Asia/Jakarta")
for name in ("id_ID", "ja_JP"):
    print(zone.displayName(QDateTime.currentDateTime(), QTimeZone.NameType.LongName, QLocale(name)))
"""


def qt_says(library_dir: Path | None) -> list[str]:
    env = dict(os.environ)
    if library_dir is not None:  # before the wheel's own folder (its RUNPATH)
        env["LD_LIBRARY_PATH"] = str(library_dir)
    done = subprocess.run([sys.executable, "-c", QT_CHECK], capture_output=True, text=True,
                          env=env, timeout=60, check=True)  # fmt: skip
    return done.stdout.splitlines()


@pytest.mark.skipif(sys.platform != "linux", reason="Qt links ICU on Linux only")
def test_the_rebuilt_icu_data_serves_indonesian_as_the_whole(tmp_path: Path) -> None:
    missing = [tool for tool in icu_data.TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"not installed: {missing} (the recipe then bundles ICU's data whole)")
    import PySide6

    wheel = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    rebuilt, before, after = icu_data.trimmed(wheel, tmp_path / "work", linux.icu_item_kept)
    assert rebuilt.name == wheel.name and after < before / 5
    assert rebuilt.stat().st_size < wheel.stat().st_size / 2
    whole = qt_says(None)
    assert whole[0] == "['abdul', 'Ádi', 'budi', 'cahya', 'Çitra', 'Zaenal']"
    assert whole[2] == "Waktu Indonesia Barat"
    trimmed = qt_says(rebuilt.parent)
    assert trimmed[:3] == whole[:3]
    # … and the rebuilt library is the one loaded: Japanese is not in it (English instead)
    assert trimmed[3] != whole[3] and trimmed[3] == "Western Indonesia Time"
