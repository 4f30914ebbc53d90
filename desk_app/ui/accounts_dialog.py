"""The admin's accounts ("Akun"): every account with its role and state, and what an
admin does to one: add, set the role, reset the password, disable or enable. The
dialog only shows and asks; AccountsFlow calls the service and reloads it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from complaint_domain.complaint import WIB
from desk_app.services.accounts import Account, Role
from desk_app.ui.i18n import shown
from desk_app.ui.new_account_dialog import fill_roles


class AccountsDialog(QDialog):
    """Signals:
    add_requested(): "Tambah akun".
    role_requested(str, object): the selected account's user name and the Role chosen.
    reset_requested(str): "Atur ulang kata sandi" for that user name.
    active_requested(str, bool): disable (False) or enable (True) that account.
    """

    add_requested = Signal()
    role_requested = Signal(str, object)
    reset_requested = Signal(str)
    active_requested = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accounts: list[Account] = []
        self.setWindowTitle(self.tr("Akun"))
        self._init_widgets()
        self._connect_signals()

    def _init_widgets(self) -> None:
        title = QLabel(self.tr("Akun petugas meja ini"))
        title.setObjectName("pageTitle")
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Daftar akun"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Nama pengguna"),
                self.tr("Nama"),
                self.tr("Peran"),
                self.tr("Keadaan"),
                self.tr("Terakhir masuk"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        list_label = QLabel(self.tr("&Daftar akun (panah: pilih)"))
        list_label.setBuddy(self.table)

        self.add_button = QPushButton(self.tr("&Tambah akun"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Peran baru"))
        fill_roles(self.role)
        role_label = QLabel(self.tr("Pe&ran:"))
        role_label.setBuddy(self.role)
        self.role_button = QPushButton(self.tr("Ubah &peran"))
        self.reset_button = QPushButton(self.tr("Atur &ulang kata sandi"))
        self.active_button = QPushButton(self.tr("&Nonaktifkan"))
        self.close_button = QPushButton(self.tr("Tutup (Esc)"))
        self.close_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addSpacing(12)
        row.addWidget(role_label)
        row.addWidget(self.role)
        row.addWidget(self.role_button)
        row.addWidget(self.reset_button)
        row.addWidget(self.active_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        for button in (self.add_button, self.role_button, self.reset_button, self.active_button):
            button.setAutoDefault(False)

        self.outcome = QLabel()  # what a change ended with ...
        self.outcome.setAccessibleName(self.tr("Hasil"))
        self.error = QLabel()  # ... or why the service refused it
        self.error.setObjectName("fieldError")
        self.error.setAccessibleName(self.tr("Kesalahan"))
        for label in (self.outcome, self.error):
            label.setWordWrap(True)
            label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(list_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        self.resize(980, 520)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self.add_requested)
        self.role_button.clicked.connect(self.on_role_clicked)
        self.reset_button.clicked.connect(self.on_reset_clicked)
        self.active_button.clicked.connect(self.on_active_clicked)
        self.close_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self.on_selection_changed)

    # -- what is shown -------------------------------------------------------------

    def set_accounts(self, accounts: Sequence[Account], select: str = "") -> None:
        """Show ``accounts``; the row of ``select`` (or the one selected before) stays
        selected."""
        select = select or self.selected_username()
        self._accounts = list(accounts)
        self.table.setRowCount(len(self._accounts))
        for row, account in enumerate(self._accounts):
            cells = (
                account.username,
                account.display_name,
                shown(account.role.label),
                self._state(account),
                account.last_sign_in_at.astimezone(WIB).strftime("%d-%m-%Y %H:%M")
                if account.last_sign_in_at
                else self.tr("belum pernah"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not account.enabled:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        names = [a.username for a in self._accounts]
        if names:
            self.table.selectRow(names.index(select) if select in names else 0)
        self.on_selection_changed()

    def _state(self, account: Account) -> str:
        if not account.enabled:
            return self.tr("Nonaktif")
        if account.must_change_password:
            return self.tr("Aktif — belum memilih kata sandi")
        return self.tr("Aktif")

    def show_result(self, message: str, ok: bool) -> None:
        """What a change ended with, written out (not colour only)."""
        label, other = (self.outcome, self.error) if ok else (self.error, self.outcome)
        label.setText(("✓ " if ok else "⚠ ") + message)
        label.show()
        other.hide()

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._accounts):
            return None
        return self._accounts[rows[0].row()]

    def selected_username(self) -> str:
        account = self.selected()
        return account.username if account else ""

    # -- slots ---------------------------------------------------------------------

    def on_selection_changed(self) -> None:
        account = self.selected()
        for button in (self.role_button, self.reset_button, self.active_button, self.role):
            button.setEnabled(account is not None)
        if account is None:
            return
        self.role.setCurrentIndex(self.role.findData(account.role))
        self.active_button.setText(
            self.tr("&Nonaktifkan") if account.enabled else self.tr("&Aktifkan")
        )

    def on_role_clicked(self) -> None:
        account = self.selected()
        if account is not None:
            self.role_requested.emit(account.username, Role(self.role.currentData()))

    def on_reset_clicked(self) -> None:
        account = self.selected()
        if account is not None:
            self.reset_requested.emit(account.username)

    def on_active_clicked(self) -> None:
        account = self.selected()
        if account is not None:
            self.active_requested.emit(account.username, not account.enabled)

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
