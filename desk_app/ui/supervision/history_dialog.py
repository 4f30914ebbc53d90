"""A complaint of another desk of the site: its CRM history in public labels, and
nothing personal (the CRM sends none)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.complaint import WIB
from desk_app.services.supervision import CaseHistory
from desk_app.services.supervision_tables import STATE_NAMES
from desk_app.ui.fit import fit_to_screen
from desk_app.ui.i18n import shown


class HistoryDialog(QDialog):
    def __init__(
        self, history: CaseHistory, category: str, area: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        line = history.line
        self.setWindowTitle(self.tr("Riwayat aduan {code}").format(code=line.ticket_code))
        facts = QLabel(
            self.tr(
                "<b>{code}</b> (meja {desk})<br>{category} · {area}<br>"
                "Status: {status} · {unit}<br>Jatuh tempo: {due} · terlambat {late} hari kerja"
            ).format(
                code=line.ticket_code,
                desk=line.desk,
                category=shown(category),
                area=area,
                status=shown(STATE_NAMES.get(line.status, line.public_label)),
                unit=line.unit or "—",
                due=line.due_date.strftime("%d-%m-%Y") if line.due_date else "—",
                late=line.working_days_late,
            )
        )
        facts.setWordWrap(True)
        self.steps = QListWidget()
        self.steps.setAccessibleName(self.tr("Langkah publik"))
        for step in history.steps:
            when = step.at.astimezone(WIB).strftime("%d-%m-%Y %H.%M")
            text = f"{when} — {shown(STATE_NAMES.get(step.status, step.public_label))}"
            if step.unit:
                text += f" ({step.unit})"
            if step.note:
                text += f": {step.note}"
            self.steps.addItem(text)
        steps_label = QLabel(self.tr("&Langkah di CRM (label publik):"))
        steps_label.setBuddy(self.steps)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(facts)
        layout.addWidget(steps_label)
        layout.addWidget(self.steps, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 480)

    @classmethod
    def ask(cls, parent: QWidget, history: CaseHistory, category: str, area: str) -> HistoryDialog:
        """Shown without blocking (tests find it on ``flow.history_dialog``)."""
        dialog = cls(history, category, area, parent)
        dialog.open()
        return dialog
