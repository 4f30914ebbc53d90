"""``desk-app display`` and ``desk-app kiosk``: the site's public screens as their own
full-screen windows on a desk PC (no sign-in: they show numbers and statuses only).
The CRM is asked on worker threads; the windows only show the answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desk_app.services.kiosk import KioskStatus
from desk_app.services.settings import load_settings, settings_path
from desk_app.ui.app import prepare_application
from desk_app.ui.queue.board_watch import BoardWatch
from desk_app.ui.queue.display import DisplayScreen
from desk_app.ui.queue.kiosk import KioskScreen
from desk_app.ui.tasks import TaskRunner


def run_public_screen(data_dir: Path, which: str) -> int:
    """Open the desk in ``data_dir`` and show the display (``"display"``) or the kiosk."""
    from desk_app.services.root import open_services

    settings, _warnings = load_settings(settings_path(data_dir))
    app = prepare_application(settings)
    services = open_services(data_dir)
    runner = TaskRunner(name="meja-queue")
    watch: BoardWatch | None = None
    if which == "display":
        screen: Any = DisplayScreen()
        watch = BoardWatch(services.queue.board, screen)
        watch.seen.connect(screen.show_board)
        watch.start()
    else:

        def check(text: str, done: Any) -> None:
            def answer(status: KioskStatus | None) -> None:
                done(status)

            runner.run(lambda: services.kiosk.check(text), answer)

        screen = KioskScreen(check)
    screen.showFullScreen()
    try:
        return app.exec()
    finally:
        if watch is not None:
            watch.stop()
        runner.shutdown()
        services.close()
