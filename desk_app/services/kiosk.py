"""The self-check kiosk's one question: what is the state of this receipt's
complaint? From the CRM's public tracking JSON (``/T/{code}/{token}.json``, the
receipt's QR) when it answers; otherwise, or for a typed code without its tracking
token, from the desk's last known status, said with its date. The answer holds no
personal data: the state, what happens next and by when, and whether it is late."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from complaint_domain.complaint import WIB
from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.status import Status
from complaint_domain.ticket import read_lookup_input
from desk_app.store.complaints import reads
from desk_app.store.db import Database

NEXT_STEPS: dict[str, str] = {
    "not_sent": QT_TRANSLATE_NOOP("Kiosk", "Aduan tercatat di meja dan segera dikirim."),
    "received": QT_TRANSLATE_NOOP("Kiosk", "Aduan akan diperiksa dan diteruskan ke dinas."),
    "coordination": QT_TRANSLATE_NOOP("Kiosk", "Dinas sedang menentukan siapa yang menangani."),
    "disposition": QT_TRANSLATE_NOOP("Kiosk", "Aduan sudah diteruskan ke petugas lapangan."),
    "in_progress": QT_TRANSLATE_NOOP("Kiosk", "Petugas sedang menangani masalahnya."),
    "verification": QT_TRANSLATE_NOOP("Kiosk", "Hasil pekerjaan sedang diperiksa."),
    "returned": QT_TRANSLATE_NOOP("Kiosk", "Pekerjaan diperbaiki lagi oleh dinas."),
    "done": QT_TRANSLATE_NOOP("Kiosk", "Aduan sudah selesai ditangani."),
    "rejected": QT_TRANSLATE_NOOP("Kiosk", "Aduan tidak dapat ditindaklanjuti."),
    "duplicate": QT_TRANSLATE_NOOP("Kiosk", "Aduan digabung dengan aduan yang sama."),
}


@dataclass(frozen=True)
class KioskStatus:
    ticket_code: str
    label: str  # "Proses"
    next_step: str
    due: dt.date | None  # by when the next step is due (from the CRM)
    late: bool
    as_of: dt.date | None = None  # set when it is the desk's last known status (offline)


class KioskService:
    def __init__(
        self,
        database: Database,
        clock: Callable[[], dt.datetime],
        fetch_public: Callable[[str, str], dict[str, Any] | None],
    ) -> None:
        """``fetch_public(code, token)``: the CRM's tracking JSON; None for "not
        found"; raises ``OSError``/``ConnectionError``-like errors when unreachable."""
        self._db, self._clock, self._fetch = database, clock, fetch_public

    def check(self, text: str) -> KioskStatus | None:
        """The scanned QR or the typed code; None when nothing is found."""
        scanned = read_lookup_input(text.strip())
        if scanned is None:
            return None
        code = str(scanned.code)
        if scanned.token:
            try:
                answer = self._fetch(code, scanned.token)
            except Exception:
                answer = {"offline": True}
            if answer is None:
                return None
            if not answer.get("offline"):
                return self._from_crm(code, answer)
        return self._from_desk(code)

    def _from_crm(self, code: str, answer: dict[str, Any]) -> KioskStatus:
        due = dt.date.fromisoformat(answer["due_date"]) if answer.get("due_date") else None
        today = self._clock().astimezone(WIB).date()
        status = str(answer.get("status", ""))
        final = status in ("done", "rejected", "duplicate")
        late = bool(answer.get("digantung")) or (due is not None and due < today and not final)
        return KioskStatus(
            code, str(answer.get("public_label", "")), NEXT_STEPS.get(status, ""), due, late
        )

    def _from_desk(self, code: str) -> KioskStatus | None:
        with self._db.read() as session:
            found = reads.by_ticket_code(session, code)
        if found is None:
            return None
        times = [found.created_at, *(e.at for e in found.events)]
        as_of = max(times).astimezone(WIB).date()
        status: Status = found.status
        return KioskStatus(
            code, status.public_label, NEXT_STEPS.get(status.value, ""), None, False, as_of
        )
