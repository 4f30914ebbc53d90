"""Small modal questions. Each has a ``@classmethod ask()`` that tests monkeypatch."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Confirm(QMessageBox):
    """A yes/no question; "No" is the default, so a stray Enter never discards
    (``default_yes`` where "yes" is the safe answer, e.g. restoring a draft)."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        yes: str,
        no: str,
        default_yes: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(title)
        self.setText(text)
        self._yes = self.addButton(yes, QMessageBox.ButtonRole.YesRole)
        no_button = self.addButton(no, QMessageBox.ButtonRole.NoRole)
        self.setDefaultButton(self._yes if default_yes else no_button)
        self.setEscapeButton(no_button)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        text: str,
        yes: str,
        no: str,
        default_yes: bool = False,
    ) -> bool:
        box = cls(parent, title, text, yes, no, default_yes)
        box.exec()
        return box.clickedButton() is box._yes


class Notice(QMessageBox):
    """A message the officer must read (a printer failure, a refused save)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> None:
        box = cls(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.exec()


class FilePicker:
    """The platform's file dialogs, behind classmethods tests can replace."""

    @classmethod
    def ask_open(cls, parent: QWidget | None, title: str, filters: str) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return list(paths)

    @classmethod
    def ask_save(cls, parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return str(path)
