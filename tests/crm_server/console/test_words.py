"""Every Indonesian sentence the console shows has its English: each ``t("…")`` of
the templates, each ``say("…")`` of the console's code (adjacent literals joined,
as Python joins them), and each role's label."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from crm_server import console
from crm_server.console.words import ENGLISH, translator
from crm_server.core.auth import ROLE_LABELS

ROOT = Path(console.__file__).parent
_T = re.compile(r"""\bt\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")


def template_words() -> set[str]:
    found = set()
    for path in (ROOT / "templates").rglob("*.html"):
        for match in _T.finditer(path.read_text(encoding="utf-8")):
            found.add(match.group(1) if match.group(1) is not None else match.group(2))
    return found


def code_words() -> set[str]:
    found = set()
    for path in ROOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("say", "t")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_every_shown_sentence_has_its_english() -> None:
    words = template_words() | code_words() | set(ROLE_LABELS.values())
    assert len(words) > 20  # the scan found the pages' words
    missing = sorted(w for w in words if w not in ENGLISH)
    assert missing == [], "no English for: " + " | ".join(missing)


def test_no_english_is_left_without_its_sentence() -> None:
    words = template_words() | code_words() | set(ROLE_LABELS.values())
    unused = sorted(w for w in ENGLISH if w not in words)
    assert unused == [], "English for words no page shows: " + " | ".join(unused)


def test_the_english_names_the_same_values() -> None:
    field = re.compile(r"\{(\w+)\}")
    for indonesian, english in ENGLISH.items():
        assert set(field.findall(indonesian)) == set(field.findall(english)), indonesian


def test_the_translator_fills_values_in_either_language() -> None:
    sentence = "Masuk sebagai {name}"
    assert translator("id")(sentence, name="Sari") == "Masuk sebagai Sari"
    assert translator("en")(sentence, name="Sari") == "Signed in as Sari"
