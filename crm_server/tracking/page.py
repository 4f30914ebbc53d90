"""The tracking page as HTML: Jinja2 templates shipped inside this package
(``templates/``), found through the installed package, not a checkout path."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from crm_server.tracking.view import TrackingView

TEMPLATES = Environment(
    loader=PackageLoader("crm_server.tracking", "templates"),
    autoescape=select_autoescape(["html"]),
)


def render_page(view: TrackingView) -> str:
    return TEMPLATES.get_template("tracking.html").render(v=view)


def render_not_found() -> str:
    return TEMPLATES.get_template("not_found.html").render()


def render_rate_limited(seconds: int) -> str:
    return TEMPLATES.get_template("rate_limited.html").render(seconds=seconds)
