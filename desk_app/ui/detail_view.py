"""One complaint in full: who, where, what, attachments, and the status timeline in
the public labels, including the steps that came back from the CRM."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.areas import AreaIndex
from complaint_domain.complaint import WIB, Complaint, ComplaintEvent, EventKind
from complaint_domain.reference import category_label
from complaint_domain.validation import format_phone_for_display
from desk_app.services.accounts import Officer
from desk_app.services.previews import AttachmentPreviews
from desk_app.ui.flow_layout import FlowLayout
from desk_app.ui.i18n import shown
from desk_app.ui.tasks import TaskRunner

THUMB = QSize(120, 120)


def _masked_nik(nik: str) -> str:
    return nik[:6] + "•" * 6 + nik[-4:] if len(nik) == 16 else nik


class DetailView(QWidget):
    """Signals:
    back_requested(): Esc or "Kembali".
    reprint_requested(str): complaint id, for a receipt copy (SALINAN).
    add_requested(str, str): complaint id and ticket code, to add what the citizen brings.
    qr_requested(str, str): ticket code and tracking token, to show the QR on screen.
    """

    back_requested = Signal()
    reprint_requested = Signal(str)
    add_requested = Signal(str, str)
    qr_requested = Signal(str, str)

    def __init__(
        self,
        areas: AreaIndex | Callable[[], AreaIndex],  # a callable: read at each use
        previews: AttachmentPreviews,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._area_source = areas
        self._previews = previews
        self._runner = runner
        self._officer: Officer | None = None
        self.complaint: Complaint | None = None
        self._init_widgets()
        self._connect_signals()

    def _init_widgets(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("ticketCode")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setObjectName("pageTitle")
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAccessibleName(self.tr("Rincian aduan"))
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.files = QListWidget()
        self.files.setViewMode(QListView.ViewMode.IconMode)
        # One cell per file, wide enough for the thumbnail and its two-line caption.
        self.files.setGridSize(QSize(THUMB.width() + 48, THUMB.height() + 56))
        self.files.setIconSize(THUMB)
        self.files.setWrapping(True)
        self.files.setResizeMode(QListView.ResizeMode.Adjust)
        self.files.setMaximumHeight(THUMB.height() + 80)
        self.files.setAccessibleName(self.tr("Lampiran"))
        self.files_label = QLabel(self.tr("Lampiran"))
        self.files_label.setObjectName("pageTitle")
        self.timeline = QLabel()
        self.timeline.setWordWrap(True)
        self.timeline.setTextFormat(Qt.TextFormat.RichText)
        self.timeline.setAccessibleName(self.tr("Riwayat status"))
        timeline_label = QLabel(self.tr("Riwayat"))
        timeline_label.setObjectName("pageTitle")

        content = QWidget()
        cl = QVBoxLayout(content)
        cl.addWidget(self.title)
        cl.addWidget(self.status)
        cl.addWidget(self.body)
        cl.addWidget(self.files_label)
        cl.addWidget(self.files)
        cl.addWidget(timeline_label)
        cl.addWidget(self.timeline)
        cl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        self.reprint_button = QPushButton(self.tr("Cetak &ulang tanda terima"))
        self.reprint_button.setAccessibleName(self.tr("Cetak ulang tanda terima"))
        self.add_button = QPushButton(self.tr("&Tambah keterangan dari pelapor"))
        self.add_button.setAccessibleName(self.tr("Tambah keterangan dari pelapor"))
        self.back_button = QPushButton(self.tr("&Kembali (Esc)"))
        self.back_button.setAccessibleName(self.tr("Kembali"))
        self.qr_button = QPushButton(self.tr("Tampilkan &QR"))
        self.qr_button.setAccessibleName(self.tr("Tampilkan kode QR pelacakan"))
        # The buttons wrap onto a second line rather than widen the window past the
        # screen at large font scales; "Kembali" keeps to the right.
        buttons = FlowLayout(last_to_the_right=True)
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.qr_button)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.setFocusProxy(self.reprint_button)
        self._escape = QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)
        self._escape.activated.connect(self.back_requested)
        self.reprint_button.clicked.connect(self.on_reprint)
        self.add_button.clicked.connect(self.on_add)
        self.qr_button.clicked.connect(self.on_show_qr)

    def set_officer(self, officer: Officer | None) -> None:
        self._officer = officer

    def on_reprint(self) -> None:
        if self.complaint is not None:
            self.reprint_requested.emit(str(self.complaint.id))

    def on_show_qr(self) -> None:
        if self.complaint is not None:
            self.qr_requested.emit(self.complaint.ticket_code, self.complaint.tracking_token)

    def on_add(self) -> None:
        if self.complaint is not None:
            self.add_requested.emit(str(self.complaint.id), self.complaint.ticket_code)

    def _sms_text(self, consent: bool) -> str:
        return self.tr("ya, ke nomor ini") if consent else self.tr("tidak")

    def show_complaint(self, c: Complaint) -> None:
        self.complaint = c
        self.title.setText(c.ticket_code)
        self.status.setText(self.tr("Status: {label}").format(label=shown(c.status.public_label)))
        p, loc = c.complainant, c.location
        rows = [
            (self.tr("Dicatat"), c.created_at.astimezone(WIB).strftime("%d-%m-%Y %H:%M WIB")),
            (self.tr("Petugas"), c.officer_name or c.officer),
            (self.tr("Pelapor"), p.name),
            (self.tr("NIK"), _masked_nik(p.nik) or "—"),
            (self.tr("Telepon"), format_phone_for_display(p.phone) if p.phone else "—"),
            (self.tr("Kabar lewat SMS"), self._sms_text(p.sms_consent)),
            (self.tr("Alamat"), p.address or "—"),
            (
                self.tr("Identitas"),
                self.tr("DIRAHASIAKAN dari instansi")
                if p.keep_identity_private
                else self.tr("boleh diketahui instansi"),
            ),
            (self.tr("Dilaporkan oleh"), self.tr("%n warga", "", c.reporter_count)),
            *(
                (
                    self.tr("Pelapor lain"),
                    ", ".join(
                        x
                        for x in (
                            r.name,
                            format_phone_for_display(r.phone) if r.phone else "",
                            self.tr("kabar lewat SMS") if r.sms_consent else "",
                        )
                        if x
                    ),
                )
                for r in c.co_reporters
            ),
            (self.tr("Lokasi"), self._area_index().describe(loc.kelurahan_code)),
            (
                self.tr("RT/RW, jalan"),
                ", ".join(x for x in (loc.rt_rw, loc.street) if x) or "—",
            ),
            (self.tr("Patokan"), loc.landmark or "—"),
            (self.tr("Kategori"), shown(category_label(c.category_code))),
            (self.tr("Urgensi"), shown(c.urgency.label)),
            (self.tr("Laporan sebelumnya"), "; ".join(c.earlier_references) or "—"),
        ]
        html = "<table cellspacing='4'>" + "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows
        )
        html += "</table><p><b>{}</b><br>{}</p>".format(
            escape(self.tr("Uraian")), escape(c.description).replace("\n", "<br>")
        )
        self.body.setText(html)
        self.timeline.setText(self._timeline_html(c.events))
        self._show_files(c)
        self.reprint_button.setFocus()

    def _area_index(self) -> AreaIndex:
        source = self._area_source
        return source() if callable(source) else source

    def _event_text(self, e: ComplaintEvent) -> str:
        if e.kind is EventKind.CREATED:
            return self.tr("Dicatat di meja — {label}").format(
                label=(shown(e.status.public_label) if e.status else "")
            )
        if e.kind is EventKind.CITIZEN_ADDED:
            return self.tr("Pelapor menambahkan keterangan: {note}").format(note=e.note)
        if e.kind is EventKind.REFUSED:
            return self.tr("Ditolak CRM: {reason}").format(reason=shown(e.note))
        if e.kind is EventKind.RESENT:
            return self.tr("Diperbaiki dan dikirim ulang ke CRM")
        if e.kind is EventKind.REPORTER_ADDED:
            name = e.reporter.name if e.reporter else ""
            text = self.tr("Warga lain melaporkan masalah yang sama: {name}").format(name=name)
            return f"{text} — {e.note}" if e.note else text
        if e.kind is EventKind.STATUS and e.status is not None:
            text = shown(e.status.public_label)
            return f"{text} — {e.note}" if e.note else text
        return e.note

    def _timeline_html(self, events: tuple[ComplaintEvent, ...]) -> str:
        if not events:
            return escape(self.tr("Belum ada riwayat."))
        items = []
        for e in events:
            when = e.at.astimezone(WIB).strftime("%d-%m-%Y %H:%M")
            who = f" ({escape(e.actor)})" if e.actor else ""
            items.append(f"<li><b>{when}</b> — {escape(self._event_text(e))}{who}</li>")
        return "<ol>" + "".join(items) + "</ol>"

    def _show_files(self, c: Complaint) -> None:
        self.files.clear()
        files = list(c.attachments) + [a for e in c.events for a in e.attachments]
        self.files.setVisible(bool(files))
        self.files_label.setText(
            self.tr("Lampiran: %n berkas", "", len(files))
            if files
            else self.tr("Lampiran: tidak ada")
        )
        if not files or self._officer is None:
            return
        officer = self._officer
        for attachment in files:
            kind = "PDF" if attachment.media_type == "application/pdf" else self.tr("Foto")
            item = QListWidgetItem(f"{attachment.original_name}\n{kind}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{kind} {attachment.original_name}")
            self.files.addItem(item)
            sha, media = attachment.sha256, attachment.media_type
            self._runner.run(
                lambda s=sha, m=media: self._previews.stored(officer, s, m),  # type: ignore[misc]
                lambda data, it=item: self._set_thumb(it, data),  # type: ignore[misc]
            )

    def _set_thumb(self, item: QListWidgetItem, data: bytes) -> None:
        if self.files.row(item) < 0:  # the list was refilled meanwhile
            return
        image = QImage.fromData(data) if data else QImage()
        if not image.isNull():
            pixmap = QPixmap.fromImage(image).scaled(
                THUMB,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            item.setIcon(QIcon(pixmap))
