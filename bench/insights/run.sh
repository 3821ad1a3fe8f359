#!/usr/bin/env bash
# Issue 9's figures, on SQLite and then on PostgreSQL: with a synthetic population (100,000 learners, over 1,000,000
# lessons done) written into the insights facts by the insights-demo recipe step, then a restart of the site:
#   - the time the site takes to read the facts into memory at start (in the background; from its log),
# and the time an administrator waits for
#   - the first Insights page after the restart, and the Insights home page (/admin/insights),
#   - a filtered view (region + group + age band), each time a combination not asked for before, and the same view again,
#   - the monthly report to be written (POST /admin/insights/reports: the job's work, from reading the facts to the stored snapshot),
# each beside /healthz measured in the same run (the baseline: one trivial request with a database check).
# Uses bench/lib/site.sh: publish once, start on a fresh data folder (and a fresh PostgreSQL database), admin via /setup.
# Overrides: BENCH_LEARNERS=100000, BENCH_RUNS=5 (timed requests per figure, median printed), BENCH_PORT=18083,
#            BENCH_PROVIDERS="sqlite postgres".
set -euo pipefail
cd "$(dirname "$0")/../.."

learners=${BENCH_LEARNERS:-100000}
runs=${BENCH_RUNS:-5}
port=${BENCH_PORT:-18083} # below 32768: see scripts/services.sh
read -ra providers <<<"${BENCH_PROVIDERS:-sqlite postgres}"
out="$PWD/.artifacts/bench/web"

# shellcheck source=bench/lib/site.sh
source bench/lib/site.sh

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
ms() { awk '{printf "%.0f", $1 * 1000}'; }
# Seconds for one GET with the administrator's cookies; fails unless it answers 200.
timed_get() {
  local code time
  read -r code time <<<"$(curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}' "$base$1")"
  [[ "$code" == 200 ]] || { echo "bench: $1 answered $code; server log:" >&2; tail -50 "$log" >&2; exit 1; }
  echo "$time"
}
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

admin() {
  jar="$data/admin.jar"
  local setup token
  setup="$(grep -o 'setup?token=[0-9a-f]*' "$log" | head -1)"
  token="$(curl -s -c "$jar" -b "$jar" "$base/$setup" | token_of)"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "DisplayName=Bench" \
    --data-urlencode "Email=admin@bench.local" --data-urlencode "Password=a long bench password" "$base/$setup"
}

write_report() {
  local token code time
  token="$(curl -s -c "$jar" -b "$jar" "$base/admin/insights/reports" | token_of)"
  read -r code time <<<"$(curl -s -o /dev/null -c "$jar" -b "$jar" -w '%{http_code} %{time_total}' --data-urlencode "__RequestVerificationToken=$token" "$base/admin/insights/reports")"
  [[ "$code" == 302 ]] || { echo "bench: writing the report answered $code; server log:" >&2; tail -50 "$log" >&2; exit 1; }
  echo "$time"
}

echo "publishing Release to $out ..." >&2
rm -rf "$out"
dotnet publish src/Literacy.Web/Literacy.Web.csproj -c Release -o "$out" -nologo -v:q -tl:off -clp:ErrorsOnly >/dev/null ||
  { dotnet publish src/Literacy.Web/Literacy.Web.csproj -c Release -o "$out" -nologo -v:q -tl:off -clp:ErrorsOnly; exit 1; }
export BENCH_PUBLISHED=1
# The bench's administrator signs in with a password only: two-step sign-in is not what is measured here.
export Security__RequireAdminTwoFactor=false
printf '{ "name": "insights-bench", "steps": [ { "step": "insights-demo", "learners": %d, "seed": 9 } ] }\n' "$learners" >"$out/Recipes/insights-bench.json"

regions=(11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 61 62 63 64 65)
results=()
for provider in "${providers[@]}"; do
  pg_db=
  if [[ "$provider" == postgres ]]; then
    bash scripts/services.sh start >/dev/null
    # shellcheck source=/dev/null
    source .artifacts/services.env
    pg_db="literacy_bench_$$"
    export Database__Provider=PostgreSql ConnectionStrings__Literacy="$TEST_POSTGRES;Database=$pg_db"
  else
    export Database__Provider=Sqlite ConnectionStrings__Literacy=
  fi

  bench_start "$port"
  admin
  echo "[$provider] writing $learners synthetic learners into the insights facts ..." >&2
  started=$(date +%s.%N)
  (cd "$out" && Database__DataFolder="$data" Logging__LogLevel__Default=Warning dotnet Literacy.Web.dll recipe Recipes/insights-bench.json) | tail -1 >&2
  fill=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')

  # A restart, as after a deployment: the site reads the facts into memory once it has started, and the first page
  # should not wait for that. The read's own time is in the log.
  bench_restart
  for ((i = 0; i < 600; i++)); do
    grep -q "Read the insights facts ($learners learners" "$log" && break
    sleep 0.1
  done
  read_ms="$(grep -o "Read the insights facts ($learners learners[^)]*) in [0-9]* ms" "$log" | tail -1 | grep -o '[0-9]* ms' | grep -o '[0-9]*')"
  [[ -n "$read_ms" ]] || { echo "bench: the facts were not read within 60 s of the restart; server log:" >&2; tail -50 "$log" >&2; exit 1; }
  cold=$(timed_get /admin/insights | ms)
  home=(); filtered=(); again=(); health=(); report=()
  for ((i = 0; i < runs; i++)); do
    home+=("$(timed_get /admin/insights | ms)")
    query="/admin/insights?region=${regions[i % ${#regions[@]}]}&group=farmer&ageBand=60-69"
    filtered+=("$(timed_get "$query" | ms)")
    again+=("$(timed_get "$query" | ms)")
    health+=("$(timed_get /healthz | ms)")
  done
  for ((i = 0; i < 3; i++)); do report+=("$(write_report | ms)"); done

  h=$(printf '%s\n' "${home[@]}" | median); f=$(printf '%s\n' "${filtered[@]}" | median)
  a=$(printf '%s\n' "${again[@]}" | median); b=$(printf '%s\n' "${health[@]}" | median); r=$(printf '%s\n' "${report[@]}" | median)
  ratio() { awk -v x="$1" -v y="$b" 'BEGIN {printf "%.0f", x / (y > 0 ? y : 1)}'; }
  results+=("| $provider | $fill s | $read_ms | $cold | $h ($(ratio "$h")×) | $f ($(ratio "$f")×) | $a ($(ratio "$a")×) | $r ($(ratio "$r")×) | $b |")
  bench_stop
  trap - EXIT
  if [[ -n "$pg_db" ]]; then
    dropdb -h 127.0.0.1 -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$TEST_POSTGRES")" -U postgres --if-exists --force "$pg_db"
  fi
done

echo
echo "Insights with $learners synthetic learners; median of $runs requests in ms, (×) = ratio to /healthz in the same run"
echo
echo "| database | demo data written in | facts read at start (background) | first page after the restart | home page | new filtered view | same filtered view again | monthly report | /healthz |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${results[@]}"
echo
for row in "${results[@]}"; do
  awk -F'|' '{gsub(/ /, "", $2); split($6, h, " "); split($7, f, " "); printf "%s: home %s ms, new filtered view %s ms: %s\n", $2, h[1], f[1], (h[1] + 0 < 1000 && f[1] + 0 < 1000 ? "within the 1 s target" : "OVER the 1 s target")}' <<<"$row"
done
