"""Recording a complaint on behalf of a channel (issue 22): the channel admin's
form (``GET /console/kanal/catat``), sent (``POST``) through the core's
``channel_intake.record``; the answer is the reply to paste back into the channel.

A channel admin of one channel (their unit code) records for it; one without a
unit code chooses the channel; one of a face-to-face channel (a desk records
those) may not open the page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from complaint_domain.areas import AreaLevel
from complaint_domain.reference import CATEGORIES, CHANNEL_BY_CODE
from crm_server.console.deps import ConsoleRefusal, crm_of, staff_with_role
from crm_server.console.render import page
from crm_server.console.suggested import shown
from crm_server.console.words import say
from crm_server.core.channel_intake import (
    RECORDABLE,
    SOURCE_KINDS,
    ChannelReport,
    RecordRefused,
    record,
)
from crm_server.core.crm import Crm
from crm_server.core.staff_sign_in import StaffSessionInfo
from crm_server.core.triage.suggestions import for_report

router = APIRouter()
ChannelAdmin = Annotated[StaffSessionInfo, Depends(staff_with_role("channel_admin"))]
PATH = "/console/kanal/catat"
FIELDS = ("channel", "source", "contact", "name", "description", "kelurahan", "category")
SOURCE_WORDS = {
    "link": say("Tautan unggahan"),
    "message_id": say("Message-ID e-mail"),
    "phone": say("Nomor pengirim SMS"),
}
SOURCE_HINTS = {
    "link": say("Salin alamat unggahan, mis. https://x.com/akun/status/123."),
    "message_id": say("Dari kepala e-mail, mis. <abc123@mail.example.id>."),
    "phone": say("Nomor pengirim, mis. 0812-3456-7890."),
}
REFUSAL_WORDS = {
    "channel": say("Pilih kanal."),
    "source_link": say("Tautan unggahan tidak dikenali: salin alamat lengkap unggahannya."),
    "source_message_id": say("Message-ID tidak dikenali: bentuknya <…@…>."),
    "source_phone": say("Nomor pengirim SMS tidak dikenali."),
    "contact": say("Isi kontak warga seperti yang tertulis di kanal."),
    "description": say("Uraian aduan 10 sampai 4000 karakter."),
    "kelurahan": say("Kelurahan tidak dikenali: pilih dari daftar atau ketik kodenya."),
    "category": say("Pilih kategori."),
    "files_count": say("Terlalu banyak lampiran."),
    "file_size": say("Berkas terlalu besar."),
    "file_type": say("Lampiran harus foto (JPEG, PNG, WebP, TIFF) atau PDF."),
    "duplicate": say("Sumber ini sudah pernah dicatat sebagai aduan {ticket}."),
}


@dataclass(frozen=True)
class Choices:
    channels: list[tuple[str, str]]
    kelurahan: list[tuple[str, str]]
    categories: list[tuple[str, str]]


def _channels_for(staff: StaffSessionInfo) -> list[str]:
    unit = staff.user.unit_code
    if not unit:
        return list(RECORDABLE)
    if unit in RECORDABLE:
        return [unit]
    raise ConsoleRefusal(403, staff)


def choices_for(crm: Crm, channels: list[str]) -> Choices:
    areas = crm.areas()
    kelurahan = []
    for area in areas.at_level(AreaLevel.KELURAHAN):
        names = [a.name for a in reversed(areas.path(area.code))][:3]
        kelurahan.append((area.code, ", ".join(names)))
    kelurahan.sort(key=lambda item: item[1])
    categories = [(c.code, str(c.name)) for c in CATEGORIES]
    return Choices([(c, CHANNEL_BY_CODE[c].name) for c in channels], kelurahan, categories)


def kelurahan_code(choices: Choices, typed: str) -> str:
    """The code typed, or chosen from the list ("31.71.01.1001 — Gambir, …"), or
    the one kelurahan of that name."""
    text = typed.strip()
    first = text.split(" ", 1)[0] if text else ""
    codes = {code for code, _ in choices.kelurahan}
    if first in codes:
        return first
    named = [code for code, name in choices.kelurahan if name.split(",")[0].lower() == text.lower()]
    return named[0] if len(named) == 1 else text


def _form(
    request: Request,
    staff: StaffSessionInfo,
    choices: Choices,
    values: dict[str, object] | None = None,
    status_code: int = 200,
    **context: Any,
) -> Response:
    values = values or {"channel": choices.channels[0][0]}
    names = dict(choices.kelurahan)
    return page(
        request,
        "channel_record.html",
        staff,
        status_code=status_code,
        choices=choices,
        v=values,
        kelurahan_name=names.get(str(values.get("kelurahan_code", "")), ""),
        source_kinds=SOURCE_KINDS,
        source_words=SOURCE_WORDS,
        source_hints=SOURCE_HINTS,
        **context,
    )


@router.get(PATH, response_class=HTMLResponse, include_in_schema=False)
async def record_form(request: Request, staff: ChannelAdmin) -> Response:
    choices = await run_in_threadpool(choices_for, crm_of(request), _channels_for(staff))
    return _form(request, staff, choices)


@router.post(PATH, response_class=HTMLResponse, include_in_schema=False)
async def record_sent(request: Request, staff: ChannelAdmin) -> Response:
    crm = crm_of(request)
    channels = _channels_for(staff)
    choices = await run_in_threadpool(choices_for, crm, channels)
    form = await request.form()
    values = {name: str(form.get(name, "") or "") for name in FIELDS}
    if len(channels) == 1:
        values["channel"] = channels[0]
    values["kelurahan_code"] = kelurahan_code(choices, values["kelurahan"])
    files = []
    for upload in form.getlist("files"):
        if isinstance(upload, UploadFile) and upload.filename:
            files.append((upload.filename[-200:], await upload.read()))
    if values["channel"] not in channels:
        values["channel"] = ""
    report = ChannelReport(
        channel=values["channel"],
        source=values["source"],
        contact=values["contact"],
        name=values["name"],
        description=values["description"],
        kelurahan_code=values["kelurahan_code"],
        category_code=values["category"],
        files=files,
    )
    try:
        done = await run_in_threadpool(record, crm, staff.user.id, staff.user.display_name, report)
    except RecordRefused as refused:
        return _form(
            request,
            staff,
            choices,
            status_code=409 if refused.code == "duplicate" else 422,
            values={**values, "files_lost": bool(files)},
            error=REFUSAL_WORDS[refused.code],
            error_field=refused.field,
            first_ticket=refused.ticket_code,
        )
    similar = await run_in_threadpool(_similar, crm, report, done.ticket_code)
    return _form(request, staff, choices, recorded=done, similar=similar)


def _similar(crm: Crm, report: ChannelReport, ticket_code: str) -> list[dict[str, Any]]:
    return shown(crm, for_report(crm, report, ticket_code))
