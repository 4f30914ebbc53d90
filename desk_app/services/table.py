"""A table as the Pantauan page shows it and its report writes it (one sheet each)."""

from __future__ import annotations

from dataclasses import dataclass, field

NONE = "—"  # a cell with nothing to say (no such time yet, never)


@dataclass(frozen=True)
class Table:
    key: str  # the sheet's and the view's name: desks, per_desk, …
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)  # per row: "", silent, outdated, own…
    note: str = ""  # e.g. "200 of 340 shown"
