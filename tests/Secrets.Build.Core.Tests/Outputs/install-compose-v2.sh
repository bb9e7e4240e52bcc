#!/usr/bin/env bash
# Installs docker compose v2 for the .env reader tests when this machine lacks it (run as root).
# Debian 12 packages only compose v1 (install-compose-v1.sh), whose .env parser is a different one;
# Debian 13 packages v2 as one Go binary that runs on Debian 12 (it needs only libc6 >= 2.34). The
# package is fetched with a private apt state folder (download-trixie-package.sh), so the system's
# sources and package lists stay as they are. Where the docker CLI is installed, v2 goes in as its
# plugin ("docker compose"), which leaves the name docker-compose to v1, so the reader tests can
# run both.
set -euo pipefail

is_v2() { "$@" version --short 2>/dev/null | grep -Eq '^v?2\.'; }
if is_v2 docker compose || is_v2 docker-compose; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$(dirname "$0")/../../download-trixie-package.sh" docker-compose "$work"
if command -v docker >/dev/null; then
  dpkg -x "$work"/docker-compose_*.deb "$work/extracted"
  install -D -m 755 "$work/extracted/usr/libexec/docker/cli-plugins/docker-compose" /usr/local/lib/docker/cli-plugins/docker-compose
  is_v2 docker compose
else
  dpkg -i "$work"/docker-compose_*.deb >/dev/null
  is_v2 docker-compose
fi
