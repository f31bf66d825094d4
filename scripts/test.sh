#!/usr/bin/env bash
# The whole suite: lint, types, then every test on SQLite and on PostgreSQL
# (a throwaway server started here), browser tests included.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

scripts/ensure_chromium.sh
scripts/build_frontend.sh

echo "==> ruff"
ruff check .
ruff format --check .
echo "==> mypy"
mypy woms_pwa analytics metric_library assistant

echo "==> Kiểm thử trên SQLite"
pytest -q -p no:cacheprovider

echo "==> Kiểm thử trên PostgreSQL"
PG_URL="$(scripts/pg.sh start)"
trap 'scripts/pg.sh stop' EXIT
WOMS_TEST_DB_URL="$PG_URL" pytest -q -p no:cacheprovider
