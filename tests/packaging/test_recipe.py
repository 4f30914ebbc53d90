"""The bundle's recipe cannot rot silently (issue 20): every file of the packages that
is not a module is bundled or named as not needed, the migrations travel as files with
the modules they import, the programs' version comes from pyproject.toml, and the
installer and the Windows workflow build that very recipe. Fast: no build here (that
is ``make package``)."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO
from tests.packaging.recipe_files import load

PACKAGING = REPO / "packaging"


def load_bundle_files() -> ModuleType:
    return load("bundle_files")


bundle = load_bundle_files()
linux = load("bundle_linux")


def package_files() -> list[str]:
    """The files git holds (or will) under the desk's packages, relative, with "/"."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "desk_app",
         "complaint_domain"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    return [f for f in listed if (REPO / f).is_file()]


def test_every_data_file_of_the_desk_is_bundled_or_named_as_not_needed() -> None:
    data = [f for f in package_files() if not f.endswith(".py")]
    assert data, "no data file found: the packages moved?"
    forgotten = [
        f for f in data if not bundle.matches(f, bundle.DATA) and not bundle.matches(
            f, bundle.NOT_BUNDLED)
    ]  # fmt: skip
    assert not forgotten, f"add to packaging/bundle_files.py DATA or NOT_BUNDLED: {forgotten}"
    both = [f for f in data if bundle.matches(f, bundle.DATA) and bundle.matches(
        f, bundle.NOT_BUNDLED)]  # fmt: skip
    assert not both


def test_every_pattern_names_files_that_exist() -> None:
    files = package_files()
    for pattern, _target in (*bundle.DATA, *bundle.NOT_BUNDLED):
        assert any(bundle.matches(f, ((pattern, ""),)) for f in files), pattern
    found = bundle.data_files(REPO)
    assert {Path(source).name for source, _ in found} >= {
        "wilayah_dki_jakarta.csv", "meja_aduan_en.qm", "qtbase_id.qm", "env.py",
    }  # fmt: skip
    for source, target in found:  # each file lands in its own package's folder
        assert Path(source).parent == REPO / target, (source, target)


def test_what_the_packages_read_at_run_time_is_bundled() -> None:
    """The wheel's package data (pyproject.toml) that the desk reads is in the bundle."""
    for name in ("complaint_domain/data/wilayah_dki_jakarta.csv",
                 "desk_app/translations/meja_aduan_en.qm",
                 "desk_app/translations/qtbase_id.qm"):  # fmt: skip
        assert bundle.matches(name, bundle.DATA), name


def test_every_migration_travels_as_a_file_with_what_it_imports() -> None:
    migrations = [f for f in package_files() if f.startswith("desk_app/store/migrations/")]
    assert len([f for f in migrations if "/versions/" in f]) >= 5
    imported: set[str] = set()
    for f in migrations:
        if f.endswith(".py"):
            assert bundle.matches(f, bundle.DATA), f
            for node in ast.walk(ast.parse((REPO / f).read_text())):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    imported |= {f"{node.module}.{alias.name}" for alias in node.names}
                elif isinstance(node, ast.Import):
                    imported |= {alias.name for alias in node.names}
    # Alembic's own pieces they import by name (the rest is found by the analysis:
    # sqlalchemy and desk_app.store are imported by the desk itself).
    alembic = {name for name in imported if name.startswith("alembic.")}
    assert alembic and alembic <= set(bundle.HIDDEN_IMPORTS), alembic


def test_the_holiday_calendar_module_is_named() -> None:
    """holidays imports a country's module by name: ours must be a hidden import."""
    import holidays

    module = type(holidays.country_holidays("ID")).__module__
    assert module in bundle.HIDDEN_IMPORTS


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),  # PNG only, built in
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6\\translations\\qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6\\Qt6Qml.dll", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/opengl32sw.dll", False),
        ("libgtk-3.so.0", False),
        ("libglib-2.0.so.0", True),  # QtCore's event loop on Linux (left to the system:
        # bundle_linux.is_desktop_library)
        ("cryptography/hazmat/bindings/_rust.abi3.so", True),  # (left out: EXCLUDES)
        ("Cryptodome/Cipher/_raw_aes.abi3.so", True),
        ("Cryptodome\\Cipher\\_raw_aesni.pyd", True),
        ("Cryptodome/Hash/_ghash_clmul.abi3.so", True),
        ("Cryptodome/Cipher/_raw_des3.abi3.so", False),
        ("Cryptodome/PublicKey/_ec_ws.abi3.so", False),
        ("Cryptodome\\Math\\_modexp.pyd", False),
        ("holidays/countries/indonesia.pyc", True),
        ("holidays\\countries\\indonesia.pyc", True),
        ("holidays/countries/germany.pyc", False),
        ("holidays/countries/__init__.pyc", False),  # replaced: HOLIDAY_COUNTRIES_INIT
        ("holidays/calendars/islamic.pyc", True),
        ("stdnum/id/loc.dat", True),
        ("stdnum/oui.dat", False),
        ("stdnum/cn/loc.dat", False),
    ],
)
def test_what_is_trimmed_from_qt(path: str, kept: bool) -> None:
    assert bundle.kept(path) is kept


def test_the_bundles_holiday_countries_are_what_the_desk_asks_for() -> None:
    """The bundle's holidays.countries (REPLACED_INITS) names the class that
    holidays.country_holidays("ID") returns, from the one country module KEPT."""
    import holidays

    table = holidays.country_holidays("ID")
    module = type(table).__module__
    assert f"{module.replace('.', '/')}.pyc" in bundle.KEPT
    inits = dict(bundle.REPLACED_INITS)
    init = ast.parse(inits["holidays/countries/__init__.pyc"])
    imports = [node for node in init.body if isinstance(node, ast.ImportFrom)]
    assert len(imports) == len(init.body) == 1 and imports[0].module == module
    assert type(table).__name__ in {alias.name for alias in imports[0].names}


def test_every_replaced_init_is_dropped_and_its_modules_kept() -> None:
    """Each replaced __init__ leaves out its package's own (DROPPED), and what it
    imports stays in the bundle."""
    for path, source in bundle.REPLACED_INITS:
        assert not bundle.kept(path), path
        package = path.rsplit("/", 1)[0]
        for node in ast.parse(source).body:
            assert isinstance(node, ast.ImportFrom)
            if node.level:  # from . import sqlite / from .impl import …
                names = [node.module] if node.module else [a.name for a in node.names]
                modules = [f"{package}/{name}.pyc" for name in names]
            else:
                modules = [f"{(node.module or '').replace('.', '/')}.pyc"]
            for module in modules:
                assert bundle.kept(module), module
    assert bundle.kept("alembic/ddl/sqlite.pyc") and not bundle.kept("alembic/ddl/mssql.pyc")
    assert bundle.kept("sqlalchemy/dialects/sqlite/base.pyc")
    assert not bundle.kept("sqlalchemy/dialects/postgresql/base.pyc")


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("coll/id.res", True),
        ("coll/root.res", True),
        ("coll/ucadata.icu", True),  # the root collation itself
        ("zone/id.res", True),
        ("zone/en_US_POSIX.res", True),
        ("curr/res_index.res", True),  # not a locale, though it looks like one
        ("curr/pool.res", True),
        ("id.res", True),
        ("in_ID.res", True),
        ("supplementalData.res", True),
        ("zoneinfo64.res", True),
        ("metaZones.res", True),
        ("ibm-1252_P100-2000.cnv", True),  # converters stay
        ("uts46.nrm", True),
        ("coll/fr.res", False),
        ("zone/ja_JP.res", False),
        ("de__PHONEBOOK.res", False),
        ("yue_Hant_HK.res", False),
        ("brkitr/word.brk", False),
        ("brkitr/root.res", False),  # no break iteration at all
        ("translit/root.res", False),
        ("rbnf/id.res", False),
    ],
)
def test_what_is_kept_of_icus_data(item: str, kept: bool) -> None:
    assert linux.icu_item_kept(item) is kept


def test_only_the_multiprocessing_run_time_hook_is_left_out() -> None:
    """Its hook serves child processes started by multiprocessing: the desk starts none."""
    assert bundle.RUNTIME_HOOKS_DROPPED == ("pyi_rth_multiprocessing",)
    for name in package_files():
        if name.endswith(".py"):
            text = (REPO / name).read_text(encoding="utf-8")
            assert "multiprocessing" not in text and "ProcessPoolExecutor" not in text, name


def test_the_windows_version_comes_from_pyproject() -> None:
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    text = bundle.windows_version_file(version)
    numbers = bundle.version_tuple(version)
    assert f"filevers={numbers}" in text and f"StringStruct('ProductVersion', '{version}')" in text
    assert bundle.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert bundle.version_tuple("2.0.dev4") == (2, 0, 0, 0)
    assert bundle.version_tuple("0.1.0+local.7") == (0, 1, 0, 0)
    assert bundle.version_tuple("1.2.3.4.5") == (1, 2, 3, 4)


def test_the_spec_reads_this_list_and_the_installer_and_workflow_build_it() -> None:
    spec = (PACKAGING / "desk.spec").read_text()
    for name in ("data_files", "HIDDEN_IMPORTS", "EXCLUDES", "PACKAGE_DATA", "METADATA",
                 "kept", "windows_version_file", "REPLACED_INITS",
                 "RUNTIME_HOOKS_DROPPED"):  # fmt: skip
        assert f"bundle.{name}" in spec, name
    for name in ("is_desktop_library", "icu_item_kept"):
        assert f"linux.{name}" in spec, name
    iss = (PACKAGING / "desk.iss").read_text()
    assert "dist\\meja-aduan\\*" in iss and "PrivilegesRequired=admin" in iss
    assert "{autoprograms}" in iss and "MejaAduan.exe" in iss
    # the desk's data folder (the user's app data, MejaAduan) is never the installer's
    assert "[UninstallDelete]" not in iss and "{localappdata}" not in iss.lower()
    workflow = (REPO / ".github" / "workflows" / "desk-windows.yml").read_text()
    steps = ("windows-", r"packaging\desk.spec", r"packaging\smoke.py", r"packaging\desk.iss")
    for needed in steps:
        assert needed in workflow, needed


def test_packaging_is_not_a_python_package() -> None:
    """``packaging`` is also the library that compares release numbers: this folder
    must never shadow it (no __init__.py)."""
    assert not (PACKAGING / "__init__.py").exists()
    import packaging.version

    assert Path(packaging.version.__file__).parent.parent != REPO
    assert sys.modules["packaging"].__file__ is not None


def test_nothing_the_desk_imports_is_left_out_of_the_bundle() -> None:
    """A module the desk's own code imports (at the top or inside a function) is never
    among the recipe's exclusions: cryptography was left out, from before the desk
    sealed its attachment files with it, and the bundle failed at its first start."""
    imported: set[str] = set()
    for name in package_files():
        if not name.endswith(".py"):
            continue
        tree = ast.parse((REPO / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                imported.add(node.module)
    # Left out on purpose, the desk going on without it: the queue's chime (Windows
    # plays it with winsound; QtMultimedia's back-end would bring ~35 MB of FFmpeg).
    optional = {"PySide6.QtMultimedia"}
    excluded = set(bundle.EXCLUDES) - optional
    left_out = {
        module
        for module in imported
        if any(module == x or module.startswith(x + ".") for x in excluded)
    }
    assert left_out == set()


@pytest.mark.parametrize(
    ("path", "desktop"),
    [
        ("libX11.so.6", True),
        ("libglib-2.0.so.0", True),
        ("libcups.so.2", True),
        ("libpulsecommon-16.1.so", True),
        ("libxcb-xkb.so.1", True),
        # ... but the xcb-util family, which stock installs often lack
        ("libxcb-cursor.so.0", False),
        ("libxcb-icccm.so.4", False),
        ("libxkbcommon-x11.so.0", False),
        # what Python and its packages link stays in the bundle
        ("libpython3.11.so.1.0", False),
        ("libcrypto.so.3", False),
        ("libsqlite3.so.0", False),
        ("libstdc++.so.6", False),
        ("libz.so.1", False),
        # Pillow's own copies, and Qt's libraries
        ("pillow.libs/libxcb-9065bb12.so.1.1.0", False),
        ("libXau-154567c4.so.6.0.0", False),
        ("PySide6/Qt/lib/libQt6Gui.so.6", False),
        ("libicudata.so.73", False),
    ],
)
def test_the_linux_desktops_own_libraries_are_left_to_the_system(path: str, desktop: bool) -> None:
    assert linux.is_desktop_library(path) is desktop


def test_the_desktops_libraries_are_what_the_venvs_qt_takes_from_the_system() -> None:
    """Every library named as the desktop's is one PySide6's wheel does not carry: the
    venv's Qt loads it from the system as the bundle will."""
    import PySide6

    wheel = {p.name.partition(".so")[0] for p in Path(PySide6.__file__).parent.rglob("*.so*")}
    assert not linux.LINUX_DESKTOP_LIBRARIES & wheel
