#!/usr/bin/env bash
# An N-node TenantMQ cluster on this machine, from the built jar (deploy/target/tenantmq.jar; built if missing).
#
#   deploy/scripts/local-cluster.sh [start] [N]   start nodes 1..N (default 3) and wait until each is healthy;
#                                                 nodes already running are left as they are (run it again freely)
#   deploy/scripts/local-cluster.sh status        each node: pid, health, ports (from its ports.json), the cluster's
#                                                 members as node 1 sees them; exit 0 only if every node is healthy
#   deploy/scripts/local-cluster.sh stop          SIGTERM every node (clean stop: wills sent, cluster left), SIGKILL
#                                                 what is still alive after 30 s
#
# Node i: name node<i>, MQTT 1882+i, HTTP 8079+i, MQTT over WebSocket 8179+i, Hazelcast 5700+i (i = 1..99), every port
# shifted by PORT_OFFSET (default 0) to run beside something else; data dir BASE_DIR/node<i> (ports.json,
# demo-credentials.json, node.log, pid).
# Durable state: every node uses ONE database, so that a restart of the whole cluster finds everything: by default the
# H2 file BASE_DIR/tenantmq.mv.db, shared through H2's AUTO_SERVER mode (the first node serves it to the others); set
# JDBC_URL for PostgreSQL, e.g.
#   JDBC_URL='jdbc:postgresql://127.0.0.1:5432/tenantmq?user=tenantmq&password=…' deploy/scripts/local-cluster.sh 3
# Environment: BASE_DIR (data/cluster), CLUSTER_NAME (local), PORT_OFFSET (0), JDBC_URL, JAR, JAVA (java),
# FAILURE_DETECTION_SECONDS (6: how long a crashed node's clients may still look online, plus ~2 s),
# EXTRA_ARGS (more flags for every node).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BASE="${BASE_DIR:-data/cluster}"
JAR="${JAR:-$ROOT/deploy/target/tenantmq.jar}"
JAVA="${JAVA:-java}"
OFFSET="${PORT_OFFSET:-0}"

mqtt_port() { echo $((1882 + $1 + OFFSET)); }
http_port() { echo $((8079 + $1 + OFFSET)); }
ws_port() { echo $((8179 + $1 + OFFSET)); }
cluster_port() { echo $((5700 + $1 + OFFSET)); }

# the node numbers that have a data directory, in order
known_nodes() {
  [ -d "$BASE" ] || return 0
  for d in "$BASE"/node*; do
    [ -d "$d" ] && echo "${d##*/node}"
  done | sort -n
}

# pid of node i if that process is alive and is a TenantMQ node of this directory; nothing otherwise
live_pid() {
  local pidfile="$BASE/node$1/pid" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--node-name node$1 "; then
    echo "$pid"
  fi
}

healthy() { curl -sf -m 2 "http://127.0.0.1:$(http_port "$1")/healthz" >/dev/null 2>&1; }

# "mqtt=… ws=… http=…" from node i's ports.json (what it really bound)
ports_of() {
  local f="$BASE/node$1/ports.json"
  [ -f "$f" ] || { echo "(no ports.json)"; return 0; }
  sed -e 's/[{}"]//g' -e 's/:/=/g' -e 's/,/ /g' "$f"
}

# BASE_DIR/pids: every started node's pid, for `kill $(cat BASE_DIR/pids)`
write_pids() {
  : > "$BASE/pids"
  for i in $(known_nodes); do
    if [ -f "$BASE/node$i/pid" ] && kill -0 "$(cat "$BASE/node$i/pid")" 2>/dev/null; then
      cat "$BASE/node$i/pid" >> "$BASE/pids"
    fi
  done
}

start() {
  local n="${1:-3}"
  if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -lt 1 ] || [ "$n" -gt 99 ]; then
    echo "N must be 1..99, was '$n'" >&2
    exit 2
  fi
  if [ ! -f "$JAR" ]; then
    echo "building $JAR ..."
    (cd "$ROOT" && mvn -B -q -pl deploy -am package -DskipTests)
  fi
  mkdir -p "$BASE"
  local base_abs jdbc members
  base_abs="$(cd "$BASE" && pwd)"
  jdbc="${JDBC_URL:-jdbc:h2:file:$base_abs/tenantmq;AUTO_SERVER=TRUE}"
  members="$(for i in $(seq 1 "$n"); do printf '127.0.0.1:%s,' "$(cluster_port "$i")"; done)"
  members="${members%,}"
  for i in $(seq 1 "$n"); do
    local dir="$BASE/node$i" pid
    pid="$(live_pid "$i")"
    if [ -n "$pid" ]; then
      echo "node$i already running (pid $pid)"
      continue
    fi
    local port
    for port in "$(cluster_port "$i")" "$(mqtt_port "$i")" "$(ws_port "$i")" "$(http_port "$i")"; do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "node$i: port $port is taken by another program; stop it or choose other ports with PORT_OFFSET" >&2
        exit 1
      fi
    done
    mkdir -p "$dir"
    rm -f "$dir/ports.json"
    # shellcheck disable=SC2086
    nohup "$JAVA" -jar "$JAR" --node-name "node$i" --cluster-name "${CLUSTER_NAME:-local}" \
      --cluster-port "$(cluster_port "$i")" --cluster-members "$members" \
      --mqtt-port "$(mqtt_port "$i")" --ws-port "$(ws_port "$i")" --http-port "$(http_port "$i")" \
      --data-dir "$dir" --jdbc-url "$jdbc" --failure-detection-seconds "${FAILURE_DETECTION_SECONDS:-6}" \
      ${EXTRA_ARGS:-} > "$dir/node.log" 2>&1 < /dev/null &
    echo $! > "$dir/pid"
    echo "node$i starting (pid $!), log $dir/node.log"
    if [ "$i" = 1 ] && [ -z "${JDBC_URL:-}" ]; then
      # the first node opens the shared H2 file and serves it to the others: let it do that before they try
      wait_healthy 1 || exit 1
    fi
  done
  write_pids
  for i in $(seq 1 "$n"); do
    wait_healthy "$i" || exit 1
  done
  status
}

wait_healthy() {
  local i="$1"
  for _ in $(seq 1 180); do
    if [ -f "$BASE/node$i/ports.json" ] && healthy "$i"; then
      return 0
    fi
    if ! kill -0 "$(cat "$BASE/node$i/pid")" 2>/dev/null; then
      echo "node$i exited; the end of $BASE/node$i/node.log:" >&2
      tail -n 20 "$BASE/node$i/node.log" >&2 || true
      return 1
    fi
    sleep 1
  done
  echo "node$i did not become healthy in 180 s; see $BASE/node$i/node.log" >&2
  return 1
}

status() {
  local all=0 first_up=""
  local nodes
  nodes="$(known_nodes)"
  if [ -z "$nodes" ]; then
    echo "no cluster in $BASE"
    return 3
  fi
  for i in $nodes; do
    local pid
    pid="$(live_pid "$i")"
    if [ -z "$pid" ]; then
      echo "node$i  stopped"
      all=3
    elif healthy "$i"; then
      echo "node$i  pid $pid  healthy  $(ports_of "$i")  cluster=$(cluster_port "$i")"
      [ -n "$first_up" ] || first_up="$i"
    else
      echo "node$i  pid $pid  starting or unhealthy  cluster=$(cluster_port "$i")"
      all=3
    fi
  done
  if [ -n "$first_up" ]; then
    echo "members seen by node$first_up: $(cluster_members "$first_up")"
  fi
  return "$all"
}

# the node names of GET /api/v5/nodes on node i, with the demo instance's EMQX API key
cluster_members() {
  local creds="$BASE/node$1/demo-credentials.json" key secret
  [ -f "$creds" ] || { echo "?"; return 0; }
  key="$(tr -d '\n ' < "$creds" | sed -n 's/.*"emqx":{"apiKey":"\([^"]*\)","apiSecret":"\([^"]*\)".*/\1/p')"
  secret="$(tr -d '\n ' < "$creds" | sed -n 's/.*"emqx":{"apiKey":"\([^"]*\)","apiSecret":"\([^"]*\)".*/\2/p')"
  curl -sf -m 5 -u "$key:$secret" "http://127.0.0.1:$(http_port "$1")/api/v5/nodes" \
    | grep -o '"node":"[^"]*"' | sed 's/"node":"\([^"]*\)"/\1/' | sort | tr '\n' ' ' || echo "?"
}

stop() {
  local stopping=()
  for i in $(known_nodes); do
    local pid
    pid="$(live_pid "$i")"
    if [ -n "$pid" ]; then
      kill -TERM "$pid"
      stopping+=("$i:$pid")
      echo "node$i stopping (pid $pid)"
    fi
    rm -f "$BASE/node$i/pid"
  done
  [ ${#stopping[@]} -gt 0 ] || { echo "no node running in $BASE"; : > "$BASE/pids" 2>/dev/null || true; return 0; }
  for entry in "${stopping[@]}"; do
    local i="${entry%%:*}" pid="${entry##*:}"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "node$i still alive after 30 s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  : > "$BASE/pids"
  echo "stopped"
}

case "${1:-start}" in
  start) shift || true; start "${1:-3}" ;;
  stop) stop ;;
  status) status ;;
  [0-9]*) start "$1" ;;
  -h|--help|help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) echo "usage: $0 [start] [N] | status | stop" >&2; exit 2 ;;
esac
