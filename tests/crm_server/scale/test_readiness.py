"""``/readyz``: ready only when the database answers with this release's schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from fastapi.testclient import TestClient

from crm_server.app import create_app
from crm_server.db.engine import alembic_config, migrate
from crm_server.settings import Settings


def test_ready_at_the_current_schema(client: TestClient) -> None:
    answer = client.get("/readyz")
    assert answer.status_code == 200
    assert answer.json()["status"] == "ready"
    assert answer.headers["x-worker"].isdigit()


def test_not_ready_on_an_old_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    migrate(url)
    command.downgrade(alembic_config(url), "-1")
    settings = Settings(data_dir=tmp_path, database_url=url, auto_migrate=False)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["error"]["code"] == "not_ready"
    assert "migrate" in answer.json()["error"]["message"]
