"""Child process for the durability test: records complaints in a loop and prints
each ticket code only after ``record()`` returned, i.e. once it was acknowledged."""

from __future__ import annotations

import sys
from pathlib import Path

from desk_app.services.accounts import Officer, Role
from desk_app.services.desk import open_desk
from desk_app.services.intake import AttachmentFile, IntakeForm


def main() -> None:
    desk = open_desk(Path(sys.argv[1]))
    officer = Officer("ani", "Ani", Role.OFFICER)
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        files = [AttachmentFile(f"foto{n}.png", b"\x89PNG\r\n\x1a\n" + n.to_bytes(8, "big"))]
        recorded = desk.intake.record(
            officer,
            IntakeForm(
                name=f"Warga {n}",
                consent=True,
                kelurahan_code="31.71.03.1005",
                category_code="JALAN.RUSAK",
                description=f"Jalan rusak nomor {n} di gang sempit.",
                attachments=files if n % 5 == 0 else [],
            ),
        )
        print(f"ACK {recorded.ticket_code} {recorded.complaint.id}", flush=True)


if __name__ == "__main__":
    main()
