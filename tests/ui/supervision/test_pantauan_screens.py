"""Screenshots of the Pantauan page with a realistic site — four desks (one silent,
one on an old version), a morning's complaints and a dozen overdue — at 100 %,
175 % and 200 % font on the 1366×768 test screen; the page fits (it scrolls inside,
the window never grows past the screen)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from complaint_domain.complaint import WIB
from complaint_domain.ticket import mint, new_tracking_token
from desk_app.services.accounts import Role
from desk_app.services.queue import QueueService
from desk_app.sync.client import CrmClient
from desk_app.sync.queue_client import QueueClient
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import shot
from tests.ui.supervision.conftest import LiveCrm, run_queue, wib

PASSWORD = "rahasia-sari-1"
CASES = [  # desk, officer, category, kelurahan, hour of 21 December, accepted
    ("PBK3", "budi", "KEBERSIHAN.SAMPAH", "31.71.01.1002", 8, True),
    ("PBK3", "budi", "AIR.GENANGAN", "31.71.03.1005", 8, False),
    ("PBK4", "citra", "KETERTIBAN.PKL", "31.71.01.1001", 9, True),
    ("PBK4", "citra", "JALAN.PJU", "31.73.05.1004", 9, False),
    ("PBK2", "dewi", "BANSOS.TIDAK_DITERIMA", "31.71.02.1001", 10, True),
    ("PBK2", "dewi", "ADMINISTRASI.LAMBAT", "31.71.01.1001", 10, False),
    ("PBK3", "eko", "PENDIDIKAN.KJP", "31.72.04.1003", 11, True),
    ("PBK4", "citra", "KESEHATAN.PUSKESMAS", "31.71.03.1005", 11, False),
    ("PBK2", "dewi", "AIR.SALURAN", "31.71.01.1002", 13, True),
    ("PBK3", "budi", "JALAN.TROTOAR", "31.71.01.1001", 14, False),
]
TODAY = [("PBK2", "dewi", 8), ("PBK3", "budi", 8), ("PBK3", "eko", 9), ("PBK4", "citra", 9),
         ("PBK4", "citra", 10), ("PBK3", "budi", 10), ("PBK2", "dewi", 10)]  # fmt: skip


def _push(crm: LiveCrm, token: str, desk: str, seq: int, at: dt.datetime, **fields: str) -> str:
    ticket = str(mint(desk, at.astimezone(WIB).date(), seq))
    item = {
        "type": "complaint",
        "id": str(uuid.uuid4()),
        "ticket_code": ticket,
        "tracking_token": new_tracking_token(),
        "created_at": at.isoformat(),
        "channel": "PENDOPO",
        "officer": fields.get("officer", "budi"),
        "urgency": "normal",
        "category_code": fields.get("category", "JALAN.RUSAK"),
        "description": "Laporan warga di meja aduan.",
        "earlier_references": [],
        "complainant": {
            "name": "Warga Rahasia",
            "keep_identity_private": False,
            "consent_given_at": at.isoformat(),
        },
        "location": {"kelurahan_code": fields.get("kelurahan", "31.71.01.1001")},
        "attachments": [],
    }
    answer = requests.post(
        crm.url + "/api/v1/sync/complaints",
        json={"items": [item]},
        headers={"Authorization": f"Bearer {token}"},
        timeout=5,
    )
    assert answer.json()["results"][0]["outcome"] == "accepted", answer.text
    return ticket


def build_site(live_crm: LiveCrm, site_desk: object) -> MainWindow:
    a = site_desk("PBK1")  # type: ignore[operator]
    admin = a.desk.accounts.create_first_admin("admin", "Admin Meja", "rahasia-admin-1")
    a.desk.accounts.add_account(
        admin, "sari", "Sari Koordinator", PASSWORD, Role.SUPERVISOR, must_change_password=False
    )
    tokens = {code: live_crm.enrol(code) for code in ("PBK2", "PBK3", "PBK4")}
    # Monday 21 December: the earlier cases, half of them taken up by the kelurahan.
    for i, (desk, officer, category, kelurahan, hour, accepted) in enumerate(CASES):
        live_crm.clock.now = wib(2026, 12, 21, hour, 5 * i)
        ticket = _push(live_crm, tokens[desk], desk, i + 1, live_crm.clock.now,
                       officer=officer, category=category, kelurahan=kelurahan)  # fmt: skip
        if accepted:
            live_crm.act(ticket, "accept")
    live_crm.clock.now = wib(2026, 12, 21, 15, 0)
    a.record(a.desk.accounts.sign_in("admin", "rahasia-admin-1"), 2)
    assert a.engine.run_once().ok
    # Tuesday 29 December, the morning after Christmas week.
    for i, (desk, officer, hour) in enumerate(TODAY):
        live_crm.clock.now = wib(2026, 12, 29, hour, 7 * i)
        _push(live_crm, tokens[desk], desk, 100 + i, live_crm.clock.now, officer=officer)
    # The site's queue that morning, PBK1 and PBK2 calling.
    two = QueueService(
        a.desk.database,
        live_crm.clock,
        lambda: "PBK2",
        lambda: QueueClient(CrmClient(live_crm.url, tokens["PBK2"])),
    )
    run_queue(live_crm, a.services().queue, two, dt.date(2026, 12, 29))
    live_crm.clock.now = wib(2026, 12, 29, 8, 40)
    live_crm.heartbeat(tokens["PBK2"], pending_count=3, oldest_unsent_age_seconds=1500,
                       app_version="0.1.0", officer="dewi")  # fmt: skip
    live_crm.clock.now = wib(2026, 12, 29, 10, 50)
    slow = live_crm.clock.now - dt.timedelta(minutes=4)
    live_crm.heartbeat(tokens["PBK3"], app_version="0.0.9", officer="budi",
                       desk_time=slow.isoformat())  # fmt: skip
    live_crm.heartbeat(tokens["PBK4"], app_version="0.1.0", officer="citra",
                       desk_time=live_crm.clock.now.isoformat())  # fmt: skip
    live_crm.clock.now = wib(2026, 12, 29, 10, 52)
    assert a.engine.run_once().ok
    window = MainWindow(a.services())
    return window


@pytest.mark.parametrize("font_scale", [100, 175, 200], indirect=True)
def test_pantauan_screens(
    qtbot: QtBot,
    live_crm: LiveCrm,
    site_desk: object,
    font_scale: int,
    artifacts_dir: Path,
) -> None:
    window = build_site(live_crm, site_desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.signed_in, timeout=15000):
        window.start(("sari", PASSWORD))
    window.services.sync.run_once()  # the heartbeat names who signed in here
    with qtbot.waitSignal(window.supervision_flow.refreshed, timeout=15000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    page = window.pantauan
    states = {r[0]: r[1] for r in page.cells("desks")}
    assert states["PBK2"].startswith("⚠ DIAM")
    assert states["PBK3"] == "daring · ⬆ versi lama"
    assert states["PBK4"] == "daring"
    assert len(page.cells("overdue")) == 12
    assert page.cells("queue") == [["Nomor diambil", "3"], ["Selesai dilayani", "1"],
                                   ["Tidak hadir", "1"]]  # fmt: skip
    screen = QApplication.primaryScreen().availableGeometry()
    assert window.frameGeometry().width() <= screen.width()
    assert window.frameGeometry().height() <= screen.height()
    # Every control of the page's head is on screen (nothing pushed off the edge).
    for button in (page.refresh_button, page.export_button, page.back_button):
        assert button.isVisible()
        right = button.mapTo(window, button.rect().bottomRight())
        assert right.x() <= window.width() and right.y() <= window.height()
    qtbot.wait(200)  # the wrapped rows settle their heights
    shot(window, artifacts_dir, "pantauan", font_scale)
    page.scroller.verticalScrollBar().setValue(page.cards["overdue"].y())
    qtbot.wait(100)
    shot(window, artifacts_dir, "pantauan-lists", font_scale)
    page.scroller.verticalScrollBar().setValue(page.cards["queue"].y() + page.compact_box.y())
    qtbot.wait(100)
    shot(window, artifacts_dir, "pantauan-queue", font_scale)
    assert len(page.cells("queue_tickets")) == 3
    page.scroller.verticalScrollBar().setValue(page.cards["queue_tickets"].y())
    qtbot.wait(100)
    shot(window, artifacts_dir, "pantauan-queue-list", font_scale)
