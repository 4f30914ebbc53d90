#!/usr/bin/env bash
# The Debian/Ubuntu libraries Qt's X11 window (the xcb platform plugin) needs, which
# a fresh or minimal machine may lack: Qt aborts at start without them, naming only
# "xcb". Used by scripts/run.sh (make run). Installed only when missing; as root with
# apt-get, quietly; otherwise the exact `sudo apt-get install` line is printed and the
# run goes on. Also says in plain words when there is no display to open a window on.
# Never fails: at worst the desk app says itself what is wrong.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# The libraries the plugin links to (ldd of libqxcb.so and of Qt's own libraries),
# by the Debian package that ships each. Ubuntu 24.04 renamed a few (…t64); apt-get
# installs the right one under the old name.
PACKAGES=(
    libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0
    libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0
    libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon0
    libxkbcommon-x11-0 libegl1 libgl1 libglx0 libfontconfig1 libfreetype6 libdbus-1-3
    libglib2.0-0 fonts-dejavu-core
)
plugin=$(ls "$root"/.venv/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so 2>/dev/null | head -n 1)

missing_packages() {
    # A package counts as missing when dpkg does not know it installed (a renamed t64
    # package counts as installed when the plugin finds all its libraries).
    local p need=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
    done
    if [ ${#need[@]} -gt 0 ] && [ -n "$plugin" ] && ! ldd "$plugin" | grep -q "not found" \
        && [ -n "$(fc-list 2>/dev/null | head -n 1)" ]; then
        need=()  # everything the plugin loads is there under other names
    fi
    echo "${need[@]}"
}

if command -v dpkg-query >/dev/null 2>&1; then
    need=$(missing_packages)
    if [ -n "$need" ]; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            echo "== installing what the desk window needs (Debian packages): $need"
            # shellcheck disable=SC2086
            (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need) \
                >/tmp/meja-apt-desk.log 2>&1 \
                || echo "== could not install them (see /tmp/meja-apt-desk.log); install them with:"$'\n'"   sudo apt-get install $need"
        else
            echo "== the desk window needs these system packages; install them with:"
            echo "   sudo apt-get install $need"
        fi
    fi
fi
if [ -n "$plugin" ] && ldd "$plugin" | grep -q "not found"; then
    echo "== still missing for Qt's X11 window: $(ldd "$plugin" | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')"
fi
case "${QT_QPA_PLATFORM:-}" in
    offscreen* | minimal* | vnc* | eglfs* | linuxfb*) ;;
    *)
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname -s)" = Linux ]; then
            echo "== there is no screen to open the window on: neither DISPLAY nor WAYLAND_DISPLAY is set."
            echo "   Run it from the desktop session, or over ssh with -X, or in a virtual screen:"
            echo "   xvfb-run -a -s '-screen 0 1366x768x24' make run"
        fi
        ;;
esac
exit 0
