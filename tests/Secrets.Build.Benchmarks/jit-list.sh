#!/usr/bin/env bash
# Lists the methods the runtime JIT-compiles during one ProvisionSecrets build of a 21-secret
# workspace, with the package packed from a tree (this one by default), one name per line, sorted.
# Two trees' lists diffed show which code a change makes every build compile afresh:
#
#   tests/Secrets.Build.Benchmarks/jit-list.sh > /tmp/new.txt
#   ROOT=/tmp/base tests/Secrets.Build.Benchmarks/jit-list.sh > /tmp/base.txt
#   comm -23 /tmp/new.txt /tmp/base.txt
#
# The list covers the whole MSBuild process (its own methods too), which is why a diff is the
# useful view. It names methods only; nothing it prints is a secret value.
# Environment: ROOT (the tree to pack; default: this one), COUNT (secrets; default 21).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${ROOT:-$(cd "$here/../.." && pwd)}"
count="${COUNT:-21}"
work="$(mktemp -d /tmp/secb-jit.XXXXXX)"
trap 'rm -rf "$work"' EXIT
unset SECRETS_KEY SECRETS_PASSPHRASE 2>/dev/null || true
feed="$work/feed"; version="0.0.0-jit.$(date +%Y%m%d%H%M%S)"
source "$here/package-workspace.sh"
pack_tree "$root" "$feed" "$version"
export SECRETS_BUILD_KEY_DIR="$work/x/keys" XDG_CONFIG_HOME="$work/config"
# The first build restores and creates the store; the measured one decrypts and writes the outputs.
prepare_workspace "$root" "$work/x" "$count" "$feed" "$work/packages" "$version"
ws="$work/x/ws"
rm -f "$ws/.env.development"
msbuild="$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk/$(dotnet --version)/MSBuild.dll"
DOTNET_JitStdOutFile="$work/jit.txt" DOTNET_JitDisasmSummary=1 \
  dotnet exec "$msbuild" "$ws/app" -nologo -nodeReuse:false -t:ProvisionSecrets >/dev/null
sed -E 's/^ *[0-9]+: JIT compiled //; s/ \[.*$//' "$work/jit.txt" | sort -u
