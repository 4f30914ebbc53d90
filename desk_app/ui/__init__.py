"""ui layer (see DESIGN.md).

Importing it also turns off a scan PySide6 makes of every module imported after it
(see ``_skip_pyside_source_scan``), before any window module is imported.
"""

from __future__ import annotations

import sys

import PySide6.QtCore  # noqa: F401 - installs the import hook patched below


def _skip_pyside_source_scan() -> None:
    """PySide6 hooks ``import`` to support ``from __feature__ import snake_case``:
    after every import it reads the new module's whole source (``inspect.getsource``)
    to see whether it mentions PySide6, and linecache keeps that text. For the desk's
    start that is ~500 modules, ~100 ms of interpreter time (mostly on the loader
    thread, which shares the interpreter with the officer's typing) and ~11 MB of
    source held for the life of the process (measured with PySide6 6.11). Every module
    is now taken as one that uses PySide6 without features: what the scan finds for
    ours, and the same as "ignore" for the others as long as no module selects a
    feature (one that did would see its plain helpers switched back to Qt's names);
    none does, and the real-entry test checks it. If a later PySide6 renames its
    internals, this does nothing and the scan simply runs."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", lambda _module: True)  # noqa: B010 - private


_skip_pyside_source_scan()
