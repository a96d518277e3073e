#!/usr/bin/env bash
# Calls a Tencent-style action on a TenantMQ gateway, signed with TC3-HMAC-SHA256, using only bash, openssl and curl.
# Usage: scripts/tencent-call.sh ACTION VERSION 'JSON-BODY'
#   e.g. scripts/tencent-call.sh DescribeMQTTClient 2023-03-08 '{"InstanceId":"mqtt-…","ClientId":"dev1"}'
# Credentials: TENCENT_SECRET_ID / TENCENT_SECRET_KEY, else the "tencent" section of $DATA_DIR/demo-credentials.json.
# Endpoint: TENANTMQ_ENDPOINT (host:port), else 127.0.0.1:<http port of $DATA_DIR/ports.json>.
set -euo pipefail
action=${1:?action}; version=${2:?version}; body=${3:-"{}"}
data_dir=${DATA_DIR:-data}
json_field() { # json_field FILE KEY: the first "KEY": "value" (string) or number in FILE
  sed -n "s/.*\"$2\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" "$1" | head -n 1
}
secret_id=${TENCENT_SECRET_ID:-$(json_field "$data_dir/demo-credentials.json" secretId)}
secret_key=${TENCENT_SECRET_KEY:-$(json_field "$data_dir/demo-credentials.json" secretKey)}
endpoint=${TENANTMQ_ENDPOINT:-127.0.0.1:$(json_field "$data_dir/ports.json" http)}
region=${TENCENT_REGION:-ap-guangzhou}
service=${endpoint%%.*}                      # the official SDK takes the first label of the endpoint
timestamp=${TC3_TIMESTAMP:-$(date +%s)}   # override only to reproduce a known signature
date=$(date -u -d "@$timestamp" +%Y-%m-%d)
content_type="application/json; charset=utf-8"

sha256_hex() { printf '%s' "$1" | openssl dgst -sha256 -hex | sed 's/^.* //'; }
hmac_hex() { # hmac_hex HEXKEY MESSAGE
  printf '%s' "$2" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$1" -hex | sed 's/^.* //'
}

canonical_request="POST
/

content-type:${content_type}
host:${endpoint}

content-type;host
$(sha256_hex "$body")"
scope="${date}/${service}/tc3_request"
string_to_sign="TC3-HMAC-SHA256
${timestamp}
${scope}
$(sha256_hex "$canonical_request")"

secret_date=$(printf '%s' "$date" | openssl dgst -sha256 -mac HMAC -macopt "key:TC3${secret_key}" -hex | sed 's/^.* //')
secret_service=$(hmac_hex "$secret_date" "$service")
secret_signing=$(hmac_hex "$secret_service" "tc3_request")
signature=$(hmac_hex "$secret_signing" "$string_to_sign")

authorization="TC3-HMAC-SHA256 Credential=${secret_id}/${scope}, SignedHeaders=content-type;host, Signature=${signature}"
if [ -n "${DRY_RUN:-}" ]; then echo "$authorization"; exit 0; fi
curl -sS "http://${endpoint}/" \
  -H "Authorization: ${authorization}" \
  -H "Content-Type: ${content_type}" \
  -H "Host: ${endpoint}" \
  -H "X-TC-Action: ${action}" \
  -H "X-TC-Timestamp: ${timestamp}" \
  -H "X-TC-Version: ${version}" \
  -H "X-TC-Region: ${region}" \
  --data-binary "$body"
echo
