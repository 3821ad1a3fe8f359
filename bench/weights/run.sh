#!/usr/bin/env bash
# Issue 7's budget: the weight of every learner page as a phone receives it, split into HTML, CSS, JS and pictures,
# compressed as the server sends it (brotli or gzip), each linked file counted once per page. Prints a markdown table
# (bench/weights/RESULTS.md keeps the last one) and whether each lesson page stays within 50 KB.
# A path written @/path is requested signed in, as a learner who registered just before.
# Overrides: BENCH_PAGES="/ @/credits" (paths), BENCH_PORT=18081
set -euo pipefail
cd "$(dirname "$0")/../.."

# Visitors see the cached public pages; a signed-in learner gets forms (tokens) and their own progress.
default_pages=(
  / /courses /courses/stop-fraud
  /courses/stop-fraud/lessons/golden-rules   # a lesson with a quiz
  /courses/stop-fraud/lessons/fake-officials # a lesson without one
  /help /live /display /account/login /account/register /account/forgot
  @/ @/courses/stop-fraud @/courses/stop-fraud/lessons/golden-rules @/courses/stop-fraud/lessons/fake-officials
  @/credits @/credits/transcript @/credits/recognition @/account/password @/live
)
if [[ -n "${BENCH_PAGES:-}" ]]; then read -ra pages <<<"$BENCH_PAGES"; else pages=("${default_pages[@]}"); fi
port=${BENCH_PORT:-18081} # below 32768: see scripts/services.sh

# shellcheck source=bench/lib/site.sh
source bench/lib/site.sh
bench_start "$port"
bench_learner

bench_expect_200 "${pages[@]}"

table="$(bench_weights "${pages[@]}")"
echo "$table"
echo
# The issue's budget: a lesson page without media at most 50 KB compressed in all.
awk -F'|' '$2 ~ /\/lessons\// {gsub(/ /, "", $2); gsub(/ /, "", $7); printf "%s: %.1f KB of 50 KB %s\n", $2, $7 / 1024, ($7 + 0 <= 51200 ? "(within budget)" : "(OVER BUDGET)")}' <<<"$table"
