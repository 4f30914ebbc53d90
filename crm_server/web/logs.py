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


def log_config(level: str, fmt: str) -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for uvicorn and the CRM: every line through
    the redaction, as JSON (``fmt == "json"``) or as plain text."""
    formatter: dict[str, Any] = (
        {"()": JsonFormatter}
        if fmt == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
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
