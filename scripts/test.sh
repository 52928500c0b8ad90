#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh Debian machine, builds, and runs every test
# (unit, integration, end-to-end in Debian's Chromium). Prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. System packages: Chromium for Playwright, ffmpeg for the video pipeline, poppler-utils for PDF
#    page counts, previews and certificate checks, zbar-tools to read the certificates' QR codes, fonts
#    with Vietnamese glyphs.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Node packages pinned in tests/package-lock.json (the Azurite blob emulator).
if [ -f tests/package-lock.json ] && [ ! -x tests/node_modules/.bin/azurite-blob ]; then
  npm ci --prefix tests --no-audit --no-fund --loglevel=error
fi

# 3. Build once, then run every test project.
dotnet restore ContestPlatform.sln
dotnet build ContestPlatform.sln -c Release --no-restore -nologo
results=artifacts/test-results
rm -rf "$results"
status=0
dotnet test ContestPlatform.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" || status=$?

# 4. One summary line over all projects.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
echo "Screenshots: artifacts/e2e/"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then status=1; fi
exit "$status"
