"""An action sent from the complaint page: its form read (multipart, with evidence
photos), the photos stored as content-addressed attachments, the step taken through
the workflow, and every refusal turned into words for the form it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.requests import Request

from complaint_domain.public_note import PersonalData
from crm_server.console.words import say
from crm_server.core.attachments import sniff_media_type, store_attachment
from crm_server.core.auth import UserAuth
from crm_server.core.crm import Crm
from crm_server.core.errors import ApiError
from crm_server.core.schemas import ActionRequest, AttachmentRef
from crm_server.core.workflow import ACTIONS, PersonalDataRefused, Workflow

TEXT_FIELDS = (
    "public_note",
    "internal_note",
    "reason",
    "target_ticket",
    "target_ticket_other",
    "agency_code",
    "kelurahan_code",
)
MAX_FILES = 5
PERSONAL_WORDS = {
    PersonalData.NIK: say(
        "Teks ini akan dibaca warga, tetapi tampak berisi NIK. "
        "Hapus NIK itu; data pribadi hanya boleh ditulis di catatan internal."
    ),
    PersonalData.PHONE: say(
        "Teks ini akan dibaca warga, tetapi tampak berisi nomor telepon. "
        "Hapus nomor itu; data pribadi hanya boleh ditulis di catatan internal."
    ),
    PersonalData.EMAIL: say(
        "Teks ini akan dibaca warga, tetapi tampak berisi alamat e-mail. "
        "Hapus alamat itu; data pribadi hanya boleh ditulis di catatan internal."
    ),
}
CODE_WORDS = {
    "reason_required": say("Tulis alasan penolakan; warga akan membacanya."),
    "target_required": say(
        "Pilih atau tulis kode tiket aduan lain yang masih terbuka dan dapat Anda lihat."
    ),
    "note_required": say("Tulis catatan publik untuk langkah ini."),
    "agency_required": say("Pilih dinas tujuan."),
    "kelurahan_required": say("Pilih kelurahan lokasi aduan sebelum menerimanya."),
    "unknown_kelurahan": say("Pilih kelurahan dari daftar."),
    "unknown_agency": say("Pilih dinas tujuan."),
    "invalid_transition": say(
        "Aduan ini sudah berpindah tahap sejak halaman dibuka. Lihat keadaannya sekarang."
    ),
    "forbidden_role": say("Langkah ini bukan untuk akun Anda."),
    "not_your_unit": say("Langkah ini bukan untuk akun Anda."),
    "unsupported_media_type": say(
        "Hanya foto JPEG, PNG, WebP, TIFF atau berkas PDF yang diterima."
    ),
    "type_mismatch": say("Hanya foto JPEG, PNG, WebP, TIFF atau berkas PDF yang diterima."),
    "empty": say("Salah satu berkas kosong."),
}


@dataclass
class SentAction:
    action: str
    values: dict[str, str]
    files: list[tuple[str, bytes]] = field(default_factory=list)


class ActionRefused(Exception):
    """Words for the form (``t(message, **values)``) and the field at fault."""

    def __init__(self, message: str, field_name: str = "", **values: object) -> None:
        super().__init__(message)
        self.message = message
        self.field_name = field_name
        self.values = values


async def read_action(request: Request) -> SentAction:
    form = await request.form()
    values = {}
    for name in TEXT_FIELDS:
        value = form.get(name, "")
        values[name] = value if isinstance(value, str) else ""
    action = form.get("action", "")
    files = []
    for upload in form.getlist("evidence"):
        if isinstance(upload, UploadFile) and upload.filename:
            files.append((upload.filename[-200:], await upload.read()))
    return SentAction(action if isinstance(action, str) else "", values, files)


def _stored(crm: Crm, files: list[tuple[str, bytes]]) -> list[AttachmentRef]:
    if len(files) > MAX_FILES:
        raise ActionRefused(
            say("Paling banyak {n} foto bukti sekali kirim."), "evidence", n=MAX_FILES
        )
    limit = crm.settings.max_attachment_bytes
    refs = []
    for name, data in files:
        if len(data) > limit:
            raise ActionRefused(
                say("Berkas terlalu besar (paling besar {mb} MB)."), "evidence", mb=limit >> 20
            )
        media_type = sniff_media_type(data)
        if not media_type:
            raise ActionRefused(CODE_WORDS["unsupported_media_type"], "evidence")
        sha256 = hashlib.sha256(data).hexdigest()
        try:
            store_attachment(crm, None, sha256, media_type, data)
        except ApiError as error:
            raise ActionRefused(
                CODE_WORDS.get(error.code, CODE_WORDS["empty"]), "evidence"
            ) from None
        refs.append(
            AttachmentRef(sha256=sha256, size=len(data), media_type=media_type, original_name=name)
        )
    return refs


def take_action(crm: Crm, user: UserAuth, ticket_code: str, sent: SentAction) -> None:
    """The step, or :class:`ActionRefused` saying why not."""
    if sent.action not in ACTIONS:
        raise ActionRefused(CODE_WORDS["forbidden_role"])
    values = sent.values
    evidence: list[AttachmentRef] = []
    if sent.action == "report":
        if not Workflow(crm).may_take(user, ticket_code, sent.action):
            raise ActionRefused(CODE_WORDS["forbidden_role"])  # before a file is stored
        evidence = _stored(crm, sent.files)
    try:
        request = ActionRequest(
            action=sent.action,  # type: ignore[arg-type]
            note=values["public_note"],
            internal_note=values["internal_note"],
            reason=values["reason"],
            target_ticket=(values["target_ticket_other"].strip() or values["target_ticket"]),
            agency_code=values["agency_code"],
            kelurahan_code=values["kelurahan_code"],
            attachments=evidence,
        )
    except ValidationError:
        raise ActionRefused(
            say("Teks terlalu panjang atau berisi karakter yang tidak sah.")
        ) from None
    try:
        Workflow(crm).act(user, ticket_code, request, frozenset(a.sha256 for a in evidence))
    except PersonalDataRefused as refused:
        field_name = "reason" if refused.field == "reason" else "public_note"
        raise ActionRefused(PERSONAL_WORDS[refused.kinds[0]], field_name) from None
    except ApiError as error:
        field_name = {"note": "public_note", "target_ticket": "target_ticket"}.get(
            error.field or "", error.field or ""
        )
        raise ActionRefused(
            CODE_WORDS.get(error.code, CODE_WORDS["forbidden_role"]), field_name
        ) from None
