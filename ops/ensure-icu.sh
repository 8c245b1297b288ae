#!/usr/bin/env bash
# followthemoney depends on PyICU, which compiles against ICU: make sure the headers are there.
set -euo pipefail
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists icu-i18n 2>/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: ICU development files are missing (PyICU needs them): install ICU headers and pkg-config" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && sudo="sudo" || { echo "error: run as root or install libicu-dev pkg-config" >&2; exit 1; }
fi
echo "installing Debian packages: libicu-dev pkg-config (PyICU builds against them)"
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libicu-dev pkg-config g++ >/dev/null
pkg-config --exists icu-i18n || { echo "error: ICU still not found after apt-get install" >&2; exit 1; }
