#!/usr/bin/env bash
# Serves WOMS in production mode on the embedded default (SQLite) at :${PORT:-3000}.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
scripts/build_frontend.sh
woms migrate
woms demo --if-empty
woms metrics sync
echo "==> WOMS: http://localhost:${PORT:-3000}  (tài khoản mẫu: xem README.md)"
exec scripts/serve.sh
