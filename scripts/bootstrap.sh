#!/usr/bin/env bash
# Creates .venv with the pinned dependencies, installs the `woms` command and a
# project-local bun. Idempotent: a second run only checks stamps.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "==> Tạo môi trường ảo .venv"
  "$PYTHON" -m venv .venv
fi

lock_hash="$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
stamp=".venv/.woms-deps-$lock_hash"
if [ ! -f "$stamp" ]; then
  echo "==> Cài các thư viện đã ghim (requirements.lock)"
  mkdir -p .local
  # pip's own chatter goes to a log; it is shown only when the install fails.
  if ! { .venv/bin/python -m pip install --quiet --upgrade setuptools wheel \
      && .venv/bin/python -m pip install --quiet -r requirements.lock \
      && .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .; } \
      >.local/pip-install.log 2>&1; then
    tail -n 60 .local/pip-install.log
    exit 1
  fi
  rm -f .venv/.woms-deps-*
  touch "$stamp"
fi

if [ ! -x .local/bun/bin/bun ]; then
  echo "==> Cài bun (từ npm registry) vào .local/bun"
  mkdir -p .local/bun
  npm install --silent -g --prefix "$ROOT/.local/bun" bun@1.4.4 >/dev/null
fi

# axe-core (accessibility rules injected by the browser tests), pinned.
if [ ! -f .local/axe/node_modules/axe-core/axe.min.js ]; then
  echo "==> Cài axe-core (từ npm registry) vào .local/axe"
  npm install --silent --no-audit --no-fund --prefix "$ROOT/.local/axe" axe-core@4.14.1 >/dev/null
fi
