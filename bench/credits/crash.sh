#!/usr/bin/env bash
# The credit bank's crash drill, as tests/Literacy.Web.Tests/CreditCrashTests.cs runs it: a burst of awards with
# 8 workers, each acknowledged in a file once its transaction returned; kill -9 after BENCH_ACKS acknowledgements;
# restart on the same data folder and check that every acknowledged award is there exactly once, with its credential,
# and that the ledger's chain verifies. Exits with the check's status.
# Overrides: BENCH_ACKS=50 (acknowledged awards before the kill).
set -euo pipefail
cd "$(dirname "$0")/../.."

project=bench/Literacy.Bench.CreditBank
dll="$PWD/$project/bin/Release/net10.0/Literacy.Bench.CreditBank.dll"
wanted=${BENCH_ACKS:-50}
echo "building $project in Release ..."
dotnet build "$project" -c Release -nologo -v:q -tl:off -clp:ErrorsOnly >/dev/null ||
  { dotnet build "$project" -c Release -nologo -v:q -tl:off -clp:ErrorsOnly; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/literacy-credit-crash.XXXXXX")"
data="$work/data" acks="$work/acks.txt" log="$work/burst.log"
pid=
cleanup() {
  if [[ -n "$pid" ]]; then kill -9 "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Complete lines only: a line the kill cut short was never acknowledged.
acked() { [[ -f "$acks" ]] && tr -cd '\n' <"$acks" | wc -c || echo 0; }

dotnet "$dll" burst "$data" "$acks" >"$log" 2>&1 &
pid=$!
for ((i = 0; $(acked) < wanted; i++)); do
  if ((i >= 1800)) || ! kill -0 "$pid" 2>/dev/null; then
    echo "crash: the burst did not acknowledge $wanted awards within 180 s; its log:" >&2
    cat "$log" >&2; exit 1
  fi
  sleep 0.1
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=
echo "killed the burst with SIGKILL after $(acked) acknowledged awards"

dotnet "$dll" check "$data" "$acks"
