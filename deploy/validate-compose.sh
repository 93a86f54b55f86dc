#!/usr/bin/env bash
# Validates docker-compose.yml where no Docker engine runs (CI, this project's machines):
# Debian's docker-compose parses and interpolates it. Checks that it is valid with every value
# of deploy/signpost.env.example filled in, that it refuses to run with the secrets left empty,
# and that every port it publishes is bound to the loopback interface.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker-compose > /dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q > /dev/null && $sudo apt-get install -y -q docker-compose > /dev/null
fi
filled=$(mktemp)
trap 'rm -f "$filled"' EXIT
sed -e 's/^\(POSTGRES_PASSWORD\|SIGNPOST_DB_PASSWORD\|SIGNPOST_DB_OWNER_PASSWORD\|AXON_SERVER_TOKEN\)=$/\1=placeholder/' \
    -e 's|^SIGNPOST_MASTER_KEY_FILE_ON_HOST=$|SIGNPOST_MASTER_KEY_FILE_ON_HOST=./deploy/secrets/master-key|' \
    deploy/signpost.env.example > "$filled"
docker-compose --env-file "$filled" config -q
if docker-compose --env-file deploy/signpost.env.example config -q 2> /dev/null; then
  echo "docker-compose.yml accepts empty secrets" >&2
  exit 1
fi
published=$(docker-compose --env-file "$filled" config | grep -E '^ +- [0-9.]*:?[0-9-]+:[0-9]+/(tcp|udp)$' || true)
if [ -z "$published" ] || echo "$published" | grep -v -q '^ *- 127\.0\.0\.1:'; then
  echo "Ports not bound to loopback:" >&2
  echo "$published" >&2
  exit 1
fi
echo "docker-compose.yml is valid; $(echo "$published" | wc -l) ports, all on loopback"
