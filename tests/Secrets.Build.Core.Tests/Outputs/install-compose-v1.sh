#!/usr/bin/env bash
# Installs docker-compose 1.x, Debian 12's docker-compose package, for the compose reader tests
# (run as root). The seed's own commands (docker-compose config, docker-compose --env-file ... up)
# use it, so the sample and the generated override must stay valid for it as well as for v2.
# Skipped where docker-compose already is a v2 binary: the two cannot share that name.
set -euo pipefail

if docker-compose version --short 2>/dev/null | grep -Eq '^v?1\.'; then
  exit 0
fi
if command -v docker-compose >/dev/null; then
  echo "docker-compose here is not 1.x; compose v1 reader tests will be skipped" >&2
  exit 1
fi
apt-get -qq update
DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends docker-compose >/dev/null
docker-compose version --short | grep -Eq '^v?1\.'
