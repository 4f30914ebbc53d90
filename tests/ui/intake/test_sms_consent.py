"""The SMS consent tick on the form: off by default, usable only with a phone
number (and cleared when the number goes), kept in the draft, saved with the
complaint and shown on its detail view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.ui.intake import drafts as intake_drafts
from desk_app.ui.main_window import MainWindow
from tests.ui.conftest import ANI, existing, press, sign_in

CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_tick_needs_a_phone_and_is_kept_in_the_draft(
    qtbot: QtBot, window: MainWindow, desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(intake_drafts, "DRAFT_INTERVAL_MS", 100)
    sign_in(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL)
    form = window.intake
    assert not form.sms_consent.isChecked() and not form.sms_consent.isEnabled()
    form.phone.setText("0812 3456 7890")
    assert form.sms_consent.isEnabled() and not form.sms_consent.isChecked()
    form.sms_consent.setChecked(True)
    form.phone.setText("")  # the number goes: so does the tick
    assert not form.sms_consent.isEnabled() and not form.sms_consent.isChecked()
    form.phone.setText("0812 3456 7890")
    form.sms_consent.setChecked(True)
    form.name.setText("Siti Nurhaliza")
    key = form.draft_key

    def saved() -> object:
        draft = desk.drafts.load(key)
        return draft.fields.get("sms_consent") if draft else None

    qtbot.waitUntil(lambda: saved() is True, timeout=5000)


def test_the_detail_view_says_whether_news_go_by_sms(
    qtbot: QtBot, window: MainWindow, desk: Desk
) -> None:
    ticked = existing(desk, sms_consent=True)
    plain = existing(desk, phone="0813 1111 2222", description="Saluran air mampet di gang.")
    sign_in(qtbot, window)
    for code, said in ((ticked, "ya, ke nomor ini"), (plain, "tidak")):
        found = window.services.lookup.search(ANI, code).items
        window.detail_flow.open(found[0].id)
        qtbot.waitUntil(lambda c=code: window.detail.title.text() == c)
        assert "Kabar lewat SMS" in window.detail.body.text()
        assert said in window.detail.body.text()
