#!/usr/bin/env bash
# `npm start`: build what is not built yet, then run the BFF, which serves the console, the API
# and socket.io on one origin (http://localhost:${PORT:-3000}). With no DATABASE_URL/MQTT_URL it
# embeds PostgreSQL (PGlite) and an MQTT broker and runs the C-Town demo with the simulator.
set -euo pipefail
export TURBO_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
npx turbo run build --filter=@twinhelm/web --filter=@twinhelm/bff --output-logs=errors-only
exec npm run start -w @twinhelm/bff
