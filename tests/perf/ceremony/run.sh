#!/usr/bin/env bash
# Fan-out test of the ceremony: 200 audience screens on the event stream, and each reveal the presenter makes
# through the console form must reach every one of them within one second.
#
#   tests/perf/ceremony/run.sh [screens] [reveals]
#
# Builds the site and the test program in Release, gives the site a data directory of its own, lets the site
# create and seed its database (`audit verify` runs the migrations and the seed, then exits), adds an organizer
# with the site's own `users add` command, then `CeremonyPerf seed` writes twelve accepted entries with authors
# and photos and a scored final round, and builds, sends and approves the award proposal through the app's
# AwardService (11 awards with the seeded tiers). The site then starts with `dotnet ContestPlatform.Web.dll` on
# 127.0.0.1; `CeremonyPerf run` first rehearses one reveal and its undo through the console (timed and printed
# but not counted: the first reveal after start pays for JIT and EF Core query compilation), then opens the screens (one HTTP connection each, reading the stream as EventSource
# does), signs the presenter in through the login form, and for each reveal reads the console page, posts its
# “Công bố giải tiếp theo” form and times, per screen, from the POST until that screen has an event with the
# award in it. It prints p50/p99/max and the screens that missed a reveal; exit code 0 only if every delivery
# took under 1 s and none was missed.
#
# Not part of the normal test run. Bounded: at most 1,000 screens and 20 reveals, 5 s of waiting per reveal, a
# 5-minute cap on the run, loopback only. Everything lives under a temporary directory removed at exit (KEEP=1
# keeps it, e.g. to open the site on the data afterwards).
set -euo pipefail
cd "$(dirname "$0")/../../.."

screens="${1:-200}"
reveals="${2:-10}"
port="${CEREMONY_PERF_PORT:-5098}"
work="$(mktemp -d /tmp/cp-ceremony-perf.XXXXXX)"
data="$work/data"
server_pid=""
email="to-chuc@perf.example.vn"
password="LeTraoGiai2025"

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = "1" ]; then echo "Kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "Building (Release)…"
dotnet build src/Web -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
dotnet build tests/perf/ceremony/CeremonyPerf -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
web_dir="src/Web/bin/Release/net10.0"
perf="tests/perf/ceremony/CeremonyPerf/bin/Release/net10.0/CeremonyPerf.dll"

mkdir -p "$data"
export Data__Directory="$data"
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
# Nothing to process in this test; keep the media worker quiet.
export Media__Worker__Enabled=false

echo "Creating and seeding the database…"
(cd "$web_dir" && dotnet ContestPlatform.Web.dll audit verify >/dev/null)
(cd "$web_dir" && dotnet ContestPlatform.Web.dll users add --email "$email" --password "$password" --role Organizer --name "Tổ thư ký" >/dev/null)
timeout 2m dotnet "$perf" seed --data "$data" --photos

echo "Starting the site on 127.0.0.1:$port…"
(cd "$web_dir" && exec dotnet ContestPlatform.Web.dll --urls "http://127.0.0.1:$port") >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { echo "The site did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
timeout 5m dotnet "$perf" run --url "http://127.0.0.1:$port" --email "$email" --password "$password" \
  --screens "$screens" --reveals "$reveals" --interval-ms 1500 || status=$?

echo "  server: $(ps -o rss=,time= -p "$server_pid" | awk '{ printf "%.0f MiB resident, %s CPU time", $1 / 1024, $2 }')"
echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -qiE "fail|error|exception" "$work/server.log"; then
  echo "Server log (warnings and errors):"
  grep -iE -A3 "fail|error|exception" "$work/server.log" | head -40
fi
exit "$status"
