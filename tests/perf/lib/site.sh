# Sourced by the perf scripts that load the real site: a Release build running on 127.0.0.1 with a data
# directory of its own under a temporary work directory, removed at exit (KEEP=1 keeps it).
#
#   source tests/perf/lib/site.sh
#   perf_site_init cp-votes-perf        # sets $work, $data and $web_dir; exports the site's settings
#   perf_site_cli users add …           # the site's own command line (migrations and seed run first)
#   perf_site_start 5097                # starts the site, waits for /healthz; sets $server_pid and $site_url
#   perf_site_report                    # the server's memory and CPU time, and any warnings it logged
#
# A script with more to stop at exit defines perf_on_exit before perf_site_init.

perf_site_cleanup() {
  if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if declare -F perf_on_exit >/dev/null; then perf_on_exit || true; fi
  if [ "${KEEP:-0}" = "1" ]; then echo "Kept $work"; else rm -rf "$work"; fi
}

# perf_site_init NAME: the work directory, the build output and the settings every perf run shares.
perf_site_init() {
  work="$(mktemp -d "/tmp/$1.XXXXXX")"
  data="$work/data"
  server_pid=""
  trap perf_site_cleanup EXIT
  mkdir -p "$data"
  web_dir="src/Web/bin/${CONFIGURATION:-Release}/net10.0"
  export Data__Directory="$data"
  export ASPNETCORE_ENVIRONMENT=Production
  export Logging__LogLevel__Default=Warning
  # Nothing to process in these runs (or, for the upload, processing would start transcoding the video
  # being measured): keep the media worker quiet.
  export Media__Worker__Enabled=false
}

# perf_site_build PROJECT…: the site and the given perf projects, errors only.
perf_site_build() {
  echo "Building (${CONFIGURATION:-Release})…"
  local project
  for project in src/Web "$@"; do
    dotnet build "$project" -c "${CONFIGURATION:-Release}" -nologo -v quiet -clp:ErrorsOnly >/dev/null
  done
}

# perf_site_cli ARGS…: the site's command line, on the run's data directory.
perf_site_cli() {
  (cd "$web_dir" && dotnet ContestPlatform.Web.dll "$@" >/dev/null)
}

# perf_site_start PORT: the site in the background, logging to $work/server.log; fails with the log if
# /healthz does not answer within two minutes (a hang guard: a busy machine starts .NET slowly).
perf_site_start() {
  site_url="http://127.0.0.1:$1"
  echo "Starting the site on 127.0.0.1:$1…"
  (cd "$web_dir" && exec dotnet ContestPlatform.Web.dll --urls "$site_url") >"$work/server.log" 2>&1 &
  server_pid=$!
  local _
  for _ in $(seq 1 600); do
    if curl -fsS "$site_url/healthz" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  echo "The site did not start:" >&2
  cat "$work/server.log" >&2
  return 1
}

perf_site_report() {
  echo "  server: $(ps -o rss=,time= -p "$server_pid" | awk '{ printf "%.0f MiB resident, %s CPU time", $1 / 1024, $2 }')"
  if grep -qiE "fail|error|exception" "$work/server.log"; then
    echo "Server log (warnings and errors):"
    grep -iE -A3 "fail|error|exception" "$work/server.log" | head -40
  fi
}
