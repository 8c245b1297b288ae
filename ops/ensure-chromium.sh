#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (pytest-playwright
# drives it through `executable_path`; Playwright's own browser downloads are never used), with a
# font so pages render text. Fails loudly (exit 1) when it cannot — the browser tests would fail
# anyway, with less to go on.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
"$(dirname "$0")/ensure-packages.sh" chromium:chromium :fonts-dejavu-core
if [ ! -x "$CHROMIUM" ]; then
  echo "error: chromium is installed but $CHROMIUM is missing; install Chromium at $CHROMIUM" >&2
  exit 1
fi
"$CHROMIUM" --version 2>/dev/null || true
