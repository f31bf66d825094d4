#!/usr/bin/env bash
# Debian's Chromium for the browser tests (never `playwright install`).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "==> Cài Chromium từ Debian"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
