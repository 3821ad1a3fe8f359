#!/usr/bin/env bash
# Issue 6's email figures, each beside a baseline measured in the same run (the machine is noisy):
#   a) emails/s from the outbox through Hangfire, rendering and MailKit to a local aiosmtpd /
#      plain MailKit sends of a small two-part message to the same server, with as many senders in parallel
#   b) delay from a committed change that queues one email to the email landing (p50/p99), one at a time
# Release build; the real host runs in process on a fresh temporary SQLite folder. Needs Debian's python3-aiosmtpd
# (scripts/install.sh). Overrides: BENCH_EMAILS=1000, BENCH_SINGLES=200.
set -euo pipefail
cd "$(dirname "$0")/../.."

project=bench/Literacy.Bench.Email
echo "building $project in Release ..."
dotnet build "$project" -c Release -nologo -v:q -tl:off -clp:ErrorsOnly >/dev/null ||
  { dotnet build "$project" -c Release -nologo -v:q -tl:off -clp:ErrorsOnly; exit 1; }
exec dotnet "$project/bin/Release/net10.0/Literacy.Bench.Email.dll"
