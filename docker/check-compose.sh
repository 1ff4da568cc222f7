#!/bin/sh
# Checks the compose files without a Docker engine: `docker compose config` (Compose v2) when the
# plugin is there, else Debian's docker-compose 1.29 (apt-get install docker-compose).
# Usage: docker/check-compose.sh   (from anywhere; prints nothing but errors, exits non-zero on one)
set -eu
cd "$(dirname "$0")"
if docker compose version >/dev/null 2>&1; then
  compose="docker compose"
elif command -v docker-compose >/dev/null 2>&1; then
  compose="docker-compose"
else
  echo "check-compose: neither 'docker compose' nor docker-compose is installed" >&2
  exit 2
fi
$compose -f compose.yaml config -q
MEDVIE_BLOB_S3_SECRET_KEY=check-only $compose -f compose.yaml -f compose.s3.yaml config -q
echo "compose files valid ($compose)"
