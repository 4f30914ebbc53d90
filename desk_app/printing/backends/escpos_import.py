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
the capabilities again. It is kept per python-escpos release (a newer one brings
other printers), and one a crash left half-written (escpos empties the file before it
parses the capabilities) is removed before the import: escpos would otherwise fail
to load it at every session, and no receipt would print.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import tempfile
import threading
from types import ModuleType
from typing import Any

PICKLE_DIR_VARIABLE = "ESCPOS_CAPABILITIES_PICKLE_DIR"
_import_lock = threading.Lock()


def cache_folder() -> str:
    """Where the capabilities' pickle is kept: the variable if set (tests, an IT
    officer), else the desk's cache folder, one per python-escpos release
    (``%LOCALAPPDATA%\\MejaAduan\\Cache\\escpos\\<release>`` on Windows)."""
    if os.environ.get(PICKLE_DIR_VARIABLE):
        return os.environ[PICKLE_DIR_VARIABLE]
    import escpos  # its __init__ only: the capabilities are not read yet
    import platformdirs

    cache = platformdirs.user_cache_path("MejaAduan", appauthor=False)
    return str(cache / "escpos" / str(escpos.__version__))


def drop_broken_pickles(folder: str) -> None:
    """Remove a pickle that does not load (cut short by a crash while escpos wrote it)."""
    for name in os.listdir(folder):
        if not name.endswith(".pickle"):
            continue
        path = os.path.join(folder, name)
        try:
            with open(path, "rb") as handle:
                pickle.load(handle)
        except Exception:  # EOFError, UnpicklingError, … whatever a torn file gives
            with contextlib.suppress(OSError):
                os.remove(path)


def escpos_printers() -> ModuleType:
    """``escpos.printer``, imported (once) as the module's docstring says."""
    with _import_lock:
        if "escpos.capabilities" not in sys.modules:
            folder = cache_folder()
            os.makedirs(folder, exist_ok=True)
            drop_broken_pickles(folder)
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
