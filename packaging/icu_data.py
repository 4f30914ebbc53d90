"""Linux: ICU's data library rebuilt with only the items the desk's Qt needs.

Qt's Linux wheel links ICU, whose data is one 32 MB library (``libicudata.so.NN``:
a single symbol, ``icudtNN_dat``, the whole data package). The recipe
(``packaging/desk.spec``) calls :func:`trimmed` with the rule of
``packaging/bundle_linux.py`` (``icu_item_kept``): the package is read out of the
library (``objcopy``, ``objdump``, ``nm``: binutils, which PyInstaller needs on Linux anyway),
the items not kept are removed (ICU's ``icupkg``), and the rest is made a library
again under the same name and symbol (ICU's ``genccode``, then ``gcc``). Without
those tools (Debian/Ubuntu: ``apt-get install icu-devtools gcc``), or if any step
fails, the library stays as the wheel has it and the recipe says so.

Plain Python with no imports of the project or of PyInstaller, loaded by path like
bundle_files.py.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

TOOLS = ("objcopy", "objdump", "nm", "icupkg", "genccode", "gcc")


def _run(*command: str, cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def package_of(library: Path, work: Path) -> tuple[Path, str]:
    """The data package inside ``library``, written to ``work``, and its symbol's name."""
    symbols = _run("nm", "-D", "-S", "--defined-only", str(library), cwd=work)
    found = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", symbols, re.M)
    if found is None:
        raise ValueError(f"no icudt*_dat symbol in {library.name}")
    address, size, symbol = int(found[1], 16), int(found[2], 16), found[3]
    sections = _run("objdump", "-h", str(library), cwd=work)
    rodata = re.search(r"\.rodata\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if rodata is None:
        raise ValueError(f"no .rodata in {library.name}")
    start = address - int(rodata[2], 16)
    if start < 0 or start + size > int(rodata[1], 16):
        raise ValueError(f"{symbol} is not inside .rodata of {library.name}")
    _run("objcopy", "-O", "binary", "--only-section=.rodata", str(library), "rodata.bin", cwd=work)
    data = (work / "rodata.bin").read_bytes()[start : start + size]
    name = symbol.removesuffix("_dat") + "l"  # icudt73l: the little-endian package
    package = work / f"{name}.dat"
    package.write_bytes(data)
    return package, symbol


def trimmed(library: Path, work: Path, kept: Callable[[str], bool]) -> tuple[Path, int, int]:
    """``library`` rebuilt in ``work`` with the items ``kept`` says; (the new
    library, items before, items after). Raises when a tool is missing or fails."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise FileNotFoundError(f"not installed: {', '.join(missing)}")
    if work.exists():
        shutil.rmtree(work)
    (work / "out").mkdir(parents=True)
    package, symbol = package_of(library, work)
    items = _run("icupkg", "-l", str(package), cwd=work).split()
    dropped = [item for item in items if not kept(item)]
    (work / "dropped.txt").write_text("".join(f"{item}\n" for item in dropped))
    smaller = work / "out" / package.name
    _run("icupkg", "-r", "dropped.txt", str(package), str(smaller), cwd=work)
    left = _run("icupkg", "-l", str(smaller), cwd=work).split()
    entry = symbol.removesuffix("_dat")
    _run("genccode", "-a", "gcc", "-e", entry, "-d", "out", str(smaller), cwd=work)
    assembly = work / "out" / f"{package.stem}_dat.S"
    rebuilt = work / "out" / library.name
    _run("gcc", "-shared", "-nostdlib", "-o", str(rebuilt), f"-Wl,-soname,{library.name}",
         "-Wl,-z,noexecstack", str(assembly), cwd=work)  # fmt: skip
    check = _run("nm", "-D", "--defined-only", str(rebuilt), cwd=work)
    if f" R {symbol}" not in check:
        raise ValueError(f"the rebuilt {library.name} lacks {symbol}")
    return rebuilt, len(items), len(left)
