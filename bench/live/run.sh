#!/usr/bin/env bash
# Issue 5's live-class figures: the published platform (Release, Production, SQLite on a fresh temporary data folder)
# and a load client of N learners (.NET SignalR client, WebSockets) in one class while the trainer changes slides.
# For N = 1 (the baseline) then 100, 500 and 1000 it prints connect+join time, slide fan-out latency, lost deliveries
# and the server's memory, and each size's fan-out latency as a ratio of the one-learner class in the same run.
# Overrides: BENCH_SIZES="100 500 1000", BENCH_SLIDE_CHANGES=30, BENCH_REGISTER_WORKERS=16, BENCH_CONNECT_WORKERS=32,
#            BENCH_PORT=18090. A quick run: BENCH_SIZES=100 bash bench/live/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

port=${BENCH_PORT:-18090} # below 32768: ephemeral ports can be held by TIME-WAIT sockets after a load run
base="http://127.0.0.1:$port"
out="$PWD/.artifacts/bench/live-web" # not bench/http's folder, so the two can run side by side
client=bench/Literacy.Bench.LiveClasses

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "bench: port $port is already in use" >&2; exit 1
fi

started=$SECONDS
echo "publishing Release to $out and building $client ..."
rm -rf "$out"
dotnet publish src/Literacy.Web/Literacy.Web.csproj -c Release -o "$out" -nologo -v:q -tl:off -clp:ErrorsOnly >/dev/null ||
  { dotnet publish src/Literacy.Web/Literacy.Web.csproj -c Release -o "$out" -nologo -v:q -tl:off -clp:ErrorsOnly; exit 1; }
dotnet build "$client" -c Release -nologo -v:q -tl:off -clp:ErrorsOnly >/dev/null ||
  { dotnet build "$client" -c Release -nologo -v:q -tl:off -clp:ErrorsOnly; exit 1; }
echo "built in $((SECONDS - started)) s"

# A fresh data folder each run: the first start creates the SQLite db and applies the setup recipe.
data="$(mktemp -d "${TMPDIR:-/tmp}/literacy-bench-live.XXXXXX")"
log="$data/server.log"
pid=
cleanup() {
  if [[ -n "$pid" ]]; then kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

# Working directory = publish folder: it is the content root, where Recipes/*.json are. exec: $pid is the server
# itself, whose /proc/$pid/status the client reads for memory. Warning keeps the setup link (a warning) in the log.
(cd "$out" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
  Database__DataFolder="$data" Logging__LogLevel__Default=Warning \
  exec dotnet Literacy.Web.dll) >"$log" 2>&1 &
pid=$!

for ((i = 0; ; i++)); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")" == 200 ]] && break
  if ((i >= 600)) || ! kill -0 "$pid" 2>/dev/null; then
    echo "bench: the app did not answer 200 on /healthz within 60 s; server log:" >&2
    cat "$log" >&2; exit 1
  fi
  sleep 0.1
done

# The one-time link to create the administrator, as an operator reads it from the start-up log.
token=
for ((i = 0; i < 50; i++)); do
  token="$(grep -ao 'setup?token=[0-9a-f]*' "$log" | head -1 | cut -d= -f2 || true)"
  [[ -n "$token" ]] && break
  sleep 0.1
done
[[ -n "$token" ]] || { echo "bench: no setup link in the server log:" >&2; cat "$log" >&2; exit 1; }

status=0
dotnet "$client/bin/Release/net10.0/Literacy.Bench.LiveClasses.dll" "$base" "$pid" "$token" || status=$?
if ((status != 0)); then
  echo "bench: the load client failed ($status); the server's warnings and errors:" >&2
  tail -50 "$log" >&2
fi
echo "bench/live/run.sh took $((SECONDS - started)) s in all"
exit "$status"
