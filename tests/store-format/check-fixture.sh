#!/usr/bin/env bash
# Reads the committed fixture store with the independent reader (read_store.py, written from
# src/Secrets.Build.Core/Store/README.md alone), by its key file and by its passphrase; then
# changes one byte of a copy and requires the reader to report the store MAC failure.
# Needs Debian's /usr/bin/python3 with python3-cryptography and python3-argon2 (.ci/run installs them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fixture="$here/fixture"
read_store() { /usr/bin/python3 "$here/read_store.py" "$@"; }

read_store "$fixture/.env.fixture.json" "$fixture/.env.fixture.metadata" \
  --key "$fixture/fixture.key" --expect "$fixture/expected-values.json"
read_store "$fixture/.env.fixture.json" "$fixture/.env.fixture.metadata" \
  --passphrase-file "$fixture/fixture.passphrase" --expect "$fixture/expected-values.json"

copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
cp "$fixture/.env.fixture.json" "$fixture/.env.fixture.metadata" "$copy/"
# One byte: the first "createdAt" year's last digit, 2026 -> 2025. Only the MAC covers it.
sed -i '0,/"createdAt": "2026/s//"createdAt": "2025/' "$copy/.env.fixture.metadata"
cmp -s "$fixture/.env.fixture.metadata" "$copy/.env.fixture.metadata" && { echo "check-fixture: the byte was not changed" >&2; exit 1; }
set +e
output="$(read_store "$copy/.env.fixture.json" "$copy/.env.fixture.metadata" --key "$fixture/fixture.key" 2>&1)"
status=$?
set -e
echo "$output"
if [[ $status -ne 1 || "$output" != *"the store MAC does not verify"* ]]; then
  echo "check-fixture: a changed metadata byte was not reported as a store MAC failure (exit $status)" >&2
  exit 1
fi
echo "check-fixture: OK (fixture read by key and by passphrase; a changed byte fails the MAC)"
