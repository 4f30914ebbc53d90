"""The composition root: one place builds every service the UI uses, and what the UI
receives reaches no database, file store or engine."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desk_app.printing.document import PrintDocument
from desk_app.services.accounts import Role
from desk_app.services.desk import open_desk
from desk_app.services.drafts import DraftService
from desk_app.services.duplicates import DuplicateService
from desk_app.services.previews import AttachmentPreviews
from desk_app.services.receipts import ReceiptService
from desk_app.services.root import DeskServices, build_services, open_services
from desk_app.services.sync_control import SyncControl


class Printer:
    def __init__(self) -> None:
        self.printed: list[PrintDocument] = []

    def print_document(self, document: PrintDocument) -> None:
        self.printed.append(document)


def test_every_service_is_built_in_one_place(data_dir: Path) -> None:
    services = open_services(data_dir)
    try:
        assert isinstance(services, DeskServices)
        assert isinstance(services.receipts, ReceiptService)
        assert isinstance(services.sync, SyncControl)
        assert isinstance(services.duplicates, DuplicateService)
        assert isinstance(services.previews, AttachmentPreviews)
        assert isinstance(services.drafts, DraftService)
        assert services.areas.get("31.71.03.1005") is not None  # the demo areas, loaded
        assert services.area_name("31.71.03.1005") == "Gunung Sahari Selatan"
        assert services.area_name("99.99") == "99.99"
    finally:
        services.close()


def test_the_ui_s_bundle_holds_no_database_store_or_engine(data_dir: Path) -> None:
    desk = open_desk(data_dir)
    services = build_services(desk)
    try:
        public = {name for name in vars(services) if not name.startswith("_")}
        public |= {name for name in dir(type(services)) if not name.startswith("_")}
        assert not public & {"database", "files", "engine", "session", "store", "desk"}
        for name in vars(services):
            value = getattr(services, name)
            assert type(value).__module__.split(".")[1] != "store", name
    finally:
        services.close()


def test_settings_are_read_through_and_a_fixed_printer_is_used(data_dir: Path) -> None:
    desk = open_desk(data_dir)
    printer = Printer()
    services = build_services(desk, printer=printer)
    try:
        admin = services.accounts.create_first_admin("admin", "Admin Meja", "rahasia-sekali")
        assert admin.has(Role.ADMIN)
        edited = dataclasses.replace(services.settings, site_name="Kelurahan Cikini")
        services.save_settings(admin, edited)
        assert services.settings.site_name == "Kelurahan Cikini" == desk.settings.site_name
        services.receipts.print_test_page()
        assert len(printer.printed) == 1
    finally:
        services.close()
