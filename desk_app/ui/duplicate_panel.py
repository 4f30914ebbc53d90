"""Beside the intake form: open complaints that may be the same case.

Each hint says why it is shown (same NIK, same phone, similar description in the
same kelurahan and category) in words, and offers "add to this complaint".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.complaint import WIB
from complaint_domain.reference import category_label
from complaint_domain.text import mask_name
from desk_app.services.duplicates import DuplicateHint
from desk_app.ui.i18n import shown


class DuplicatePanel(QWidget):
    """Signals:
    add_requested(str, str): complaint id and ticket code to add the citizen's words to.
    """

    add_requested = Signal(str, str)

    def __init__(self, area_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._area_name = area_name
        self.buttons: list[QPushButton] = []
        self.hints: list[DuplicateHint] = []
        title = QLabel(self.tr("Aduan serupa yang masih terbuka"))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        self.empty = QLabel(
            self.tr(
                "Belum ada. Petunjuk muncul saat NIK, telepon, atau "
                "kelurahan, kategori dan uraian diisi."
            )
        )
        self.empty.setWordWrap(True)
        self._cards = QWidget()
        self._cards_layout = QVBoxLayout(self._cards)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._cards)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)

    def set_hints(self, hints: Sequence[DuplicateHint]) -> None:
        while self._cards_layout.count() > 1:
            item = self._cards_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        self.hints = list(hints)
        self.empty.setVisible(not hints)
        for hint in hints:
            self._cards_layout.insertWidget(self._cards_layout.count() - 1, self._card(hint))

    def hint_for(self, complaint_id: str) -> DuplicateHint | None:
        return next((h for h in self.hints if h.complaint.id == complaint_id), None)

    def _card(self, hint: DuplicateHint) -> QFrame:
        c = hint.complaint
        card = QFrame()
        card.setObjectName("duplicateCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        reasons = "; ".join(shown(r.label) for r in hint.reasons)
        why = QLabel("⚠ " + reasons)
        why.setObjectName("pageTitle")
        why.setWordWrap(True)
        text = QLabel(
            self.tr("{code}\n{when}\n{name}\n{category}\n{area}\nStatus: {status}").format(
                code=c.ticket_code,
                when=c.created_at.astimezone(WIB).strftime("%d-%m-%Y %H:%M"),
                name=mask_name(c.name),
                category=shown(category_label(c.category_code)),
                area=self._area_name(c.kelurahan_code),
                status=shown(c.status.public_label),
            )
        )
        text.setWordWrap(True)
        summary = QLabel("“" + c.description[:100] + ("…”" if len(c.description) > 100 else "”"))
        summary.setWordWrap(True)
        button = QPushButton(self.tr("Tambahkan ke aduan ini"))
        card.setMinimumHeight(0)
        button.setAccessibleName(self.tr("Tambahkan ke aduan {code}").format(code=c.ticket_code))
        button.clicked.connect(lambda: self.add_requested.emit(c.id, c.ticket_code))
        self.buttons.append(button)
        layout = QVBoxLayout(card)
        layout.addWidget(why)
        layout.addWidget(text)
        layout.addWidget(summary)
        layout.addWidget(button)
        return card
