#!/usr/bin/env bash
# Kills provisioning and rotating (RotateSecrets) processes with SIGKILL at random moments, RUNS
# times (default 100), and checks after each kill that the workspace opens with exactly the old or
# exactly the new values (previous values included) and that the audit trail verifies. The loop
# itself is the Crash test in tests/Secrets.Build.Core.Tests/Hardening/CrashConsistencyTests.cs
# (20 runs in a normal `dotnet test`); this script runs it longer.
#
# Usage: tests/hardening/crash-consistency.sh [RUNS]
set -euo pipefail
runs="${1:-100}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

SECRETS_CRASH_RUNS="$runs" dotnet test "$root/tests/Secrets.Build.Core.Tests" \
  --filter "Category=Crash" \
  --logger "console;verbosity=detailed"
