#!/usr/bin/env bash
# Make a headless Chromium available to the browser tests.
# Debian/Ubuntu as root: the distribution's package. Elsewhere: Playwright's own Chromium.
set -euo pipefail
python=${1:-python3}
if [ -n "${PROSPECTIF_CHROMIUM:-}" ] && [ -x "$PROSPECTIF_CHROMIUM" ]; then exit 0; fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium with apt-get…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Installing Playwright's Chromium…"
  "$python" -m playwright install chromium
fi
