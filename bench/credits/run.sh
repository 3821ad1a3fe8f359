#!/usr/bin/env bash
# Issue 4's credit-bank figures, each beside a baseline measured in the same run (the machine is noisy):
#   a) durable awards/s on SQLite, sequential and with 8 workers, the credit bank alone, and with its follow-ups held
#      in the outbox / raw single-row durable insert rate
#   b) LedgerVerification over 1,000,000 entries / reading the same rows with a plain data reader
#   c) CredentialVerifier on one credential / a bare ES256 signature check
# Release build; the real host runs in process on a fresh temporary SQLite data folder, deleted afterwards.
# Overrides: BENCH_AWARDS=2000, BENCH_WORKERS=8, BENCH_LEDGER_ACCOUNTS=10000, BENCH_LEDGER_ENTRIES=100 (per account),
#            BENCH_CREDENTIAL_RUNS=2000. Small values make a quick smoke run.
set -euo pipefail
cd "$(dirname "$0")/../.."

project=bench/Literacy.Bench.CreditBank
echo "building $project in Release ..."
dotnet build "$project" -c Release -nologo -v:q -tl:off -clp:ErrorsOnly >/dev/null ||
  { dotnet build "$project" -c Release -nologo -v:q -tl:off -clp:ErrorsOnly; exit 1; }
exec dotnet "$project/bin/Release/net10.0/Literacy.Bench.CreditBank.dll" bench
