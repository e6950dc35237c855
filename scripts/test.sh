#!/usr/bin/env bash
# The whole suite: build, lint, typecheck, unit and end-to-end tests, then one closing summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
find . -path ./node_modules -prune -o -name report.json -path '*/.vitest/*' -print0 | xargs -0 rm -f
turbo run build --output-logs=errors-only || exit 1
biome check . || exit 1
turbo run typecheck test --concurrency=2
code=$?
node scripts/test-summary.mjs
exit $code
