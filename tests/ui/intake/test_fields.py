"""The form ↔ fields mapping: a stored complaint shown on the form gives back the
same fields, as the draft keeps them; and the CRM's field paths name the form's."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk_app.services.desk import Desk
from desk_app.services.root import build_services
from desk_app.ui.intake import IntakeFormPage
from desk_app.ui.intake.fields import complaint_fields, form_field, is_empty
from desk_app.ui.tasks import TaskRunner
from tests.ui.conftest import ANI, existing


def test_a_stored_complaint_comes_back_from_the_form_as_it_went_in(
    qtbot: QtBot, desk: Desk
) -> None:
    code = existing(desk, nik="3171011708450001", earlier_references=["JAKI: 2611-0042"])
    found = desk.lookup.search(ANI, code).items[0]
    complaint = desk.lookup.detail(ANI, found.id)
    assert complaint is not None
    runner = TaskRunner()
    page = IntakeFormPage(build_services(desk), runner)
    qtbot.addWidget(page)
    try:
        values = complaint_fields(complaint)
        page.set_fields(values)
        back = page.fields()
        for field in ("name", "nik", "phone", "kelurahan_code", "category_code", "description"):
            assert back[field] == values[field], field
        assert back["ref_JAKI"] == "2611-0042"
        assert page.name.text() == "Budi Santoso"
        form = page.form()
        assert form.earlier_references == ["JAKI: 2611-0042"]
        assert form.kelurahan_code == "31.71.03.1005"
        assert not is_empty(back)
        page.reset()
        assert is_empty(page.fields())
    finally:
        runner.shutdown(wait=True)


def test_the_crm_s_field_paths_name_the_form_s_fields() -> None:
    assert form_field("location.kelurahan_code") == "kelurahan_code"
    assert form_field("complainant.nik") == "nik"
    assert form_field("description") == "description"
    assert form_field("") == ""
