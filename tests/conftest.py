"""Shared fixtures. Every test gets its own data folder; nothing touches the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # The offscreen screen as a desk PC's: 1366×768 at 96 dpi (Qt's default is 800×800).
    _SCREEN = Path(__file__).resolve().parent / "desk-screen.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
ARTIFACTS = REPO / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qapp" in fixtures or "qtbot" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _desk_keys_kept_per_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The desks' encryption keys: never the user's keyring. No keyring backend
    (keyring's null one, here and in child processes), so the key goes to the
    private file in a folder of this test's own (MEJA_KEY_DIR, inherited by child
    processes, which open the same desks). A test wanting a keyring sets one."""
    import keyring
    from keyring.backends import null

    monkeypatch.setenv("MEJA_KEY_DIR", str(tmp_path / "desk-keys"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "desk-data"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Screenshots and rendered receipts a person looks at (named in the README)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def official_area_file() -> Path:
    path = SHARED_DATA / "wilayah_dki_jakarta.csv"
    if not path.exists():
        pytest.skip(f"official area file not found at {path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> str:
    url = os.environ.get("MEJA_TEST_POSTGRES")
    if not url:
        pytest.skip("PostgreSQL not available (the test command starts it when installed)")
    return url
