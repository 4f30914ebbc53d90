#!/usr/bin/env bash
# make package: the desk frozen into one folder, then smoke-tested outside the checkout.
#
# 1. .venv with the desk's side and the build tool ('.[desk,crm,test,package]': the CRM
#    and the test extras only for the smoke test, which runs a local CRM and decodes
#    the receipt's QR; PyInstaller from the [package] extra);
# 2. PyInstaller builds dist/meja-aduan/ from packaging/desk.spec (the one recipe; the
#    Windows workflow builds the same one), its work files in build/pyinstaller/;
# 3. packaging/smoke.py copies the folder to a temporary place and runs it there with a
#    clean environment, offscreen: admin, complaint, receipt PDF (QR decoded), enrolment
#    and sync against a local CRM, the window, a clean exit.
# PACKAGE_CLEAN=1 builds from nothing (PyInstaller's --clean); otherwise its cache is used.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/bootstrap.sh
stamp=".venv/.package-$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ] || [ ! -x .venv/bin/pyinstaller ]; then
    echo "== installing the build tool into .venv ([package] extra)"
    .venv/bin/uv pip install --quiet --compile-bytecode --python .venv/bin/python \
        -e '.[desk,crm,test,package]'
    rm -f .venv/.package-*
    touch "$stamp"
fi
# The tools that rebuild ICU's data smaller for the Linux bundle (packaging/icu_data.py);
# without them the bundle carries ICU's whole data (~23 MB more) and still works.
need=()
for tool in icupkg:icu-devtools genccode:icu-devtools gcc:gcc objcopy:binutils; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
    need=($(printf '%s\n' "${need[@]}" | sort -u))
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "== installing ${need[*]} (Debian packages: ICU's data rebuilt smaller)"
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") \
            >/tmp/meja-apt-package.log 2>&1 || echo "== could not install ${need[*]}: ICU stays whole"
    else
        echo "== ICU's data stays whole; to rebuild it smaller: sudo apt-get install ${need[*]}"
    fi
fi
unset PYTHONPATH PYTHONHOME
clean=()
if [ "${PACKAGE_CLEAN:-0}" = 1 ]; then clean=(--clean); fi
echo "== pyinstaller packaging/desk.spec -> dist/meja-aduan/"
rm -rf dist/meja-aduan
.venv/bin/pyinstaller --noconfirm --log-level WARN "${clean[@]}" \
    --distpath dist --workpath build/pyinstaller packaging/desk.spec
echo "   built in $(($(date +%s) - started)) s"
echo "== smoke test of the bundle, outside the checkout"
.venv/bin/python packaging/smoke.py dist/meja-aduan
echo "make package: done in $(($(date +%s) - started)) s; the bundle is dist/meja-aduan/"
