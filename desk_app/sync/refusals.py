"""The CRM's refusals in our own words.

The CRM answers a refusal as ``{"error": {"code", "message", "field"}}`` (the whole
request) or as a rejected item of a batch (``{"outcome": "rejected", "error": ...}``);
its message is in its own language and may change with its version. The desk shows
the sentence of :data:`REFUSALS` for each code it knows, translatable, and the
server's text only for a code it does not know. The desk's own refusals of an item
(a file unreadable here, an item whose data is gone) use the same codes.

A refused item is stored with its code, field and the server's text; its reason is
rebuilt from them each time it is read (:func:`refusal_reason`), so it comes back in
the officer's language.
"""

from __future__ import annotations

from complaint_domain.messages import QT_TRANSLATE_NOOP, Message

REFUSALS: dict[str, Message] = {
    # an item of a batch
    "unknown_area": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Kelurahan tidak dikenal CRM — pilih kelurahan lain"
    ),
    "unknown_category": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Kategori tidak dikenal CRM — pilih kategori lain"
    ),
    "unknown_channel": QT_TRANSLATE_NOOP("SyncRefusal", "Kanal aduan tidak dikenal CRM"),
    "invalid": QT_TRANSLATE_NOOP("SyncRefusal", "Data tidak sah menurut CRM"),
    "invalid_ticket_code": QT_TRANSLATE_NOOP("SyncRefusal", "Kode tiket tidak sah"),
    "wrong_desk": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Kode tiket bukan milik meja ini (kode meja berubah?)"
    ),
    "duplicate_ticket_code": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Kode tiket sudah dipakai aduan lain di CRM"
    ),
    "id_conflict": QT_TRANSLATE_NOOP("SyncRefusal", "Aduan lain di CRM memakai pengenal yang sama"),
    "unknown_complaint": QT_TRANSLATE_NOOP("SyncRefusal", "Aduan induknya belum ada di CRM"),
    "attachment_missing": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Lampiran belum ada di CRM; dikirim lagi"
    ),
    # refused here, on the desk
    "attachment_unreadable": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Berkas lampiran rusak di komputer ini"
    ),
    "item_unreadable": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Data ini rusak di komputer ini — hubungi petugas TI"
    ),
    "attachment_refused": QT_TRANSLATE_NOOP("SyncRefusal", "Lampiran ditolak CRM"),
    # a file
    "unsupported_media_type": QT_TRANSLATE_NOOP("SyncRefusal", "Jenis berkas lampiran ditolak CRM"),
    "too_large": QT_TRANSLATE_NOOP("SyncRefusal", "Berkas lampiran terlalu besar untuk CRM"),
    "hash_mismatch": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Berkas lampiran berubah dalam perjalanan ke CRM"
    ),
    "type_mismatch": QT_TRANSLATE_NOOP("SyncRefusal", "Isi berkas lampiran tidak sesuai jenisnya"),
    "empty": QT_TRANSLATE_NOOP("SyncRefusal", "Berkas lampiran kosong"),
    # the whole request
    "unauthorized": QT_TRANSLATE_NOOP("SyncRefusal", "Token meja tidak berlaku"),
    "forbidden": QT_TRANSLATE_NOOP("SyncRefusal", "CRM tidak mengizinkan permintaan ini"),
    "invalid_enrolment_code": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa"
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Terlalu banyak permintaan ke CRM; dicoba lagi nanti"
    ),
    "batch_too_large": QT_TRANSLATE_NOOP("SyncRefusal", "Kiriman terlalu besar untuk CRM"),
    "malformed_json": QT_TRANSLATE_NOOP("SyncRefusal", "CRM tidak dapat membaca kiriman meja"),
    "bad_request": QT_TRANSLATE_NOOP("SyncRefusal", "CRM tidak dapat membaca kiriman meja"),
    "idempotency_key_reused": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Kiriman ulang tidak cocok dengan yang pertama"
    ),
    "not_found": QT_TRANSLATE_NOOP("SyncRefusal", "Alamat tidak dikenal CRM (versi CRM berbeda?)"),
    "method_not_allowed": QT_TRANSLATE_NOOP(
        "SyncRefusal", "Alamat tidak dikenal CRM (versi CRM berbeda?)"
    ),
}


def refusal_reason(code: str, server_text: str = "") -> str:
    """The reason to show for a refusal ``code``: our sentence (in Indonesian with the
    CRM's own words after it), or the CRM's text when the code is not one we know."""
    known = REFUSALS.get(code)
    if known is None:
        return server_text
    if not server_text:
        return known
    # The English drops the CRM's words: they are not in the officer's language.
    return QT_TRANSLATE_NOOP("SyncRefusal", "{reason} ({crm_text})").format(
        reason=known, crm_text=server_text
    )
