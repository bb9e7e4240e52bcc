# Sourced by compare.sh, ab-target.sh and jit-list.sh: a benchmark workspace whose projects
# reference a Secrets.Build package packed into a local feed, one timed build of it, and a median.
# Nothing here prints a secret value.

# write_nuget_config WORKSPACE FEED PACKAGES: restore from FEED (then nuget.org) into PACKAGES,
# so each run gets its own copy of a package version and never the machine's cached one.
write_nuget_config() {
  cat > "$1/NuGet.config" <<EOC
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$3" /></config>
  <packageSources><clear /><add key="local" value="$2" /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /></packageSources>
</configuration>
EOC
}

# write_project WORKSPACE NAME VERSION: a library referencing Secrets.Build VERSION.
write_project() {
  mkdir -p "$1/$2"
  cat > "$1/$2/$2.csproj" <<EOC
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup><PackageReference Include="Secrets.Build" Version="$3" /></ItemGroup>
</Project>
EOC
  echo "namespace Benchmark; public static class Marker { }" > "$1/$2/Marker.cs"
}

# provision_build WORKSPACE PROJECT: one decrypt-and-write build; prints three numbers: the
# ProvisionSecrets target ms (MSBuild performance summary), then, from the task's SecretsDebug
# line, the CPU ms the build process used while the task ran and the methods it JIT-compiled.
# CPU time is what a loaded machine inflates least; few JIT-compiled methods mean the
# ReadyToRun code was used.
provision_build() {
  local ws="$1" project="$2" out ms task
  rm -f "$ws/.env.development"
  if ! out="$(dotnet build "$project" --no-restore -nologo -nodeReuse:false -clp:PerformanceSummary -p:SecretsDebug=true)"; then
    echo "Building $project failed:" >&2
    tail -20 <<< "$out" >&2
    exit 1
  fi
  ms=$(awk '$2 == "ms" && $3 == "ProvisionSecrets" { print $1; exit }' <<< "$out")
  task=$(sed -n 's/.*provisioning took [0-9.]* ms (\([0-9.]*\) ms of CPU); meanwhile the process JIT-compiled \([0-9]*\) method.*/\1 \2/p' <<< "$out" | head -1)
  if [[ -z "$ms" || -z "$task" || ! -f "$ws/.env.development" ]]; then
    echo "ProvisionSecrets did not run in the build of $project." >&2
    exit 1
  fi
  echo "$ms $task"
}

# pack_tree ROOT FEED VERSION: builds ROOT's benchmark harness (Release) and packs ROOT's
# Secrets.Build as VERSION into FEED.
pack_tree() {
  dotnet build -c Release "$1/tests/Secrets.Build.Benchmarks/Secrets.Build.Benchmarks.csproj" -nologo -v quiet >/dev/null
  dotnet pack "$1/src/Secrets.Build" -c Release -o "$2" -p:PackageVersion="$3" -nologo -v:q >/dev/null
}

# prepare_workspace ROOT DIR COUNT FEED PACKAGES VERSION: ROOT's harness makes a COUNT-secret
# workspace in DIR/ws (key folder DIR/keys), whose project "app" references VERSION from FEED;
# a first build (keys from SECRETS_BUILD_KEY_DIR / XDG_CONFIG_HOME as the caller sets them)
# restores and creates the store, so the builds measured after it decrypt and write.
prepare_workspace() {
  dotnet "$1/tests/Secrets.Build.Benchmarks/bin/Release/net10.0/Secrets.Build.Benchmarks.dll" harness prepare --count "$3" --dir "$2" >/dev/null
  write_nuget_config "$2/ws" "$4" "$5"
  write_project "$2/ws" app "$6"
  dotnet build "$2/ws/app" -nologo -v:q -nodeReuse:false >/dev/null
}

# median NUMBER...: the median (the mean of the middle two for an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
