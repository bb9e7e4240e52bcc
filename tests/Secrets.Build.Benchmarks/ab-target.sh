#!/usr/bin/env bash
# Interleaved A/B of the ProvisionSecrets target: the package packed from this tree ("new") against
# the one packed from another checkout ("base"), each in its own prepared workspace and key folder
# (an older tree may not read a newer store), one fresh build process per run, alternating.
# Prints the median target time (MSBuild performance summary), the task's CPU time and the
# methods JIT-compiled per run. Nothing it prints is a secret value.
#
# Usage: git worktree add /tmp/base <ref>
#        BASE_ROOT=/tmp/base tests/Secrets.Build.Benchmarks/ab-target.sh
# Environment: COUNTS="21" (secrets per workspace), RUNS=9, NEW_ROOT (default: this tree),
# TRUST_HISTORY=N (the key folders also hold the trust records of N other stores and workspaces,
# as a long-lived machine's do; seed-trust-history.py).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NEW_ROOT="${NEW_ROOT:-$(cd "$here/../.." && pwd)}"
: "${BASE_ROOT:?set BASE_ROOT to the checkout to compare with (git worktree add /tmp/base <ref>)}"
counts=(${COUNTS:-21})
runs="${RUNS:-9}"
declare -A root=([new]="$NEW_ROOT" [base]="$BASE_ROOT")
variants=(new base)
work="$(mktemp -d /tmp/secb-ab.XXXXXX)"
trap 'rm -rf "$work"' EXIT
unset SECRETS_KEY SECRETS_PASSPHRASE 2>/dev/null || true
feed="$work/feed"; version="0.0.0-ab.$(date +%Y%m%d%H%M%S)"
# pack_tree, prepare_workspace, provision_build and median.
source "$here/package-workspace.sh"
for v in "${variants[@]}"; do
  pack_tree "${root[$v]}" "$feed" "$version-$v"
done
for n in "${counts[@]}"; do
  declare -A times=() cpus=() jits=()
  for v in "${variants[@]}"; do
    SECRETS_BUILD_KEY_DIR="$work/$v-$n/keys" XDG_CONFIG_HOME="$work/config-$v" \
      prepare_workspace "${root[$v]}" "$work/$v-$n" "$n" "$feed" "$work/packages" "$version-$v"
    if [[ -n "${TRUST_HISTORY:-}" ]]; then
      python3 "$here/seed-trust-history.py" "$work/$v-$n/keys" "$TRUST_HISTORY"
    fi
  done
  for ((i = 0; i < runs; i++)); do
    for v in "${variants[@]}"; do
      read -r ms cpu jit <<< "$(SECRETS_BUILD_KEY_DIR="$work/$v-$n/keys" XDG_CONFIG_HOME="$work/config-$v" provision_build "$work/$v-$n/ws" "$work/$v-$n/ws/app")"
      times[$v]+="$ms "; cpus[$v]+="$cpu "; jits[$v]+="$jit "
    done
  done
  for v in "${variants[@]}"; do
    read -r -a t <<< "${times[$v]}"; read -r -a c <<< "${cpus[$v]}"
    echo "$n secrets, $v: target median $(median "${t[@]}") ms (runs: ${t[*]}); task CPU median $(median "${c[@]}") ms; JIT ${jits[$v]}"
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
