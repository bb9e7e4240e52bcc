#!/usr/bin/env bash
# Start-up cost of the secrets-build tool on the reference stack's 21 secrets, with hyperfine
# (Debian: apt-get install hyperfine), side by side with 'dotnet user-secrets list' and, when
# npx can run it, dotenvx, on the same 21 values. Packs and installs the tool from this checkout
# into a temp folder; prints hyperfine's table and each command's median.
#
# Usage: build/measure-tool.sh [runs]     (default 30)
# The temp folder holds the 21 values in plaintext (.env.development) and is deleted at the end.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-30}"
work="$(mktemp -d)"
chmod 700 "$work"
trap 'rm -rf "$work"' EXIT
version="0.1.0-measure.$(date +%s)"

dotnet pack "$repo_root/src/Secrets.Build.Tool" -o "$work/feed" -p:PackageVersion="$version" -v:q -nologo > /dev/null
dotnet tool install Secrets.Build.Tool --tool-path "$work/tools" --version "$version" --add-source "$work/feed" > /dev/null
tool="$work/tools/secrets-build"

mkdir -p "$work/ws" "$work/keys" "$work/us"
chmod 700 "$work/keys"
export SECRETS_BUILD_KEY_DIR="$work/keys" NO_COLOR=1
cd "$work/ws"
"$tool" init --template multimodal-stack > /dev/null
# The three external secrets get placeholders, so every tool handles 21 values.
OPENAI_API_KEY=placeholder-openai-0123456789 ANTHROPIC_API_KEY=placeholder-anthropic-0123456789 \
  GOOGLE_API_KEY=placeholder-google-0123456789 "$tool" provision > /dev/null 2>&1

# The same values in user-secrets (its JSON form read from stdin).
cat > "$work/us/us.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><UserSecretsId>secrets-build-measure-$$</UserSecretsId></PropertyGroup>
</Project>
PROJECT
python3 - .env.development <<'PYTHON' | dotnet user-secrets set --project "$work/us/us.csproj" > /dev/null
import json, sys
values = {}
for line in open(sys.argv[1]):
    line = line.strip()
    if line and not line.startswith("#") and "=" in line:
        name, value = line.split("=", 1)
        values[name] = value.strip("'\"")
print(json.dumps(values))
PYTHON
user_secrets_dir="$HOME/.microsoft/usersecrets/secrets-build-measure-$$"
trap 'rm -rf "$work" "$user_secrets_dir"' EXIT

commands=(true "$tool status" "$tool run -- true" "$tool get POSTGRES_PASSWORD" "dotnet user-secrets list --project $work/us/us.csproj")
if command -v dotenvx > /dev/null; then
  commands+=("dotenvx get -f $work/ws/.env.development" "dotenvx run -f $work/ws/.env.development -- true")
else
  echo "dotenvx is not on PATH (npm install -g @dotenvx/dotenvx): measuring without it." >&2
fi

uptime
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/results.json" "${commands[@]}"
python3 - "$work/results.json" <<'PYTHON'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    median = statistics.median(r["times"]) * 1000
    print(f"{median:8.1f} ms median   user {r['user'] * 1000:6.1f} ms   sys {r['system'] * 1000:5.1f} ms   {r['command']}")
PYTHON
uptime
