#!/usr/bin/env sh
# The tests drive Debian's Chromium (never a browser downloaded by a test
# tool). Install it if this machine doesn't have it yet.
set -e
[ -x /usr/bin/chromium ] && exit 0
echo "🐍 /usr/bin/chromium is missing: installing Debian's chromium package…"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get install -y chromium >/dev/null 2>&1 || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y chromium >/dev/null; }
[ -x /usr/bin/chromium ] || { echo "Could not install chromium: run 'apt-get install chromium' as root, then try again." >&2; exit 1; }
