"""Every row of every table of a desk's database, as text (SQLCipher's module has
no ``iterdump``): what a test searches for a value that must not be stored."""

from __future__ import annotations

from typing import Any


def dump(database: Any) -> list[str]:
    conn = database.raw_connection()
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return [
            f"{table}: {row!r}"
            for table in tables
            for row in conn.execute(f'SELECT * FROM "{table}"')
        ]
    finally:
        conn.close()
