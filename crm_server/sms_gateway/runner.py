"""One run of the SMS jobs, and the loop of ``crm-server sms-run``: read what citizens
sent, turn new events into messages, make the "still being handled" messages, hand
what is due to the gateway and record what became of earlier ones. Every run takes
the SMS run lock: with several CRM workers running the loop, one works at a time."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from crm_server.core.context import CrmContext
from crm_server.core.sms import inbound, planner, sender
from crm_server.core.sms.outbox import run_lock, url_for
from crm_server.core.sms.sender import Gateway, HandOver
from crm_server.core.sms.templates import STATUS_TEMPLATES, template_fits
from crm_server.settings import Settings
from crm_server.sms_gateway.gammu import GammuFilesGateway, Received
from crm_server.sms_gateway.gammu_sql import GammuSqlGateway
from crm_server.sms_gateway.http import HttpGateway

log = logging.getLogger(__name__)


class SmsGateway(Gateway, Protocol):
    def start_run(self) -> None: ...

    def received(self) -> Iterable[Received]: ...

    def done(self, message: Received) -> None: ...


@dataclass
class RunReport:
    received: int = 0
    made: int = 0
    reminders: int = 0
    hand_over: HandOver = field(default_factory=HandOver)
    outcomes: int = 0

    def line(self) -> str:
        return " ".join(f"{k}={v}" for k, v in asdict(self).items())


def gateway_from(settings: Settings, crm: CrmContext) -> SmsGateway:
    if settings.sms_backend == "gammu-sql":
        return GammuSqlGateway(crm.engine, settings.sms_gammu_schema)
    if settings.sms_backend == "gammu-files":
        if not settings.sms_gammu_dir:
            raise SystemExit("MEJA_CRM_SMS_GAMMU_DIR: the Gammu SMSD spool folder is needed")
        return GammuFilesGateway(Path(settings.sms_gammu_dir))
    if settings.sms_backend == "http":
        if not settings.sms_http_url:
            raise SystemExit("MEJA_CRM_SMS_HTTP_URL: the HTTP SMS gateway's address is needed")
        return HttpGateway(settings.sms_http_url, settings.sms_http_key)
    raise SystemExit("MEJA_CRM_SMS_BACKEND is not set: gammu-files, gammu-sql or http")


def check_templates(crm: CrmContext) -> None:
    """Refuse to start when a message could not fit one SMS with this tracking host."""
    url = url_for(crm, "X" * 20, "X" * 6)
    if not all(template_fits(t, url) for t in STATUS_TEMPLATES.values()):
        raise SystemExit(
            "MEJA_CRM_PUBLIC_HOST is too long for the tracking address to fit in one SMS"
        )


def run_once(
    crm: CrmContext, gateway: SmsGateway, hand_limit: int = 10_000, batch: int = sender.BATCH
) -> RunReport | None:
    """One run; None when another worker holds the run lock."""
    with run_lock(crm) as mine:
        if not mine:
            return None
        report = RunReport()
        gateway.start_run()
        for message in gateway.received():
            inbound.receive(crm, message.ref, message.sender, message.text)
            gateway.done(message)
            report.received += 1
        report.made += planner.plan_all_events(crm)
        report.reminders = planner.plan_reminders(crm)
        while report.hand_over.handed < hand_limit:
            step = sender.hand_over(crm, gateway, batch)
            for name in ("handed", "held", "cancelled", "failed", "retried"):
                setattr(
                    report.hand_over, name, getattr(report.hand_over, name) + getattr(step, name)
                )
            if not step.touched:  # nothing due any more (a batch all held still moves on)
                break
        report.outcomes = sender.record_outcomes(crm, list(gateway.outcomes()))
        return report


def run_forever(crm: CrmContext, gateway: SmsGateway, interval: float) -> None:
    check_templates(crm)
    while True:
        try:
            report = run_once(crm, gateway)
            if report is not None:
                log.info("sms run: %s", report.line())
        except Exception:  # a database or disk hiccup: said, and tried again next time
            log.exception("sms run failed")
        time.sleep(interval)
