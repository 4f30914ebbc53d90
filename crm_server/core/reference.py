"""Reference data: areas, routing rules, and the document the desks fetch with its
version (the ETag)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from complaint_domain.areas import Area as DomainArea
from complaint_domain.areas import AreaLevel, demo_area_file, read_area_file
from complaint_domain.reference import AGENCIES, CATEGORIES, CHANNELS, default_agency
from crm_server.core.context import CrmContext
from crm_server.db.engine import transaction
from crm_server.db.models import Area, RoutingRule


def ensure_reference_data(crm: CrmContext) -> None:
    """Default routing rules and, on an empty database, the demo area set."""
    with transaction(crm.sessions) as session:
        if not session.scalar(select(func.count()).select_from(RoutingRule)):
            for category in CATEGORIES:
                agency = default_agency(category.code)
                if agency is not None:
                    session.add(RoutingRule(category_code=category.code, agency_code=agency.code))
        has_areas = session.scalar(select(func.count()).select_from(Area))
    if not has_areas:
        import_areas(crm, read_area_file(demo_area_file()))


def import_areas(crm: CrmContext, areas: Sequence[DomainArea]) -> int:
    """Replace-or-add every area in the file (kept areas are never deleted:
    complaints point at them)."""
    with transaction(crm.sessions) as session:
        existing = {a.code: a for a in session.scalars(select(Area))}
        for area in areas:
            row = existing.get(area.code)
            if row is None:
                session.add(Area(code=area.code, name=area.name, level=area.level.value))
            else:
                row.name, row.level = area.name, area.level.value
    crm.forget_areas()
    return len(areas)


def reference(crm: CrmContext) -> tuple[dict[str, Any], str]:
    """The reference document and its version (the ETag)."""
    index = crm.areas()
    areas = sorted(
        (
            {"code": a.code, "name": a.name, "level": a.level.value}
            for level in AreaLevel
            for a in index.at_level(level)
        ),
        key=lambda a: a["code"],
    )
    with crm.sessions() as session:
        rules: dict[str, str] = {
            code: agency
            for code, agency in session.execute(
                select(RoutingRule.category_code, RoutingRule.agency_code)
            )
        }
    document: dict[str, Any] = {
        "categories": [
            {
                "code": c.code,
                "name": c.name,
                "parent": c.parent,
                "agency": rules.get(c.code, c.agency),
            }
            for c in CATEGORIES
        ],
        "agencies": [{"code": a.code, "name": a.name, "kota_unit": a.kota_unit} for a in AGENCIES],
        "channels": [{"code": c.code, "name": c.name} for c in CHANNELS],
        "areas": areas,
    }
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    version = hashlib.sha256(canonical).hexdigest()[:20]
    return {"version": version, **document}, version
