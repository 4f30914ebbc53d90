"""Start-up: the sign-in is on screen at once, the desk loads behind it while the
officer types, and the main window takes over at Enter (issue 4: start within 2x a
bare window; the figures are in benchmarks/bench_desk_ui.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desk_app.services.desk import Desk, open_desk
from desk_app.services.root import DeskServices, build_services
from desk_app.services.settings import Settings
from desk_app.ui.first_admin_dialog import FirstAdminDialog
from desk_app.ui.main_window import MainWindow
from desk_app.ui.start_window import StartWindow
from tests.ui.conftest import PASSWORD, USERNAME, focused, shot


@pytest.fixture
def accounts(data_dir: Path) -> Path:
    desk = open_desk(data_dir)
    desk.accounts.create_first_admin(USERNAME, "Ani Petugas", PASSWORD)
    desk.close()
    return data_dir


class GatedLoad:
    """Opens the real desk, but only once the test lets it (a slow disk, at will)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.gate = threading.Event()
        self.desks: list[DeskServices] = []
        self.stores: list[Desk] = []  # for the test's own look into the database

    def __call__(self) -> DeskServices:
        assert self.gate.wait(30), "the test never let the desk load"
        store = open_desk(self.data_dir)
        self.stores.append(store)
        self.desks.append(build_services(store))
        return self.desks[-1]


@pytest.fixture
def gated(accounts: Path) -> Iterator[GatedLoad]:
    load = GatedLoad(accounts)
    yield load
    load.gate.set()
    for desk in load.desks:
        desk.close()


def start_window(
    qtbot: QtBot, load: Callable[[], DeskServices]
) -> tuple[StartWindow, list[MainWindow]]:
    start = StartWindow(Settings(), load)
    qtbot.addWidget(start)
    taken_over: list[MainWindow] = []

    def keep(window: MainWindow) -> None:
        qtbot.addWidget(window)  # closed at the end of the test
        taken_over.append(window)

    start.handed_over.connect(keep)
    start.start()
    qtbot.waitExposed(start)
    return start, taken_over


def type_sign_in(qtbot: QtBot, username: str, password: str) -> None:
    qtbot.keyClicks(focused(), username)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClicks(focused(), password)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_the_officer_signs_in_while_the_desk_is_still_loading(
    qtbot: QtBot, gated: GatedLoad, artifacts_dir: Path
) -> None:
    start, taken_over = start_window(qtbot, gated)
    assert start.sign_in.username.hasFocus()  # typing can begin at once
    shot(start, artifacts_dir, "start-sign-in-loading", 100)
    type_sign_in(qtbot, USERNAME, PASSWORD)
    qtbot.wait(100)
    # Nothing to check the password against yet: the page waits, and says why.
    assert not start.sign_in.password.isEnabled()
    assert "Memuat" in start.statusBar().currentMessage()
    assert not taken_over

    gated.gate.set()
    qtbot.waitUntil(lambda: bool(taken_over), timeout=15000)
    window = taken_over[0]
    assert window.officer is not None and window.officer.username == USERNAME  # checked first
    assert window.stack.currentWidget() is window.home
    assert window.isVisible() and not start.isVisible()
    assert window.geometry() == start.geometry()  # taken over in place
    qtbot.waitUntil(lambda: window.home.new_button.hasFocus())
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.intake.name.hasFocus()


def test_a_warm_up_that_fails_is_logged_not_shown_to_the_officer(
    qtbot: QtBot, accounts: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The reads run while the password is typed only save time; a failing one (a
    disk error, say) is for the log, and the sign-in goes on as without it."""
    from desk_app.store.db import StorageError

    desks: list[DeskServices] = []

    def load() -> DeskServices:
        desk = build_services(open_desk(accounts))

        def failing() -> None:
            raise StorageError("io", "disk I/O error")

        desk.lookup.prepare_home = failing  # type: ignore[method-assign]
        desks.append(desk)
        return desk

    try:
        start, taken_over = start_window(qtbot, load)
        qtbot.waitUntil(lambda: start.main_window is not None, timeout=15000)
        type_sign_in(qtbot, USERNAME, PASSWORD)
        qtbot.waitUntil(lambda: bool(taken_over), timeout=15000)
        window = taken_over[0]
        qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
        assert window.officer is not None and window.stack.currentWidget() is window.home
        assert window.status.currentMessage() == ""
        assert "warm-up before the sign-in failed" in caplog.text
    finally:
        for desk in desks:
            desk.close()


def test_a_wrong_password_is_refused_on_the_main_window_s_sign_in(
    qtbot: QtBot, gated: GatedLoad
) -> None:
    gated.gate.set()
    start, taken_over = start_window(qtbot, gated)
    qtbot.waitUntil(lambda: start.main_window is not None, timeout=15000)  # loaded, built
    type_sign_in(qtbot, USERNAME, "bukan-sandinya")
    qtbot.waitUntil(lambda: bool(taken_over), timeout=5000)
    window = taken_over[0]
    qtbot.waitUntil(lambda: window.sign_in.error.isVisible(), timeout=10000)
    assert "salah" in window.sign_in.error.text()
    assert window.officer is None
    assert window.sign_in.username.text() == USERNAME  # kept; only the password is cleared
    assert window.sign_in.password.hasFocus() and window.sign_in.password.text() == ""
    # and the right one, typed again on the main window, signs in
    with qtbot.waitSignal(window.signed_in, timeout=10000):
        qtbot.keyClicks(focused(), PASSWORD)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)


def test_a_desk_without_accounts_is_handed_over_for_its_first_admin(
    qtbot: QtBot, data_dir: Path
) -> None:
    desks: list[DeskServices] = []

    def load() -> DeskServices:
        desks.append(build_services(open_desk(data_dir)))
        return desks[-1]

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, FirstAdminDialog):
            for edit, text in zip(
                (dialog.username, dialog.display_name, dialog.password, dialog.repeat),
                ("admin", "Admin Meja", "rahasia-sekali", "rahasia-sekali"),
                strict=True,
            ):
                qtbot.keyClicks(edit, text)
            qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)

    driver = QTimer()
    driver.timeout.connect(answer)
    driver.start(50)
    try:
        # Nobody types: the first-admin dialog comes by itself once the desk loaded.
        _start, taken_over = start_window(qtbot, load)
        qtbot.waitUntil(lambda: bool(taken_over), timeout=15000)
        window = taken_over[0]
        qtbot.waitUntil(lambda: window.officer is not None, timeout=15000)
        assert window.officer is not None and window.officer.username == "admin"
    finally:
        driver.stop()
        for desk in desks:
            desk.close()


def test_a_desk_whose_database_is_damaged_says_so_in_plain_words(
    qtbot: QtBot, data_dir: Path
) -> None:
    open_desk(data_dir).close()  # a desk, its key kept; then its file is damaged
    (data_dir / "desk.sqlite3").write_bytes(os.urandom(8192))  # not a database
    start, taken_over = start_window(qtbot, lambda: build_services(open_desk(data_dir)))
    qtbot.waitUntil(lambda: start.sign_in.error.isVisible(), timeout=15000)
    message = start.sign_in.error.text()
    assert "rusak" in message and "hubungi TI" in message
    assert "sqlite" not in message.lower() and "SELECT" not in message
    assert not start.sign_in.username.isEnabled()  # nothing to sign in to
    assert not taken_over


def test_a_desk_that_lost_its_key_asks_for_the_recovery_key(
    qtbot: QtBot, data_dir: Path, artifacts_dir: Path
) -> None:
    """Said plainly; a wrong recovery key refused in the next dialog; the right one
    kept, and the desk loads with its data (nothing created over it)."""
    from desk_app.services.desk_key import current_recovery_text, restore_from_recovery
    from desk_app.ui.recovery_key_dialog import TypeRecoveryKeyDialog

    desk = open_desk(data_dir)
    desk.accounts.create_first_admin(USERNAME, "Ani Petugas", PASSWORD)
    desk.close()
    recovery = current_recovery_text(data_dir)
    for kept in Path(os.environ["MEJA_KEY_DIR"]).iterdir():
        kept.unlink()  # a new Windows profile: the keyring is empty
    before = (data_dir / "desk.sqlite3").read_bytes()
    typed = ["AAAAA-BBBBB", recovery]
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, TypeRecoveryKeyDialog) or not typed:
            return
        seen.append(dialog.error.text() if dialog.error.isVisible() else "")
        if len(seen) == 1:
            assert (data_dir / "desk.sqlite3").read_bytes() == before  # nothing changed
            shot(dialog, artifacts_dir, "recovery-key-asked", 100)
        dialog.key.setText(typed.pop(0))
        dialog.accept()

    driver = QTimer()
    driver.timeout.connect(answer)
    driver.start(50)
    start = StartWindow(
        Settings(),
        lambda: build_services(open_desk(data_dir)),
        restore_key=lambda text: restore_from_recovery(data_dir, text),
    )
    qtbot.addWidget(start)
    start.start()
    qtbot.waitUntil(lambda: start.main_window is not None, timeout=20000)
    driver.stop()
    assert seen[0] == "" and "tidak sah" in seen[1]
    window = start.main_window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert window.services.accounts.has_accounts()  # the old data, not a new desk
    start.close()


def test_closing_at_the_sign_in_closes_the_window_built_behind_it(
    qtbot: QtBot, gated: GatedLoad
) -> None:
    gated.gate.set()
    start, taken_over = start_window(qtbot, gated)
    qtbot.waitUntil(lambda: start.main_window is not None, timeout=15000)
    window = start.main_window
    assert window is not None
    # Deleted by Qt at the end (as every window in these tests): a MainWindow left to
    # Python's cycle collector inside a long-lived process crashes in PySide 6.11.
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert start.close()
    assert not taken_over
    assert window.runner.run(lambda: None) == 0  # the window's worker was shut down
    assert start.shutdown() is gated.desks[0]  # for run_app to close


def test_closing_before_the_desk_has_loaded_builds_nothing_and_hands_the_desk_back(
    qtbot: QtBot, gated: GatedLoad
) -> None:
    before = set(threading.enumerate())  # other tests' sync threads may linger
    start, taken_over = start_window(qtbot, gated)
    assert start.close()  # the officer quits at once; the load is still running
    gated.gate.set()
    qtbot.waitUntil(lambda: bool(gated.desks))
    qtbot.wait(300)  # the loader's report arrives, and is ignored
    assert start.main_window is None and not taken_over
    started = set(threading.enumerate()) - before
    assert not [t.name for t in started if t.name.startswith("meja-sync")]
    desk = start.shutdown()  # what run_app does after the event loop
    assert desk is gated.desks[0]  # so run_app closes it


def test_a_password_typed_on_a_new_desk_gives_way_to_the_first_admin(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a desk with no account yet, what was typed while it loaded cannot sign in:
    the first-admin dialog comes instead (and no failed sign-in is recorded)."""
    load = GatedLoad(data_dir)
    asked: list[str] = []

    def cancel(error: str) -> None:
        asked.append(error)  # the officer cancels the dialog

    monkeypatch.setattr(
        FirstAdminDialog, "ask", classmethod(lambda cls, parent, error="": cancel(error))
    )
    try:
        _start, taken_over = start_window(qtbot, load)
        type_sign_in(qtbot, "siapa", "rahasia-siapa")
        load.gate.set()
        qtbot.waitUntil(lambda: bool(taken_over), timeout=15000)
        window = taken_over[0]
        qtbot.waitUntil(lambda: bool(asked), timeout=10000)
        assert window.officer is None
        assert "admin pertama" in window.sign_in.error.text()
        qtbot.waitUntil(lambda: not window.runner.busy)
        with load.stores[0].database.read() as session:
            failed = session.execute(
                text("SELECT count(*) FROM audit_log WHERE action = 'signin.failed'")
            ).scalar()
        assert failed == 0
    finally:
        load.gate.set()
        for desk in load.desks:
            desk.close()


_RUN = """
import gc, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
seen = []
def watch():
    tops = sorted(type(w).__name__ for w in app.topLevelWidgets() if w.isVisible())
    if not seen and tops and app.focusWidget() is not None:
        seen.append(tops)
        print("FIRST", tops, "STORE LOADED", "sqlalchemy" in sys.modules, flush=True)
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        for key in ("ani", Qt.Key.Key_Return, "rahasia-ani-1", Qt.Key.Key_Return):
            if isinstance(key, str):
                QTest.keyClicks(app.focusWidget(), key)
            else:
                QTest.keyClick(app.focusWidget(), key)
    windows = [w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    if windows and windows[0].officer is not None:
        timer.stop()
        print("SIGNED IN", windows[0].officer.username, "VISIBLE", tops, flush=True)
        print("STATUS", windows[0].status.currentMessage(), flush=True)
        # Paused during the load, styled after the build: both must be back.
        print("COLLECTOR", gc.isenabled(), "STYLED", "fieldError" in app.styleSheet(), flush=True)
        # PySide's scan of each imported module's source is off (desk_app.ui): the
        # ORM's ~300 modules were imported, and none of their text was read.
        import linecache
        read = any("sqlalchemy" in name and name.endswith(".py") for name in linecache.cache)
        print("ORM SOURCE READ", read, "ORM LOADED", "sqlalchemy.orm" in sys.modules, flush=True)
        # ...which is safe only while no module selects a __feature__ (desk_app.ui).
        selected = sys.modules["shibokensupport.feature"].pyside_feature_dict.values()
        print("FEATURE SELECTED", any(flag > 0 for flag in selected), flush=True)
        windows[0].close()  # as the officer does: sync stops, the last window closing quits
timer = QTimer()
timer.timeout.connect(watch)
timer.start(5)
from desk_app.cli import main
sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def _run(code: str, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_window_entry_imports_no_store_http_or_printing_before_the_sign_in():
    out = _run(
        "import sys, desk_app.cli, desk_app.ui.app; "
        "print(sorted({m.split('.')[0] for m in sys.modules} "
        "& {'sqlalchemy', 'requests', 'reportlab', 'rapidfuzz', 'alembic', 'argon2'}))"
    )
    assert out.strip() == "[]"


def test_desk_app_shows_the_sign_in_first_and_signs_in_through_the_real_entry(accounts: Path):
    out = _run(_RUN, str(accounts))
    # The first window on screen is the sign-in, before the store was imported.
    assert "FIRST ['StartWindow'] STORE LOADED False" in out
    assert "SIGNED IN ani VISIBLE ['MainWindow']" in out  # the start window is gone
    assert "COLLECTOR True STYLED True" in out
    assert "ORM SOURCE READ False ORM LOADED True" in out
    assert "FEATURE SELECTED False" in out


def test_a_damaged_settings_file_is_reported_after_the_sign_in(accounts: Path):
    """The window reads the settings first (language, theme); the warning that the
    file was damaged and put aside must still reach the officer, not be lost when
    the desk reads the settings again."""
    (accounts / "settings.json").write_text("{ rusak", encoding="utf-8")
    out = _run(_RUN, str(accounts))
    assert "SIGNED IN ani" in out
    assert "STATUS ⚠ Berkas pengaturan rusak" in out
    assert (accounts / "settings.json.bad").exists()
