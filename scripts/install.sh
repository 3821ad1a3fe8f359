#!/usr/bin/env bash
# Installs what the tests need, only when it is missing, so repeated runs cost ~nothing.
# Quiet on success; on failure the captured output is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
run() { "$@" >"$log" 2>&1 || { cat "$log" >&2; echo "install.sh: failed: $*" >&2; exit 1; }; }

# Debian packages: the browser, the three loopback services and the load tool.
# ffmpeg: the video test makes its own small video; python3-jwt: a credential is checked with a JOSE library not ours
pkgs=(chromium fonts-wqy-microhei postgresql redis-server python3-aiosmtpd wrk ffmpeg python3-jwt python3-cryptography)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  [[ $(id -u) -eq 0 ]] || { echo "install.sh: need root to install: ${missing[*]}" >&2; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  run apt-get update -q                      # only when something is missing: it is slow
  run apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm dev tools (axe-core). Re-run `npm ci` when absent or when the lockfile changed since
# the last install (a stamp with the lockfile's hash lives inside the gitignored node_modules).
stamp=node_modules/.lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f node_modules/axe-core/axe.min.js || "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
  run npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
fi
