#!/usr/bin/env bash
# Serves WOMS in production mode on the embedded default (SQLite) at :${PORT:-3000}.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
woms migrate
woms demo --if-empty
exec reflex run --env prod --single-port --frontend-port "${PORT:-3000}" --backend-port "${PORT:-3000}" --loglevel warning
