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

source tests/perf/lib/site.sh

seconds="${1:-34}"
email="perf-$(date +%s)@example.vn"
password="MatKhau123"

command -v ffmpeg >/dev/null || { echo "ffmpeg is needed (apt-get install -y ffmpeg)" >&2; exit 1; }

perf_site_init cp-upload-perf
video="$work/video-500mb.mov"
if [ "${SKIP_BUILD:-0}" != 1 ]; then perf_site_build tests/perf/upload/UploadPerf; fi
perf_dll="tests/perf/upload/UploadPerf/bin/${CONFIGURATION:-Release}/net10.0/UploadPerf.dll"

echo "Making the video…"
ffmpeg -v error -f lavfi -i "testsrc2=size=640x480:rate=25" -t "$seconds" -c:v rawvideo -pix_fmt uyvy422 -y "$video"
ls -l "$video" | awk '{ printf "  %s: %.1f MiB\n", $9, $5 / 1048576 }'

echo "Creating the entrant…"
perf_site_cli users add --email "$email" --password "$password" --role Entrant --name "Người Đo Tải"

perf_site_start "${UPLOAD_PERF_PORT:-5099}"
echo "Uploading…"
dotnet "$perf_dll" --url "$site_url" --data "$data" --pid "$server_pid" \
  --email "$email" --password "$password" --file "$video" --kind Video
