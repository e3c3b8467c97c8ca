#!/usr/bin/env bash
# `npm test`: every check and test of the project, in the order CI runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-machine.sh
export TURBO_TELEMETRY_DISABLED=1
step() { printf '\n=== %s ===\n' "$1"; }
step "format";    npx prettier --check . --log-level warn
step "typecheck"; npx turbo run typecheck --output-logs=errors-only && npx tsc -p tsconfig.json
step "lint";      npx turbo run lint --output-logs=errors-only && npx eslint e2e playwright.config.ts
step "build";     npx turbo run build --filter=@twinhelm/web --filter=@twinhelm/bff --output-logs=errors-only
step "unit and integration tests"; npx turbo run test --concurrency=1 --output-logs=full
step "end-to-end (Chromium), embedded configuration"; E2E_CONFIG=embedded npx playwright test
step "end-to-end (Chromium), external configuration"; E2E_CONFIG=external npx playwright test
