"""Duplicate hints before saving: is this citizen, or this problem, already known?

Three reasons to show an open complaint beside the intake form: the same NIK, the
same phone number, or the same kelurahan and category with a similar description
(rapidfuzz). The officer decides; nothing here merges anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from complaint_domain.messages import QT_TRANSLATE_NOOP
from complaint_domain.text import fold
from complaint_domain.validation import normalise_nik, normalise_phone
from desk_app.services.accounts import Officer, Role, require
from desk_app.store import complaints
from desk_app.store.complaints import ComplaintSummary
from desk_app.store.db import Database

SIMILARITY_THRESHOLD = 60.0  # token_set_ratio, 0–100
MIN_WORDS_FOR_SIMILARITY = 10  # characters of description before comparing at all


class HintReason(StrEnum):
    NIK = "nik"
    PHONE = "phone"
    SIMILAR = "similar"

    @property
    def label(self) -> str:
        return HINT_LABELS[self.value]


HINT_LABELS = {
    "nik": QT_TRANSLATE_NOOP("Duplicates", "NIK sama"),
    "phone": QT_TRANSLATE_NOOP("Duplicates", "Nomor telepon sama"),
    "similar": QT_TRANSLATE_NOOP("Duplicates", "Kelurahan dan kategori sama, uraian mirip"),
}


@dataclass(frozen=True)
class DuplicateHint:
    complaint: ComplaintSummary
    reasons: tuple[HintReason, ...]
    similarity: float  # 0–100; 0 when only the NIK or phone matched


@dataclass(frozen=True)
class DuplicateQuery:
    nik: str = ""
    phone: str = ""
    kelurahan_code: str = ""
    category_code: str = ""
    description: str = ""


class DuplicateService:
    def __init__(self, database: Database, limit: int = 5) -> None:
        self._db = database
        self._limit = limit

    def find(self, officer: Officer, query: DuplicateQuery) -> list[DuplicateHint]:
        """Open complaints that may be the same case, the strongest first."""
        require(officer, Role.OFFICER)
        nik, nik_problem = normalise_nik(query.nik)
        phone, phone_problem = normalise_phone(query.phone)
        nik = "" if nik_problem else nik
        phone = "" if phone_problem else phone
        found: dict[str, tuple[ComplaintSummary, set[HintReason], float]] = {}
        with self._db.read() as session:
            for reason, by_nik, by_phone in (
                (HintReason.NIK, nik, ""),
                (HintReason.PHONE, "", phone),
            ):
                if not (by_nik or by_phone):
                    continue
                for summary in complaints.by_nik_or_phone(session, by_nik, by_phone, True, 20):
                    old = found.get(summary.id)
                    reasons = set(old[1]) if old else set()
                    reasons.add(reason)
                    found[summary.id] = (summary, reasons, 0.0)
            text = fold(query.description)
            if query.kelurahan_code and query.category_code and len(text) >= 10:
                # Imported at the first comparison (on the worker), not at start-up.
                from rapidfuzz import fuzz

                for summary in complaints.open_in_area_category(
                    session, query.kelurahan_code, query.category_code
                ):
                    score = fuzz.token_set_ratio(text, fold(summary.description))
                    if score < SIMILARITY_THRESHOLD:
                        continue
                    old = found.get(summary.id)
                    reasons = set(old[1]) if old else set()
                    reasons.add(HintReason.SIMILAR)
                    found[summary.id] = (summary, reasons, float(score))
        hints = [
            DuplicateHint(s, tuple(sorted(r, key=list(HintReason).index)), score)
            for s, r, score in found.values()
        ]
        hints.sort(
            key=lambda h: (
                -(HintReason.NIK in h.reasons),
                -(HintReason.PHONE in h.reasons),
                -h.similarity,
                -h.complaint.created_at.timestamp(),
            )
        )
        return hints[: self._limit]
