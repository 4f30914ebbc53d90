"""Routing rules as the administrators see and change them: category → Dinas.

The kota → Suku Dinas step follows from the agency and the complaint's kota (the
agency's ``kota_unit``), so it has nothing to set. A rule with no agency ("") sends
the category to the channel admin's triage. ``Workflow.agency_for`` reads the same
table, so a change here is the next forward's suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from complaint_domain.reference import AGENCY_BY_CODE, CATEGORIES, default_agency
from crm_server.core.audit import add_audit
from crm_server.core.context import CrmContext
from crm_server.db.engine import transaction
from crm_server.db.models import RoutingRule


@dataclass(frozen=True)
class CategoryRoute:
    code: str
    name: str
    parent: str | None
    agency_code: str  # what a forward suggests now ("": triage)
    default_code: str  # the shared reference's default ("": triage)


def _effective(rules: dict[str, str], code: str) -> str:
    """The rule of the category, else of its group, else the shared default."""
    probe = code
    while probe:
        if probe in rules:
            return rules[probe]
        probe = probe.rpartition(".")[0]
    agency = default_agency(code)
    return agency.code if agency else ""


def _rules(crm: CrmContext) -> dict[str, str]:
    with crm.sessions() as session:
        return {
            code: agency
            for code, agency in session.execute(
                select(RoutingRule.category_code, RoutingRule.agency_code)
            )
        }


def category_routes(crm: CrmContext) -> list[CategoryRoute]:
    rules = _rules(crm)
    routes = []
    for category in CATEGORIES:
        default = default_agency(category.code)
        routes.append(
            CategoryRoute(
                category.code,
                category.name,
                category.parent,
                _effective(rules, category.code),
                default.code if default else "",
            )
        )
    return routes


def set_routes(crm: CrmContext, actor: str, agencies: dict[str, str]) -> list[str]:
    """Route each named category to an agency ("": triage); the categories whose
    route changed (each compared with the route before this call, so that a form
    listing every category changes only what the user changed). Unknown
    categories or agencies raise ValueError."""
    known = {c.code for c in CATEGORIES}
    for code, agency in agencies.items():
        if code not in known:
            raise ValueError(f"unknown category {code!r}")
        if agency and agency not in AGENCY_BY_CODE:
            raise ValueError(f"unknown agency {agency!r}")
    rules = _rules(crm)
    changed = []
    now = crm.now()
    with transaction(crm.sessions) as session:
        for code, agency in agencies.items():
            before = _effective(rules, code)
            if agency == before:
                continue
            row = session.get(RoutingRule, code)
            if row is None:
                session.add(RoutingRule(category_code=code, agency_code=agency))
            else:
                row.agency_code = agency
            add_audit(
                session,
                now,
                actor,
                "routing_rule_changed",
                f"category:{code}",
                detail={"before": before, "after": agency},
            )
            changed.append(code)
    return changed
