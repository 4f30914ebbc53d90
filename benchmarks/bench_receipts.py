"""Receipt benchmark: QR, PDF layout and ESC/POS raster for 1 000 receipts.

``python -m benchmarks.bench_receipts [--quick]``. Target (issue 3): PDF + raster
under 50 ms at p95, well under the 0.5–1 s a thermal printer takes to print.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
import tracemalloc
from collections.abc import Callable

from benchmarks.common import peak_rss_mb
from complaint_domain.ticket import mint, new_tracking_token
from desk_app.printing import ROLL_80, WIB, ReceiptData, render_receipt
from desk_app.printing.qr import make_qr, qr_payload
from desk_app.printing.raster import receipt_raster

WORDS = [
    "jalan",
    "berlubang",
    "saluran",
    "tersumbat",
    "sampah",
    "menumpuk",
    "lampu",
    "mati",
    "pohon",
    "tumbang",
    "parkir",
    "liar",
    "pedagang",
    "trotoar",
    "banjir",
    "genangan",
    "depan",
    "sekolah",
    "pasar",
    "RT",
    "RW",
    "sudah",
    "berbulan-bulan",
    "mohon",
    "segera",
    "ditangani",
]


def _receipts(count: int) -> list[ReceiptData]:
    rng = random.Random(3)
    day = dt.date(2026, 11, 22)
    out = []
    for i in range(count):
        code = mint("PBK1", day, i % 9999 + 1)
        out.append(
            ReceiptData(
                site_name="Pendopo Balai Kota",
                desk_code="PBK1",
                officer_name="Budi Santoso",
                ticket_code=str(code),
                tracking_token=new_tracking_token(),
                tracking_host="aduan.jakarta.go.id",
                created_at=dt.datetime(2026, 11, 22, 9, 14, tzinfo=WIB),
                category_label="Jalan dan trotoar › Jalan rusak / berlubang",
                kelurahan_label="Gambir, Kec. Gambir, Jakarta Pusat",
                description=" ".join(rng.choices(WORDS, k=rng.randint(5, 80))),
                complainant_name="Siti Nurhaliza",
                first_response_due=dt.date(2026, 11, 25),
                contact_phone="(021) 112",
                reprint_at=None if i % 10 else dt.datetime(2026, 12, 1, 8, tzinfo=WIB),
            )
        )
    return out


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _peak_mib(fn: Callable[[], object]) -> float:
    """Peak Python allocation of one call, measured apart: tracemalloc slows the code
    several times, so it never runs while timing."""
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def measure(count: int) -> list[tuple[str, list[float], float]]:
    receipts = _receipts(count)

    def qr(r: ReceiptData) -> object:
        return make_qr(qr_payload(r.tracking_host, r.ticket_code, r.tracking_token))

    qr_times = [_timed(lambda r=r: qr(r)) for r in receipts]
    documents = []
    pdf_times = []
    for r in receipts:
        start = time.perf_counter()
        documents.append(render_receipt(r, ROLL_80))
        pdf_times.append((time.perf_counter() - start) * 1000)
    raster_times = [_timed(lambda d=d: receipt_raster(d)) for d in documents]
    both = [a + b for a, b in zip(pdf_times, raster_times, strict=True)]
    sample, document = receipts[0], documents[0]
    return [
        ("QR (segno, level Q)", qr_times, _peak_mib(lambda: qr(sample))),
        ("PDF layout (reportlab, 80 mm)", pdf_times, _peak_mib(lambda: render_receipt(sample))),
        (
            "raster 576 dots (QtPdf, 1-bit)",
            raster_times,
            _peak_mib(lambda: receipt_raster(document)),
        ),
        ("PDF + raster", both, 0.0),
    ]


def report(count: int) -> float:
    """Prints the table; returns the PDF + raster p95 in ms."""
    rows = measure(count)
    print(f"\n== receipts: {count} × 80 mm roll (1 in 10 a SALINAN reprint)")
    print(f"{'step':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'peak MiB':>9}")
    for name, times, peak in rows:
        peak_text = f"{peak:9.2f}" if peak else f"{'':9}"
        print(
            f"{name:34} {statistics.median(times):8.2f} {_percentile(times, 0.95):8.2f}"
            f" {max(times):8.2f} {peak_text}"
        )
    p95 = _percentile(rows[-1][1], 0.95)
    verdict = "OK" if p95 < 50 else "over target"
    print(f"PDF + raster p95 {p95:.1f} ms (target < 50 ms): {verdict}")
    print(
        f"process peak RSS {peak_rss_mb():.0f} MiB;"
        " peak MiB per call is tracemalloc (Python allocations; QtPdf's buffers not counted)"
    )
    return p95


def run(big: bool = False) -> None:
    """Entry point for ``python -m benchmarks`` (no big variant: 1 000 is the spec)."""
    report(1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="100 receipts instead of 1 000")
    args = parser.parse_args(argv)
    report(100 if args.quick else 1000)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
