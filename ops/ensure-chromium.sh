#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the browser tests (pytest-playwright
# drives it through `executable_path`; Playwright's own browser downloads are never used).
# Installs `chromium` (and a font, so pages render text) with apt-get when it is missing.
# Fails loudly (exit 1) when it cannot — the browser tests would fail anyway, with less to go on.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: $CHROMIUM is missing; install it as root: apt-get install chromium fonts-dejavu-core" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: $CHROMIUM is missing and there is no apt-get here; install Chromium at $CHROMIUM" >&2
  exit 1
fi
echo "installing Debian's chromium (for the browser tests)…"
if ! $sudo apt-get update -qq >/dev/null; then
  echo "error: apt-get update failed; cannot install chromium" >&2
  exit 1
fi
if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
  echo "error: apt-get install chromium failed" >&2
  exit 1
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "error: apt-get installed chromium but $CHROMIUM is still missing" >&2
  exit 1
fi
"$CHROMIUM" --version 2>/dev/null || true
