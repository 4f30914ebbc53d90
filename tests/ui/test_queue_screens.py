"""The queue's screens, looked at: the display at 1920×1080 and 1366×768, the kiosk
(idle, a status, a late status, not found) and the officer's queue controls at 100 %
and 175 % (``test-artifacts/screens/queue-*``). Numbers and statuses, never a name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.services.kiosk import KioskService, KioskStatus
from desk_app.services.queue import QueueService
from desk_app.ui.queue.controls import QueueControls
from desk_app.ui.queue.display import DisplayScreen
from desk_app.ui.queue.kiosk import KioskScreen
from desk_app.ui.queue.voice import Announcer
from desk_app.ui.theme import apply_theme
from tests.ui.conftest import existing, shot

NOW = dt.datetime(2026, 11, 18, 2, 30, tzinfo=dt.UTC)


class Spoken(Announcer):
    """Records what would be said (no speech engine in the test machine)."""

    def __init__(self) -> None:
        QObject.__init__(self)
        self.spoken: list[str] = []
        self.chimes = 0

    def announce(self, words: str) -> None:
        self.chimes += 1
        self.spoken += [words, words]

    def say(self, words: str) -> None:
        self.spoken.append(words)


def board(n: int) -> dict[str, Any]:
    numbers = [f"A{i:03d}" for i in range(n, max(n - 4, 0), -1)]
    return {
        "site": "Pendopo Balai Kota",
        "at": NOW.isoformat(),
        "calling": [
            {
                "number": numbers[0],
                "desk": "2",
                "words": f"Nomor antrean {' '.join(numbers[0])}, silakan ke meja 2",
                "call": f"{numbers[0]}/1",
            }
        ],
        "recent": [{"number": x, "desk": "2132"[i]} for i, x in enumerate(numbers)],
        "waiting": 23,
        "longest_wait_minutes": 41,
    }


def texts(widget: QWidget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1080p", "768p"])
def test_display_screen(qtbot: QtBot, artifacts_dir: Path, size: tuple[int, int]) -> None:
    spoken = Spoken()
    screen = DisplayScreen(announcer=spoken)
    qtbot.addWidget(screen)
    screen.resize(*size)
    screen.show()
    screen.show_board(board(11))
    assert spoken.spoken == []  # what was already on the board when it opened: silent
    screen.show_board(board(12))
    QApplication.processEvents()
    words = "Nomor antrean A 0 1 2, silakan ke meja 2"
    assert spoken.spoken == [words, words] and spoken.chimes == 1  # said twice
    assert screen.words.text() == words  # the same words on the screen
    assert screen.number.text() == "A012"
    assert screen.number.font().pixelSize() >= size[1] / 10
    assert screen.number.height() >= size[1] / 10
    assert "23 orang" in texts(screen)
    shot(screen, artifacts_dir, f"queue-display-{size[0]}x{size[1]}", 100)


def test_kiosk_idle_status_late_and_not_found(
    qtbot: QtBot, artifacts_dir: Path, desk: Desk
) -> None:
    code = existing(desk)
    answers: dict[str, dict[str, Any] | None] = {}

    def fetch(ticket: str, token: str) -> dict[str, Any] | None:
        return answers.get(token)

    service = KioskService(desk.database, lambda: NOW, fetch)
    spoken = Spoken()

    def check(text: str, on_done: Callable[[KioskStatus | None], None]) -> None:
        on_done(service.check(text))

    kiosk = KioskScreen(check, spoken)
    qtbot.addWidget(kiosk)
    kiosk.resize(1366, 768)
    kiosk.show()
    shot(kiosk, artifacts_dir, "queue-kiosk-idle", 100)
    answers["ABC234"] = {
        "status": "in_progress",
        "public_label": "Proses",
        "due_date": "2026-11-25",
        "digantung": False,
    }
    qtbot.keyClicks(kiosk.entry, f"HTTPS://AJ.EXAMPLE/T/{code}/ABC234")
    qtbot.keyClick(kiosk.entry, "\r")  # the scanner's Enter
    assert kiosk.state.text() == "Proses" and "25-11-2026" in kiosk.when.text()
    assert kiosk.late.text() == "" and spoken.spoken
    shot(kiosk, artifacts_dir, "queue-kiosk-status", 100)
    answers["ABC234"] = {**answers["ABC234"], "due_date": "2026-11-10"}
    kiosk.reset()
    qtbot.keyClicks(kiosk.entry, f"HTTPS://AJ.EXAMPLE/T/{code}/ABC234\r")
    assert "terlambat" in kiosk.late.text()
    shot(kiosk, artifacts_dir, "queue-kiosk-late", 100)
    kiosk.reset()
    qtbot.keyClicks(kiosk.entry, code)  # typed, no token: the desk's last known status
    kiosk.on_submit()
    assert "per " in kiosk.when.text()
    shown_text = texts(kiosk)
    for personal in ("Warga", "3171", "0812"):
        assert personal not in shown_text
    kiosk.reset()
    qtbot.keyClicks(kiosk.entry, "PBK1-261118-0999-X")
    kiosk.on_submit()
    assert kiosk.state.text() == "Tidak ditemukan"
    shot(kiosk, artifacts_dir, "queue-kiosk-not-found", 100)
    kiosk._reset.timeout.emit()  # the 30 s timer: back to the start
    assert kiosk.pages.currentIndex() == 0


@pytest.mark.parametrize("scale", [100, 175, 200])
def test_officer_queue_controls(
    qtbot: QtBot, artifacts_dir: Path, desk: Desk, qapp: QApplication, scale: int
) -> None:
    apply_theme(qapp, scale)
    try:
        queue = QueueService(desk.database, lambda: NOW, lambda: "PBK1", lambda: None)

        def run(op: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
            on_done(op())

        controls = QueueControls(queue, run, lambda: "Ani Petugas")
        qtbot.addWidget(controls)
        controls.resize(900, 560)
        controls.show()
        # The desk must fit 1366×768 (a 40-px taskbar) at 200 %: the controls wrap.
        controls.resize(1366, 600)
        assert controls.minimumSizeHint().width() <= 1366
        assert controls.heightForWidth(1366) <= 600 or controls.minimumSizeHint().height() <= 600
        controls.resize(900, 560)
        slips: list[Any] = []
        controls.slip_requested.connect(slips.append)
        served: list[Any] = []
        controls.serve_requested.connect(served.append)
        controls.priority.setCurrentIndex(1)
        controls.on_issue()
        controls.on_issue()
        assert [s.number for s in slips] == ["PBK1-001", "PBK1-002"]
        controls.on_call_next()
        assert controls.ticket is not None and controls.ticket.number == "PBK1-001"
        assert controls.buttons["start"].isEnabled()
        assert not controls.buttons["no-show"].isEnabled()
        assert "Menunggu: 1 orang" in controls.summary.text()
        shot(controls, artifacts_dir, "queue-controls", scale)
        controls.on_step("start")
        assert [t.number for t in served] == ["PBK1-001"]
    finally:
        apply_theme(qapp, 100)
