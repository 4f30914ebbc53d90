"""python-escpos imported without leaving a temporary folder behind at every start.

At its import, ``escpos.capabilities`` writes its printers' capabilities as a pickle
into ``ESCPOS_CAPABILITIES_PICKLE_DIR``, or else into a new ``tempfile.mkdtemp()``
folder, which nothing removes: one folder (with a pickle in it) per desk session that
printed on a thermal printer, for years. Setting the variable is not enough: the
module calls ``mkdtemp()`` as the default argument of ``environ.get``, so the folder
is made either way. Here the variable names the desk's own cache folder, and for that
one call (from ``escpos.capabilities``, while it is imported) ``mkdtemp`` answers with
the cache folder instead of making one; every other caller gets the real function.
The pickle is then kept between sessions, which also spares the next import parsing
the capabilities again.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from types import ModuleType
from typing import Any

PICKLE_DIR_VARIABLE = "ESCPOS_CAPABILITIES_PICKLE_DIR"
_import_lock = threading.Lock()


def cache_folder() -> str:
    """Where the capabilities' pickle is kept: the variable if set (tests, an IT
    officer), else the desk's cache folder (``%LOCALAPPDATA%\\MejaAduan\\Cache\\escpos``
    on Windows)."""
    if os.environ.get(PICKLE_DIR_VARIABLE):
        return os.environ[PICKLE_DIR_VARIABLE]
    import platformdirs

    return str(platformdirs.user_cache_path("MejaAduan", appauthor=False) / "escpos")


def escpos_printers() -> ModuleType:
    """``escpos.printer``, imported (once) as the module's docstring says."""
    with _import_lock:
        if "escpos.capabilities" not in sys.modules:
            folder = cache_folder()
            os.makedirs(folder, exist_ok=True)
            os.environ[PICKLE_DIR_VARIABLE] = folder
            real_mkdtemp = tempfile.mkdtemp

            def mkdtemp(*args: Any, **kwargs: Any) -> str:
                caller = sys._getframe(1).f_globals.get("__name__")
                if caller == "escpos.capabilities" and not args and not kwargs:
                    return folder
                return real_mkdtemp(*args, **kwargs)

            # escpos.capabilities binds it at its import (mypy: one signature for overloads)
            tempfile.mkdtemp = mkdtemp  # type: ignore[assignment]
            try:
                import escpos.capabilities  # noqa: F401
            finally:
                tempfile.mkdtemp = real_mkdtemp
        from escpos import printer

        return printer
