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

source tests/perf/lib/site.sh

entries="${1:-2000}"
requests="${2:-30}"
email="thu-ky-perf@example.vn"
password="MatKhau-Perf-2025"

perf_site_init cp-results-perf
perf_site_build tests/perf/results/ResultsPerf
perf="tests/perf/results/ResultsPerf/bin/Release/net10.0/ResultsPerf.dll"

echo "Creating the database and an organizer…"
perf_site_cli users add --email "$email" --password "$password" --role Organizer --name "Tổ thư ký đo hiệu năng"
timeout 10m dotnet "$perf" seed --data "$data" --entries "$entries" --judges 30 --per-entry 3

perf_site_start "${RESULTS_PERF_PORT:-5098}"
status=0
timeout 15m dotnet "$perf" run --url "$site_url" --email "$email" --password "$password" --requests "$requests" --goal 300 || status=$?

perf_site_report
exit "$status"
