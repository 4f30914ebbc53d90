"""A second citizen of the same problem: recorded as a co-reporter of the complaint
(their own consent, name, NIK, phone, address), found by their phone and name, and
given a receipt with their own masked name."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from complaint_domain.complaint import EventKind
from desk_app.printing.document import PrintDocument
from desk_app.printing.errors import PaperOutError
from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.errors import ValidationFailed
from desk_app.services.intake import IntakeForm
from desk_app.services.lookup import MatchedBy
from desk_app.services.receipts import ReceiptNotPrinted
from desk_app.services.root import DeskServices, build_services
from desk_app.store import audit, outbox

OFFICER = Officer("ani", "Ani Petugas", Role.OFFICER)


def first_citizen() -> IntakeForm:
    return IntakeForm(
        name="Siti Aminah",
        nik="3171011708450001",
        phone="0812-3456-7890",
        consent=True,
        kelurahan_code="31.71.03.1005",
        category_code="JALAN.RUSAK",
        description="Jalan berlubang besar di depan pasar Senen sejak sebulan.",
    )


def second_citizen(**changes: object) -> IntakeForm:
    form = dataclasses.replace(
        first_citizen(),
        name="Bambang Sutrisno",
        nik="3171021505700003",
        phone="0813-1111-2222",
        address="Jl. Kramat Raya 5",
        description="Lubang di depan pasar makin lebar, motor sering jatuh.",
    )
    return dataclasses.replace(form, **changes)  # type: ignore[arg-type]


@pytest.fixture
def desk(data_dir: Path):
    d = open_desk(data_dir)
    yield d
    d.close()


@pytest.fixture
def services(desk: Desk) -> DeskServices:
    return build_services(desk)


def receipt_text(prepared_pdf: bytes) -> str:
    document = pdfium.PdfDocument(prepared_pdf)
    text = document[0].get_textpage().get_text_range()
    document.close()
    return " ".join(text.split())


def test_a_co_reporter_is_recorded_with_their_own_details_and_an_event(
    desk: Desk, services: DeskServices
):
    complaint = services.intake.record(OFFICER, first_citizen()).complaint
    event = services.intake.add_co_reporter(
        OFFICER, str(complaint.id), second_citizen(), "Motor saya jatuh di lubang itu."
    )
    assert event.kind is EventKind.REPORTER_ADDED
    assert event.id != complaint.id
    stored = services.lookup.detail(OFFICER, str(complaint.id))
    assert stored is not None
    assert stored.reporter_count == 2
    (co,) = stored.co_reporters
    assert (co.name, co.nik, co.phone, co.address) == (
        "Bambang Sutrisno",
        "3171021505700003",
        "+6281311112222",
        "Jl. Kramat Raya 5",
    )
    assert co.consent_given_at is not None
    assert stored.complainant.name == "Siti Aminah"  # the first citizen stays
    with desk.database.read() as session:
        assert outbox.state_of(session, str(event.id)) == outbox.PENDING
        entries = audit.entries(session, complaint.ticket_code)
    assert "complaint.add_reporter" in [e.action for e in entries]
    assert all("Bambang" not in str(e) and "0813" not in str(e) for e in entries)


def test_a_co_reporter_is_validated_like_the_first_citizen(services: DeskServices):
    complaint = services.intake.record(OFFICER, first_citizen()).complaint
    with pytest.raises(ValidationFailed) as refused:
        services.intake.add_co_reporter(
            OFFICER,
            str(complaint.id),
            second_citizen(consent=False, name="", phone="123", nik="12"),
        )
    assert set(refused.value.errors) == {"consent", "name", "phone", "nik"}
    stored = services.lookup.detail(OFFICER, str(complaint.id))
    assert stored is not None and stored.reporter_count == 1


def test_both_citizens_are_found_by_phone_and_by_name(services: DeskServices):
    complaint = services.intake.record(OFFICER, first_citizen()).complaint
    services.intake.add_co_reporter(OFFICER, str(complaint.id), second_citizen())
    for query in ("0812 3456 7890", "+62 813-1111-2222", "Siti Aminah", "bambang sutri"):
        found = services.lookup.search(OFFICER, query)
        assert [s.id for s in found.items] == [str(complaint.id)], query
    assert services.lookup.search(OFFICER, "081311112222").matched_by is MatchedBy.PHONE
    assert services.lookup.search(OFFICER, "3171021505700003").items[0].id == str(complaint.id)
    assert services.lookup.search(OFFICER, "Bambang Lain").items == []


def test_each_citizen_s_receipt_names_them(services: DeskServices, artifacts_dir: Path):
    complaint = services.intake.record(OFFICER, first_citizen()).complaint
    event = services.intake.add_co_reporter(OFFICER, str(complaint.id), second_citizen())
    first = services.receipts.prepare_new(OFFICER, complaint)
    second = services.receipts.prepare_added(OFFICER, str(complaint.id), event)
    first_text = receipt_text(first.document.pdf)
    second_text = receipt_text(second.document.pdf)
    assert "Pelapor Sit* Ami***" in first_text
    assert "Pelapor Bam**** Sut*****" in second_text
    assert "Sit*" not in second_text and "Bam*" not in first_text
    assert second.ticket_code == first.ticket_code == complaint.ticket_code
    assert first.document.qr_payload == second.document.qr_payload  # the same tracking link
    assert "sudah pernah diadukan" in second_text
    assert "pelapor aduan ini" in second_text
    assert second.is_addition
    folder = artifacts_dir / "receipts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "co-reporter-roll80.png").write_bytes(second.preview_png)


def test_a_co_reporter_who_keeps_their_identity_private_is_not_named(services: DeskServices):
    complaint = services.intake.record(OFFICER, first_citizen()).complaint
    event = services.intake.add_co_reporter(
        OFFICER, str(complaint.id), second_citizen(keep_identity_private=True)
    )
    prepared = services.receipts.prepare_added(OFFICER, str(complaint.id), event)
    text = receipt_text(prepared.document.pdf)
    assert "(tanpa nama)" in text and "Bam*" not in text and "Sit*" not in text


class Printer:
    """Records what was printed; ``fail`` makes the jobs fail like an empty roll."""

    def __init__(self) -> None:
        self.printed: list[bytes] = []
        self.fail = False

    def print_document(self, document: PrintDocument) -> None:
        if self.fail:
            raise PaperOutError(detail="test")
        self.printed.append(document.pdf)


def test_a_co_reporter_s_receipt_that_failed_is_reprinted_in_their_name(desk: Desk):
    printer = Printer()
    services = build_services(desk, printer=printer)
    complaint = services.intake.record(OFFICER, first_citizen()).complaint
    services.receipts.print_receipt(services.receipts.prepare_new(OFFICER, complaint))
    assert services.lookup.to_print(OFFICER) == []

    event = services.intake.add_co_reporter(OFFICER, str(complaint.id), second_citizen())
    printer.fail = True
    with pytest.raises(ReceiptNotPrinted):
        services.receipts.print_receipt(
            services.receipts.prepare_added(OFFICER, str(complaint.id), event)
        )
    assert [s.id for s in services.lookup.to_print(OFFICER)] == [str(complaint.id)]

    # From the "to print" list: the co-reporter's own receipt, not the first citizen's.
    printer.fail = False
    again = services.receipts.prepare_reprint(OFFICER, str(complaint.id))
    assert not again.is_copy and again.reporter_event_id == str(event.id)
    services.receipts.print_receipt(again)
    assert "Pelapor Bam**** Sut*****" in receipt_text(printer.printed[-1])
    assert services.lookup.to_print(OFFICER) == []
    # Later copies are the complaint's, marked SALINAN.
    copy = services.receipts.prepare_reprint(OFFICER, str(complaint.id))
    assert copy.is_copy and "Pelapor Sit* Ami***" in receipt_text(copy.document.pdf)
