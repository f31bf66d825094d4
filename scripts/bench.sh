#!/usr/bin/env bash
# Every benchmark, one after another; each prints its own figures (nothing is asserted).
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
for bench in tests/bench/bench_*.py; do
  module="tests.bench.$(basename "$bench" .py)"
  echo "==> $module"
  python -m "$module" || echo "(benchmark $module failed)"
done
