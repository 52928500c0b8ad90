#!/usr/bin/env bash
# Load test of the community vote: 5,000 distinct accounts cast 500 votes per second for 60 seconds
# against the real site on 127.0.0.1 with the embedded SQLite default.
#
#   tests/perf/votes/run.sh [rate-per-second] [seconds]
#
# Builds the site and the load generator in Release, gives the site a data directory of its own,
# lets the site create and seed its database (`audit verify` runs the migrations and the seed, then
# exits), then LoadGen writes 5,000 confirmed accounts (one precomputed Identity V3 hash of one password;
# VOTE_PERF_ACCOUNTS changes the number) and 500 more for the warm-up,
# 50 accepted entries, opens the vote window (from an hour ago until tomorrow: the seeded dates are real
# 2025 dates, so the phase row is moved by SQL rather than adding a configuration switch the product does
# not need) and sets a daily cap of 10 so that check runs too. The site then starts with
# `dotnet ContestPlatform.Web.dll`; LoadGen signs every account in through the login form, opens the entry
# page of every planned vote for its vote form (the token is bound to the entry), warms the site up with
# 3,000 votes from the warm-up accounts at the same rate (real votes, counted in the exact-count check; their
# latency is not reported: a site in service has its code compiled), fires the measured votes open-loop at a
# fixed rate, prints requests,
# accepted, refused by reason, errors and latency percentiles, and compares the counts in SQLite with
# the votes the server accepted. Exit code 0 only if every goal is met: 0 errors (every planned vote is valid, so any
# refusal counts as an error), every planned vote accepted, stored counts equal to the accepted ones, p99 ≤ 200 ms.
#
# Not part of the normal test run. Bounded: LoadGen caps accounts, rate and duration, talks only to a
# loopback address, and the run is killed after 30 minutes (signing 5,000 accounts in is CPU-bound: a
# PBKDF2 hash per account, a few minutes on two idle cores). Everything lives under a temporary
# directory removed at exit (set KEEP=1 to keep it, e.g. to look at the database).
set -euo pipefail
cd "$(dirname "$0")/../../.."

source tests/perf/lib/site.sh

rate="${1:-500}"
seconds="${2:-60}"

perf_site_init cp-vote-perf
# All the load comes from one address, so the per-address limit (meant for CGNAT, 600/min) is lifted;
# the per-account limit stays as configured. The form-age check would refuse a script that votes the
# instant the form is loaded, which is exactly what a load generator does.
export Votes__PerAddressPerMinute=1000000
export Votes__MinFormAgeSeconds=0
perf_site_build tests/perf/votes/LoadGen
loadgen="tests/perf/votes/LoadGen/bin/Release/net10.0/VoteLoadGen.dll"

echo "Creating and seeding the database…"
perf_site_cli audit verify
timeout 5m dotnet "$loadgen" seed --data "$data" --accounts "${VOTE_PERF_ACCOUNTS:-5000}" --entries 50 --cap 10

perf_site_start "${VOTE_PERF_PORT:-5097}"
status=0
timeout 30m dotnet "$loadgen" run --url "$site_url" --data "$data" \
  --rate "$rate" --seconds "$seconds" --votes-per-account 6 --connections 200 || status=$?

perf_site_report
exit "$status"
