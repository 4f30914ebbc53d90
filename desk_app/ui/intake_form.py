"""The intake form: one complaint, typed at the counter, keyboard first.

Tab and Enter move on; Ctrl+S saves and prints; Esc asks before discarding. Each
field shows its problem beside it (IntakeService.validate, in Indonesian) once the
officer has left it or tried to save, and the save button says what is missing.
What is typed is saved as a draft every few seconds and whenever a field is left,
so a crash or a closed window loses nothing.

Correction mode (:meth:`IntakeFormPage.start_correction`): the same form, prefilled
with a complaint the CRM refused, its reason on top and the field it named marked;
Ctrl+S saves the correction (same ticket, no new receipt unless asked). Its draft has
its own key, and what was being typed for a new complaint comes back afterwards.
"""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.complaint import Complaint, ComplaintEvent, Urgency
from complaint_domain.validation import LIMITS
from desk_app.services.accounts import Officer
from desk_app.services.desk import Desk
from desk_app.services.duplicates import DuplicateHint, DuplicateQuery, DuplicateService
from desk_app.services.errors import ValidationFailed, message_for
from desk_app.services.intake import AttachmentFile, IntakeForm, RecordedComplaint
from desk_app.ui.add_event_dialog import AddEventDialog
from desk_app.ui.area_picker import AreaPicker
from desk_app.ui.attachments_panel import AttachmentsPanel
from desk_app.ui.category_picker import CategoryPicker
from desk_app.ui.dialogs import Confirm
from desk_app.ui.duplicate_panel import DuplicatePanel
from desk_app.ui.tasks import TaskRunner

DRAFT_INTERVAL_MS = 3000
DUPLICATE_DELAY_MS = 500
REFERENCE_CHANNELS = ("JAKI", "LAPOR!", "CRM")


def _read_files(paths: list[str]) -> list[AttachmentFile]:
    return [AttachmentFile.from_path(Path(p)) for p in paths]


def complaint_fields(c: Complaint) -> dict[str, Any]:
    """A stored complaint as the form's fields (what :meth:`IntakeFormPage.fields` gives)."""
    values: dict[str, Any] = {
        "name": c.complainant.name,
        "nik": c.complainant.nik,
        "phone": c.complainant.phone,
        "address": c.complainant.address,
        "rt_rw": c.location.rt_rw,
        "street": c.location.street,
        "landmark": c.location.landmark,
        "keep_private": c.complainant.keep_identity_private,
        "consent": True,  # given at intake; the complaint could not be saved without it
        "kelurahan_code": c.location.kelurahan_code,
        "category_code": c.category_code,
        "description": c.description,
        "urgency": c.urgency.value,
        "attachments": [],
        "kept_attachments": [a.sha256 for a in c.attachments],
    }
    other: list[str] = []
    for ref in c.earlier_references:
        channel, sep, number = ref.partition(": ")
        if sep and channel in REFERENCE_CHANNELS and f"ref_{channel}" not in values:
            values[f"ref_{channel}"] = number
        else:
            other.append(ref)
    if other:  # not typed on this form: kept whole in the last box
        last = f"ref_{REFERENCE_CHANNELS[-1]}"
        values[last] = "; ".join([values.get(last, ""), *other]).strip("; ")
    return values


def form_field(crm_field: str) -> str:
    """The form's field for a field path the CRM named ("location.kelurahan_code")."""
    parts = [p for p in crm_field.split(".") if p]
    if parts and parts[0] in ("complainant", "location"):
        parts = parts[1:]
    return parts[0] if parts else ""


class IntakeFormPage(QWidget):
    """Signals:
    saved(object): the RecordedComplaint, once durably saved.
    event_added(str, object): complaint id and ComplaintEvent, after "add to existing".
    discarded(): the officer left the form (after confirming if anything was typed).
    draft_saved(): the draft reached the database.
    duplicates_shown(int): how many duplicate hints are beside the form.
    validation_shown(dict): the problems shown after a refused save.
    corrected(object, bool): the corrected Complaint, and whether a reprint was asked.
    correction_closed(): the officer left a correction without saving.
    """

    saved = Signal(object)
    event_added = Signal(str, object)
    discarded = Signal()
    draft_saved = Signal()
    duplicates_shown = Signal(int)
    validation_shown = Signal(dict)
    corrected = Signal(object, bool)
    correction_closed = Signal()

    def __init__(
        self,
        desk: Desk,
        duplicates: DuplicateService,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._duplicates = duplicates
        self._runner = runner
        self._officer: Officer | None = None
        self._touched: set[str] = set()
        self._show_all = False
        self._dirty = False
        self._loading = False
        self._saving = False
        self._duplicate_generation = 0
        self._errors: dict[str, str] = {}
        self._editing: Complaint | None = None
        self._crm_field = ""
        self._crm_reason = ""
        self._crm_value: Any = None
        self._stash: tuple[dict[str, Any], bool] | None = None
        self._init_fields()
        self._init_layout()
        self._init_timers()
        self._init_shortcuts()
        self._connect_signals()
        self.revalidate()

    # -- building ------------------------------------------------------------------

    def _line(self, accessible: str, limit: int | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        if limit:
            edit.setMaxLength(limit + 50)  # over the limit is shown as an error, not cut
        return edit

    def _init_fields(self) -> None:
        tr = self.tr
        self.name = self._line(tr("Nama pelapor"), LIMITS["name"])
        self.nik = self._line(tr("NIK"))
        self.nik.setPlaceholderText(tr("16 angka, boleh kosong"))
        self.phone = self._line(tr("Nomor telepon"))
        self.phone.setPlaceholderText(tr("mis. 0812 3456 7890"))
        self.address = self._line(tr("Alamat pelapor"), LIMITS["address"])
        self.keep_private = QCheckBox(tr("Rahasiakan identitas saya dari instansi"))
        self.keep_private.setAccessibleName(tr("Rahasiakan identitas dari instansi"))
        self.consent = QCheckBox(tr("Pelapor menyetujui pemrosesan data pribadi (wajib)"))
        self.consent.setAccessibleName(tr("Persetujuan pemrosesan data pribadi"))
        self.consent_text = QLabel(
            tr(
                "Saya setuju nama, NIK, nomor telepon dan alamat saya diproses oleh Pemerintah Provinsi DKI Jakarta hanya untuk menangani aduan ini, sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Data pribadi tidak dicetak pada tanda terima dan tidak tampil di halaman pemantauan."  # noqa: E501
            )
        )
        self.consent_text.setWordWrap(True)
        self.area = AreaPicker(self._desk.areas)
        self.rt_rw = self._line(tr("RT/RW"))
        self.rt_rw.setPlaceholderText(tr("003/007"))
        self.rt_rw.setMaximumWidth(self.rt_rw.fontMetrics().horizontalAdvance("0000/0000") * 2)
        self.street = self._line(tr("Nama jalan"), LIMITS["street"])
        self.landmark = self._line(tr("Patokan lokasi"), LIMITS["landmark"])
        self.category = CategoryPicker()
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category.setMinimumContentsLength(20)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setAccessibleName(tr("Uraian aduan"))
        self.description.setPlaceholderText(tr("Apa masalahnya, sejak kapan, di mana persisnya"))
        self.counter = QLabel()
        self.counter.setAccessibleName(tr("Jumlah karakter uraian"))
        self.urgency = QComboBox()
        self.urgency.setAccessibleName(tr("Tingkat urgensi"))
        self.urgency.addItem(tr("Biasa"), Urgency.NORMAL.value)
        self.urgency.addItem(tr("Mendesak (bahaya bagi jiwa atau kesehatan)"), Urgency.URGENT.value)
        self.references = {
            channel: self._line(tr("Nomor laporan {channel}").format(channel=channel))
            for channel in REFERENCE_CHANNELS
        }
        self.attachments = AttachmentsPanel(self._runner)
        self.duplicate_panel = DuplicatePanel(self._area_name)
        self.title = QLabel(tr("Aduan baru"))
        self.title.setObjectName("pageTitle")
        self.crm_reason = QLabel()
        self.crm_reason.setObjectName("crmReason")
        self.crm_reason.setWordWrap(True)
        self.crm_reason.setAccessibleName(tr("Alasan penolakan CRM"))
        self.crm_reason.setStyleSheet(
            "QLabel#crmReason { background: #fff4d6; color: #5a3b00;"
            " border: 2px solid #d08c00; padding: 8px; }"
        )
        self.crm_reason.hide()
        self.kept_files = QListWidget()
        self.kept_files.setAccessibleName(tr("Lampiran tersimpan"))
        self.kept_files.setToolTip(tr("Hilangkan centang untuk melepas lampiran yang ditolak CRM"))
        self.kept_files.setMaximumHeight(self.kept_files.fontMetrics().height() * 6)
        self.kept_files.hide()
        self.reprint = QCheckBox(tr("Cetak ulang tanda terima (SALINAN) setelah disimpan"))
        self.reprint.hide()
        self.save_button = QPushButton()
        self.save_button.setAccessibleName(tr("Simpan dan cetak"))
        self.save_button.setDefault(False)
        self.save_state = QLabel()
        self.save_state.setWordWrap(True)
        self.save_state.setAccessibleName(tr("Yang belum lengkap"))
        self.draft_state = QLabel()
        self.draft_state.setAccessibleName(tr("Status draf"))
        self.draft_state.setMinimumWidth(
            self.draft_state.fontMetrics().horizontalAdvance(tr("Draf dipulihkan")) + 16
        )

        self._errors_labels: dict[str, QLabel] = {}
        self._field_widgets: dict[str, QWidget] = {
            "name": self.name,
            "nik": self.nik,
            "phone": self.phone,
            "address": self.address,
            "consent": self.consent,
            "kelurahan_code": self.area,
            "rt_rw": self.rt_rw,
            "street": self.street,
            "landmark": self.landmark,
            "category_code": self.category,
            "description": self.description,
            "urgency": self.urgency,
            "earlier_references": self.references["JAKI"],
            "attachments": self.attachments,
        }
        self.field_labels = {
            "name": tr("Nama pelapor"),
            "nik": tr("NIK"),
            "phone": tr("Telepon"),
            "address": tr("Alamat"),
            "consent": tr("Persetujuan"),
            "kelurahan_code": tr("Kelurahan"),
            "rt_rw": tr("RT/RW"),
            "street": tr("Jalan"),
            "landmark": tr("Patokan"),
            "category_code": tr("Kategori"),
            "description": tr("Uraian"),
            "urgency": tr("Urgensi"),
            "earlier_references": tr("Laporan sebelumnya"),
            "attachments": tr("Lampiran"),
            "channel": tr("Kanal"),
        }

    def _with_error(self, field: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.setAccessibleName(self.tr("Kesalahan {field}").format(field=self.field_labels[field]))
        error.hide()
        layout.addWidget(error)
        self._errors_labels[field] = error
        return box

    def _row(self, form: QFormLayout, text: str, field: str, widget: QWidget | None = None) -> None:
        target = widget or self._field_widgets[field]
        label = QLabel(text)
        label.setBuddy(target)
        form.addRow(label, self._with_error(field, target))

    def _init_layout(self) -> None:
        tr = self.tr
        who = QGroupBox(tr("Pelapor"))
        f = QFormLayout(who)
        self._row(f, tr("&Nama *"), "name")
        self._row(f, tr("N&IK"), "nik")
        self._row(f, tr("&Telepon"), "phone")
        self._row(f, tr("&Alamat"), "address")
        f.addRow("", self.keep_private)
        consent_box = QWidget()
        cl = QVBoxLayout(consent_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.consent_text)
        cl.addWidget(self.consent)
        f.addRow(tr("Persetujuan *"), self._with_error("consent", consent_box))

        where = QGroupBox(tr("Lokasi masalah"))
        f = QFormLayout(where)
        self._row(f, tr("&Kelurahan *"), "kelurahan_code")
        self._row(f, tr("&RT/RW"), "rt_rw")
        self._row(f, tr("&Jalan"), "street")
        self._row(f, tr("&Patokan"), "landmark")

        what = QGroupBox(tr("Aduan"))
        f = QFormLayout(what)
        self._row(f, tr("Kate&gori *"), "category_code")
        desc = QWidget()
        dl = QVBoxLayout(desc)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.description)
        dl.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)
        label = QLabel(tr("&Uraian *"))
        label.setBuddy(self.description)
        f.addRow(label, self._with_error("description", desc))
        self._row(f, tr("Urgen&si"), "urgency")

        refs = QGroupBox(tr("Laporan sebelumnya di kanal lain (jika ada)"))
        refs_form = QFormLayout()
        refs_form.setContentsMargins(0, 0, 0, 0)
        for channel, edit in self.references.items():
            lab = QLabel(channel)
            lab.setBuddy(edit)
            refs_form.addRow(lab, edit)
        refs_box = QWidget()
        refs_box.setLayout(refs_form)
        refs_layout = QVBoxLayout(refs)
        refs_layout.addWidget(self._with_error("earlier_references", refs_box))

        files = QGroupBox(tr("Lampiran: scan surat, foto"))
        fl = QVBoxLayout(files)
        fl.addWidget(self.kept_files)
        fl.addWidget(self._with_error("attachments", self.attachments))

        column = QWidget()
        cl2 = QVBoxLayout(column)
        cl2.addWidget(self.title)
        cl2.addWidget(self.crm_reason)
        for box in (who, where, what, refs, files):
            cl2.addWidget(box)
        cl2.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(column)

        splitter = QSplitter()
        splitter.addWidget(self.scroll_area)
        splitter.addWidget(self.duplicate_panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.save_state, 1)
        bottom.addWidget(self.draft_state)
        bottom.addWidget(self.reprint)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        order: list[QWidget] = [
            self.name,
            self.nik,
            self.phone,
            self.address,
            self.keep_private,
            self.consent,
            self.area.search,
            self.area.kota,
            self.area.kecamatan,
            self.area.kelurahan,
            self.rt_rw,
            self.street,
            self.landmark,
            self.category,
            self.description,
            self.urgency,
            *self.references.values(),
            self.attachments.add_button,
            self.attachments.remove_button,
            self.attachments.list,
            self.save_button,
        ]
        for a, b in itertools.pairwise(order):
            self.setTabOrder(a, b)
        self.setFocusProxy(self.name)

    def _init_timers(self) -> None:
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._duplicate_timer = QTimer(self)
        self._duplicate_timer.setSingleShot(True)
        self._duplicate_timer.setInterval(DUPLICATE_DELAY_MS)

    def _init_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+S"), self, context=context)
        self.escape_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, context=context)

    def _connect_signals(self) -> None:
        self.save_shortcut.activated.connect(self.on_save)
        self.escape_shortcut.activated.connect(self.on_escape)
        self.save_button.clicked.connect(self.on_save)
        self._draft_timer.timeout.connect(self.on_draft_timer)
        self._duplicate_timer.timeout.connect(self.on_find_duplicates)
        for name, edit in self._line_edits().items():
            edit.textChanged.connect(lambda _text: self.on_changed())
            edit.editingFinished.connect(lambda n=name: self.on_field_left(n))
            edit.returnPressed.connect(self.focusNextChild)
        for check in (self.keep_private, self.consent):
            check.toggled.connect(lambda _on: self.on_changed())
            check.installEventFilter(self)
        self.consent.toggled.connect(lambda: self.on_field_left("consent"))
        self.urgency.installEventFilter(self)
        self.urgency.currentIndexChanged.connect(lambda _i: self.on_changed())
        self.description.textChanged.connect(self.on_changed)
        self.description.installEventFilter(self)
        self.area.changed.connect(lambda _code: self.on_changed())
        self.area.changed.connect(lambda: self.on_field_left("kelurahan_code"))
        self.area.picked.connect(self.rt_rw.setFocus)
        self.category.changed.connect(lambda _code: self.on_changed())
        self.category.changed.connect(self.on_category_changed)
        self.category.line_edit().returnPressed.connect(self.on_category_return)
        self.attachments.changed.connect(self.on_changed)
        self.kept_files.itemChanged.connect(lambda _item: self.on_changed())
        self.duplicate_panel.add_requested.connect(self.on_add_to_existing)
        for w in (self.nik, self.phone):
            w.textChanged.connect(lambda _text: self._schedule_duplicates())
        self.area.changed.connect(lambda _code: self._schedule_duplicates())
        self.category.changed.connect(lambda _code: self._schedule_duplicates())
        self.description.textChanged.connect(self._schedule_duplicates)

    def _line_edits(self) -> dict[str, QLineEdit]:
        edits = {
            "name": self.name,
            "nik": self.nik,
            "phone": self.phone,
            "address": self.address,
            "rt_rw": self.rt_rw,
            "street": self.street,
            "landmark": self.landmark,
        }
        edits.update({f"ref_{c}": e for c, e in self.references.items()})
        return edits

    def _area_name(self, code: str) -> str:
        area = self._desk.areas.get(code)
        return area.name if area else code

    # -- state ---------------------------------------------------------------------

    def set_officer(self, officer: Officer | None) -> None:
        self._officer = officer
        if officer is None:
            self._draft_timer.stop()
        else:
            self._draft_timer.start()

    def stop(self) -> None:
        """The window is closing: no more timers."""
        self._draft_timer.stop()
        self._duplicate_timer.stop()

    @property
    def draft_key(self) -> str:
        """New complaints and each correction have their own draft."""
        if self._officer is None:
            return ""
        if self._editing is not None:
            return self._desk.drafts.key_for(self._officer, f"correct-{self._editing.id}")
        return self._desk.drafts.key_for(self._officer)

    @property
    def editing(self) -> Complaint | None:
        """The complaint being corrected; None for a new complaint."""
        return self._editing

    def form(self, with_files: list[AttachmentFile] | None = None) -> IntakeForm:
        refs = [
            f"{channel}: {edit.text().strip()}"
            for channel, edit in self.references.items()
            if edit.text().strip()
        ]
        return IntakeForm(
            name=self.name.text(),
            nik=self.nik.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            keep_identity_private=self.keep_private.isChecked(),
            consent=self.consent.isChecked(),
            kelurahan_code=self.area.code(),
            rt_rw=self.rt_rw.text(),
            street=self.street.text(),
            landmark=self.landmark.text(),
            category_code=self.category.code(),
            description=self.description.toPlainText(),
            urgency=str(self.urgency.currentData()),
            earlier_references=refs,
            attachments=with_files or [],
            channel=self._editing.channel if self._editing else IntakeForm.channel,
            draft_key=self.draft_key,
        )

    def _kept(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in map(self.kept_files.item, range(self.kept_files.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def removed_attachments(self) -> list[str]:
        """Correction mode: the stored attachments the officer unticked."""
        kept = set(self._kept())
        if self._editing is None:
            return []
        return [a.sha256 for a in self._editing.attachments if a.sha256 not in kept]

    def fields(self) -> dict[str, Any]:
        """What the draft keeps: every field as typed, and the attachment paths."""
        values: dict[str, Any] = {name: e.text() for name, e in self._line_edits().items()}
        values.update(
            keep_private=self.keep_private.isChecked(),
            consent=self.consent.isChecked(),
            kelurahan_code=self.area.code(),
            kelurahan_text=self.area.search.text(),
            category_code=self.category.code(),
            category_text=self.category.currentText(),
            description=self.description.toPlainText(),
            urgency=str(self.urgency.currentData()),
            attachments=self.attachments.paths(),
        )
        if self._editing is not None:
            values["kept_attachments"] = self._kept()
        return values

    def is_empty(self) -> bool:
        f = self.fields()
        return not any(
            v for k, v in f.items() if k not in ("urgency", "category_text", "kelurahan_text")
        )

    def set_fields(self, values: dict[str, Any]) -> None:
        self._loading = True
        try:
            for name, edit in self._line_edits().items():
                edit.setText(str(values.get(name, "")))
            self.keep_private.setChecked(bool(values.get("keep_private")))
            self.consent.setChecked(bool(values.get("consent")))
            if values.get("kelurahan_code"):
                self.area.set_code(str(values["kelurahan_code"]))
            else:
                self.area.clear()
                self.area.search.setText(str(values.get("kelurahan_text", "")))
            if values.get("category_code"):
                self.category.set_code(str(values["category_code"]))
            else:
                self.category.clear_choice()
                self.category.setEditText(str(values.get("category_text", "")))
            self.description.setPlainText(str(values.get("description", "")))
            self.urgency.setCurrentIndex(max(self.urgency.findData(values.get("urgency")), 0))
            self.attachments.clear()
            self.attachments.add_paths([str(p) for p in values.get("attachments", [])])
            self._set_kept(values.get("kept_attachments"))
        finally:
            self._loading = False
        self._touched = {k for k in self._field_widgets if values.get(k)}
        self.revalidate()

    def _set_kept(self, kept: Any) -> None:
        self.kept_files.clear()
        complaint = self._editing
        self.kept_files.setVisible(complaint is not None and bool(complaint.attachments))
        if complaint is None:
            return
        keep = {str(k) for k in kept} if isinstance(kept, list) else None
        for a in complaint.attachments:
            item = QListWidgetItem(a.original_name or a.sha256[:12])
            item.setData(Qt.ItemDataRole.UserRole, a.sha256)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = keep is None or a.sha256 in keep
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.kept_files.addItem(item)

    # -- correction mode -------------------------------------------------------------

    def start_correction(self, complaint: Complaint, reason: str, crm_field: str) -> None:
        """Show ``complaint`` (refused by the CRM) for correction: the CRM's reason on
        top, the field it named marked and focused. What was typed for a new complaint
        is kept (draft and screen) and comes back when the correction is done."""
        if self._editing is None:
            self.save_draft()
            self._stash = (self.fields(), self._dirty)
        self._editing = complaint
        self._duplicate_timer.stop()
        self._duplicate_generation += 1
        self.duplicate_panel.set_hints([])
        self.duplicate_panel.hide()  # it would find the complaint itself
        self.title.setText(self.tr("Perbaiki aduan {code}").format(code=complaint.ticket_code))
        self.crm_reason.setText(
            self.tr("Ditolak CRM: {reason}").format(reason=reason or self.tr("(tanpa alasan)"))
        )
        self.crm_reason.show()
        self.reprint.setChecked(False)
        self.reprint.show()
        self.set_fields(complaint_fields(complaint))
        field = form_field(crm_field)
        self._crm_field = field if field in self._field_widgets else ""
        self._crm_reason = reason
        self._crm_value = self.fields_value(self._crm_field)
        self._show_all = False
        self._dirty = False
        self.draft_state.clear()
        self.revalidate()
        self.focus_crm_field()
        key = self.draft_key
        self._runner.run(
            lambda: self._desk.drafts.load(key), lambda d: self._on_correction_draft(key, d)
        )

    def fields_value(self, field: str) -> Any:
        """The current value of one form field (references: all of them)."""
        if not field:
            return None
        values = self.fields()
        if field == "earlier_references":
            return [values[f"ref_{c}"] for c in REFERENCE_CHANNELS]
        if field == "attachments":
            return (values["attachments"], values.get("kept_attachments"))
        if field == "consent":
            return values["consent"]
        return values.get(field)

    def focus_crm_field(self) -> None:
        widget = self._field_widgets.get(self._crm_field) or self.name
        if self._crm_field == "kelurahan_code":
            widget = self.area.search
        self.scroll_area.ensureWidgetVisible(widget)
        widget.setFocus()

    def _on_correction_draft(self, key: str, draft: Any) -> None:
        if draft is None or key != self.draft_key:
            return
        self.set_fields(draft.fields)
        self._dirty = False
        self.draft_state.setText(self.tr("Draf perbaikan dipulihkan"))

    def _leave_correction(self) -> None:
        self._editing = None
        self._crm_field = self._crm_reason = ""
        self._crm_value = None
        self.title.setText(self.tr("Aduan baru"))
        self.duplicate_panel.show()
        self.crm_reason.hide()
        self.reprint.hide()
        self.reprint.setChecked(False)
        stash, self._stash = self._stash, None
        self.reset()
        if stash is not None:
            fields, dirty = stash
            self.set_fields(fields)
            self._dirty = dirty

    def reset(self) -> None:
        self.set_fields({})
        self._touched.clear()
        self._show_all = False
        self._dirty = False
        self.duplicate_panel.set_hints([])
        self.draft_state.clear()
        self.revalidate()
        self.name.setFocus()

    # -- validation ----------------------------------------------------------------

    def revalidate(self) -> dict[str, str]:
        errors = self._desk.intake.validate(self.form())
        self._errors = errors
        for field, label in self._errors_labels.items():
            message = errors.get(field, "")
            visible = bool(message) and (self._show_all or field in self._touched)
            label.setText("⚠ " + message if visible else "")
            label.setVisible(visible)
        description = self.description.toPlainText()
        self.counter.setText(
            self.tr("{n} / {limit} karakter").format(
                n=len(description), limit=LIMITS["description"]
            )
        )
        crm = self._crm_field
        if crm and crm not in errors and self.fields_value(crm) == self._crm_value:
            # Not changed yet: the field the CRM refused stays marked with its reason.
            label = self._errors_labels[crm]
            label.setText("⚠ " + self.tr("CRM: {reason}").format(reason=self._crm_reason))
            label.setVisible(True)
        if self._editing is not None:
            self.save_button.setText(self.tr("Simpan perbaikan (Ctrl+S)"))
            if errors:
                missing = ", ".join(self.field_labels.get(f, f) for f in errors)
                self.save_state.setText(
                    self.tr("Belum dapat disimpan — periksa: {fields}").format(fields=missing)
                )
            else:
                self.save_state.setText(
                    self.tr("✓ Siap disimpan — nomor tiket tetap, dikirim ulang ke CRM")
                )
        elif errors:
            missing = ", ".join(self.field_labels.get(f, f) for f in errors)
            self.save_button.setText(self.tr("Simpan dan cetak (Ctrl+S)"))
            self.save_state.setText(
                self.tr("Belum dapat disimpan — periksa: {fields}").format(fields=missing)
            )
        else:
            self.save_button.setText(self.tr("Simpan dan cetak (Ctrl+S)"))
            self.save_state.setText(self.tr("✓ Siap disimpan"))
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        self._show_all = True
        self.revalidate()
        for field, message in errors.items():
            label = self._errors_labels.get(field)
            if label is not None and not label.isVisible():
                label.setText("⚠ " + message)
                label.show()
        first = next((f for f in self._field_widgets if f in errors), None)
        if first is not None:
            widget = self._field_widgets[first]
            self.scroll_area.ensureWidgetVisible(widget)
            widget.setFocus()
        self.validation_shown.emit(dict(errors))

    # -- slots ---------------------------------------------------------------------

    def on_changed(self) -> None:
        # Connected with fixed-arity lambdas: PySide6 6.12 mis-counts references when a
        # signal calls a slot declared with *args (True/False get freed at exit).
        if self._loading:
            return
        self._dirty = True
        self.revalidate()

    def on_field_left(self, name: str) -> None:
        if self._loading:
            return
        field = "earlier_references" if name.startswith("ref_") else name
        self._touched.add(field)
        self.revalidate()
        self.save_draft()

    def on_category_changed(self, code: str) -> None:
        if code:
            self.on_field_left("category_code")

    def on_category_return(self) -> None:
        if self.category.code():
            self.description.setFocus()

    def on_draft_timer(self) -> None:
        self.save_draft()

    @property
    def dirty(self) -> bool:
        """Typed since the draft was last saved."""
        return self._dirty

    def save_draft(self) -> None:
        if not self._dirty or self._officer is None or self._saving:
            return
        officer, key, fields = self._officer, self.draft_key, self.fields()
        self._dirty = False
        self._runner.run(
            lambda: self._desk.drafts.save(officer, key, fields), lambda _r: self._on_draft_saved()
        )

    def _on_draft_saved(self) -> None:
        self.draft_state.setText(self.tr("Draf tersimpan"))
        self.draft_saved.emit()

    def offer_draft(self) -> None:
        """After sign-in: bring back what was being typed before a crash or restart."""
        if self._officer is None:
            return
        key = self.draft_key
        self._runner.run(lambda: self._desk.drafts.load(key), self._on_draft_loaded)

    def _on_draft_loaded(self, draft: Any) -> None:
        if draft is None or not any(v for k, v in draft.fields.items() if k not in ("urgency",)):
            return
        name = str(draft.fields.get("name", "")) or self.tr("(tanpa nama)")
        if Confirm.ask(
            self.window(),
            self.tr("Lanjutkan isian sebelumnya?"),
            self.tr(
                "Ada aduan yang belum selesai diketik (pelapor: {name}). Lanjutkan mengisinya?"
            ).format(name=name),
            self.tr("Lanjutkan"),
            self.tr("Buang"),
        ):
            self.set_fields(draft.fields)
            self.draft_state.setText(self.tr("Draf dipulihkan"))
            self.window().activateWindow()
        else:
            self._runner.run(lambda: self._desk.drafts.discard(draft.key))

    def on_escape(self) -> None:
        if self._editing is not None:
            self._escape_correction()
            return
        if not self.is_empty() and not Confirm.ask(
            self.window(),
            self.tr("Buang isian?"),
            self.tr("Isian aduan ini belum disimpan. Buang semuanya?"),
            self.tr("Buang"),
            self.tr("Kembali mengisi"),
        ):
            return
        key = self.draft_key
        if key:
            self._runner.run(lambda: self._desk.drafts.discard(key))
        self.reset()
        self.discarded.emit()

    def _escape_correction(self) -> None:
        if self._dirty and not Confirm.ask(
            self.window(),
            self.tr("Buang perbaikan?"),
            self.tr("Perbaikan aduan ini belum disimpan. Buang perubahannya?"),
            self.tr("Buang"),
            self.tr("Kembali memperbaiki"),
        ):
            return
        key = self.draft_key
        if key:
            self._runner.run(lambda: self._desk.drafts.discard(key))
        self._leave_correction()
        self.correction_closed.emit()

    def on_save(self) -> None:
        if self._saving or self._officer is None:
            return
        errors = self.revalidate()
        if errors:
            self.show_errors(errors)
            return
        self._saving = True
        self._draft_timer.stop()
        officer, form, paths = self._officer, self.form(), self.attachments.paths()
        if self._editing is not None:
            self._save_correction(officer, form, paths, str(self._editing.id))
            return

        def op() -> RecordedComplaint:
            files = _read_files(paths)
            return self._desk.intake.record(officer, dataclasses.replace(form, attachments=files))

        self.save_button.setEnabled(False)
        self.save_state.setText(self.tr("Menyimpan…"))
        self._runner.run(op, self._on_saved, self._on_save_failed)

    def _save_correction(
        self, officer: Officer, form: IntakeForm, paths: list[str], complaint_id: str
    ) -> None:
        removed = self.removed_attachments()

        def op() -> Complaint:
            files = _read_files(paths)
            return self._desk.intake.correct(
                officer, complaint_id, dataclasses.replace(form, attachments=files), removed
            )

        self.save_button.setEnabled(False)
        self.save_state.setText(self.tr("Menyimpan perbaikan…"))
        self._runner.run(op, self._on_corrected, self._on_save_failed)

    def _on_corrected(self, complaint: Complaint) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._draft_timer.start()
        reprint = self.reprint.isChecked()
        self._leave_correction()
        self.corrected.emit(complaint, reprint)

    def _on_saved(self, recorded: RecordedComplaint) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._draft_timer.start()
        self.reset()
        self.saved.emit(recorded)

    def _on_save_failed(self, error: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._draft_timer.start()
        if isinstance(error, ValidationFailed):
            self.show_errors(error.errors)
            return
        known = message_for(error)
        if known:
            message = known + " " + self.tr("Isian tetap ada di layar.")
        else:
            message = self.tr(
                "Aduan gagal disimpan karena kesalahan program. Isian tetap ada di layar dan di draf."  # noqa: E501 - one string for lupdate
            )
        self.save_state.setText("⚠ " + message)
        self._dirty = True
        self.save_draft()

    # -- duplicates ----------------------------------------------------------------

    def _schedule_duplicates(self) -> None:
        if not self._loading and self._editing is None:
            self._duplicate_timer.start()

    def on_find_duplicates(self) -> None:
        if self._officer is None or self._editing is not None:
            return
        self._duplicate_generation += 1
        generation = self._duplicate_generation
        officer = self._officer
        query = DuplicateQuery(
            nik=self.nik.text(),
            phone=self.phone.text(),
            kelurahan_code=self.area.code(),
            category_code=self.category.code(),
            description=self.description.toPlainText(),
        )
        self._runner.run(
            lambda: self._duplicates.find(officer, query),
            lambda hints: self._on_duplicates(generation, hints),
        )

    def _on_duplicates(self, generation: int, hints: list[DuplicateHint]) -> None:
        if generation != self._duplicate_generation:
            return  # the officer typed on; a newer search is coming
        self.duplicate_panel.set_hints(hints)
        self.duplicates_shown.emit(len(hints))

    def on_add_to_existing(self, complaint_id: str, code: str) -> None:
        if self._officer is None:
            return
        paths = self.attachments.paths()
        answer = AddEventDialog.ask(self.window(), code, self.description.toPlainText(), len(paths))
        if answer is None:
            return
        officer, key = self._officer, self.draft_key

        def op() -> ComplaintEvent:
            files = _read_files(paths) if answer.include_attachments else []
            event = self._desk.intake.add_citizen_event(officer, complaint_id, answer.note, files)
            if key:
                self._desk.drafts.discard(key)
            return event

        def done(event: ComplaintEvent) -> None:
            self.reset()
            self.event_added.emit(complaint_id, event)

        def failed(error: Exception) -> None:
            if isinstance(error, ValidationFailed):
                self.save_state.setText("⚠ " + " ".join(error.errors.values()))
            else:
                self.save_state.setText("⚠ " + getattr(error, "message", str(type(error))))

        self._runner.run(op, done, failed)

    # -- keyboard ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and isinstance(watched, (QCheckBox, QComboBox)):
                self.focusNextChild()
                return True
            if (
                enter
                and watched is self.description
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)
