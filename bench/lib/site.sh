# Shared by the benchmarks that measure the site over HTTP (bench/http, bench/weights): publish it, start it on a new
# data folder, register a learner. Source it from the repository root after `set -euo pipefail`.
#   bench_start PORT     publishes Release to .artifacts/bench/web (unless BENCH_PUBLISHED is set), starts it in Production on 127.0.0.1:PORT with a new
#                        temporary data folder (the first start migrates and applies the setup recipe), waits for
#                        /healthz; sets base, data, log; stops the server and deletes the folder on exit
#   bench_restart        stops the server and starts it again on the same data folder (and database)
#   bench_learner        registers a learner through the real form; their cookies go with paths written @/path
#   bench_expect_200 PATH...   stops with the server log unless each path answers 200 itself
#   path_of @/x, auth_of @/x   the path and the header (the learner's cookies, or none) for curl and wrk

bench_start() {
  local port=$1 out="$PWD/.artifacts/bench/web"
  base="http://127.0.0.1:$port"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "bench: port $port is already in use" >&2; exit 1
  fi

  if [[ -z "${BENCH_PUBLISHED:-}" ]]; then # set by a bench that starts the site more than once and published it already
    echo "publishing Release to $out ..." >&2
    rm -rf "$out"
    dotnet publish src/Literacy.Web/Literacy.Web.csproj -c Release -o "$out" -nologo -v:q -tl:off -clp:ErrorsOnly >/dev/null ||
      { dotnet publish src/Literacy.Web/Literacy.Web.csproj -c Release -o "$out" -nologo -v:q -tl:off -clp:ErrorsOnly; exit 1; }
  fi

  # A fresh data folder each run: the first start creates the SQLite db and applies the setup recipe.
  data="$(mktemp -d "${TMPDIR:-/tmp}/literacy-bench.XXXXXX")"
  log="$data/server.log"
  bench_pid=
  trap bench_stop EXIT
  bench_launch
}

# Stops the server and starts it again on the same data (a restart, as after a deployment); the log goes on in $log.
bench_restart() {
  kill "$bench_pid" 2>/dev/null && wait "$bench_pid" 2>/dev/null || true
  bench_launch
}

bench_launch() {
  local out="$PWD/.artifacts/bench/web" i
  # Working directory = publish folder: it is the content root, where Recipes/*.json are.
  (cd "$out" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" \
    Database__DataFolder="$data" Logging__LogLevel__Default=Warning Logging__LogLevel__Literacy=Information \
    exec dotnet Literacy.Web.dll) >>"$log" 2>&1 &
  bench_pid=$!

  for ((i = 0; ; i++)); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")" == 200 ]] && break
    if ((i >= 600)) || ! kill -0 "$bench_pid" 2>/dev/null; then
      echo "bench: the app did not answer 200 on /healthz within 60 s; server log:" >&2
      cat "$log" >&2; exit 1
    fi
    sleep 0.1
  done
}

bench_stop() {
  if [[ -n "${bench_pid:-}" ]]; then kill "$bench_pid" 2>/dev/null && wait "$bench_pid" 2>/dev/null || true; fi
  rm -rf "$data"
}

# A fresh learner, registered through the real form, for the @/paths.
bench_learner() {
  local page token
  jar="$data/cookies"
  page="$(curl -s -c "$jar" -b "$jar" "$base/account/register")"
  token="$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "DisplayName=Bench" \
    --data-urlencode "Email=bench@bench.local" --data-urlencode "Password=a long bench password" \
    --data-urlencode "ConfirmPassword=a long bench password" --data-urlencode "Consent=true" "$base/account/register"
  bench_cookie
  # Without this check a refused registration would measure a visitor's (cached) page as the learner's.
  curl -s -H "Cookie: $cookie" "$base/account/privacy" -o /dev/null -w '%{http_code}' | grep -q '^200$' ||
    { echo "bench: the bench learner could not register and sign in; server log:" >&2; cat "$log" >&2; exit 1; }
}

bench_cookie() { cookie="$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}')"; }

# A browser keeps the sign-in cookie the site renews when it checks a session again (each minute, SecurityStampCheck);
# wrk would replay the first one for ever and measure that check on every request, so signed-in runs renew it first.
bench_renew_cookie() {
  curl -s -o /dev/null -c "$jar" -b "$jar" "$base/account/privacy"
  bench_cookie
}

# Every page must answer 200 itself: a redirect or an error page would be measured instead.
bench_expect_200() {
  local u code
  for u in "$@"; do
    code="$(curl -s -o /dev/null -w '%{http_code}' -H "$(auth_of "$u")" "$base$(path_of "$u")")"
    [[ "$code" == 200 ]] || { echo "bench: $u answered $code, not 200; server log:" >&2; cat "$log" >&2; exit 1; }
  done
}

# curl and wrk arguments for a path: @/x means /x with the learner's cookies.
path_of() { echo "${1#@}"; }
auth_of() { [[ "$1" == @* ]] && echo "Cookie: $cookie" || echo "X-Bench: visitor"; }

# One response's size as a browser receives it (Accept-Encoding: br, gzip, nothing decoded) and its encoding:
# "BYTES ENCODING". bench_weigh PATH AUTH-PATH (the second says whose cookies go with it, see auth_of).
bench_weigh() {
  curl -s -o /dev/null -H 'Accept-Encoding: br, gzip' -H "$(auth_of "$2")" -w '%{size_download} %header{content-encoding}' "$base$1"
}

# The same-origin files of one kind that a page links, each once: css (style sheets), js (scripts), img (pictures and
# video posters; the video itself is left out, it never loads before the learner asks and shows its size).
bench_linked() {
  case "$1" in
    css) grep -o '<link [^>]*rel="stylesheet"[^>]*>' | grep -o 'href="[^"]*"' | sed 's/^href="//; s/"$//' ;;
    js) grep -o '<script [^>]*src="[^"]*"' | sed 's/.* src="//; s/"$//' ;;
    img) grep -oE '<img [^>]*src="[^"]*"|poster="[^"]*"' | sed -E 's/.*(src|poster)="//; s/"$//' ;;
  esac | sed 's/&amp;/\&/g' | grep '^/[^/]' | sort -u || true
}

# A markdown table of each page's weight: HTML, then the CSS, JS and pictures it links, each file once per page, as the
# server sends them to a browser that accepts brotli and gzip; the last column lists the encodings that came back.
bench_weights() {
  local u html kind f sizes enc n
  echo "| page | HTML | CSS | JS | images | total | sent as |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for u in "$@"; do
    html="$(curl -s -H "$(auth_of "$u")" "$base$(path_of "$u")")"
    read -r n enc <<<"$(bench_weigh "$(path_of "$u")" "$u")"
    sizes=("$n"); local encodings="${enc:-identity}" total=$n
    for kind in css js img; do
      n=0
      for f in $(bench_linked "$kind" <<<"$html"); do
        read -r f enc <<<"$(bench_weigh "$f" "$u")"
        n=$((n + f)); encodings+=" ${enc:-identity}"
      done
      sizes+=("$n"); total=$((total + n))
    done
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$u" "${sizes[@]}" "$total" "$(tr ' ' '\n' <<<"$encodings" | sort -u | paste -sd, -)"
  done
}
