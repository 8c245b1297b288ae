#!/usr/bin/env bash
# Installs the Debian packages named on the command line when their command is missing.
# Usage: ops/ensure-packages.sh command:package [command:package ...]
# A package without a command (":fonts-dejavu-core") is installed when dpkg does not know it.
# Fails loudly (exit 1) when a package cannot be installed — never skips silently.
set -euo pipefail
missing=()
for pair in "$@"; do
  cmd=${pair%%:*}; pkg=${pair#*:}
  if [ -n "$cmd" ]; then
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  else
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing ${missing[*]} and no apt-get here: install them with your package manager" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
for pair in "$@"; do
  cmd=${pair%%:*}
  [ -z "$cmd" ] && continue
  command -v "$cmd" >/dev/null 2>&1 || { echo "error: $cmd still missing after apt-get install" >&2; exit 1; }
done
