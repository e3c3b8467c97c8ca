#!/usr/bin/env bash
# Installs and starts what a bare machine of this kind lacks for the test suite: Debian's
# Chromium (Playwright cannot download browsers here), and the local PostgreSQL and Mosquitto
# the integration and e2e tests talk to. Safe to run repeatedly.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "ensure-machine: installing Debian's chromium (needed by the Playwright e2e tests)…"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
    echo "ensure-machine: could not install chromium; install it (apt-get install -y chromium) and retry" >&2
    exit 1
  fi
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "ensure-machine: starting PostgreSQL…"
  if [ -d /etc/postgresql ]; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "ensure-machine: PostgreSQL is not reachable on 127.0.0.1:5432 (see docs/TESTING.md)" >&2; exit 1; }
fi

if ! (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null; then
  echo "ensure-machine: starting Mosquitto…"
  as_root mosquitto -d -c /etc/mosquitto/mosquitto.conf || true
  for _ in $(seq 1 20); do (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null && break; sleep 0.5; done
  (exec 3<>/dev/tcp/127.0.0.1/1883) 2>/dev/null || { echo "ensure-machine: Mosquitto is not reachable on 127.0.0.1:1883 (see docs/TESTING.md)" >&2; exit 1; }
fi
echo "ensure-machine: chromium, PostgreSQL and Mosquitto are ready"
