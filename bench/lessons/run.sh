#!/usr/bin/env bash
# Issue 3's figures: a lesson page against /healthz (throughput ratio, p99), for a visitor (served
# from the page cache) and for a signed-in learner (rendered every time), page weights,
# with two signed-in pages that show where the time goes (a lesson without a quiz; /help, the layout alone),
# and the time to install the five bundled courses into an empty database, all in one run.
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH_URLS="${BENCH_URLS:-/courses/stop-fraud/lessons/golden-rules @/courses/stop-fraud/lessons/golden-rules @/courses/stop-fraud/lessons/if-you-paid @/help /courses /healthz}" exec bash bench/http/run.sh
