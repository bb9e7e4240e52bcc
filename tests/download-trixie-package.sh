#!/usr/bin/env bash
# Usage: download-trixie-package.sh PACKAGE FOLDER
# Downloads PACKAGE's .deb from Debian 13 (trixie) into FOLDER, for test tools Debian 12 lacks or
# packages only in an older version (install-compose-v2.sh, install-moto.sh). A private apt state
# folder is used, so the system's sources and package lists stay as they are. Run as root.
set -euo pipefail
package=$1
folder=$2

mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
echo "deb $mirror trixie main" > "$state/sources.list"
apt_private=(
  -o Dir::Etc::SourceList="$state/sources.list"
  -o Dir::Etc::SourceParts=/dev/null
  -o Dir::State::Lists="$state/lists"
  -o Dir::Cache="$state/cache"
  -o APT::Sandbox::User=root
)
apt-get "${apt_private[@]}" -qq update
mkdir -p "$folder"
(cd "$folder" && apt-get "${apt_private[@]}" -qq download "$package")
