"""The koordinator's city dashboard (also the admins'), and the same tables as an
.xlsx workbook."""

from __future__ import annotations

import datetime as dt
import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from complaint_domain.complaint import WIB
from crm_server.console.deps import crm_of, staff_with_role
from crm_server.console.inbox import STATE_WORDS
from crm_server.console.render import HEADERS, language, page
from crm_server.console.words import Translator, say, translator
from crm_server.core.bounds import day_or_none
from crm_server.core.city_figures import CityFigures, DeskHealth, Tally, city_figures
from crm_server.core.inbox import Row
from crm_server.core.staff_sign_in import StaffSessionInfo

router = APIRouter()
City = Annotated[StaffSessionInfo, Depends(staff_with_role("koordinator", "admin"))]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SILENT_WORDS = {
    "unsent": say("Diam: ada data belum terkirim lebih dari 2 jam"),
    "no_heartbeat": say("Diam: tidak ada kabar lebih dari 24 jam"),
    "never": say("Diam: belum pernah mengirim kabar"),
}
NO_AGENCY = say("Belum diteruskan ke Dinas")


def _period(request: Request) -> tuple[dt.date | None, dt.date | None]:
    def read(name: str) -> dt.date | None:
        return day_or_none(request.query_params.get(name, ""))

    start, end = read("dari"), read("sampai")
    if start and end and start > end:
        return None, None
    return start, end


@router.get("/console/dashboard", response_class=HTMLResponse, include_in_schema=False)
async def dashboard_page(request: Request, staff: City) -> Response:
    crm = crm_of(request)
    figures = await run_in_threadpool(city_figures, crm, *_period(request))
    return page(
        request,
        "dashboard.html",
        staff,
        fig=figures,
        state_words=STATE_WORDS,
        silent_words=SILENT_WORDS,
        no_agency=NO_AGENCY,
        local=lambda moment: moment.astimezone(WIB).strftime("%d-%m-%Y %H:%M") if moment else "–",
    )


# ---------------------------------------------------------------- the workbook


def _timing_words(t: Translator, row: Row) -> str:
    tm = row.timing
    words = []
    if tm.overdue:
        words.append(
            t("Terlambat {n} hari kerja", n=tm.days_late)
            if tm.days_late
            else t("Terlambat: tenggat sudah lewat")
        )
    if tm.digantung:
        words.append(t("Digantung: {n} hari kerja tanpa kabar", n=tm.quiet_days))
    return "; ".join(words)


def sheets(figures: CityFigures, t: Translator) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Each sheet's header and rows: the page's tables, cell for cell."""

    def tallies(items: list[Tally], name: Any) -> list[list[Any]]:
        return [[name(x), x.open, x.overdue, x.digantung] for x in items]

    counted = [t("Terbuka"), t("Terlambat"), t("Digantung")]
    listed = [
        t("Kode tiket"),
        t("Kategori"),
        t("Kelurahan"),
        t("Status"),
        t("Ditangani oleh"),
        t("Tenggat"),
        t("Waktu"),
        t("Pelapor"),
    ]

    def complaints(rows: list[Row]) -> list[list[Any]]:
        return [
            [
                r.ticket_code,
                r.category,
                r.kelurahan,
                r.state_label if r.status == "duplicate" else t(STATE_WORDS[r.status]),
                r.unit,
                r.due_date,
                _timing_words(t, r),
                r.reporters,
            ]
            for r in rows
        ]

    def desk(d: DeskHealth) -> list[Any]:
        heard = (
            d.last_heartbeat_at.astimezone(WIB).replace(tzinfo=None)
            if d.last_heartbeat_at
            else None
        )
        pushed = d.last_push_at.astimezone(WIB).replace(tzinfo=None) if d.last_push_at else None
        hours = round(d.oldest_unsent_hours, 1) if d.oldest_unsent_hours is not None else None
        state = t(SILENT_WORDS[d.why]) if d.silent else t("Baik")
        return [d.code, d.site, heard, d.pending, hours, d.app_version, pushed, state]

    closed = [[t(STATE_WORDS[c.status]), c.count, c.in_time] for c in figures.closed]
    return {
        t("Per status"): (
            [t("Status"), *counted],
            tallies(figures.by_state, lambda x: t(STATE_WORDS.get(x.key, x.key))),
        ),
        t("Per Dinas"): (
            [t("Dinas"), *counted],
            tallies(figures.by_agency, lambda x: x.label or t(NO_AGENCY)),
        ),
        t("Per kota"): ([t("Kota"), *counted], tallies(figures.by_kota, lambda x: x.label)),
        t("Selesai"): ([t("Status"), t("Ditutup"), t("Tepat waktu")], closed),
        t("Terlambat"): (listed, complaints(figures.overdue)),
        t("Digantung"): (listed, complaints(figures.digantung)),
        t("Meja"): (
            [
                t("Meja"),
                t("Lokasi"),
                t("Kabar terakhir"),
                t("Belum terkirim"),
                t("Tertua belum terkirim (jam)"),
                t("Versi aplikasi"),
                t("Kiriman terakhir"),
                t("Keadaan"),
            ],
            [desk(d) for d in figures.desks],
        ),
    }


def workbook(figures: CityFigures, t: Translator) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, (header, rows) in sheets(figures, t).items():
        sheet = book.create_sheet(title[:31])
        sheet.append(header)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@router.get("/console/dashboard.xlsx", include_in_schema=False)
async def dashboard_export(request: Request, staff: City) -> Response:
    del staff  # the dependency checked the role
    crm = crm_of(request)
    figures = await run_in_threadpool(city_figures, crm, *_period(request))
    data = await run_in_threadpool(workbook, figures, translator(language(request)))
    name = f"dasbor-kota-{figures.today.isoformat()}.xlsx"
    headers = {**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(data, media_type=XLSX, headers=headers)
