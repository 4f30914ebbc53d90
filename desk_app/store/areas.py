"""The area list the desk offers, replaced whole when an official file is imported."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from complaint_domain.areas import Area, AreaLevel
from desk_app.store.models import AreaRow


def replace_all(session: Session, areas: list[Area]) -> None:
    session.execute(delete(AreaRow))
    session.add_all(AreaRow(code=a.code, name=a.name, level=a.level.value) for a in areas)


def load_all(session: Session) -> list[Area]:
    return [
        Area(r.code, r.name, AreaLevel(r.level)) for r in session.execute(select(AreaRow)).scalars()
    ]
