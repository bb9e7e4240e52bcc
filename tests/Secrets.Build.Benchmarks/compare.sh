#!/usr/bin/env bash
# Secrets.Build next to the tools users would pick instead, in one run on one machine.
#
# Prepares the same 21 (the reference stack's schema), 1,000 and 10,000 values once, then times
# decrypting them: Secrets.Build Core (in-process, warm and as a cold process), `dotenvx decrypt`
# and `age -d`. Prints a markdown table with ratios; nothing it prints is a secret value.
#
# Usage: tests/Secrets.Build.Benchmarks/compare.sh [--no-build] [--msbuild-only]
#   --msbuild-only         only the ProvisionSecrets target times (skips Core, dotenvx, age, no-op)
# Environment:
#   RUNS=7                 timed runs per cell for the fast tools (median reported; at least 5)
#   DOTENVX_RUNS=3         timed runs per cell for dotenvx (about 20 s each at 1,000 values)
#   DOTENVX_COUNTS="21 1000"  counts dotenvx is run on; add 10000 for the full set (encrypting
#                          and decrypting 10,000 values takes several minutes per run)
#   IL_BASELINE=0          skip packing and timing the package without ReadyToRun code
#   KEEP_WORK=1            keep the temporary folder (values, keys) for inspection
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# write_nuget_config, write_project, provision_build and median.
source "$here/package-workspace.sh"
root="$(cd "$here/../.." && pwd)"
project="$here/Secrets.Build.Benchmarks.csproj"
dll="$here/bin/Release/net10.0/Secrets.Build.Benchmarks.dll"
counts=(21 1000 10000)
runs="${RUNS:-7}"
dotenvx_runs="${DOTENVX_RUNS:-3}"
read -r -a dotenvx_counts <<< "${DOTENVX_COUNTS:-21 1000}"
il_baseline="${IL_BASELINE:-1}"
no_build=0
msbuild_only=0
for arg in "$@"; do
  case "$arg" in
    --no-build) no_build=1 ;;
    --msbuild-only) msbuild_only=1 ;;
    *) echo "Unknown option $arg (use --no-build, --msbuild-only)." >&2; exit 2 ;;
  esac
done

if (( runs < 5 )); then
  echo "RUNS must be at least 5 (medians of fewer runs say little)." >&2
  exit 2
fi

if [[ "$no_build" != 1 ]]; then
  dotnet build -c Release "$project" -nologo -v quiet >/dev/null
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/secb-compare.XXXXXX")"
cleanup() { [[ "${KEEP_WORK:-}" == 1 ]] || rm -rf "$work"; }
trap cleanup EXIT
# Nothing from the caller's shell may pick the key or the values.
unset SECRETS_KEY SECRETS_PASSPHRASE DOTENV_PRIVATE_KEY 2>/dev/null || true

# Milliseconds (one decimal) a command takes, its output discarded.
time_ms() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v ns="$((end - start))" 'BEGIN { printf "%.1f", ns / 1e6 }'
}

# time_median RUNS command... : the median of RUNS timed runs.
time_median() {
  local n="$1" times=() i
  shift
  for ((i = 0; i < n; i++)); do times+=("$(time_ms "$@")"); done
  median "${times[@]}"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "-"; else printf "%.1fx", a / b }'; }

declare -A env_file core_warm core_cpu core_cold dotenvx age_ms

echo "Preparing ${counts[*]} values in $work ..." >&2
for n in "${counts[@]}"; do
  dir="$work/core-$n"
  env_file[$n]="$(dotnet "$dll" harness prepare --count "$n" --dir "$dir" | awk '$1 == "env_file" { print $2 }')"
  values=$(grep -c '^[A-Z_][A-Z0-9_]*=' "${env_file[$n]}")
  if (( values != n )); then
    echo "Expected $n values in ${env_file[$n]}, found $values." >&2
    exit 1
  fi
done

# Core and the other tools; --msbuild-only skips to the build measurements below.
if [[ "$msbuild_only" != 1 ]]; then
  echo "Timing Secrets.Build Core ..." >&2
  for n in "${counts[@]}"; do
    # In-process: one cold run (JIT, libsodium load) then RUNS warm ones, as in a reused MSBuild node.
    out="$(dotnet "$dll" harness open --dir "$work/core-$n" --runs "$((runs + 1))")"
    core_warm[$n]=$(awk '$1 == "warm_median_ms" { print $2 }' <<< "$out")
    core_cpu[$n]=$(awk '$1 == "warm_median_cpu_ms" { print $2 }' <<< "$out")
    # A fresh process per run: runtime start, JIT and one decrypt-and-write, like a CLI tool.
    core_cold[$n]=$(time_median "$runs" dotnet "$dll" harness open --dir "$work/core-$n" --runs 1)
  done

  if command -v npm >/dev/null 2>&1; then
    echo "Installing @dotenvx/dotenvx into $work/npm ..." >&2
    npm install --silent --no-audit --no-fund --prefix "$work/npm" @dotenvx/dotenvx >/dev/null
    dotenvx_bin="$work/npm/node_modules/.bin/dotenvx"
    dotenvx_version="$("$dotenvx_bin" --version)"
    for n in "${dotenvx_counts[@]}"; do
      echo "Timing dotenvx decrypt on $n values ..." >&2
      dir="$work/dotenvx-$n"
      mkdir -p "$dir"
      cp "${env_file[$n]}" "$dir/.env"
      (cd "$dir" && "$dotenvx_bin" encrypt -f .env >/dev/null 2>&1)
      decrypted=$(cd "$dir" && "$dotenvx_bin" decrypt -f .env --stdout | grep -c '^[A-Z_][A-Z0-9_]*=' || true)
      if (( decrypted < n )); then
        echo "dotenvx decrypted $decrypted of $n values; not timing it." >&2
        continue
      fi
      dotenvx[$n]=$(cd "$dir" && time_median "$dotenvx_runs" "$dotenvx_bin" decrypt -f .env --stdout)
    done
  else
    echo "npm is not installed: skipping dotenvx." >&2
  fi

  if command -v age >/dev/null 2>&1 && command -v age-keygen >/dev/null 2>&1; then
    echo "Timing age -d ..." >&2
    age-keygen -o "$work/age.key" 2>/dev/null
    recipient="$(age-keygen -y "$work/age.key")"
    age_version="$(age --version)"
    for n in "${counts[@]}"; do
      age -r "$recipient" -o "$work/values-$n.age" "${env_file[$n]}"
      if ! age -d -i "$work/age.key" "$work/values-$n.age" | cmp -s - "${env_file[$n]}"; then
        echo "age did not round-trip the $n values." >&2
        exit 1
      fi
      age_ms[$n]=$(time_median "$runs" age -d -i "$work/age.key" -o /dev/null "$work/values-$n.age")
    done
  else
    echo "age is not installed (apt-get install age): skipping it." >&2
  fi

  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "Medians of $runs runs (dotenvx: $dotenvx_runs); milliseconds of wall-clock time unless said otherwise."
  echo
  echo "| Values | Core warm (in-process) | Core warm CPU | Core cold process | dotenvx decrypt | age -d (one file) | dotenvx / Core cold | dotenvx / Core warm | Core warm / age |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for n in "${counts[@]}"; do
    d="${dotenvx[$n]:-}"
    a="${age_ms[$n]:-}"
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
      "$n" "${core_warm[$n]}" "${core_cpu[$n]}" "${core_cold[$n]}" "${d:-not run}" "${a:-not run}" \
      "$(ratio "$d" "${core_cold[$n]}")" "$(ratio "$d" "${core_warm[$n]}")" "$(ratio "${core_warm[$n]}" "$a")"
  done
  echo
  echo "Tools: dotnet $(dotnet --version), dotenvx ${dotenvx_version:-not run}, ${age_version:+age $age_version}"
fi

if [[ -f "$root/build/measure-noop.sh" && "$msbuild_only" != 1 ]]; then
  echo
  echo "No-op build, package vs SecretsEnabled=false (build/measure-noop.sh):"
  bash "$root/build/measure-noop.sh"
fi

# ---- MSBuild's own view: the ProvisionSecrets target in a real build of a project that references
# the package packed from this tree, as users get it (task in the build process). Each workspace
# prepared above gets a project; every timed build is a decrypt-and-write build: the store exists,
# the .env output is deleted first so the target's stamp is dropped and the task really runs, in a
# fresh build process (-nodeReuse:false), i.e. with the whole cold start of the task.
feed="$work/feed"
version="0.0.0-compare.$(date +%Y%m%d%H%M%S)"
variants=(r2r)
declare -A variant_version=([r2r]="$version")
echo "Packing Secrets.Build $version into $feed ..." >&2
dotnet pack "$root/src/Secrets.Build" -c Release -o "$feed" -p:PackageVersion="$version" -nologo -v:q >/dev/null
if [[ "$il_baseline" == 1 ]]; then
  # The same package without ReadyToRun code: what the task's cold start costs when it is all JIT.
  dotnet pack "$root/src/Secrets.Build" -c Release -o "$feed" -p:PackageVersion="$version-il" -p:_SecretsPackReadyToRun=false -nologo -v:q >/dev/null
  variants+=(il)
  variant_version[il]="$version-il"
fi

declare -A target_ms target_runs task_cpu jit_methods
for n in "${counts[@]}"; do
  ws="$work/core-$n/ws"
  export SECRETS_BUILD_KEY_DIR="$work/core-$n/keys" XDG_CONFIG_HOME="$work/config"
  write_nuget_config "$ws" "$feed" "$work/packages"
  for variant in "${variants[@]}"; do
    write_project "$ws" "app-$variant" "${variant_version[$variant]}"
    # Restore, compile and a first provisioning, none of them timed.
    dotnet build "$ws/app-$variant" -nologo -v:q -nodeReuse:false >/dev/null
  done

  echo "Timing ProvisionSecrets at $n secrets (${variants[*]}, interleaved) ..." >&2
  declare -A times=() cpus=() jits=()
  for ((i = 0; i < runs; i++)); do
    for variant in "${variants[@]}"; do
      read -r ms cpu jit <<< "$(provision_build "$ws" "$ws/app-$variant")"
      [[ -n "$jit" ]] || exit 1
      times[$variant]+="$ms "
      cpus[$variant]+="$cpu "
      jits[$variant]+="$jit "
    done
  done
  for variant in "${variants[@]}"; do
    read -r -a list <<< "${times[$variant]}"
    target_runs[$n,$variant]="${list[*]}"
    target_ms[$n,$variant]=$(median "${list[@]}")
    read -r -a list <<< "${cpus[$variant]}"
    task_cpu[$n,$variant]=$(median "${list[@]}")
    read -r -a list <<< "${jits[$variant]}"
    jit_methods[$n,$variant]=$(median "${list[@]}")
  done
  unset SECRETS_BUILD_KEY_DIR XDG_CONFIG_HOME
done

echo
echo "ProvisionSecrets target time (MSBuild performance summary) in decrypt-and-write builds of a project"
echo "referencing the package packed from this tree; medians of $runs fresh build processes each, interleaved."
echo "Target: wall ms. Task CPU: CPU ms of the build process while the task ran. JIT: methods JIT-compiled meanwhile."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
header="| Secrets | target, ReadyToRun (ms) | task CPU, ReadyToRun (ms) | methods JIT-compiled, ReadyToRun |"
rule="|---:|---:|---:|---:|"
if [[ "$il_baseline" == 1 ]]; then
  header+=" target, IL only (ms) | task CPU, IL only (ms) | methods JIT-compiled, IL only | target IL / ReadyToRun |"
  rule+="---:|---:|---:|---:|"
fi
echo "$header"
echo "$rule"
for n in "${counts[@]}"; do
  row="| $n | ${target_ms[$n,r2r]} | ${task_cpu[$n,r2r]} | ${jit_methods[$n,r2r]} |"
  if [[ "$il_baseline" == 1 ]]; then
    row+=" ${target_ms[$n,il]} | ${task_cpu[$n,il]} | ${jit_methods[$n,il]} | $(ratio "${target_ms[$n,il]}" "${target_ms[$n,r2r]}") |"
  fi
  echo "$row"
done
echo
echo "Scaling (ReadyToRun package), 1,000 -> 10,000 secrets: target $(ratio "${target_ms[10000,r2r]:-}" "${target_ms[1000,r2r]:-}"), task CPU $(ratio "${task_cpu[10000,r2r]:-}" "${task_cpu[1000,r2r]:-}")"
for n in "${counts[@]}"; do
  for variant in "${variants[@]}"; do
    echo "runs, $n secrets, $variant: ${target_runs[$n,$variant]}"
  done
done
