"""A CRM process that hands the SMS outbox to Gammu's spool, slowly enough (a pause
per message) for the test to kill it half-way with SIGKILL.

    python -m tests.crm_server.sms.handover_child DATABASE_URL SPOOL DATA_DIR
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from crm_server.core.context import CrmContext
from crm_server.core.sms import sender
from crm_server.core.sms.sender import Outgoing
from crm_server.settings import Settings
from crm_server.sms_gateway.gammu import GammuFilesGateway


class SlowGateway(GammuFilesGateway):
    def submit(self, message: Outgoing) -> str:
        time.sleep(0.02)
        return super().submit(message)


def main() -> None:
    url, spool, data_dir = sys.argv[1:4]
    settings = Settings(data_dir=Path(data_dir), database_url=url)
    crm = CrmContext(replace(settings, sms_quiet_hours=(0, 0), sms_daily_cap=10_000))
    print("handing over", flush=True)
    sender.hand_over(crm, SlowGateway(Path(spool)), limit=10_000)
    print("done", flush=True)


if __name__ == "__main__":
    main()
