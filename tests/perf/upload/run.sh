#!/usr/bin/env bash
# Upload a ~500 MB video through the real HTTP endpoint of the real site and watch the server's memory.
#
#   tests/perf/upload/run.sh [seconds-of-video]        (34 s ≈ 520 MB)
#   CONFIGURATION=Debug SKIP_BUILD=1 tests/perf/upload/run.sh   (use what is already built)
#
# Builds the site in Release, makes a real (ffprobe-readable) ~520 MB QuickTime video with ffmpeg (raw
# UYVY frames of testsrc2, 640×480, 25 fps, 34 s), starts `dotnet ContestPlatform.Web.dll` on 127.0.0.1
# with a data directory of its own, creates an entrant with the `users add` command, then runs UploadPerf,
# which uploads the file in the API's chunks and samples /proc/<pid>/status VmRSS every 100 ms.
# Not part of the normal test run. Everything it makes lives under a temporary directory removed at exit.
set -euo pipefail
cd "$(dirname "$0")/../../.."

seconds="${1:-34}"
port="${UPLOAD_PERF_PORT:-5099}"
work="$(mktemp -d /tmp/cp-upload-perf.XXXXXX)"
data="$work/data"
video="$work/video-500mb.mov"
email="perf-$(date +%s)@example.vn"
password="MatKhau123"
server_pid=""

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v ffmpeg >/dev/null || { echo "ffmpeg is needed (apt-get install -y ffmpeg)" >&2; exit 1; }

configuration="${CONFIGURATION:-Release}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building ($configuration)…"
  dotnet build src/Web -c "$configuration" -nologo -v quiet
  dotnet build tests/perf/upload/UploadPerf -c "$configuration" -nologo -v quiet -p:BuildProjectReferences=false
fi
web_dir="src/Web/bin/$configuration/net10.0"
perf_dll="tests/perf/upload/UploadPerf/bin/$configuration/net10.0/UploadPerf.dll"

echo "Making the video…"
ffmpeg -v error -f lavfi -i "testsrc2=size=640x480:rate=25" -t "$seconds" -c:v rawvideo -pix_fmt uyvy422 -y "$video"
ls -l "$video" | awk '{ printf "  %s: %.1f MiB\n", $9, $5 / 1048576 }'

mkdir -p "$data"
export Data__Directory="$data"
export ASPNETCORE_ENVIRONMENT=Production
# Upload only: the media worker would start transcoding the video as soon as it is stored.
export Media__Worker__Enabled=false
export Logging__LogLevel__Default=Warning

echo "Creating the entrant…"
(cd "$web_dir" && dotnet ContestPlatform.Web.dll users add --email "$email" --password "$password" --role Entrant --name "Người Đo Tải")

echo "Starting the site on 127.0.0.1:$port…"
(cd "$web_dir" && exec dotnet ContestPlatform.Web.dll --urls "http://127.0.0.1:$port") >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do  # up to 2 minutes: a hang guard; a busy machine starts .NET slowly
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { echo "The site did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

echo "Uploading…"
dotnet "$perf_dll" --url "http://127.0.0.1:$port" --data "$data" --pid "$server_pid" \
  --email "$email" --password "$password" --file "$video" --kind Video
