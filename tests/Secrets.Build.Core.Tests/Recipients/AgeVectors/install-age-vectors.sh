#!/usr/bin/env bash
# Installs the C2SP age test vectors (the npm package cctv-age, 0BSD/CC0) as a test input for
# AgeTestVectorTests: npm ci checks the package against the integrity pinned in package-lock.json,
# then each vector is written to its own file in artifacts/test-inputs/age-vectors (git-ignored;
# the vectors are fetched, never committed). Needs node and npm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
target="$root/artifacts/test-inputs/age-vectors"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$here/export-vectors.mjs" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

# Written beside the target, then swapped in, so a failed run never leaves half a suite.
rm -rf "$target.new"
node "$work/export-vectors.mjs" "$target.new"
rm -rf "$target"
mv "$target.new" "$target"
