"""Every message as ``docs/sms.md`` lists it: rendered with the longest form of a
ticket code, a real tracking host and a typical unit and note, with its length
(a test checks that the document says what this renders).

    python -m crm_server.core.sms.catalogue   # prints the table of docs/sms.md
"""

from __future__ import annotations

import datetime as dt

from complaint_domain.status import Status, public_status_text
from crm_server.core.sms import templates
from crm_server.core.sms.templates import Facts

CODE = "KLJKT9-261231-9999-Z"  # six-character desk code: the longest ticket code
HOST = "aduan.jakarta.go.id"
URL = f"HTTPS://{HOST}/T/{CODE}/7K3QXZ".upper()
SUDIN = "Suku Dinas Bina Marga Kota Administrasi Jakarta Pusat"
WHEN = {
    Status.RECEIVED: "the CRM receives the complaint",
    Status.COORDINATION: "accepted: to the kelurahan",
    Status.DISPOSITION: "forwarded to a Dinas",
    Status.IN_PROGRESS: "a Suku Dinas or the kelurahan works on it",
    Status.VERIFICATION: "the result is being verified",
    Status.RETURNED: "the verifier returns it",
    Status.DONE: "done",
    Status.REJECTED: "refused, with its reason",
    Status.DUPLICATE: "merged into another complaint",
}
UNITS = {
    Status.RECEIVED: "Admin kanal Pendopo Balai Kota",
    Status.COORDINATION: "Kelurahan Gambir",
    Status.DISPOSITION: "Dinas Bina Marga",
    Status.IN_PROGRESS: SUDIN,
    Status.VERIFICATION: "Biro Pemerintahan",
    Status.RETURNED: SUDIN,
    Status.DONE: SUDIN,
    Status.REJECTED: "Admin kanal Pendopo Balai Kota",
    Status.DUPLICATE: "Admin kanal Pendopo Balai Kota",
}
NOTES = {
    Status.IN_PROGRESS: "Petugas ke lokasi Kamis pagi.",
    Status.VERIFICATION: "Lubang sudah ditambal.",
    Status.RETURNED: "Foto sesudah perbaikan belum ada.",
    Status.DONE: "Jalan sudah rata kembali.",
    Status.REJECTED: "Lokasi di luar wilayah DKI Jakarta.",
}


def rows() -> list[tuple[str, str, str]]:
    """(name, when it is sent, the text)."""
    out = []
    for status in Status:
        if status is Status.NOT_SENT:
            continue
        facts = Facts(
            CODE,
            URL,
            status,
            unit=UNITS[status],
            note=NOTES.get(status, ""),
            target="PBK1-261230-0007-M",
        )
        out.append((f"status: {status.value}", WHEN[status], templates.status_message(facts)))
    reminder = Facts(CODE, URL, Status.IN_PROGRESS, unit=SUDIN, due=dt.date(2027, 1, 14))
    out.append(
        (
            "reminder",
            "every N working days without news",
            templates.reminder_message(reminder, dt.date(2027, 1, 13)),
        )
    )
    out.append(
        (
            "reminder (late)",
            "the same, past the due date",
            templates.reminder_message(reminder, dt.date(2027, 1, 15)),
        )
    )
    out.append(
        (
            "co_reporter",
            "a further citizen joins the complaint",
            templates.co_reporter_message(Facts(CODE, URL, Status.IN_PROGRESS)),
        )
    )
    label = public_status_text(Status.IN_PROGRESS)
    out.append(
        (
            "reply to CEK",
            "CEK <kode> from a recorded number",
            templates.cek_reply(Facts(CODE, URL, Status.IN_PROGRESS, unit=SUDIN), label),
        )
    )
    out.append(("not found", "CEK from any other number, or an unknown code", templates.NOT_FOUND))
    out.append(("stopped", "STOP or BERHENTI (once per number)", templates.STOPPED))
    return out


def table() -> str:
    lines = ["| message | sent when | text | length |", "|---|---|---|---|"]
    for name, when, text in rows():
        lines.append(f"| {name} | {when} | `{text}` | {len(text)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
