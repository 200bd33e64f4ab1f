#!/usr/bin/env bash
# Make a headless Chromium available to the browser tests and the 4-page reports, and
# poppler-utils (pdftoppm, pdftotext) to the tests that read the printed reports back.
# Debian/Ubuntu as root: the distribution's packages. Elsewhere: Playwright's own Chromium.
set -euo pipefail
python=${1:-python3}
as_root_with_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }
updated=
apt_install() {
  if [ -z "$updated" ]; then apt-get update -qq; updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if ! command -v pdftoppm >/dev/null 2>&1; then
  if as_root_with_apt; then
    echo "Installing poppler-utils with apt-get…"
    apt_install poppler-utils
  else
    echo "pdftoppm not found: install poppler-utils (the PDF report tests need it)" >&2
  fi
fi
if [ -n "${PROSPECTIF_CHROMIUM:-}" ] && [ -x "$PROSPECTIF_CHROMIUM" ]; then exit 0; fi
for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$candidate" ]; then exit 0; fi
done
if as_root_with_apt; then
  echo "Installing Chromium with apt-get…"
  apt_install chromium
else
  echo "Installing Playwright's Chromium…"
  "$python" -m playwright install chromium
fi
