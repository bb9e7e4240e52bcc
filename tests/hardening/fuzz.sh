#!/usr/bin/env bash
# Runs every parser fuzz loop (schema, store, metadata, audit trail, .env, key files) for
# SECONDS each (default 600). A failure prints its seed; replay it with SECRETS_FUZZ_SEED=<seed>.
#
# Usage: tests/hardening/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
seconds="${1:-600}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ -n "${2:-}" ]]; then
  export SECRETS_FUZZ_SEED="$2"
fi

SECRETS_FUZZ_SECONDS="$seconds" dotnet test "$root/tests/Secrets.Build.Core.Tests" \
  --filter "Category=Fuzz" \
  --logger "console;verbosity=detailed"
