"""The desk and the CRM never disagree on reference data (issue 14, item 4): the desk
takes the CRM's areas, categories and time limits whenever the CRM publishes a new
version (``GET /api/v1/reference``, ETag), and its shipped data until then."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from complaint_domain.areas import Area, AreaLevel
from complaint_domain.complaint import WIB
from desk_app.services.desk import Desk, open_desk
from desk_app.services.enrolment import TokenStore
from desk_app.services.root import build_services
from desk_app.services.sync_control import SyncControl
from desk_app.sync.client import CrmClient, ReferenceAnswer
from desk_app.sync.pull import Puller
from desk_app.ui.intake.page import IntakeFormPage
from desk_app.ui.tasks import TaskRunner
from tests.sync.conftest import OFFICER, form
from tests.sync.crm import CrmProcess

# The offscreen platform's own notes when a window shows (see tests/ui/conftest.py).
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise|grabbing)"
)

NEW_KELURAHAN = Area("31.71.03.1099", "Kelurahan Baru Sekali", AreaLevel.KELURAHAN)


@pytest.fixture
def enrolled(tmp_path: Path, crm_server: CrmProcess):
    desk = open_desk(tmp_path / "desk")
    desk.settings.desk_code = "PBK1"
    desk.settings.crm_url = crm_server.url
    tokens = TokenStore(desk.data_dir, keyring=None)
    tokens.save(CrmClient(crm_server.url).enrol(crm_server.enrolment_code("PBK1")).token)
    control = SyncControl(desk, token_store=tokens, timeout=(1.0, 5.0))
    yield desk, control
    control.stop()
    desk.close()


def _offered(page: IntakeFormPage, qtbot: QtBot, typed: str) -> list[str]:
    page.area.search.clear()
    qtbot.keyClicks(page.area.search, typed)
    model = page.area.completer.model()
    return [model.index(i, 0).data() for i in range(model.rowCount())]


def _due(desk: Desk) -> tuple[dt.date, dt.date]:
    """The first-response date a new complaint's receipt promises, and its day."""
    complaint = desk.intake.record(OFFICER, form(1)).complaint
    data = build_services(desk).receipts.data_for(OFFICER.display_name, complaint)
    assert data.first_response_due is not None
    return data.first_response_due, complaint.created_at.astimezone(WIB).date()


def _after(desk: Desk, day: dt.date, days: int) -> dt.date:
    return desk.calendar.add_working_days(day, days)


def test_a_new_reference_version_on_the_crm_reaches_the_pickers_and_the_receipt(
    qtbot: QtBot, enrolled: tuple[Desk, SyncControl], crm_server: CrmProcess
) -> None:
    desk, control = enrolled
    desk.settings.first_response_working_days = 9  # the desk's own guess, until the CRM says
    page = IntakeFormPage(build_services(desk), TaskRunner())
    qtbot.addWidget(page)
    page.show()
    assert _offered(page, qtbot, "baru sekali") == ["Tidak ada kelurahan bernama “baru sekali”"]
    due, day = _due(desk)
    assert due == _after(desk, day, 9)

    # The first sync takes the CRM's reference: its first-response limit (1 working
    # day by default) is the receipt's, as on the CRM's tracking page.
    assert control.run_once()
    assert desk.first_response_days == 1
    due, day = _due(desk)
    assert due == _after(desk, day, 1)

    # The CRM publishes a new version: a kelurahan of the next decree, a longer limit.
    crm_server.crm.import_areas([NEW_KELURAHAN])
    crm_server.env["MEJA_CRM_TIME_LIMITS"] = "received=4"
    crm_server.restart(kill=False)
    assert control.run_once()
    # The form already open offers it, the desk accepts it, the receipt counts 4 days.
    assert _offered(page, qtbot, "baru sekali") == [
        "Kel. Kelurahan Baru Sekali, Kec. Kemayoran, Jakarta Pusat"
    ]
    page.area.completer.popup().hide()
    chosen = dataclasses.replace(form(2), kelurahan_code=NEW_KELURAHAN.code)
    assert desk.intake.validate(chosen) == {}
    assert desk.first_response_days == 4
    due, day = _due(desk)
    assert due == _after(desk, day, 4)


class _Publishing(CrmClient):
    """The CRM's own document with one category more (as a later CRM publishes it)."""

    def __init__(self, document: dict[str, Any]) -> None:
        super().__init__("http://127.0.0.1:9", "token")
        self.document = document

    def reference(self, etag: str) -> ReferenceAnswer:
        return ReferenceAnswer("v2", self.document)


def test_a_category_the_crm_adds_reaches_the_category_picker(
    qtbot: QtBot, enrolled: tuple[Desk, SyncControl], crm_server: CrmProcess
) -> None:
    desk, control = enrolled
    assert control.run_once()
    page = IntakeFormPage(build_services(desk), TaskRunner())
    qtbot.addWidget(page)
    page.show()
    labels = [page.category.itemText(i) for i in range(page.category.count())]
    assert "Lainnya › Lainnya (belum ada kategorinya)" in labels
    assert not any("Air bersih" in label for label in labels)

    document, _ = crm_server.crm.reference()
    document = json.loads(json.dumps(document))
    document["categories"] += [
        {"code": "AIRBERSIH", "name": "Air bersih", "parent": None, "agency": "SDA"},
        {"code": "AIRBERSIH.MATI", "name": "Air PAM mati", "parent": "AIRBERSIH", "agency": ""},
    ]
    Puller(desk.database, _Publishing(document), lambda *_: None, lambda _: None).reference()
    desk.reload_reference()
    page.hide()
    page.show()  # the form opened again: the picker reads the categories in use
    labels = [page.category.itemText(i) for i in range(page.category.count())]
    assert "Air bersih › Air PAM mati" in labels
    page.category.set_code("AIRBERSIH.MATI")
    assert page.category.code() == "AIRBERSIH.MATI"
    chosen = dataclasses.replace(form(3), category_code="AIRBERSIH.MATI")
    assert desk.intake.validate(chosen) == {}
    # Ours keep their translatable names (and the officer's language).
    index = page.category.findData("JALAN.RUSAK")
    assert page.category.itemText(index) == "Jalan dan trotoar › Jalan rusak / berlubang"
