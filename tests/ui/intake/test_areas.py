"""The areas a desk offers: the official list of DKI Jakarta, every kelurahan found by
typing its name, and a search that matches nothing says so (issue 14, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from complaint_domain.areas import AreaLevel
from desk_app.services.desk import Desk, open_desk
from desk_app.store import areas as area_repo
from desk_app.ui.area_picker import AreaPicker

# What the officer met on the first day, with the kecamatan and kota each lies in.
ASKED_FOR = [
    ("tugu utara", "Kel. Tugu Utara, Kec. Koja, Jakarta Utara"),
    ("pulo gadung", "Kel. Pulo Gadung, Kec. Pulogadung, Jakarta Timur"),
    ("pulogadung", "Kel. Pulo Gadung, Kec. Pulogadung, Jakarta Timur"),
    ("pondok bambu", "Kel. Pondok Bambu, Kec. Duren Sawit, Jakarta Timur"),
    ("kelapa gading barat", "Kel. Kelapa Gading Barat, Kec. Kelapa Gading, Jakarta Utara"),
]


def test_a_new_desk_finds_each_of_the_267_kelurahan_by_its_name(desk: Desk) -> None:
    kelurahan = desk.areas.at_level(AreaLevel.KELURAHAN)
    assert len(kelurahan) == 267
    assert desk.areas.count(AreaLevel.KECAMATAN) == 44
    assert desk.areas.count(AreaLevel.KOTA) == 6
    for area in kelurahan:
        # Some names are shared by two kelurahan (or start others): it is among those offered.
        assert area in desk.areas.search(area.name, limit=50), area.name


def test_a_desk_with_the_old_demo_areas_gets_the_official_list(data_dir: Path) -> None:
    first = open_desk(data_dir)
    demo = [a for a in first.areas.at_level(AreaLevel.KOTA)] + [
        a for a in first.areas.at_level(AreaLevel.KECAMATAN)
    ]
    demo.append(first.areas.get("31.71.03.1005"))  # type: ignore[arg-type]
    with first.database.write() as session:
        area_repo.replace_all(session, demo)
    first.close()
    again = open_desk(data_dir)
    try:
        assert again.areas.count(AreaLevel.KELURAHAN) == 267
    finally:
        again.close()


@pytest.mark.parametrize(("typed", "offered"), ASKED_FOR)
def test_the_area_picker_offers_them(qtbot: QtBot, desk: Desk, typed: str, offered: str) -> None:
    picker = AreaPicker(lambda: desk.areas)
    qtbot.addWidget(picker)
    picker.show()
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, typed)
    popup = picker.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == offered
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert desk.areas.describe(picker.code()) == offered


def test_a_search_that_matches_nothing_says_so(qtbot: QtBot, desk: Desk) -> None:
    picker = AreaPicker(desk.areas)
    qtbot.addWidget(picker)
    picker.show()
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "Kampung Antah")
    popup = picker.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    assert popup.model().index(0, 0).data() == "Tidak ada kelurahan bernama “Kampung Antah”"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # the line is no kelurahan: none chosen
    assert picker.code() == ""
