#!/usr/bin/env bash
# Serve the app in production mode on $PORT (default 3000) against $WOMS_DB_URL.
# Used by `make run` (through run.sh) and by the browser tests.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PORT="${PORT:-3000}"
exec reflex run --env prod --single-port --frontend-port "$PORT" --backend-port "$PORT" --loglevel warning
