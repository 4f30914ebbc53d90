"""Reference data: areas, routing rules, and the document the desks fetch with its
version (the ETag)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from complaint_domain.areas import Area as DomainArea
from complaint_domain.areas import AreaLevel, default_area_file, read_area_file
from complaint_domain.reference import AGENCIES, CATEGORIES, CHANNELS, default_agency
from crm_server.core.context import CrmContext
from crm_server.db.engine import transaction
from crm_server.db.models import Area, RoutingRule


def ensure_reference_data(crm: CrmContext) -> None:
    """Default routing rules (a category added since keeps its default agency; a
    rule staff changed stays) and the shipped official areas on a database that
    has none, or only a part of them (the demo set of earlier versions)."""
    with transaction(crm.sessions) as session:
        ruled = set(session.scalars(select(RoutingRule.category_code)))
        for category in CATEGORIES:
            agency = default_agency(category.code)
            if agency is not None and category.code not in ruled:
                session.add(RoutingRule(category_code=category.code, agency_code=agency.code))
        codes = set(session.scalars(select(Area.code)))
    shipped = read_area_file(default_area_file())
    if codes < {a.code for a in shipped}:
        import_areas(crm, shipped)


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
        # The working days each state may take (the first: the receipt's first-response
        # date) and the extra leave days they skip: the desk promises what the CRM counts.
        "time_limits": {str(state): days for state, days in crm.time_limits().items()},
        "cuti_bersama": [d.isoformat() for d in crm.leave_days()],
    }
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    version = hashlib.sha256(canonical).hexdigest()[:20]
    return {"version": version, **document}, version
