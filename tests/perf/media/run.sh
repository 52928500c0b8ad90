#!/usr/bin/env bash
# Photo pipeline benchmark (not part of the test run): generates N 24-megapixel JPEGs, then in one run
# measures our PhotoProcessor, ImageMagick's convert and vipsthumbnail doing the same work per image
# (upright, stripped, ≤1600 px WebP + JPEG, ≤400 px WebP + JPEG) and prints medians, the speed ratio to
# convert and our peak memory.   Usage: tests/perf/media/run.sh [N]   (default 12)
set -euo pipefail
cd "$(dirname "$0")/../../.."
count="${1:-12}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# /usr/bin/convert is ImageMagick; another "convert" may stand earlier on PATH, so it is always called by path.
missing=()
[ -x /usr/bin/convert ] && /usr/bin/convert -version 2>/dev/null | grep -q ImageMagick || missing+=(imagemagick)
command -v vipsthumbnail >/dev/null || missing+=(libvips-tools)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

project=tests/perf/media/Media.Benchmarks
dotnet build "$project" -c Release -nologo -v quiet
runner=("$project/bin/Release/net10.0/Media.Benchmarks")

images="${TMPDIR:-/tmp}/cp-media-bench-images-$count"
if [ ! -f "$images/.complete" ]; then
  rm -rf "$images"
  echo "Generating $count JPEGs of 6000×4000 in $images …"
  "${runner[@]}" generate "$images" "$count"
  touch "$images/.complete"
fi

"${runner[@]}" measure "$images"
