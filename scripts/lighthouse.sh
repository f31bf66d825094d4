#!/usr/bin/env bash
# Lighthouse (mobile settings) on the sign-in, home, plan and check-in pages of a
# production server on the small fixture; prints scores and transfer sizes.
# A measurement, not a test. Installs lighthouse@12 into .local/lighthouse if missing.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
if [ ! -x .local/lighthouse/node_modules/.bin/lighthouse ]; then
  echo "==> Cài lighthouse@12 (từ npm registry) vào .local/lighthouse"
  npm install --silent --no-audit --no-fund --prefix "$ROOT/.local/lighthouse" lighthouse@12.8.2 >/dev/null
fi
bash scripts/ensure_chromium.sh
exec python scripts/lighthouse_pages.py "$@"
