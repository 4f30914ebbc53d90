"""The recipe's Python files, loaded by path: ``packaging/`` is no package (its name is
also a library's), so its files cannot be imported."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.conftest import REPO

PACKAGING = REPO / "packaging"


def load(name: str) -> ModuleType:
    """``packaging/<name>.py`` as a module."""
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
