#!/usr/bin/env bash
# HTTP throughput of the published app (Release, Production) with wrk, client and server on
# the same box. Absolute req/s depend on the machine, so the figure to watch is each page's
# throughput as a ratio of /healthz (the cheapest endpoint), measured in the same run.
# A path written @/path is requested signed in, as a learner who registered just before.
# Overrides: BENCH_URLS="/ /healthz" (paths), BENCH_DURATION=10s, BENCH_WARMUP=10s,
#            BENCH_CONNECTIONS=64, BENCH_THREADS=2, BENCH_PORT=18080, BENCH_BASELINE=/healthz
# Each path is warmed up first at full load: until then the JIT is still recompiling the hottest code (tiered
# compilation) and takes a large share of the two cores; a site that has run for a while no longer pays it.
set -euo pipefail
cd "$(dirname "$0")/../.."

read -ra urls <<<"${BENCH_URLS:-/ /healthz}"
duration=${BENCH_DURATION:-10s}
warmup=${BENCH_WARMUP:-10s}
conns=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
port=${BENCH_PORT:-18080} # below 32768: see scripts/services.sh
baseline=${BENCH_BASELINE:-/healthz}
command -v wrk >/dev/null || { echo "bench: wrk is missing (scripts/install.sh installs it)" >&2; exit 1; }
# shellcheck source=bench/lib/site.sh
source bench/lib/site.sh
bench_start "$port"
bench_learner

bench_expect_200 "${urls[@]}"
for u in "${urls[@]}"; do
  [[ "$u" == @* ]] && bench_renew_cookie
  wrk -t"$threads" -c"$conns" -d"$warmup" -H "$(auth_of "$u")" "$base$(path_of "$u")" >/dev/null # warm-up: JIT, caches, pools
done

# Start-up: the first start migrates an empty database and installs the bundled courses (setup recipe).
migrated="$(grep -ao 'Schema migrated in [0-9]* ms' "$log" | grep -o '[0-9]*' | head -1 || true)"
installed="$(grep -ao 'Installed [0-9]* course packages in [0-9]* ms' "$log" | head -1 || true)"
if [[ -n "$installed" ]]; then
  echo "first start: schema migrated in ${migrated:-?} ms; ${installed#Installed }"
  courses_ms="$(grep -o '[0-9]* ms' <<<"$installed" | grep -o '[0-9]*')"
  [[ -n "$migrated" && "$migrated" -gt 0 ]] && awk -v a="$courses_ms" -v b="$migrated" 'BEGIN {printf "course install / schema migration time ratio: %.2f\n", a / b}'
fi

# Page weight as a learner's browser receives it (brotli), HTML plus what it links (bench/weights has every page).
echo
bench_weights "${urls[@]}"

declare -A rps
printf '\n%-24s %12s %10s %10s %8s\n' URL requests/s p50 p99 errors
for u in "${urls[@]}"; do
  [[ "$u" == @* ]] && bench_renew_cookie
  r="$(wrk -t"$threads" -c"$conns" -d"$duration" --latency -H "$(auth_of "$u")" "$base$(path_of "$u")")"
  rps[$u]="$(awk '/^Requests\/sec:/ {print $2}' <<<"$r")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$r")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$r")"
  # Neither 2xx nor 3xx, plus socket errors (connect/read/write/timeout).
  errs="$(awk '/Non-2xx or 3xx/ {n += $NF} /Socket errors/ {for (i = 4; i <= NF; i += 2) n += $i} END {print n + 0}' <<<"$r")"
  printf '%-24s %12s %10s %10s %8s\n' "$u" "${rps[$u]}" "$p50" "$p99" "$errs"
done
echo "(wrk -t$threads -c$conns -d$duration, client and server on the same $(nproc)-core box)"

if [[ -n "${rps[$baseline]:-}" ]]; then
  for u in "${urls[@]}"; do
    [[ "$u" == "$baseline" ]] && continue
    name=$u; [[ "$u" == / ]] && name=home; [[ "$u" == @* ]] && name="signed-in $(path_of "$u")"
    awk -v a="${rps[$u]}" -v b="${rps[$baseline]}" -v n="$name" -v m="${baseline#/}" \
      'BEGIN {printf "%s/%s throughput ratio: %.2f\n", n, m, a / b}'
  done
fi
