#!/usr/bin/env bash
# Starts an N-node TenantMQ cluster on this machine (default 3) and waits until every node is healthy.
#   deploy/scripts/local-cluster.sh [N] [BASE_DIR]
# Node i: name node<i>, cluster port 5700+i, MQTT 1882+i, WebSocket 8082+i, HTTP 8079+i, data dir BASE_DIR/node<i>.
# Durable state: every node uses ONE database, so that a restart of the whole cluster finds everything: by default one
# H2 file BASE_DIR/tenantmq.mv.db shared through H2's AUTO_SERVER mode; set JDBC_URL for PostgreSQL, e.g.
#   JDBC_URL='jdbc:postgresql://127.0.0.1:5432/tenantmq?user=tenantmq&password=…' deploy/scripts/local-cluster.sh 3
# Stop with: kill $(cat BASE_DIR/pids)
set -euo pipefail
N="${1:-3}"
BASE="${2:-data/cluster}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
JAR="$ROOT/deploy/target/tenantmq.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q package -DskipTests)
mkdir -p "$BASE"
JDBC_URL="${JDBC_URL:-jdbc:h2:file:$(cd "$BASE" && pwd)/tenantmq;AUTO_SERVER=TRUE}"
MEMBERS=$(seq -s, -f "127.0.0.1:57%02g" 1 "$N")
: > "$BASE/pids"
for i in $(seq 1 "$N"); do
  dir="$BASE/node$i"
  mkdir -p "$dir"
  rm -f "$dir/ports.json"
  java -jar "$JAR" --node-name "node$i" --cluster-name "${CLUSTER_NAME:-local}" --cluster-port $((5700 + i)) \
    --cluster-members "$MEMBERS" --mqtt-port $((1882 + i)) --ws-port $((8082 + i)) --http-port $((8079 + i)) \
    --data-dir "$dir" --jdbc-url "$JDBC_URL" > "$dir/node.log" 2>&1 &
  echo $! >> "$BASE/pids"
done
for i in $(seq 1 "$N"); do
  for _ in $(seq 1 120); do
    if [ -f "$BASE/node$i/ports.json" ] && curl -sf "http://127.0.0.1:$((8079 + i))/healthz" >/dev/null; then break; fi
    sleep 1
  done
  curl -sf "http://127.0.0.1:$((8079 + i))/healthz" || { echo "node$i did not become healthy; see $BASE/node$i/node.log"; exit 1; }
  echo
done
echo "cluster of $N nodes up; MQTT ports 1883..$((1882 + N)); stop with: kill \$(cat $BASE/pids)"
