#!/usr/bin/env bash
# Calls TenantMQ's Alibaba Cloud-style HTTP APIs with their HMAC-SHA1 parameter signature, using bash, openssl and curl.
# Usage:
#   scripts/aliyun-call.sh route-get CLIENT_ID              GET /route/clientId/get: is the client online?
#   scripts/aliyun-call.sh token-apply ACTIONS RESOURCES [SECONDS]   POST /token/apply (ACTIONS R, W or R,W; RESOURCES
#                                                            comma-separated topics; valid for SECONDS, default 3600)
#   scripts/aliyun-call.sh token-revoke TOKEN               POST /token/revoke
# Credentials: ALIYUN_ACCESS_KEY_ID / ALIYUN_ACCESS_KEY_SECRET, else the "aliyun" section of $DATA_DIR/demo-credentials.json;
# instance: ALIYUN_INSTANCE_ID, else the demo instance. Endpoint: TENANTMQ_ENDPOINT (host:port), else 127.0.0.1:<http
# port of $DATA_DIR/ports.json>.
set -euo pipefail
data_dir=${DATA_DIR:-data}
json_field() { # json_field FILE KEY: the first "KEY": "value" (string) or number in FILE
  sed -n "s/.*\"$2\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" "$1" | head -n 1
}
access_key=${ALIYUN_ACCESS_KEY_ID:-$(json_field "$data_dir/demo-credentials.json" accessKeyId)}
secret=${ALIYUN_ACCESS_KEY_SECRET:-$(json_field "$data_dir/demo-credentials.json" accessKeySecret)}
instance=${ALIYUN_INSTANCE_ID:-$(json_field "$data_dir/demo-credentials.json" instanceId)}
endpoint=${TENANTMQ_ENDPOINT:-127.0.0.1:$(json_field "$data_dir/ports.json" http)}

# The signature of Aliyun's token server and /route/clientId/get: "k=v" pairs over raw values, sorted as whole strings
# (byte order, as Java's String order for these ASCII names), joined with '&', HMAC-SHA1 with the secret, Base64.
sign() { printf '%s\n' "$@" | LC_ALL=C sort | paste -sd '&' | tr -d '\n' | openssl dgst -sha1 -hmac "$secret" -binary | base64; }
# curl arguments sending each k=v URL-encoded
encoded() { for pair in "$@"; do printf -- '--data-urlencode\n%s\n' "$pair"; done; }

call() { # call METHOD PATH k=v... (the signed pairs); extra unsigned pairs come from $unsigned
  local method=$1 path=$2; shift 2
  local signature; signature=$(sign "$@")
  local -a args; mapfile -t args < <(encoded "$@" "${unsigned[@]}" "signature=$signature")
  if [ "$method" = GET ]; then
    curl -sS -G "http://${endpoint}${path}" "${args[@]}"
  else
    curl -sS "http://${endpoint}${path}" "${args[@]}"
  fi
  echo
}

unsigned=()
case "${1:?route-get, token-apply or token-revoke}" in
  route-get)
    call GET /route/clientId/get "accessKey=$access_key" "instanceId=$instance" "resource=${2:?client id}" \
      "timestamp=$(($(date +%s%N) / 1000000))" ;;
  token-apply)
    expire=$(( ($(date +%s) + ${4:-3600}) * 1000 ))
    unsigned=("proxyType=MQTT" "accessKey=$access_key")
    call POST /token/apply "actions=${2:?R, W or R,W}" "resources=${3:?topics}" "expireTime=$expire" \
      "serviceName=mq" "instanceId=$instance" ;;
  token-revoke)
    unsigned=("accessKey=$access_key")
    call POST /token/revoke "token=${2:?token}" ;;
  *) echo "unknown command $1" >&2; exit 2 ;;
esac
