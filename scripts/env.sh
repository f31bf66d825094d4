# Sourced by every project script: keeps Reflex, bun and npm inside the project
# and away from the internet at run time (see ../shared/notes/reflex-offline.md).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/.venv/bin:$ROOT/.local/bun/bin:$PATH"
export REFLEX_DIR="$ROOT/.local/reflex"
export BUN_INSTALL_CACHE_DIR="$ROOT/.local/bun-cache"
export BUN_RUNTIME_TRANSPILER_CACHE_PATH="$ROOT/.local/bun-transpiler"
export npm_config_cache="$ROOT/.local/npm-cache"
export NPM_CONFIG_REGISTRY="https://registry.npmjs.org"
export REFLEX_HTTP_CLIENT_BIND_ADDRESS="0.0.0.0"
export REFLEX_CHECK_LATEST_VERSION=false
export REFLEX_TELEMETRY_ENABLED=false
export PYTHONDONTWRITEBYTECODE=1
