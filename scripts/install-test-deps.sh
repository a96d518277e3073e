#!/usr/bin/env bash
# Installs the third-party programs the tests and the bench talk to: mosquitto (broker) and its clients.
# Idempotent: does nothing when they are present.
set -euo pipefail
if command -v mosquitto_pub >/dev/null && command -v mosquitto_sub >/dev/null && { command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ]; }; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq mosquitto mosquitto-clients >/dev/null
