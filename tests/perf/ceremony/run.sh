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

source tests/perf/lib/site.sh

screens="${1:-200}"
reveals="${2:-10}"
email="to-chuc@perf.example.vn"
password="LeTraoGiai2025"

perf_site_init cp-ceremony-perf
perf_site_build tests/perf/ceremony/CeremonyPerf
perf="tests/perf/ceremony/CeremonyPerf/bin/Release/net10.0/CeremonyPerf.dll"

echo "Creating and seeding the database…"
perf_site_cli audit verify
perf_site_cli users add --email "$email" --password "$password" --role Organizer --name "Tổ thư ký"
timeout 2m dotnet "$perf" seed --data "$data" --photos

perf_site_start "${CEREMONY_PERF_PORT:-5098}"
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
timeout 5m dotnet "$perf" run --url "$site_url" --email "$email" --password "$password" \
  --screens "$screens" --reveals "$reveals" --interval-ms 1500 || status=$?

perf_site_report
echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
