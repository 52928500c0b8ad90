#!/usr/bin/env bash
# The run command: the site on embedded defaults (SQLite + local blob storage under src/Web/App_Data,
# migrations applied, the real contest seeded). Extra arguments go to the program, so operator commands
# run the same way: scripts/run.sh users add --email … --password … --role Organizer
set -euo pipefail
cd "$(dirname "$0")/.."

# Video processing needs ffmpeg, PDF previews need poppler-utils; install them when we can, otherwise the
# site says which feature is off (in the log and on /healthz).
missing=()
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} for media processing…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
      || echo "Could not install ${missing[*]}: video processing / PDF previews stay off until they are." >&2
  else
    echo "Missing ${missing[*]} (apt-get install ${missing[*]}): video processing / PDF previews stay off until installed." >&2
  fi
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://0.0.0.0:5080}"
exec dotnet run --project src/Web -c Release --no-launch-profile -- "$@"
