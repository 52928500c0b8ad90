#!/usr/bin/env bash
# The ceremony spike: many readers of the published results (/giai-thuong) and the audience screen (/le-trao-giai).
#
#   tests/perf/awards/run.sh [seconds] [connections]
#
# Builds the site in Release with a fresh data directory, seeds published results (AwardsPerf), starts the
# site on 127.0.0.1, saves each page's HTML as served, and serves those copies with nginx as static files on
# another loopback port. Then, in the same run and one after the other, wrk (2 threads, 64 connections, 30 s)
# loads each page from the site (after a 5 s warm-up per page, not counted) and the same HTML from nginx.
# Prints requests per second, p99 latency and errors for both, and the site's share of nginx's throughput. Exit code 0 only if, for every page, the site
# reaches ≥ 50% of nginx's requests per second with p99 ≤ 50 ms and no errors (non-2xx or socket errors).
#
# Not part of the normal test run. Bounded: loopback only, fixed durations, everything under a temporary
# directory removed at exit (KEEP=1 keeps it). wrk and nginx are installed from apt when missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."

source tests/perf/lib/site.sh

seconds="${1:-30}"
connections="${2:-64}"
nginx_port="${AWARDS_PERF_NGINX_PORT:-5096}"
pages=(${AWARDS_PERF_PAGES:-/giai-thuong /le-trao-giai})

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
perf_on_exit() { if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"

perf_site_init cp-awards-perf
chmod 755 "$work" # nginx workers run as www-data
perf_site_build tests/perf/awards/AwardsPerf
perf_site_cli users add --email perf@example.vn --password MatKhau-Perf-2025 --role Organizer
dotnet tests/perf/awards/AwardsPerf/bin/Release/net10.0/AwardsPerf.dll "$data"
perf_site_start "${AWARDS_PERF_PORT:-5097}"

# The static reference: each page's HTML exactly as the site serves it, from nginx.
mkdir -p "$work/static"
{
  echo "worker_processes auto; pid $work/nginx.pid; error_log $work/nginx-error.log;"
  echo "events { worker_connections 4096; }"
  echo "http { access_log off; keepalive_requests 100000; server { listen 127.0.0.1:$nginx_port; root $work/static; default_type text/html;"
  echo "  location / { try_files \$uri.html =404; } } }"
} >"$work/nginx.conf"
for page in "${pages[@]}"; do
  mkdir -p "$work/static$(dirname "$page")"
  curl -fsS "$site_url$page" -o "$work/static$page.html"
done
grep -q "DMST-2025-0001" "$work/static/giai-thuong.html" || { echo "The results page does not list the seeded winners." >&2; exit 1; }
grep -q "DMST-2025-0001" "$work/static/le-trao-giai.html" || { echo "The audience screen does not show the last reveal." >&2; exit 1; }
"$nginx_bin" -c "$work/nginx.conf" -p "$work"
sleep 0.5

# wrk prints "Requests/sec:", a latency distribution with "99%", "Non-2xx" and "Socket errors" lines.
load() { # url label
  local out; out="$(wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1")"
  local rps p99 non2xx sock
  rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
  p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' <<<"$out")"
  sock="$(awk -F'[ ,]+' '/Socket errors/ { print $4 + $6 + $8 + $10 }' <<<"$out")"
  printf '  %-7s %10s req/s   p99 %8s   non-2xx %s   socket errors %s\n' "$2" "$rps" "$p99" "${non2xx:-0}" "${sock:-0}" >&2
  echo "$rps $p99 ${non2xx:-0} ${sock:-0}"
}
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else if (v ~ /s$/) print v * 1000; else print v }'; }

# Warm-up, not counted: a fresh process runs unoptimised code for its first seconds (tiered JIT).
for page in "${pages[@]}"; do wrk -t2 -c"$connections" -d5s "$site_url$page" >/dev/null; done

status=0
echo "wrk: 2 threads, $connections connections, $seconds s per run; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for page in "${pages[@]}"; do
  echo "$page"
  read -r site_rps site_p99 site_bad site_sock < <(load "$site_url$page" site)
  read -r ng_rps _ _ _ < <(load "http://127.0.0.1:$nginx_port$page" nginx)
  share="$(awk -v a="$site_rps" -v b="$ng_rps" 'BEGIN { printf "%.0f", 100 * a / b }')"
  p99_ms="$(to_ms "$site_p99")"
  echo "  site = ${share}% of nginx (goal ≥ 50%), p99 ${p99_ms} ms (goal ≤ 50 ms)"
  if [ "$share" -lt 50 ] || awk -v p="$p99_ms" 'BEGIN { exit !(p > 50) }' || [ "$site_bad" != 0 ] || [ "$site_sock" != 0 ]; then status=1; fi
done
perf_site_report
exit "$status"
