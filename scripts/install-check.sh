#!/usr/bin/env bash
# make install-check: installs that carry only their own side, shown (issue 13, item 4).
#
# Builds a wheel from this checkout (the working tree as it is, tracked and new files,
# copied to a temporary folder so no build/ or stale file of the checkout gets in),
# installs it into two fresh virtual environments outside the checkout, one with
# only the CRM's side ('WHEEL[crm]') and one with only the desk's ('WHEEL[desk]'),
# and runs each side's commands from a temporary folder outside the checkout:
#   both: every third-party module the side's code imports (also lazily) is installed
#   CRM:  crm-server migrate; crm-server serve answers GET /healthz, /readyz, the
#         console's sign-in page (and an unknown
#         ticket's tracking page, from the shipped templates); import PySide6 (and
#         reportlab, keyring) fails
#   desk: desk-app --help; create-admin; import-areas of the demo area file shipped in
#         the installed package; the English catalogue loads; import fastapi (and
#         uvicorn, psycopg, jinja2) fails
# Needs .venv (for uv; scripts/bootstrap.sh) and PyPI or uv's cache for the dependencies.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
uv=${UV:-$root/.venv/bin/uv}
python=${PYTHON:-$root/.venv/bin/python}
started=$(date +%s)
# Nothing of the caller's set-up gets in: not the checkout on PYTHONPATH, not a
# MEJA_CRM_DATABASE_URL (migrate would upgrade that database), no other MEJA_ setting.
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV
while read -r name; do unset "$name"; done < <(compgen -e | grep '^MEJA_' || true)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/meja-install-check.XXXXXX")
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "install check FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }
# "must not import": the module is absent from this environment.
must_not_import() {
    local env=$1; shift
    for module in "$@"; do
        if "$env/bin/python" -c "import $module" 2>/dev/null; then
            fail "'import $module' works in the $(basename "$env") environment"
        fi
        echo "   import $module: fails, as it should"
    done
}

step "wheel from the working tree"
mkdir "$tmp/src"
(
    cd "$root"
    git ls-files -z --cached --others --exclude-standard \
        | while IFS= read -r -d '' f; do if [ -e "$f" ]; then printf '%s\0' "$f"; fi; done \
        | tar --null -T - -cf -
) | tar -xf - -C "$tmp/src"
"$uv" build --quiet --wheel --out-dir "$tmp/dist" "$tmp/src"
wheel=$(ls "$tmp/dist"/*.whl)
echo "   $(basename "$wheel")"

# Every third-party module a side's code imports, also inside a function (a lazy
# import), is installed on that side: python every_import_installed.py PACKAGE...
cat >"$tmp/every_import_installed.py" <<'EOF'
import ast, importlib.util, sys
from importlib.resources import files

own = {"complaint_domain", "desk_app", "crm_server"}
missing = set()
for package in sys.argv[1:]:
    for path in files(package).rglob("*.py"):  # an installed wheel: a real folder
        if "versions" in path.parts:  # migrations import only alembic and sqlalchemy
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in own or top in sys.stdlib_module_names or top == "__future__":
                    continue
                if importlib.util.find_spec(top) is None:
                    missing.add(f"{top} (imported in {package}/{path.name})")
if missing:
    sys.exit("   not installed: " + ", ".join(sorted(missing)))
print(f"   every module {' and '.join(sys.argv[1:])} import is installed")
EOF

run="$tmp/run"  # every command runs from here: outside the checkout
mkdir "$run"
cd "$run"

# -- the CRM's side ----------------------------------------------------------------
step "CRM: fresh environment with '$(basename "$wheel")[crm]'"
"$uv" venv --quiet --python "$python" "$tmp/crm"
"$uv" pip install --quiet --python "$tmp/crm/bin/python" "$wheel[crm]"
export MEJA_CRM_DATA_DIR="$tmp/crm-data"
"$tmp/crm/bin/python" "$tmp/every_import_installed.py" complaint_domain crm_server
step "CRM: crm-server migrate"
"$tmp/crm/bin/crm-server" migrate
port=$("$tmp/crm/bin/python" -c \
    'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
step "CRM: crm-server serve on 127.0.0.1:$port answers /healthz"
MEJA_CRM_AUTO_MIGRATE=0 "$tmp/crm/bin/crm-server" serve --host 127.0.0.1 --port "$port" \
    >"$tmp/serve.log" 2>&1 &
server_pid=$!
if ! "$tmp/crm/bin/python" - "$port" <<'EOF'
import sys, time, urllib.error, urllib.request

base = f"http://127.0.0.1:{sys.argv[1]}"
deadline = time.monotonic() + 30
while True:
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=2) as answer:
            print(f"   GET /healthz: {answer.status} {answer.read(200).decode()}")
            if answer.status != 200:
                sys.exit(1)
            break
    except OSError:
        if time.monotonic() > deadline:
            print("   no answer from /healthz within 30 s", file=sys.stderr)
            sys.exit(1)
        time.sleep(0.2)
with urllib.request.urlopen(f"{base}/readyz", timeout=5) as answer:
    print(f"   GET /readyz: {answer.status} {answer.read(200).decode()}")
    if answer.status != 200:
        sys.exit(1)
with urllib.request.urlopen(f"{base}/console/login", timeout=5) as answer:
    page = answer.read().decode()
    print(f"   GET /console/login: {answer.status}, {len(page)} characters of HTML")
    if answer.status != 200 or "password" not in page:
        sys.exit(1)
# The tracking page's templates came with the wheel: an unknown ticket is the
# "not found" page (404, rendered from crm_server/templates), not a server error.
try:
    urllib.request.urlopen(f"{base}/T/PBK1-261122-0042-K/7KQ2MX", timeout=5)
    sys.exit("   an unknown ticket was found")
except urllib.error.HTTPError as error:
    page = error.read().decode()
    print(f"   GET /T/<unknown ticket>: {error.code}, {len(page)} characters of HTML")
    sys.exit(0 if error.code == 404 and "</html>" in page.lower() else 1)
EOF
then
    cat "$tmp/serve.log" >&2
    fail "crm-server serve: /healthz or the tracking page did not answer as it should"
fi
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
step "CRM: the desk's side is not installed"
must_not_import "$tmp/crm" PySide6 reportlab keyring

# -- the desk's side ---------------------------------------------------------------
step "desk: fresh environment with '$(basename "$wheel")[desk]'"
"$uv" venv --quiet --python "$python" "$tmp/desk"
"$uv" pip install --quiet --python "$tmp/desk/bin/python" "$wheel[desk]"
export QT_QPA_PLATFORM=offscreen
desk_data="$tmp/desk-data"
"$tmp/desk/bin/python" "$tmp/every_import_installed.py" complaint_domain desk_app
step "desk: desk-app --help"
"$tmp/desk/bin/desk-app" --help >"$tmp/help.txt" || { cat "$tmp/help.txt"; fail "desk-app --help"; }
head -n 1 "$tmp/help.txt" | sed 's/^/   /'
step "desk: desk-app create-admin"
printf 'install-check-1\n' | "$tmp/desk/bin/desk-app" --data-dir "$desk_data" create-admin \
    --username admin --name Admin --password-stdin
areas=$("$tmp/desk/bin/python" -c \
    'from importlib.resources import files; print(files("complaint_domain") / "data" / "wilayah_dki_jakarta.csv")')
case "$areas" in "$root"/*) fail "the shipped areas were found in the checkout: $areas" ;; esac
step "desk: desk-app import-areas $areas"
"$tmp/desk/bin/desk-app" --data-dir "$desk_data" import-areas "$areas"
step "desk: the English catalogue loads from the installed package"
"$tmp/desk/bin/python" -c '
from PySide6.QtCore import QCoreApplication
from desk_app.ui.i18n import I18N_DIR, install_translator
app = QCoreApplication([])
assert install_translator(app, "en") is not None, f"no English catalogue in {I18N_DIR}"
print(f"   {I18N_DIR}/meja_aduan_en.qm")
'
step "desk: the CRM's side is not installed"
must_not_import "$tmp/desk" fastapi uvicorn psycopg jinja2

echo "install check: passed in $(($(date +%s) - started)) s"
