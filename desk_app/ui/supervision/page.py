"""The "Pantauan" page: every desk of the site, what was recorded (with the chart by
hour), the site's complaints at the CRM per state, the visitor queue's figures,
overdue and *digantung*.

It only shows what the flow hands it (:meth:`PantauanPage.show_tables`): plain
tables built off the GUI thread. Everything scrolls in one column, so it fits a
1366×768 screen at 200 % font; every list is reached by Tab, Enter on a complaint
opens it, F5 refreshes, Ctrl+E exports and Esc goes back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.supervision_queue import QUEUE_TABLES
from desk_app.services.supervision_tables import Table
from desk_app.ui.flow_layout import FlowLayout
from desk_app.ui.i18n import shown
from desk_app.ui.supervision.hour_chart import HourChart
from desk_app.ui.supervision.table_model import PantauanTableModel
from desk_app.ui.supervision.table_view import PantauanTableView

CASE_TABLES = ("overdue", "digantung")
# The sections in page order; the small count tables share a wrapping row.
WIDE = ("desks", "queue_tickets", "overdue", "digantung")
COMPACT = ("own", "per_desk", "per_officer", "per_hour", "per_day", "per_state", *QUEUE_TABLES)


class PantauanPage(QWidget):
    """Signals:
    back_requested(): Esc or "Kembali".
    refresh_requested(): F5 or "Muat ulang".
    export_requested(): Ctrl+E or "Ekspor".
    period_changed(object, int): the first day (None: today) and 1 or 7 days.
    case_requested(str, bool): a complaint's ticket code, and whether it is this desk's.
    """

    back_requested = Signal()
    refresh_requested = Signal()
    export_requested = Signal()
    period_changed = Signal(object, int)
    case_requested = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.models: dict[str, PantauanTableModel] = {}
        self.views: dict[str, PantauanTableView] = {}
        self.titles: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        self._today = dt.date.today()
        self._hours: tuple[int, ...] = ()
        self._steps: list[Callable[[], None]] = []
        self._done: Callable[[], None] | None = None
        self._init_widgets()
        self._add_widgets()
        self._connect_signals()

    # -- assembly ------------------------------------------------------------------

    def _init_widgets(self) -> None:
        self.title = QLabel(self.tr("Pantauan"))
        self.title.setObjectName("pageTitle")
        self.freshness_icon = QLabel()
        self.freshness = QLabel(self.tr("Memuat…"))
        self.freshness.setWordWrap(True)
        self.freshness.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(self.tr("&Muat ulang (F5)"))
        self.export_button = QPushButton(self.tr("&Ekspor .xlsx (Ctrl+E)"))
        self.back_button = QPushButton(self.tr("&Kembali (Esc)"))
        self.period = QComboBox()
        self.period.addItem(self.tr("Satu hari"), 1)
        self.period.addItem(self.tr("Satu minggu (7 hari)"), 7)
        self.period.setAccessibleName(self.tr("Periode"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.day.setAccessibleName(self.tr("Mulai tanggal"))
        self.period_label = QLabel(self.tr("&Periode:"))
        self.period_label.setBuddy(self.period)
        self.day_label = QLabel(self.tr("mulai &tanggal:"))
        self.day_label.setBuddy(self.day)
        self.chart = HourChart()
        self.content = QWidget()
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.content)

    def _add_widgets(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.freshness_icon)
        head.addWidget(self.freshness, 1)
        controls = FlowLayout(last_to_the_right=True)
        for widget in (
            self.refresh_button,
            self.period_label,
            self.period,
            self.day_label,
            self.day,
            self.export_button,
            self.back_button,
        ):
            controls.addWidget(widget)
        self.sections = QVBoxLayout(self.content)
        self.sections.setContentsMargins(0, 0, 0, 0)
        self._add_sections()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(head)
        layout.addLayout(controls)
        layout.addWidget(self.scroller, 1)

    def _connect_signals(self) -> None:
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.period.currentIndexChanged.connect(self._on_period)
        self.day.dateChanged.connect(self._on_period)
        for key, signal in (
            ("F5", self.refresh_requested),
            ("Ctrl+E", self.export_requested),
            ("Esc", self.back_requested),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(signal)

    def _on_period(self) -> None:
        days = int(self.period.currentData())
        first = self.day.date().toPython()
        assert isinstance(first, dt.date)
        self.period_changed.emit(None if days == 1 and first == self._today else first, days)

    def set_today(self, today: dt.date) -> None:
        """The desk's today (its clock, Jakarta time): the period's default."""
        if today == self._today:
            return
        self._today = today
        self.day.blockSignals(True)
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.blockSignals(False)

    # -- what the flow hands over --------------------------------------------------

    def set_freshness(self, text: str, problem: bool) -> None:
        """ "Data CRM per 08.42" and, when the CRM cannot be reached, why."""
        self.freshness.setText(shown(text))
        style = QApplication.style()
        icon = style.standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
            if problem
            else QStyle.StandardPixmap.SP_DialogApplyButton
        )
        size = self.fontMetrics().height()
        self.freshness_icon.setPixmap(icon.pixmap(size, size))
        self.freshness_icon.setAccessibleName(
            self.tr("CRM tidak terjangkau") if problem else self.tr("Data CRM terbaru")
        )

    def set_site(self, site: str) -> None:
        self.title.setText(
            self.tr("Pantauan — {site}").format(site=site) if site else self.tr("Pantauan")
        )

    def show_tables(
        self,
        tables: list[Table],
        cells: dict[str, list[list[str]]] | None = None,
        done: Callable[[], None] | None = None,
    ) -> None:
        """Fill the sections, one per turn of the event loop (a long list laid out
        again costs ~15 ms: all of them at once held the GUI thread too long); then
        ``done``. A table not handed over (the CRM's, offline with no answer ever
        kept) hides its section. A newer call replaces what was still to fill."""
        given = {t.key: t for t in tables}
        steps: list[Callable[[], None]] = []
        for key, card in self.cards.items():
            table = given.get(key)
            if table is None:
                card.setVisible(False)
                continue
            steps.append(
                lambda k=key, t=table: self._fill(k, t, (cells or {}).get(k))  # type: ignore[misc]
            )
        steps.append(lambda: self._fill_chart(given.get("per_hour")))
        self._steps = steps
        self._done = done
        QTimer.singleShot(0, self._fill_next)

    def _fill_next(self) -> None:
        if not self._steps:
            return
        self._steps.pop(0)()
        if self._steps:
            QTimer.singleShot(0, self._fill_next)
            return
        self.compact_row.invalidate()
        done, self._done = self._done, None
        if done is not None:
            done()

    def _fill(self, key: str, table: Table, cells: list[list[str]] | None) -> None:
        self.models[key].set_table(table, cells)
        self.titles[key].setText(shown(table.title))
        self.views[key].setAccessibleName(shown(table.title))
        self.notes[key].setText(shown(table.note))
        self.notes[key].setVisible(bool(table.note))
        self.cards[key].setVisible(True)

    def _fill_chart(self, hours: Table | None) -> None:
        self.chart.setVisible(hours is not None)
        if hours is None:
            return
        counts = [0] * 24
        for label, n in hours.rows:
            counts[int(label[:2])] = int(n)
        if tuple(counts) != self._hours:  # a chart redrawn costs ~15 ms
            self._hours = tuple(counts)
            self.chart.set_hours(self._hours)

    def _add_sections(self) -> None:
        """Every section, hidden until its table comes."""
        self.cards: dict[str, QWidget] = {}
        self.compact_box = QWidget()
        self.compact_row = FlowLayout(self.compact_box)
        self.compact_row.setContentsMargins(0, 0, 0, 0)
        for key in ("desks", *COMPACT, "queue_tickets", *CASE_TABLES):
            card = self._card(key, compact=key in COMPACT)
            if key in COMPACT:
                self.compact_row.addWidget(card)
                if key == "per_hour":
                    self.compact_row.addWidget(self.chart)
            else:
                self.sections.addWidget(card)
            if key == "desks":
                self.sections.addWidget(self.compact_box)
        self.sections.addStretch(1)

    def _card(self, key: str, compact: bool) -> QWidget:
        model = PantauanTableModel(Table(key, "", ()))
        view = PantauanTableView(model, compact=compact)
        title = QLabel()
        title.setObjectName("pageTitle")
        title.setBuddy(view)
        note = QLabel()
        note.hide()
        card = QWidget()
        box = QVBoxLayout(card)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(title)
        box.addWidget(view)
        box.addWidget(note)
        card.hide()
        self.models[key], self.views[key], self.titles[key], self.notes[key] = (
            model,
            view,
            title,
            note,
        )
        self.cards[key] = card
        if key in CASE_TABLES:
            view.row_activated.connect(lambda row, k=key: self._on_case(k, row))
        view.fit()
        return card

    def _on_case(self, key: str, row: int) -> None:
        model = self.models[key]
        if 0 <= row < model.rowCount():
            self.case_requested.emit(model.table.rows[row][0], model.mark(row) == "own")

    def cells(self, key: str) -> list[list[str]]:
        """What a table shows, cell by cell, as the officer reads it (tests)."""
        model = self.models.get(key)
        if model is None or not self.cards[key].isVisibleTo(self):
            return []
        return [
            [model.cell(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())
        ]

    def first_view(self) -> QWidget:
        return self.refresh_button
