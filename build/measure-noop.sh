#!/usr/bin/env bash
# What does Secrets.Build add to a no-op build? Builds a project once with provisioning and once
# with SecretsEnabled=false, then times N no-op builds of each, interleaved (so machine load hits
# both alike), and prints both medians and their ratio. Target: ratio <= 1.03.
#
# Usage: build/measure-noop.sh [project] [runs]     (defaults: samples/MultimodalStack, 7)
# Extra dotnet build arguments: MEASURE_ARGS="-m:1" build/measure-noop.sh
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="${1:-$repo_root/samples/MultimodalStack}"
runs="${2:-7}"
# No MSBuild node outlives the script; restore is measured elsewhere (it is not what the target costs).
read -r -a extra_args <<< "${MEASURE_ARGS:-}"
build_args=(build "$project" --no-restore -nologo -v:q -nodeReuse:false "${extra_args[@]}")

if (( runs < 7 )); then
  echo "Use at least 7 runs: a median of fewer says little on a shared machine." >&2
  exit 2
fi

build_ms() {
  local start end
  start=$(date +%s%N)
  dotnet "${build_args[@]}" "$@" > /dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "Warming up (restore, first build, provisioning) for $project ..."
dotnet restore "$project" -nologo -v:q > /dev/null
dotnet "${build_args[@]}" > /dev/null
dotnet "${build_args[@]}" -p:SecretsEnabled=false > /dev/null

with=()
without=()
for (( i = 1; i <= runs; i++ )); do
  # Alternate which one goes first so neither always follows the other.
  if (( i % 2 )); then
    with+=("$(build_ms)")
    without+=("$(build_ms -p:SecretsEnabled=false)")
  else
    without+=("$(build_ms -p:SecretsEnabled=false)")
    with+=("$(build_ms)")
  fi
  echo "run $i/$runs: with ${with[-1]} ms, without ${without[-1]} ms"
done

median_with=$(printf '%s\n' "${with[@]}" | median)
median_without=$(printf '%s\n' "${without[@]}" | median)
ratio=$(awk -v a="$median_with" -v b="$median_without" 'BEGIN { printf "%.3f", a / b }')

echo
echo "no-op dotnet build, median of $runs:"
echo "  with Secrets.Build:         $median_with ms"
echo "  SecretsEnabled=false:       $median_without ms"
echo "  ratio:                      $ratio"

# Wall-clock medians on a shared machine carry noise of their own; MSBuild's own accounting shows
# what the package's targets cost inside one no-op build.
echo
echo "Secrets.Build targets in one no-op build (MSBuild performance summary):"
dotnet "${build_args[@]}" -clp:PerformanceSummary -v:m | grep -E '^ +[0-9]+ ms +(_Secrets|ProvisionSecrets)' || true
