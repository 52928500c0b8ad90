#!/usr/bin/env bash
# Server time of the organizer's results page for a round of 2,000 scored entries.
#
#   tests/perf/results/run.sh [entries] [requests]
#
# Builds the site and ResultsPerf in Release, gives the site a fresh data directory, creates an organizer
# with the site's own command line (`users add`, which also runs the migrations and the seed), lets
# ResultsPerf write 2,000 accepted entries × 3 judges × 3 criteria of submitted sheets plus votes straight
# into SQLite, starts the site with `dotnet ContestPlatform.Web.dll` on 127.0.0.1, signs the organizer in
# through the login form, requests /quan-tri/cham-diem/ket-qua 3 times to warm up and then 30 times, and
# prints the server time of each request (the page's `Server-Timing: app;dur=` header) with median and p95.
# Exit code 0 only if p95 ≤ 300 ms.
#
# Not part of the normal test run. Bounded: ResultsPerf caps entries and requests and talks only to a
# loopback address; the whole run is killed after 15 minutes. Everything lives under a temporary directory
# removed at exit (set KEEP=1 to keep it).
set -euo pipefail
cd "$(dirname "$0")/../../.."

entries="${1:-2000}"
requests="${2:-30}"
port="${RESULTS_PERF_PORT:-5098}"
work="$(mktemp -d /tmp/cp-results-perf.XXXXXX)"
data="$work/data"
server_pid=""
email="thu-ky-perf@example.vn"
password="MatKhau-Perf-2025"

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
dotnet build tests/perf/results/ResultsPerf -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
web_dir="src/Web/bin/Release/net10.0"
perf="tests/perf/results/ResultsPerf/bin/Release/net10.0/ResultsPerf.dll"

mkdir -p "$data"
export Data__Directory="$data"
export ASPNETCORE_ENVIRONMENT=Production
export Logging__LogLevel__Default=Warning
export Media__Worker__Enabled=false

echo "Creating the database and an organizer…"
(cd "$web_dir" && dotnet ContestPlatform.Web.dll users add --email "$email" --password "$password" --role Organizer --name "Tổ thư ký đo hiệu năng" >/dev/null)
timeout 10m dotnet "$perf" seed --data "$data" --entries "$entries" --judges 30 --per-entry 3

echo "Starting the site on 127.0.0.1:$port…"
(cd "$web_dir" && exec dotnet ContestPlatform.Web.dll --urls "http://127.0.0.1:$port") >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { echo "The site did not start:" >&2; cat "$work/server.log" >&2; exit 1; }

status=0
timeout 15m dotnet "$perf" run --url "http://127.0.0.1:$port" --email "$email" --password "$password" --requests "$requests" --goal 300 || status=$?

echo "  server: $(ps -o rss=,time= -p "$server_pid" | awk '{ printf "%.0f MiB resident, %s CPU time", $1 / 1024, $2 }')"
if grep -qiE "fail|error|exception" "$work/server.log"; then
  echo "Server log (warnings and errors):"
  grep -iE -A3 "fail|error|exception" "$work/server.log" | head -40
fi
exit "$status"
