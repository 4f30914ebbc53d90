"""A complaint whose kelurahan the CRM does not know (a desk's newer area code, Open311
without an address id) is received into triage, and the channel admin names its
kelurahan when accepting it: before, it was accepted into a unit no kelurahan account
has, where only the city could see it (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from crm_server.core.crm import Crm
from crm_server.db.models import Complaint
from crm_server.seed import DEMO_KELURAHAN
from tests.crm_server.conftest import complaint_item
from tests.crm_server.console.conftest import Console
from tests.crm_server.console.test_complaint_page import act, done

Push = Callable[..., dict[str, Any]]


def test_the_channel_admin_names_an_unknown_kelurahan_at_acceptance(
    crm: Crm, push: Push, signed_in: Callable[[str], Console]
) -> None:
    item = complaint_item()
    item["location"] = {**item["location"], "kelurahan_code": "31.71.99.9999"}
    push(item)
    ticket = item["ticket_code"]
    admin = signed_in("admin.kanal")
    page = admin.get(f"/console/c/{ticket}").text
    assert 'name="kelurahan_code"' in page and "Kel. Gambir, Kec. Gambir" in page
    refused = act(admin, ticket, "accept", public_note="Diterima.")
    assert refused.status_code == 422
    assert "Pilih kelurahan lokasi aduan sebelum menerimanya." in refused.text
    assert 'aria-invalid="true"' in refused.text
    wrong = act(admin, ticket, "accept", kelurahan_code="31.71.01")  # a kecamatan
    assert wrong.status_code == 422 and "Pilih kelurahan dari daftar." in wrong.text

    page = done(admin, ticket, "accept", kelurahan_code=DEMO_KELURAHAN)
    assert "Kelurahan Gambir" in page
    with crm.sessions() as session:
        row = session.scalars(select(Complaint).where(Complaint.ticket_code == ticket)).one()
        assert (row.kelurahan_code, row.kota_code, row.status) == (
            DEMO_KELURAHAN,
            "31.71",
            "coordination",
        )
    # The kelurahan now sees it and may act on it.
    lurah = signed_in("lurah.gambir").get(f"/console/c/{ticket}").text
    assert "Tangani sendiri" in lurah


def test_a_known_kelurahan_is_accepted_as_before(
    push: Push, signed_in: Callable[[str], Console]
) -> None:
    item = complaint_item()
    push(item)
    admin = signed_in("admin.kanal")
    assert 'name="kelurahan_code"' not in admin.get(f"/console/c/{item['ticket_code']}").text
    done(admin, item["ticket_code"], "accept")
