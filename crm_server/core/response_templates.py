"""Response templates: ready texts per action and category that the console fills
into a step's note, where the user edits them before sending. Administered by the
admin role (every change audited)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select

from crm_server.core.audit import add_audit
from crm_server.core.context import CrmContext
from crm_server.db.engine import transaction
from crm_server.db.models import ResponseTemplate


@dataclass(frozen=True)
class TemplateText:
    id: int
    title: str
    action: str  # "" for any action
    category_code: str  # "" for any category
    body: str


def _text(row: ResponseTemplate) -> TemplateText:
    return TemplateText(row.id, row.title, row.action, row.category_code, row.body)


def all_templates(crm: CrmContext) -> list[TemplateText]:
    with crm.sessions() as session:
        rows = session.scalars(
            select(ResponseTemplate).order_by(
                ResponseTemplate.action, ResponseTemplate.category_code, ResponseTemplate.title
            )
        )
        return [_text(r) for r in rows]


def for_step(crm: CrmContext, action: str, category_code: str) -> list[TemplateText]:
    """The templates that fit this action on a complaint of this category: those
    of the category (or of its group: ``JALAN`` fits ``JALAN.RUSAK``) first, then
    the general ones."""
    groups = [category_code]
    while "." in groups[-1]:
        groups.append(groups[-1].rpartition(".")[0])
    with crm.sessions() as session:
        rows = session.scalars(
            select(ResponseTemplate).where(
                or_(ResponseTemplate.action == action, ResponseTemplate.action == ""),
                ResponseTemplate.category_code.in_([*groups, ""]),
            )
        ).all()
    rank = {code: i for i, code in enumerate([*groups, ""])}
    return [_text(r) for r in sorted(rows, key=lambda r: (rank[r.category_code], r.title))]


def save_template(crm: CrmContext, actor: str, text: TemplateText) -> int:
    """Add (``text.id == 0``) or change a template; its id."""
    with transaction(crm.sessions) as session:
        row = session.get(ResponseTemplate, text.id) if text.id else None
        if row is None:
            row = ResponseTemplate()
            session.add(row)
        row.title, row.action = text.title, text.action
        row.category_code, row.body = text.category_code, text.body
        session.flush()
        add_audit(
            session,
            crm.now(),
            actor,
            "template_saved",
            f"template:{row.id}",
            detail={"title": text.title, "action": text.action, "category": text.category_code},
        )
        return row.id


def delete_template(crm: CrmContext, actor: str, template_id: int) -> bool:
    with transaction(crm.sessions) as session:
        row = session.get(ResponseTemplate, template_id)
        if row is None:
            return False
        session.delete(row)
        add_audit(session, crm.now(), actor, "template_deleted", f"template:{template_id}")
        return True
