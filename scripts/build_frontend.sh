#!/usr/bin/env bash
# Install the app's frontend packages (bun, from the npm registry) at set-up time,
# so that serving and testing later need no network. Stamped on the lock files.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
stamp=".web/.woms-frontend-$(cat reflex.lock/* rxconfig.py 2>/dev/null | sha256sum | cut -c1-16)"
if [ -f "$stamp" ] && [ -d .web/node_modules ]; then exit 0; fi
echo "==> Cài các gói giao diện (bun) và biên dịch thử"
reflex export --frontend-only --no-zip --loglevel warning >/dev/null
rm -f .web/.woms-frontend-*
touch "$stamp"
