"""The intake page's widgets and layout: every field with its label and the line
for its problem beside it, the duplicate hints on the right, the save row below,
and the tab order the keyboard follows. Behaviour is in :mod:`.page`."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.areas import AreaIndex
from complaint_domain.complaint import Urgency
from complaint_domain.validation import LIMITS
from desk_app.ui.area_picker import AreaPicker
from desk_app.ui.attachments_panel import AttachmentsPanel
from desk_app.ui.category_picker import CategoryPicker
from desk_app.ui.duplicate_panel import DuplicatePanel
from desk_app.ui.intake.fields import REFERENCE_CHANNELS
from desk_app.ui.tasks import TaskRunner
from desk_app.ui.wrapping_check_box import wrapping_check_box


class IntakeView(QWidget):
    """The form's widgets, laid out; no behaviour (it has no signals of its own).

    ``field_widgets`` maps each validated field to the widget that takes it;
    ``error_labels`` each field to the line that shows its problem (its accessible
    name: "Kesalahan <field>"); ``line_edits`` every one-line field by name."""

    def __init__(
        self,
        areas: AreaIndex | Callable[[], AreaIndex],  # a callable: read at each use
        area_name: Callable[[str], str],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._areas = areas
        self._area_name = area_name
        self._runner = runner
        self._init_fields()
        self._init_layout()

    def _line(self, accessible: str, limit: int | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(accessible)
        if limit:
            edit.setMaxLength(limit + 50)  # over the limit is shown as an error, not cut
        return edit

    def _init_fields(self) -> None:
        self.name = self._line(self.tr("Nama pelapor"), LIMITS["name"])
        self.nik = self._line(self.tr("NIK"))
        self.nik.setPlaceholderText(self.tr("16 angka, boleh kosong"))
        self.phone = self._line(self.tr("Nomor telepon"))
        self.phone.setPlaceholderText(self.tr("mis. 0812 3456 7890"))
        self.sms_consent = QCheckBox(self.tr("Kirim kabar lewat SMS"))
        self.sms_consent.setAccessibleName(
            self.tr("Kirim kabar aduan lewat SMS ke nomor telepon ini")
        )
        self.sms_consent.setEnabled(False)  # only with a phone number (see the page)
        self.address = self._line(self.tr("Alamat pelapor"), LIMITS["address"])
        self.keep_private = QCheckBox(self.tr("Rahasiakan identitas saya dari instansi"))
        self.keep_private.setAccessibleName(self.tr("Rahasiakan identitas dari instansi"))
        self.consent = QCheckBox(self.tr("Pelapor menyetujui pemrosesan data pribadi (wajib)"))
        self.consent.setAccessibleName(self.tr("Persetujuan pemrosesan data pribadi"))
        self.consent_text = QLabel(
            self.tr(
                "Saya setuju nama, NIK, nomor telepon dan alamat saya diproses oleh Pemerintah Provinsi DKI Jakarta hanya untuk menangani aduan ini, sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Data pribadi tidak dicetak pada tanda terima dan tidak tampil di halaman pemantauan."  # noqa: E501
            )
        )
        self.consent_text.setWordWrap(True)
        self.area = AreaPicker(self._areas)
        self.rt_rw = self._line(self.tr("RT/RW"))
        self.rt_rw.setPlaceholderText(self.tr("003/007"))
        self.rt_rw.setMaximumWidth(self.rt_rw.fontMetrics().horizontalAdvance("0000/0000") * 2)
        self.street = self._line(self.tr("Nama jalan"), LIMITS["street"])
        self.landmark = self._line(self.tr("Patokan lokasi"), LIMITS["landmark"])
        self.category = CategoryPicker()
        self.category.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.category.setMinimumContentsLength(20)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setAccessibleName(self.tr("Uraian aduan"))
        self.description.setPlaceholderText(
            self.tr("Apa masalahnya, sejak kapan, di mana persisnya")
        )
        self.counter = QLabel()
        self.counter.setAccessibleName(self.tr("Jumlah karakter uraian"))
        self.urgency = QComboBox()
        self.urgency.setAccessibleName(self.tr("Tingkat urgensi"))
        self.urgency.addItem(self.tr("Biasa"), Urgency.NORMAL.value)
        self.urgency.addItem(
            self.tr("Mendesak (bahaya bagi jiwa atau kesehatan)"), Urgency.URGENT.value
        )
        self.urgency.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.urgency.setMinimumContentsLength(16)
        self.references = {
            channel: self._line(self.tr("Nomor laporan {channel}").format(channel=channel))
            for channel in REFERENCE_CHANNELS
        }
        self.attachments = AttachmentsPanel(self._runner)
        self.duplicate_panel = DuplicatePanel(self._area_name)
        self.title = QLabel(self.tr("Aduan baru"))
        self.title.setObjectName("pageTitle")
        self.crm_reason = QLabel()
        self.crm_reason.setObjectName("crmReason")
        self.crm_reason.setWordWrap(True)
        self.crm_reason.setAccessibleName(self.tr("Alasan penolakan CRM"))
        self.crm_reason.setStyleSheet(
            "QLabel#crmReason { background: #fff4d6; color: #5a3b00;"
            " border: 2px solid #d08c00; padding: 8px; }"
        )
        self.crm_reason.hide()
        self.kept_files = QListWidget()
        self.kept_files.setAccessibleName(self.tr("Lampiran tersimpan"))
        self.kept_files.setToolTip(
            self.tr("Hilangkan centang untuk melepas lampiran yang ditolak CRM")
        )
        self.kept_files.setMaximumHeight(self.kept_files.fontMetrics().height() * 6)
        self.kept_files.hide()
        self.reprint = QCheckBox(self.tr("Cetak ulang tanda terima (SALINAN) setelah disimpan"))
        self.reprint.hide()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveButton")
        self.save_button.setAccessibleName(self.tr("Simpan dan cetak"))
        self.save_button.setDefault(False)
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.save_state.setWordWrap(True)
        self.save_state.setAccessibleName(self.tr("Yang belum lengkap"))
        self.draft_state = QLabel()
        self.draft_state.setObjectName("draftState")
        self.draft_state.setAccessibleName(self.tr("Status draf"))
        self.draft_state.setMinimumWidth(
            self.draft_state.fontMetrics().horizontalAdvance(self.tr("Draf dipulihkan")) + 16
        )

        self.error_labels: dict[str, QLabel] = {}
        self.field_widgets: dict[str, QWidget] = {
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
            "name": self.tr("Nama pelapor"),
            "nik": self.tr("NIK"),
            "phone": self.tr("Telepon"),
            "address": self.tr("Alamat"),
            "consent": self.tr("Persetujuan"),
            "kelurahan_code": self.tr("Kelurahan"),
            "rt_rw": self.tr("RT/RW"),
            "street": self.tr("Jalan"),
            "landmark": self.tr("Patokan"),
            "category_code": self.tr("Kategori"),
            "description": self.tr("Uraian"),
            "urgency": self.tr("Urgensi"),
            "earlier_references": self.tr("Laporan sebelumnya"),
            "attachments": self.tr("Lampiran"),
            "channel": self.tr("Kanal"),
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
        self.error_labels[field] = error
        return box

    def _row(self, form: QFormLayout, text: str, field: str, widget: QWidget | None = None) -> None:
        target = widget or self.field_widgets[field]
        label = QLabel(text)
        label.setBuddy(target)
        form.addRow(label, self._with_error(field, target))

    def _init_layout(self) -> None:
        who = QGroupBox(self.tr("Pelapor"))
        f = QFormLayout(who)
        self._row(f, self.tr("&Nama *"), "name")
        self._row(f, self.tr("N&IK"), "nik")
        # The SMS question beside the number it is about (a row of its own would cost
        # the form its fit on a 768-pixel screen).
        phone_box = QWidget()
        pl = QHBoxLayout(phone_box)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.phone, 1)
        pl.addWidget(self.sms_consent)
        phone_label = QLabel(self.tr("&Telepon"))
        phone_label.setBuddy(self.phone)
        f.addRow(phone_label, self._with_error("phone", phone_box))
        self._row(f, self.tr("&Alamat"), "address")
        f.addRow("", self.keep_private)
        consent_box = QWidget()
        cl = QVBoxLayout(consent_box)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.consent_text)
        cl.addWidget(wrapping_check_box(self.consent))
        f.addRow(self.tr("Persetujuan *"), self._with_error("consent", consent_box))

        where = QGroupBox(self.tr("Lokasi masalah"))
        f = QFormLayout(where)
        self._row(f, self.tr("&Kelurahan *"), "kelurahan_code")
        self._row(f, self.tr("&RT/RW"), "rt_rw")
        self._row(f, self.tr("&Jalan"), "street")
        self._row(f, self.tr("&Patokan"), "landmark")

        what = QGroupBox(self.tr("Aduan"))
        f = QFormLayout(what)
        self._row(f, self.tr("Kate&gori *"), "category_code")
        desc = QWidget()
        dl = QVBoxLayout(desc)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.description)
        dl.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignRight)
        label = QLabel(self.tr("&Uraian *"))
        label.setBuddy(self.description)
        f.addRow(label, self._with_error("description", desc))
        self._row(f, self.tr("Urgen&si"), "urgency")

        refs = QGroupBox(self.tr("Laporan sebelumnya di kanal lain (jika ada)"))
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

        files = QGroupBox(self.tr("Lampiran: scan surat, foto"))
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
        for form in column.findChildren(QFormLayout):
            # At a large font scale a label goes above its field rather than make the
            # form wider than the screen (it had to be scrolled sideways at 200 %).
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)

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
            self.sms_consent,
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

    def line_edits(self) -> dict[str, QLineEdit]:
        """Every one-line field by its name in the draft ("ref_JAKI" for a reference)."""
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
