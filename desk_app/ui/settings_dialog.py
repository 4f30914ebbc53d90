"""The desk's settings (admin only): the desk, the receipt printer, how the window
looks, and the CRM connection with enrolment.

The dialog edits a copy of :class:`Settings`; nothing is stored until "Simpan".
"Cetak halaman uji" and "Daftarkan meja" act at once and report back through
:meth:`show_result`, because they run on the workers, not on the GUI thread.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.services.settings import Settings
from desk_app.ui.fit import fit_to_screen
from desk_app.ui.i18n import shown
from desk_app.ui.wheel_guard import guard_wheel


class SettingsDialog(QDialog):
    """Signals:
    test_page_requested(object): the edited Settings, to print a test page with.
    enrol_requested(str, str, str): CRM address, one-time code, CA file.
    recovery_key_requested(): the admin asks to see or print the recovery key.
    """

    test_page_requested = Signal(object)
    enrol_requested = Signal(str, str, str)
    recovery_key_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = settings
        self.setWindowTitle(self.tr("Pengaturan meja"))
        self._init_fields()
        self._add_widgets()
        self._connect_signals()
        self.load(settings)

    # -- assembly ------------------------------------------------------------------

    def _init_fields(self) -> None:
        self.site_name = QLineEdit()
        self.desk_code = QLabel()
        self.tracking_host = QLineEdit()
        self.help_phone = QLineEdit()
        self.first_response_days = QSpinBox()
        self.first_response_days.setRange(1, 30)
        self.leave_days = QLineEdit()
        self.leave_days.setPlaceholderText("2026-12-24, 2026-12-26")

        self.printer_kind = QComboBox()
        for value, label in (
            ("pdf", self.tr("Simpan sebagai PDF (tanpa printer)")),
            ("system", self.tr("Printer sistem (Windows/CUPS)")),
            ("escpos_network", self.tr("Printer termal di jaringan (IP:9100)")),
            ("escpos_windows", self.tr("Printer termal lewat spooler Windows")),
            ("escpos_cups", self.tr("Printer termal lewat CUPS (lp)")),
            ("escpos_file", self.tr("Printer termal sebagai berkas/perangkat")),
        ):
            self.printer_kind.addItem(label, value)
        self.printer_target = QLineEdit()
        self.receipt_format = QComboBox()
        for value, label in (
            ("roll80", self.tr("Gulungan 80 mm")),
            ("roll58", self.tr("Gulungan 58 mm")),
            ("a5", "A5"),
            ("a4", "A4"),
        ):
            self.receipt_format.addItem(label, value)
        for combo in (self.printer_kind, self.receipt_format):
            # As narrow as 16 characters, not as wide as the longest choice.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.printer_width = QSpinBox()
        self.printer_width.setRange(0, 2400)
        self.printer_width.setSpecialValueText(self.tr("bawaan kertas"))
        self.large_print = QCheckBox(self.tr("Huruf besar (untuk A5/A4)"))
        self.test_page = QPushButton(self.tr("Cetak &halaman uji"))

        self.language = QComboBox()
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.font_scale = QSpinBox()
        self.font_scale.setRange(100, 200)
        self.font_scale.setSingleStep(25)
        self.font_scale.setSuffix(" %")
        self.high_contrast = QCheckBox(self.tr("Kontras tinggi"))

        self.crm_url = QLineEdit()
        self.crm_ca_file = QLineEdit()
        self.crm_ca_file.setPlaceholderText(self.tr("kosong: sertifikat sistem"))
        self.sync_interval = QSpinBox()
        self.sync_interval.setRange(10, 3600)
        self.sync_interval.setSuffix(self.tr(" detik"))
        self.enrolment_code = QLineEdit()
        self.enrol = QPushButton(self.tr("&Daftarkan meja ke CRM"))
        self.lock_after = QSpinBox()
        self.lock_after.setRange(0, 240)
        self.lock_after.setSuffix(self.tr(" menit"))
        self.lock_after.setSpecialValueText(self.tr("tidak pernah"))
        self.retention_days = QSpinBox()
        self.retention_days.setRange(30, 3650)
        self.retention_days.setSingleStep(30)
        self.retention_days.setSuffix(self.tr(" hari"))
        self.recovery_key = QPushButton(self.tr("&Kunci pemulihan…"))

        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setObjectName("hintBox")
        self.outcome.hide()
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        for widget, name in (
            (self.site_name, self.tr("Nama lokasi")),
            (self.tracking_host, self.tr("Alamat halaman pemantauan")),
            (self.help_phone, self.tr("Nomor telepon bantuan")),
            (self.first_response_days, self.tr("Batas tanggapan pertama (hari kerja)")),
            (self.leave_days, self.tr("Cuti bersama")),
            (self.printer_kind, self.tr("Jenis printer")),
            (self.printer_target, self.tr("Alamat atau nama printer")),
            (self.receipt_format, self.tr("Format tanda terima")),
            (self.printer_width, self.tr("Lebar cetak (titik)")),
            (self.language, self.tr("Bahasa")),
            (self.font_scale, self.tr("Ukuran huruf")),
            (self.crm_url, self.tr("Alamat CRM")),
            (self.crm_ca_file, self.tr("Berkas sertifikat CA")),
            (self.sync_interval, self.tr("Jeda sinkronisasi")),
            (self.enrolment_code, self.tr("Kode pendaftaran sekali pakai")),
            (self.lock_after, self.tr("Kunci meja setelah tidak dipakai")),
            (self.retention_days, self.tr("Masa simpan data pribadi setelah aduan selesai")),
        ):
            widget.setAccessibleName(name)

    def _group(self, title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        # At a large font scale a label goes above its field rather than push the
        # dialog wider than the screen.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, widget in rows:
            form.addRow(label, widget)
        return box

    def _add_widgets(self) -> None:
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_page)
        test_row.addStretch(1)
        test_holder = QWidget()
        test_holder.setLayout(test_row)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(
            self._group(
                self.tr("Meja"),
                [
                    (self.tr("Kode meja"), self.desk_code),
                    (self.tr("Nama lokasi"), self.site_name),
                    (self.tr("Halaman pemantauan"), self.tracking_host),
                    (self.tr("Telepon bantuan"), self.help_phone),
                    (self.tr("Tanggapan pertama (hari kerja)"), self.first_response_days),
                    (self.tr("Cuti bersama (TTTT-BB-HH)"), self.leave_days),
                ],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Printer tanda terima"),
                [
                    (self.tr("Jenis"), self.printer_kind),
                    (self.tr("Alamat / nama"), self.printer_target),
                    (self.tr("Format"), self.receipt_format),
                    (self.tr("Lebar cetak"), self.printer_width),
                    ("", self.large_print),
                    ("", test_holder),
                ],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Tampilan"),
                [
                    (self.tr("Bahasa"), self.language),
                    (self.tr("Ukuran huruf"), self.font_scale),
                    ("", self.high_contrast),
                ],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("CRM"),
                [
                    (self.tr("Alamat CRM"), self.crm_url),
                    (self.tr("Sertifikat CA"), self.crm_ca_file),
                    (self.tr("Jeda sinkronisasi"), self.sync_interval),
                    (self.tr("Kode pendaftaran"), self.enrolment_code),
                    ("", self.enrol),
                ],
            )
        )
        layout.addWidget(
            self._group(
                self.tr("Privasi"),
                [
                    (self.tr("Kunci meja setelah"), self.lock_after),
                    (self.tr("Simpan data pribadi"), self.retention_days),
                    ("", self.recovery_key),
                ],
            )
        )
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Batal"))
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.outcome)
        outer.addWidget(self.error)
        outer.addWidget(self.buttons)
        bar = scroll.verticalScrollBar().sizeHint().width()
        fit_to_screen(self, max(720, body.sizeHint().width() + bar + 40), 720)
        guard_wheel(self)  # a passing wheel once changed the printer type silently

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.on_save)
        self.buttons.rejected.connect(self.reject)
        self.test_page.clicked.connect(self.on_test_page)
        self.enrol.clicked.connect(self.on_enrol)
        self.recovery_key.clicked.connect(self.recovery_key_requested)
        self.printer_kind.currentIndexChanged.connect(self.on_printer_kind_changed)

    # -- values --------------------------------------------------------------------

    def load(self, s: Settings) -> None:
        self.desk_code.setText(s.desk_code)
        self.site_name.setText(s.site_name)
        self.tracking_host.setText(s.tracking_host)
        self.help_phone.setText(s.help_phone)
        self.first_response_days.setValue(s.first_response_working_days)
        self.leave_days.setText(", ".join(s.extra_leave_days))
        self._select(self.printer_kind, s.printer_backend)
        self.printer_target.setText(s.printer_target)
        self._select(self.receipt_format, s.receipt_format)
        self.printer_width.setValue(s.printer_width_dots)
        self.large_print.setChecked(s.large_print)
        self._select(self.language, s.language)
        self.font_scale.setValue(s.font_scale)
        self.high_contrast.setChecked(s.high_contrast)
        self.crm_url.setText(s.crm_url)
        self.crm_ca_file.setText(s.crm_ca_file)
        self.sync_interval.setValue(s.sync_interval_s)
        self.lock_after.setValue(s.lock_after_minutes)
        self.retention_days.setValue(s.retention_days)
        self.on_printer_kind_changed()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def edited(self) -> Settings:
        """The settings as the dialog shows them now (not yet validated)."""
        days = [d.strip() for d in self.leave_days.text().replace(";", ",").split(",")]
        return dataclasses.replace(
            self._original,
            site_name=self.site_name.text().strip(),
            tracking_host=self.tracking_host.text().strip(),
            help_phone=self.help_phone.text().strip(),
            first_response_working_days=self.first_response_days.value(),
            extra_leave_days=[d for d in days if d],
            printer_backend=str(self.printer_kind.currentData()),
            printer_target=self.printer_target.text().strip(),
            receipt_format=str(self.receipt_format.currentData()),
            printer_width_dots=self.printer_width.value(),
            large_print=self.large_print.isChecked(),
            language=str(self.language.currentData()),
            font_scale=self.font_scale.value(),
            high_contrast=self.high_contrast.isChecked(),
            crm_url=self.crm_url.text().strip(),
            crm_ca_file=self.crm_ca_file.text().strip(),
            sync_interval_s=self.sync_interval.value(),
            lock_after_minutes=self.lock_after.value(),
            retention_days=self.retention_days.value(),
        )

    def problems(self) -> list[str]:
        settings = self.edited()
        found = [shown(p) for p in settings.problems().values()]
        if not settings.site_name:
            found.append(self.tr("Nama lokasi wajib diisi."))
        return found

    # -- slots ---------------------------------------------------------------------

    def on_printer_kind_changed(self) -> None:
        hints = {
            "pdf": self.tr("folder untuk berkas PDF (kosong: folder data meja)"),
            "system": self.tr("nama printer (kosong: printer bawaan)"),
            "escpos_network": "192.168.1.50:9100",
            "escpos_windows": self.tr("nama printer di Windows"),
            "escpos_cups": self.tr("nama antrean CUPS"),
            "escpos_file": "/dev/usb/lp0",
        }
        self.printer_target.setPlaceholderText(hints.get(str(self.printer_kind.currentData()), ""))

    def on_save(self) -> None:
        problems = self.problems()
        if problems:
            self.error.setText("⚠ " + " ".join(problems))
            self.error.show()
            return
        self.accept()

    def on_test_page(self) -> None:
        self.test_page_requested.emit(self.edited())

    def on_enrol(self) -> None:
        url, code = self.crm_url.text().strip(), self.enrolment_code.text().strip()
        if not url or not code:
            self.error.setText(self.tr("⚠ Isi alamat CRM dan kode pendaftaran dari CRM."))
            self.error.show()
            return
        self.enrol_requested.emit(url, code, self.crm_ca_file.text().strip())

    def show_result(self, text: str, ok: bool) -> None:
        """What a test page or an enrolment ended with, written out (not colour only)."""
        label, other = (self.outcome, self.error) if ok else (self.error, self.outcome)
        label.setText(("✓ " if ok else "⚠ ") + text)
        label.show()
        other.hide()

    def set_desk_code(self, code: str) -> None:
        self.desk_code.setText(code)
        self._original = dataclasses.replace(self._original, desk_code=code)
