"""Local store: save-complaint latency against the floor (a raw SQLite insert+commit
with the same pragmas, measured in the same run), and search by ticket code and by
a description word at 100 000 (and, with --big, 1 000 000) stored complaints.

    python -m benchmarks bench_store [--big]
    python -m benchmarks.bench_store [--big] [--plain]   (--plain: no encryption at
        rest, to see what SQLCipher costs; the desk itself always encrypts)

Targets (issue 2): save within 3x the floor; code search < 5 ms and word search
< 50 ms at 1 000 000.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import tempfile
import uuid
from pathlib import Path
from typing import Any

from benchmarks.common import peak_rss_mb, print_table, summary, time_each
from complaint_domain.ticket import mint, new_tracking_token
from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import open_desk
from desk_app.services.intake import IntakeForm
from desk_app.services.lookup import LookupService
from desk_app.store.db import Database

OFFICER = Officer("bench", "Bench", Role.OFFICER)
WORDS = [
    "jalan",
    "rusak",
    "berlubang",
    "sampah",
    "menumpuk",
    "saluran",
    "tersumbat",
    "genangan",
    "banjir",
    "parkir",
    "liar",
    "trotoar",
    "pohon",
    "tumbang",
    "lampu",
    "mati",
    "pedagang",
    "kaki",
    "lima",
    "pasar",
    "gang",
    "sekolah",
    "puskesmas",
    "warga",
    "depan",
    "belakang",
    "dekat",
    "halte",
    "jembatan",
    "kali",
    "sungai",
    "motor",
    "mobil",
    "bau",
    "asap",
    "bising",
    "malam",
    "pagi",
    "sudah",
    "lama",
    "tidak",
    "ada",
    "perbaikan",
    "mohon",
    "segera",
    "ditindaklanjuti",
    "petugas",
    "kelurahan",
    "rt",
    "rw",
]
RARE_WORD = "kemayoranbaru"


def _form(n: int) -> IntakeForm:
    return IntakeForm(
        name=f"Warga {n}",
        phone="0812-3456-7890",
        consent=True,
        kelurahan_code="31.71.03.1005",
        category_code="JALAN.RUSAK",
        description=f"Jalan berlubang besar nomor {n} di depan pasar.",
    )


def bench_save(rounds: int = 300) -> list[list[object]]:
    """The service against two floors measured in the same run: (a) one raw row
    insert+commit, the least SQLite can do; (b) the same rows the service writes
    (sequence, complaint with its FTS entry, event, outbox, audit) as raw SQL in one
    transaction, i.e. the same disk work without our Python layers."""
    with tempfile.TemporaryDirectory() as tmp:
        desk = open_desk(Path(tmp) / "desk")
        counter = iter(range(10**9))
        service = time_each(lambda: desk.intake.record(OFFICER, _form(next(counter))), rounds)
        desk.close()

        raw = sqlite3.connect(Path(tmp) / "floor.sqlite3", isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            raw.execute(f"PRAGMA {pragma}")
        raw.execute("CREATE TABLE c (id TEXT PRIMARY KEY, code TEXT UNIQUE, body TEXT)")

        def floor_insert() -> None:
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(
                "INSERT INTO c VALUES (?, ?, ?)",
                (str(uuid.uuid4()), str(uuid.uuid4()), "Jalan berlubang besar " * 5),
            )
            raw.execute("COMMIT")

        floor = time_each(floor_insert, rounds)
        raw.close()

        same_rows = open_desk(Path(tmp) / "raw-desk")
        same_rows.close()
        conn = same_rows.database.raw_connection(isolation_level=None)  # keyed: SQLCipher
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            conn.execute(f"PRAGMA {pragma}")
        seq = iter(range(1, 10**6))

        def same_work() -> None:
            n = next(seq)
            cid, code = str(uuid.uuid4()), str(mint("PBK1", dt.date(2026, 11, 22), n))
            now = "2026-11-22 01:00:00"
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO ticket_sequence VALUES ('PBK1','2026-11-22',1) ON CONFLICT "
                "(desk_code, day) DO UPDATE SET last = last + 1 RETURNING last"
            ).fetchall()
            _insert(
                conn,
                [
                    (
                        cid,
                        code,
                        "ABCDEF",
                        "PBK1",
                        "bench",
                        "Bench",
                        "PENDOPO",
                        now,
                        "2026-11-22",
                        f"Warga {n}",
                        f"warga {n}",
                        "",
                        "+6281234567890",
                        "",
                        0,
                        "31.71.03.1005",
                        "",
                        "",
                        "",
                        "JALAN.RUSAK",
                        f"Jalan berlubang besar nomor {n} di depan pasar.",
                        "normal",
                        "[]",
                        "not_sent",
                        "",
                        1,
                    )
                ],
            )
            conn.execute(
                "INSERT INTO complaint_events (id, complaint_id, kind, at, note, status,"
                " actor, unit, source) VALUES (?,?,?,?,?,?,?,?,?)",
                (str(uuid.uuid4()), cid, "created", now, "", "not_sent", "bench", "", "desk"),
            )
            conn.execute(
                "INSERT INTO outbox (item_id, kind, complaint_id, created_at, state,"
                " attempts, error_code, error_message, error_field)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (cid, "complaint", cid, now, "pending", 0, "", "", ""),
            )
            conn.execute(
                "INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?,?,?,?,?)",
                (now, "bench", "complaint.record", code, "{}"),
            )
            conn.execute("COMMIT")

        same = time_each(same_work, rounds)
        conn.close()
    s50, s95, _ = summary(service)
    f50, f95, _ = summary(floor)
    w50, w95, _ = summary(same)
    return [
        ["save complaint (service)", rounds, s50, s95, f"{s95 / f95:.1f}x", f"{s95 / w95:.1f}x"],
        ["floor a: one raw row insert+commit", rounds, f50, f95, "1.0x", ""],
        ["floor b: same rows as raw SQL", rounds, w50, w95, "", "1.0x"],
    ]


def _fill(database: Database, count: int, rng: random.Random) -> list[str]:
    """Bulk-load complaints straight into the desk's schema (FTS triggers fire)."""
    raw = database.raw_connection(isolation_level=None)
    raw.execute("PRAGMA synchronous=OFF")  # loading only; the measured queries are unaffected
    day0 = dt.date(2024, 1, 1)
    codes: list[str] = []
    raw.execute("BEGIN")
    batch = []
    for n in range(count):
        day = day0 + dt.timedelta(days=n // 1500)
        code = str(mint("PBK1", day, n % 1500 + 1))
        codes.append(code)
        words = rng.choices(WORDS, k=rng.randint(8, 30))
        if n % 20_000 == 7:
            words.append(RARE_WORD)
        batch.append(
            (
                str(uuid.uuid4()),
                code,
                new_tracking_token(),
                "PBK1",
                "bench",
                "Bench",
                "PENDOPO",
                f"{day} 02:00:00",
                str(day),
                f"Warga {n}",
                f"warga {n}",
                "",
                f"+62812{n:07d}",
                "",
                0,
                "31.71.03.1005",
                "",
                "",
                "",
                "JALAN.RUSAK",
                " ".join(words),
                "normal",
                "[]",
                "received",
                "",
                0,
            )
        )
        if len(batch) == 10_000:
            _insert(raw, batch)
            batch = []
    _insert(raw, batch)
    raw.execute("COMMIT")
    raw.close()
    return codes


def _insert(raw: Any, rows: list[tuple[object, ...]]) -> None:
    raw.executemany(
        "INSERT INTO complaints (id, ticket_code, tracking_token, desk_code, officer_username,"
        " officer_name, channel, created_at, created_day, name, name_folded, nik, phone, address,"
        " keep_identity_private, kelurahan_code, rt_rw, street, landmark, category_code,"
        " description, urgency, earlier_references, status, status_note, print_pending)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def bench_search(count: int) -> list[list[object]]:
    rng = random.Random(count)
    with tempfile.TemporaryDirectory() as tmp:
        desk = open_desk(Path(tmp) / "desk")
        codes = _fill(desk.database, count, rng)
        lookup = LookupService(desk.database)
        sample = rng.sample(codes, 200)
        it = iter(sample * 2)
        by_code = time_each(lambda: lookup.search(OFFICER, next(it).lower().replace("-", "")), 200)
        common = iter(rng.choices(WORDS, k=100))
        by_word = time_each(lambda: lookup.search(OFFICER, next(common)), 100)
        two = iter(
            [
                f"{a} {b}"
                for a, b in zip(rng.choices(WORDS, k=100), rng.choices(WORDS, k=100), strict=True)
            ]
        )
        by_two_words = time_each(lambda: lookup.search(OFFICER, next(two)), 100)
        by_rare = time_each(lambda: lookup.search(OFFICER, RARE_WORD), 50)
        by_name = time_each(lambda: lookup.search(OFFICER, f"warga {rng.randrange(count)}"), 50)
        # The home page's refresh (after every save): today's list, the receipts still
        # to print (nearly every complaint was printed: the few must not cost a scan)
        # and the unsent count.
        today = dt.date.today()
        home = time_each(
            lambda: (
                lookup.today(OFFICER, today),
                lookup.to_print(OFFICER),
                lookup.pending_summary(),
            ),
            50,
        )
        desk.close()
    rows = []
    for label, samples, target in (
        ("ticket code (forgiving input)", by_code, "< 5 ms"),
        ("one common word (newest 50)", by_word, "< 50 ms"),
        ("two words (newest 50)", by_two_words, "< 50 ms"),
        ("one rare word", by_rare, "< 50 ms"),
        ("name", by_name, ""),
        ("home page: today + to print + unsent", home, ""),
    ):
        p50, p95, _ = summary(samples)
        rows.append([f"{count:,}", label, len(samples), p50, p95, target])
    return rows


def run(big: bool = False) -> None:
    print_table(
        "Save a complaint (ms)",
        ["what", "n", "p50", "p95", "p95 vs floor a", "p95 vs floor b"],
        bench_save(),
    )
    rows = bench_search(100_000)
    if big:
        rows += bench_search(1_000_000)
    print_table("Search (ms)", ["complaints", "query", "n", "p50", "p95", "target"], rows)
    print(f"\npeak RSS of the benchmark process: {peak_rss_mb():.0f} MB")


def _without_encryption() -> None:
    """For a comparison only: desks opened by this process keep a plain database."""
    import desk_app.services.desk_key as desk_key

    desk_key.desk_keys = lambda *_a, **_k: None  # type: ignore[assignment,return-value]


if __name__ == "__main__":
    import sys

    if "--plain" in sys.argv:
        _without_encryption()
    run(big="--big" in sys.argv)
