#!/usr/bin/env bash
# Starts one BFF for the Playwright e2e suite, in one of the two supported configurations:
#   embedded  PGlite in a fresh data directory, the embedded aedes broker, the simulator
#   external  the machine's PostgreSQL (a fresh database) and Mosquitto on 127.0.0.1:1883
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?embedded or external}
export NODE_ENV=production
# The alarm e2e trips PU8 and waits for its zone to lose pressure: 600× plant time makes that
# about a minute (packages/simulator/README.md); no random faults, so what happens is what the test did.
export SIMULATOR_SPEEDUP=600 SIMULATOR_FAULTS=off
case "$mode" in
  embedded)
    export PORT=${E2E_EMBEDDED_PORT:-3100} MQTT_PORT=${E2E_EMBEDDED_MQTT_PORT:-18830}
    DATA_DIR=$(mktemp -d /tmp/twinhelm-e2e-embedded.XXXXXX); export DATA_DIR
    unset DATABASE_URL MQTT_URL
    ;;
  external)
    export PORT=${E2E_EXTERNAL_PORT:-3200}
    db=twinhelm_e2e_external
    psql -q -h 127.0.0.1 -U root -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
    export DATABASE_URL="postgresql://root@127.0.0.1:5432/$db" MQTT_URL=mqtt://127.0.0.1:1883
    export DEMO=on SIMULATOR=on MQTT_CLIENT_ID=twinhelm-e2e-external
    export AUTH_SECRET=e2e-only-secret-0123456789abcdef0123456789
    DATA_DIR=$(mktemp -d /tmp/twinhelm-e2e-external.XXXXXX); export DATA_DIR
    ;;
  *) echo "usage: e2e-server.sh embedded|external" >&2; exit 2 ;;
esac
exec npm run start -w @twinhelm/bff
