"""Starting the desk window. The full counter screens come with the counter issue."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel


def run_app(data_dir: Path) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    label = QLabel(f"Meja Aduan — data: {data_dir}")
    label.resize(480, 120)
    label.show()
    return app.exec()
