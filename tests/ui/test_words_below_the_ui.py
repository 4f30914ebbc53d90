"""Sentences made below the UI (the shared domain, the services, the store) reach the
officer in the chosen language: with English installed, ``shown()`` turns each of them
into English and no Indonesian word is left. And the catalogue holds a finished
English sentence, with the same {fields}, for every ``QT_TRANSLATE_NOOP`` in the code,
so a sentence added without its English fails here."""

from __future__ import annotations

import ast
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from complaint_domain.areas import AreaFileError, read_area_file
from complaint_domain.complaint import Urgency, check_attachment
from complaint_domain.messages import Message
from complaint_domain.reference import category_label
from complaint_domain.status import Status, public_status_text
from complaint_domain.ticket import TicketCodeError, mint, parse_ticket_code
from complaint_domain.validation import validate_complaint_fields
from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import Desk, open_desk
from desk_app.services.errors import UserFacingError, ValidationFailed, message_for
from desk_app.services.intake import IntakeForm
from desk_app.services.settings import load_settings
from desk_app.store.db import StorageError
from desk_app.ui.i18n import CATALOGUE, I18N_DIR, install_language, shown

REPO = Path(__file__).resolve().parents[2]
CATALOGUE_TS = I18N_DIR / f"{CATALOGUE}_en.ts"
FIELD = re.compile(r"\{(\w*)\}")

# Words that mark an Indonesian sentence (none of them is an English word).
INDONESIAN = {
    "wajib", "harus", "tidak", "berkas", "nomor", "sandi", "pengguna", "baris", "sah",
    "aduan", "angka", "karakter", "huruf", "dan", "atau", "yang", "dari", "belum",
    "sudah", "paling", "pilih", "tulis", "dipakai", "ditolak", "diisi", "penuh", "hubungi",
}  # fmt: skip


def english_only(text: str) -> str:
    words = set(re.findall(r"[a-z]+", text.lower()))
    left = words & INDONESIAN
    assert not left, f"Indonesian left in {text!r}: {sorted(left)}"
    return text


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    install_language(qapp, "en")
    try:
        yield
    finally:
        install_language(qapp, "id")


@pytest.fixture
def desk(data_dir: Path) -> Iterator[Desk]:
    d = open_desk(data_dir)
    yield d
    d.close()


def test_validation_messages_and_their_field_labels_come_out_in_english(english: None):
    result = validate_complaint_fields(
        {
            "name": "",
            "nik": "317101170845000",  # 15 digits
            "phone": "12",
            "rt_rw": "3-7-9",
            "description": "Rusak",
            "kelurahan_code": "",
            "category_code": "",
            "consent": "",
        }
    )
    # Still Indonesian as a str: what the CRM and the logs see.
    assert result.errors["nik"] == "NIK harus 16 angka (sekarang 15)."
    expected = {
        "name": "Complainant's name is required.",
        "nik": "A NIK has 16 digits (this one has 15).",
        "phone": "Invalid phone number: check the number of digits and the area code.",
        "rt_rw": "Write RT/RW like 003/007.",
        "description": "The description is too short: write at least 10 characters.",
        "kelurahan_code": "Kelurahan must be chosen.",
        "category_code": "Category must be chosen.",
        "consent": "Tick the consent to processing personal data.",
    }
    assert {name: english_only(shown(m)) for name, m in result.errors.items()} == expected


def test_a_refused_intake_names_its_problems_in_english(english: None, desk: Desk):
    officer = Officer("ani", "Ani Petugas", Role.OFFICER)
    form = IntakeForm(
        name="Siti Nurhaliza",
        nik="31710117084500",
        phone="021-3822255",
        consent=True,
        kelurahan_code="31.71.03",  # a kecamatan, not a kelurahan
        category_code="JALAN",  # a top-level category
        description="Jalan berlubang besar di depan pasar.",
    )
    with pytest.raises(ValidationFailed) as refused:
        desk.intake.record(officer, form)
    errors = {name: english_only(shown(m)) for name, m in refused.value.errors.items()}
    assert errors == {
        "nik": "A NIK has 16 digits (this one has 14).",
        "kelurahan_code": "Unknown kelurahan: choose one from the list.",
        "category_code": "Choose the sub-category that fits best.",
    }
    assert shown(refused.value.message) == "Some data is missing or not right: 3 fields to correct."
    with pytest.raises(ValidationFailed) as short:
        desk.intake.add_citizen_event(officer, "00000000-0000-0000-0000-000000000000", "ok", [])
    assert english_only(shown(short.value.errors["note"])) == (
        "Write the additional information (at least 5 characters)."
    )


def test_account_refusals_are_in_english(english: None, desk: Desk):
    admin = desk.accounts.create_first_admin("admin", "Admin Meja", "rahasia-admin")
    desk.accounts.add_account(admin, "budi", "Budi", "rahasia-budi", Role.OFFICER)
    refusals = []
    for attempt in (
        lambda: desk.accounts.sign_in("budi", "salah-sekali"),
        lambda: desk.accounts.add_account(admin, "budi", "Budi", "rahasia-budi", Role.OFFICER),
        lambda: desk.accounts.add_account(admin, "b u d i", "Budi", "rahasia-budi", Role.OFFICER),
        lambda: desk.accounts.add_account(admin, "cici", "Cici", "pendek", Role.OFFICER),
        lambda: desk.accounts.list_accounts(Officer("budi", "Budi", Role.OFFICER)),
        lambda: desk.accounts.create_first_admin("lagi", "Lagi", "rahasia-lagi"),
    ):
        with pytest.raises(UserFacingError) as refused:
            attempt()
        refusals.append(english_only(shown(refused.value.message)))
    assert refusals == [
        "Wrong user name or password.",
        "The user name budi is already taken.",
        "A user name may only contain letters, digits, dots and underscores.",
        "The password needs at least 8 characters.",
        "Only the Admin role may do this.",
        "The first admin already exists; sign in as an admin.",
    ]


def test_area_file_errors_name_the_line_in_english(english: None, tmp_path: Path):
    cases = {
        "kode,nama,tingkat\n31,DKI Jakarta,provinsi\n31.7X,Jakarta Pusat,kabupaten_kota\n": (
            "Line 3: area code '31.7X' is not valid."
        ),
        "kode,nama,tingkat\n31,DKI Jakarta,provinsi\n31.71.01,Gambir,kecamatan\n": (
            "Line 3: 31.71, the parent of 31.71.01, is not in the file."
        ),
        "kode,nama\n31,DKI Jakarta\n": "Required columns are missing: tingkat.",
    }
    for number, (text, english_text) in enumerate(cases.items()):
        path = tmp_path / f"areas-{number}.csv"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(AreaFileError) as refused:
            read_area_file(path)
        assert shown(refused.value.message) == english_text


def test_ticket_code_errors_and_hints_are_in_english(english: None):
    code = next(
        c for s in range(1, 200) if (c := mint("PBK1", dt.date(2026, 11, 22), s)).check == "0"
    )
    with pytest.raises(TicketCodeError) as refused:
        parse_ticket_code(str(code)[:-1] + "O")
    assert english_only(shown(refused.value.message)) == (
        "The last character of the ticket code is probably the digit zero (0), "
        "not the letter O. Check the receipt."
    )
    with pytest.raises(TicketCodeError) as empty:
        parse_ticket_code("  ")
    assert shown(empty.value.message) == "The ticket code is empty."


def test_storage_faults_labels_attachments_and_settings_are_in_english(
    english: None, tmp_path: Path
):
    full = message_for(StorageError("full", "database or disk is full"))
    assert full is not None
    assert english_only(shown(full)).startswith("This computer's storage is full;")
    assert shown(Status.NOT_SENT.public_label) == "Not sent yet — recorded at the desk"
    assert shown(public_status_text(Status.DUPLICATE, merged_into="PBK1-261122-0042-K")) == (
        "Merged with PBK1-261122-0042-K"
    )
    assert shown(Urgency.URGENT.label) == "Urgent"
    assert category_label("JALAN.RUSAK") == "Jalan dan trotoar › Jalan rusak / berlubang"
    assert shown(category_label("JALAN.RUSAK")) == "Roads and pavements › Damaged road / potholes"
    _, problem = check_attachment(b"MZ\x90\x00", "virus.exe")
    assert problem is not None
    assert english_only(shown(problem)) == (
        "The file virus.exe is not a photo (JPG, PNG, WEBP, TIFF) or a PDF."
    )
    settings_file = tmp_path / "settings.json"
    settings_file.write_text('{"font_scale": 900, "language": 3}', encoding="utf-8")
    _, warnings = load_settings(settings_file)
    assert [english_only(shown(w)) for w in warnings] == [
        "The setting language is not valid; its default value is used.",
        "The font size must be 100–200 %. The default value is used.",
    ]


# -- the catalogue ---------------------------------------------------------------------


def marked_sentences() -> set[tuple[str, str]]:
    """Every ``QT_TRANSLATE_NOOP(context, source)`` in the desk and the shared domain.
    Both arguments must be literals (lupdate reads the source, not the running code)."""
    found: set[tuple[str, str]] = set()
    for package in ("complaint_domain", "desk_app"):
        for path in sorted((REPO / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            for node in ast.walk(tree):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id == "QT_TRANSLATE_NOOP"
                ):
                    continue
                args = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
                where = f"{path.relative_to(REPO)}:{node.lineno}"
                assert len(args) == 2 and all(isinstance(a, str) for a in args), (
                    f"{where}: QT_TRANSLATE_NOOP needs a literal context and source"
                )
                found.add((str(args[0]), str(args[1])))
    return found


def catalogue() -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) → (translation, its type: None when finished)."""
    entries = {}
    for context in ET.parse(CATALOGUE_TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            entries[(name, message.findtext("source") or "")] = (
                translation.text or "",
                translation.get("type"),
            )
    return entries


# Fields a translation leaves out on purpose: the CRM's own words are Indonesian, so the
# English refusal says ours alone (DESIGN: with English chosen, nothing shows in Indonesian).
LEFT_OUT_IN_ENGLISH = {("SyncRefusal", "crm_text")}


def test_every_marked_sentence_has_its_english_with_the_same_fields(qapp: QApplication):
    marked = marked_sentences()
    assert len(marked) > 100  # the scan sees the code (validation, services, storage, …)
    entries = catalogue()
    compiled = QTranslator()
    assert compiled.load(f"{CATALOGUE}_en", str(I18N_DIR))
    problems = []
    for context, source in sorted(marked):
        english, kind = entries.get((context, source), ("", "missing"))
        if kind is not None or not english:
            problems.append(f"{context}: {source!r} has no finished English ({kind})")
        elif sorted(FIELD.findall(english)) != sorted(
            f for f in FIELD.findall(source) if (context, f) not in LEFT_OUT_IN_ENGLISH
        ):
            problems.append(f"{context}: {source!r} → {english!r}: the fields differ")
        elif compiled.translate(context, source) != english:
            problems.append(f"{context}: {source!r}: the .qm is older (run scripts/i18n.sh)")
    assert not problems, "\n".join(problems)


def test_a_sentence_with_fields_is_translated_field_by_field(english: None):
    label = Message("Fields", "Nama pelapor")
    sentence = Message("Validation", "{field} wajib diisi.").format(field=label)
    assert sentence == "Nama pelapor wajib diisi."
    assert shown(sentence) == "Complainant's name is required."
