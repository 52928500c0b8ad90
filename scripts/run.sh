#!/usr/bin/env bash
# The run command: the site on embedded defaults (SQLite + local blob storage under src/Web/App_Data,
# migrations applied, the real contest seeded). Extra arguments go to the program, so operator commands
# run the same way: scripts/run.sh users add --email … --password … --role Organizer
set -euo pipefail
cd "$(dirname "$0")/.."

# Video processing needs ffmpeg; install it when we can, otherwise the site says that feature is off.
if ! command -v ffmpeg >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ffmpeg for video processing…"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ffmpeg >/dev/null) \
      || echo "ffmpeg could not be installed: video uploads will wait until it is." >&2
  else
    echo "ffmpeg is missing (apt-get install ffmpeg): video uploads will wait until it is." >&2
  fi
fi

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://0.0.0.0:5080}"
exec dotnet run --project src/Web -c Release --no-launch-profile -- "$@"
