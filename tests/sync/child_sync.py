"""A desk's sync engine as its own process, for the SIGKILL tests:
``python -m tests.sync.child_sync DATA_DIR CRM_URL PULL_PAGE`` (token in MEJA_TEST_TOKEN).
It syncs in a loop until killed."""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

from desk_app.services.desk import open_desk
from desk_app.sync.backoff import Backoff
from desk_app.sync.client import CrmClient
from desk_app.sync.engine import SyncEngine


def main() -> None:
    data_dir, url, page = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    desk = open_desk(data_dir)
    client = CrmClient(url, os.environ["MEJA_TEST_TOKEN"], timeout=(1.0, 20.0))
    engine = SyncEngine(
        desk.database,
        desk.files,
        client,
        lambda: dt.datetime.now(dt.UTC),
        backoff=Backoff(0.01, 0.05, rng=random.Random()),
        pull_page=page,
        batch_size=int(os.environ.get("MEJA_TEST_BATCH", "100")),
    )
    print("ready", flush=True)
    while True:
        engine.run_once()
        time.sleep(0.01)


if __name__ == "__main__":
    main()
