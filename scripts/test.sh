#!/usr/bin/env bash
# Runs every test: installs what is missing, starts the loopback services, builds, tests.
# The last line printed is always `N passed, N failed, N skipped` once tests have run: CI
# reads that line, and `dotnet test` prints no total of its own (one summary per assembly).
#   scripts/test.sh                     the whole run (what .ci/run calls)
#   scripts/test.sh --summarize LOG     only sum the summaries in a saved log (to test the parser)
set -euo pipefail
[[ "${1:-}" == --summarize ]] && log_arg="$(realpath "$2")" # before the cd below
cd "$(dirname "$0")/.."

# Sums VSTest's per-assembly lines, e.g.
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 1 s - X.dll (net10.0)
# Colour codes and CRs are dropped and any spacing accepted. Prints the totals line; returns 1
# when a test failed or none passed.
summarize() {
  sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' -e 's/\r$//' "$1" |
    awk '
      /^[ \t]*[A-Za-z]+![ \t]*-[ \t]*Failed:[ \t]*[0-9]+,[ \t]*Passed:[ \t]*[0-9]+,[ \t]*Skipped:[ \t]*[0-9]+/ {
        line = $0
        sub(/.*Failed:[ \t]*/, "", line);  f += line + 0
        sub(/.*Passed:[ \t]*/, "", line);  p += line + 0
        sub(/.*Skipped:[ \t]*/, "", line); s += line + 0
      }
      END { printf "%d passed, %d failed, %d skipped\n", p, f, s; exit (f > 0 || p == 0) }'
}

if [[ "${1:-}" == --summarize ]]; then
  summarize "$log_arg"
  exit
fi

bash scripts/install.sh
bash scripts/services.sh start # left running: the next run reuses them (`services.sh stop` ends them)
# shellcheck source=/dev/null
source .artifacts/services.env

# Build once up front so compile errors show on their own, without the test noise (warnings hidden).
dotnet build Literacy.sln -c Debug -nologo -v:q -tl:off -clp:ErrorsOnly

log=.artifacts/test.log
set +e
# -tl:off: the terminal logger would replace the per-assembly summary lines the parser reads.
dotnet test Literacy.sln --no-build -nologo -tl:off 2>&1 | tee "$log"
test_rc=${PIPESTATUS[0]}
summarize "$log"
sum_rc=$?
set -e
if ((test_rc != 0 || sum_rc != 0)); then
  exit 1
fi
