"""The service's logs as one JSON object a line (``MEJA_CRM_LOG_FORMAT=json``, the
default of ``crm-server serve``), for a log collector to read without parsing.

Nothing personal reaches a line: the code logs no request data (see
``web.errors``), and the one thing a request's path can carry that is a secret —
the tracking token of ``/T/{code}/{token}`` — is cut from every line, in whatever
format. A small formatter of our own (json.dumps of the record's few fields) rather
than python-json-logger: the fields are fixed and the redaction must sit in front of
every handler anyway.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Sequence
from typing import Any

# /T/<code>/<token>[.json]: the token (and anything after it) becomes "…".
_TRACKING_PATH = re.compile(r"(/T/[^/\s\"?]+/)[^\s\"?]+", re.IGNORECASE)


def redact(text: str) -> str:
    return _TRACKING_PATH.sub(r"\1…", text)


class RedactTrackingTokens(logging.Filter):
    """Cuts tracking tokens out of a record's message and arguments (uvicorn's
    access log passes the path as an argument)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


# Path segments kept as they are in the access log; any other becomes "…".
# A ticket code as printed (with its dashes; its desk part has a letter): a NIK or
# a phone number never looks like one.
_TICKET = re.compile(r"(?=[0-9]*[A-Za-z])[0-9A-Za-z]{1,6}-[0-9]{6}-[0-9]{4}-[0-9A-Za-z]")
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_SHORT_NUMBER = re.compile(r"[0-9]{1,6}")


def safe_path(path: str, words: frozenset[str]) -> str:
    """A request path as the access log may keep it: the query string cut, and only
    the segments that cannot be personal kept: the app's own route words (``words``,
    compared in lower case, with an optional ``.json``/``.xml``), ticket codes,
    attachment hashes and small numbers. A tracking token, a NIK, a name — whatever a
    client puts in a path — becomes "…"."""
    path, query_mark, _ = path.partition("?")
    kept = []
    for segment in path.split("/"):
        stem = segment.lower().removesuffix(".json").removesuffix(".xml")
        safe = (
            not segment
            or stem in words
            or _TICKET.fullmatch(segment)
            or _SHA256.fullmatch(segment)
            or _SHORT_NUMBER.fullmatch(segment)
        )
        kept.append(segment if safe else "…")
    # The token of /T/{code}/{token} is in no list of words, but it is short and
    # could be one by chance: masked by its place too.
    masked = redact("/".join(kept))
    return masked + ("?…" if query_mark else "")


class RedactAccessPaths(logging.Filter):
    """On uvicorn's access log, however the server is run (installed by
    ``create_app``): the path of each line through :func:`safe_path`."""

    def __init__(self, words: frozenset[str]) -> None:
        super().__init__()
        self.words = words

    def filter(self, record: logging.LogRecord) -> bool:
        # uvicorn: '%s - "%s %s HTTP/%s" %d' % (client, method, path, version, status)
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            record.args = (args[0], args[1], safe_path(args[2], self.words), *args[3:])
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def route_paths(routes: Sequence[Any]) -> list[str]:
    """Every path (and router prefix) under ``routes``, into included routers too
    (FastAPI keeps those as included-router entries holding the router and its prefix)."""
    out = []
    for route in routes:
        path = getattr(route, "path", None)
        if isinstance(path, str):
            out.append(path)
        context = getattr(route, "include_context", None)
        out.append(getattr(context, "prefix", "") or "")
        inner = getattr(route, "original_router", None) or getattr(route, "router", None)
        if inner is not None and hasattr(inner, "routes"):
            out.extend(route_paths(inner.routes))
    return out


def route_words(paths: list[str]) -> frozenset[str]:
    """The fixed words of the app's route paths (``requests.{fmt}`` gives ``requests``)."""
    words = set()
    for path in paths:
        for segment in path.split("/"):
            stem = segment.split("{")[0].rstrip(".").lower()
            if stem:
                words.add(stem)
    return frozenset(words)


def install_access_redaction(paths: list[str]) -> None:
    """Put :class:`RedactAccessPaths` on uvicorn's access logger (replacing one
    an earlier app put there): the redaction then holds under ``crm-server serve``,
    ``uvicorn crm_server.app:create_app --factory`` and a test's own uvicorn alike."""
    logger = logging.getLogger("uvicorn.access")
    for old in [f for f in logger.filters if isinstance(f, RedactAccessPaths)]:
        logger.removeFilter(old)
    logger.addFilter(RedactAccessPaths(route_words(paths)))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": redact(record.getMessage()),
            "process": record.process,
        }
        if record.exc_info and record.exc_info[0] is not None:
            # The type only: an exception's text may carry row values.
            entry["exception"] = record.exc_info[0].__name__
        return json.dumps(entry, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """Plain lines, with an exception's type only, as :class:`JsonFormatter`: a
    traceback's messages may carry row values (a phone number in a key violation)."""

    def formatException(self, ei: Any) -> str:
        return f"exception: {ei[0].__name__}" if ei and ei[0] is not None else ""

    def formatStack(self, stack_info: str) -> str:
        return ""


def log_config(level: str, fmt: str) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for uvicorn and the CRM: every line through
    the redaction, as JSON (``fmt == "json"``) or as plain text."""
    formatter: dict[str, Any] = (
        {"()": JsonFormatter}
        if fmt == "json"
        else {"()": TextFormatter, "fmt": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    )
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "main",
        "filters": ["redact"],
        "stream": "ext://sys.stderr",
    }
    loggers = ("uvicorn", "uvicorn.error", "uvicorn.access", "crm_server")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact": {"()": RedactTrackingTokens}},
        "formatters": {"main": formatter},
        "handlers": {"main": handler},
        "loggers": {
            name: {"handlers": ["main"], "level": level.upper(), "propagate": False}
            for name in loggers
        },
    }
