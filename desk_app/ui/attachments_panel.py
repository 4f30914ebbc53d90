"""Attachments on the intake form: scans and photos from files, as thumbnails.

Added with the file dialog, or dragged from the file manager onto the panel (a
scanner saves into a folder; dragging from there is quickest). Files are read and
checked on the worker (type from the bytes, size limit); a refused file is named
with the reason, never silently dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.complaint import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS
from desk_app.services.previews import PickedFile, pick_file
from desk_app.ui.dialogs import FilePicker
from desk_app.ui.flow_layout import FlowLayout
from desk_app.ui.i18n import shown
from desk_app.ui.tasks import TaskRunner

THUMB = QSize(96, 96)


class AttachmentsPanel(QWidget):
    """Signals:
    changed(): a file was added or removed.
    """

    changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._files: list[PickedFile] = []
        self._init_widgets()
        self._connect_signals()

    def _init_widgets(self) -> None:
        self.add_button = QPushButton(self.tr("Tambah &berkas (foto / PDF)…"))
        self.add_button.setAccessibleName(self.tr("Tambah lampiran"))
        self.remove_button = QPushButton(self.tr("Hapus lampiran terpilih"))
        self.remove_button.setAccessibleName(self.tr("Hapus lampiran terpilih"))
        self.remove_button.setEnabled(False)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        # One cell per file, wide enough for the thumbnail and its two-line caption.
        self.list.setGridSize(QSize(THUMB.width() + 48, THUMB.height() + 56))
        self.list.setIconSize(THUMB)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWrapping(True)
        self.list.setMaximumHeight(THUMB.height() * 2)
        self.list.setAccessibleName(self.tr("Daftar lampiran"))
        self.list.setAcceptDrops(False)  # files dropped on it go to the panel (below)
        self.list.hide()
        limit_mb = MAX_ATTACHMENT_BYTES // (1024 * 1024)
        self.help = QLabel(
            self.tr(
                "JPG, PNG, WEBP, TIFF atau PDF; paling besar {mb} MB per berkas, "
                "paling banyak {n} berkas. Berkas juga dapat diseret ke sini."
            ).format(mb=limit_mb, n=MAX_ATTACHMENTS)
        )
        self.help.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Pesan lampiran"))
        self.message.hide()
        buttons = FlowLayout()  # wraps at a large font scale rather than widen the form
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.help)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        self.setFocusProxy(self.add_button)
        self.setAcceptDrops(True)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.on_add)
        self.remove_button.clicked.connect(self.on_remove)
        self.list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))

    # -- public --------------------------------------------------------------------

    def paths(self) -> list[str]:
        return [f.path for f in self._files]

    def add_paths(self, paths: list[str]) -> None:
        """Check and add files (on the worker); refusals are shown by name."""
        if not paths:
            return
        room = MAX_ATTACHMENTS - len(self._files)
        refused_for_count = paths[room:] if room < len(paths) else []
        wanted = [p for p in paths[: max(room, 0)] if p not in self.paths()]
        self._runner.run(
            lambda: [pick_file(Path(p)) for p in wanted],
            lambda picked: self._on_picked(picked, refused_for_count),
        )

    def clear(self) -> None:
        self._files.clear()
        self.list.clear()
        self.list.hide()
        self.message.hide()
        self.changed.emit()

    def set_error(self, message: str) -> None:
        self.message.setVisible(bool(message))
        self.message.setText("⚠ " + message if message else "")

    # -- slots ---------------------------------------------------------------------

    def on_add(self) -> None:
        paths = FilePicker.ask_open(
            self,
            self.tr("Pilih scan atau foto"),
            self.tr("Foto dan PDF (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.pdf)"),
        )
        self.add_paths(paths)

    def on_remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._files):
            del self._files[row]
            self.list.takeItem(row)
            self.list.setVisible(bool(self._files))
            self.changed.emit()

    def _on_picked(self, picked: list[PickedFile], refused_for_count: list[str]) -> None:
        refusals = [shown(f.refused) for f in picked if f.refused]
        if refused_for_count:
            refusals.append(
                self.tr("Paling banyak {n} lampiran; tidak ditambahkan: {names}.").format(
                    n=MAX_ATTACHMENTS, names=", ".join(Path(p).name for p in refused_for_count)
                )
            )
        for f in picked:
            if f.refused:
                continue
            self._files.append(f)
            image = QImage.fromData(f.thumbnail) if f.thumbnail else QImage()
            pixmap = (
                QPixmap.fromImage(image).scaled(
                    THUMB,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                if not image.isNull()
                else QPixmap()
            )
            kind = "PDF" if f.media_type == "application/pdf" else self.tr("Foto")
            item = QListWidgetItem(QIcon(pixmap), f"{f.name}\n{kind}, {f.size / 1024:.0f} kB")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{kind} {f.name}")
            self.list.addItem(item)
        self.list.setVisible(bool(self._files))
        self.set_error(self.tr("Berkas ditolak: ") + " ".join(refusals) if refusals else "")
        self.changed.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.list.hasFocus():
            self.on_remove()
            return
        super().keyPressEvent(event)
