#!/usr/bin/env bash
# Debian packages some tests need (a headless browser for the tracking page; the SMS
# daemon Gammu SMSD, whose dummy phone driver the SMS tests send through).
# Installed only when missing and only when we may (root); otherwise those tests skip.
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v gammu-smsd >/dev/null 2>&1 || need+=(gammu-smsd)
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)  # the e-mail channel's IMAP tests
if [ ${#need[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing ${need[*]} (Debian packages)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") \
        >/tmp/meja-apt.log 2>&1 || echo "== could not install ${need[*]}: tests that need it will skip"
fi
# axe-core (accessibility checks of the CRM tracking page) into a project-local folder.
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$root/.cache/node/node_modules/axe-core/axe.min.js" ] && command -v npm >/dev/null 2>&1; then
    npm install --silent --prefix "$root/.cache/node" axe-core@4 \
        >/tmp/meja-npm.log 2>&1 || echo "== could not install axe-core: the accessibility test will skip"
fi
exit 0
