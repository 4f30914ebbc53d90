# The benchmark desks' encryption keys (no keyring on a bench machine): kept in a
# temporary folder of this run, inherited by the child processes, never the user's.
import os as _os
import tempfile as _tempfile

_os.environ.setdefault("MEJA_KEY_DIR", _tempfile.mkdtemp(prefix="meja-bench-keys-"))
