"""A Message is the Indonesian sentence as a ``str`` (what the CRM answers, logs and
stored copies see) that remembers how to be translated (what the desk's UI shows)."""

from __future__ import annotations

import json
import pickle

import pytest

from complaint_domain.messages import QT_TRANSLATE_NOOP, Message
from complaint_domain.validation import normalise_nik


def test_a_message_is_its_indonesian_text_everywhere_a_str_goes():
    _, problem = normalise_nik("123")
    assert problem == "NIK harus 16 angka (sekarang 3)."
    assert isinstance(problem, Message)
    assert (problem.context, problem.source, dict(problem.fields)) == (
        "Validation",
        "NIK harus 16 angka (sekarang {count}).",
        {"count": 3},
    )
    assert json.dumps({"message": problem}) == '{"message": "NIK harus 16 angka (sekarang 3)."}'
    again = pickle.loads(pickle.dumps(problem))
    assert isinstance(again, Message) and again.fields == {"count": 3} and again == problem


def test_fields_are_named_and_may_be_messages_themselves():
    label = QT_TRANSLATE_NOOP("Fields", "Nama pelapor")
    sentence = QT_TRANSLATE_NOOP("Validation", "{field} wajib diisi.").format(field=label)
    assert sentence == "Nama pelapor wajib diisi."
    assert sentence.fields["field"] is label
    with pytest.raises(TypeError):
        sentence.format("positional")
