#!/usr/bin/env bash
# Installs the third-party programs the tests and the bench talk to: mosquitto (broker) and its clients, and the
# PostgreSQL server binaries (the durable-store tests start a throwaway server from /usr/lib/postgresql/*/bin).
# Idempotent: installs only what is missing.
set -euo pipefail
PACKAGES=()
if ! { command -v mosquitto_pub >/dev/null && command -v mosquitto_sub >/dev/null && { command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ]; }; }; then
  PACKAGES+=(mosquitto mosquitto-clients)
fi
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  PACKAGES+=(postgresql)
fi
if [ "${#PACKAGES[@]}" -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
