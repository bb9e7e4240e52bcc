#!/usr/bin/env bash
# Installs moto's KMS server for the KMS tests (run as root): a real local AWS KMS endpoint that the
# AWS SDK for .NET talks to over HTTP. Debian 12 does not package moto; Debian 13 packages it as
# python3-moto, pure Python. Its .deb is fetched with a private apt state folder
# (download-trixie-package.sh: the system's sources and package lists stay as they are) and
# unpacked with dpkg -x into the git-ignored artifacts/test-inputs/moto; the tests run it with
# Debian's /usr/bin/python3 and PYTHONPATH.
#
# What it runs on comes from Debian 12 (apt). moto's KMS server imports nothing beyond these ten
# packages and their own dependencies (checked by tracing every import of a server that created,
# used, disabled and deleted keys). python3-moto's Debian dependency python3-antlr4 is only for
# its Step Functions parser, and its recommends (yaml, docker, ...) are for other services.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
target="$root/artifacts/test-inputs/moto"
site="$target/usr/lib/python3/dist-packages"

runtime=(python3-boto3 python3-flask python3-werkzeug python3-jinja2 python3-requests python3-responses
         python3-xmltodict python3-cryptography python3-dateutil python3-flask-cors)
installed=$(dpkg-query -W -f='${Status}\n' "${runtime[@]}" 2>/dev/null | grep -c '^install ok installed$' || true)
if [ "$installed" -ne "${#runtime[@]}" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${runtime[@]}" >/dev/null
fi

# /usr/bin/python3 is Debian's interpreter, the one the packages above install into; a python3
# earlier on PATH may be another one.
works() { PYTHONPATH="$site" /usr/bin/python3 -c 'import moto.server, moto.kms.responses, flask_cors' 2>/dev/null; }
if [ -d "$site/moto" ] && works; then
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$here/../download-trixie-package.sh" python3-moto "$work"

# Unpacked beside the target, then swapped in, so a failed run never leaves half a package.
rm -rf "$target.new"
mkdir -p "$(dirname "$target")"
dpkg -x "$work"/python3-moto_*.deb "$target.new"
rm -rf "$target"
mv "$target.new" "$target"
works || { echo "moto was unpacked into $target but does not import with /usr/bin/python3" >&2; exit 1; }
