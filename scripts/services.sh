#!/usr/bin/env bash
# Loopback services for the integration tests: PostgreSQL 15, Redis, an SMTP sink.
#   scripts/services.sh start   start what is not running yet, write .artifacts/services.env
#   scripts/services.sh stop    stop all three
#   scripts/services.sh env     print .artifacts/services.env (export lines for `source`)
# Fixed ports below 32768 (the ephemeral range can be held by TIME-WAIT sockets after load
# tests); everything binds 127.0.0.1 and lives under the gitignored .artifacts folder.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
art="$root/.artifacts"
svc="$art/services"
envfile="$art/services.env"

PG_PORT=15432 REDIS_PORT=16379 SMTP_PORT=12525
pgbin=/usr/lib/postgresql/15/bin
maildir="$svc/mail"
pgdir="$svc/pg"      # data directory; must be owned by the user the server runs as
pgsock="$svc/pgsock" # unix socket dir, kept here rather than /var/run/postgresql

# pg_ctl refuses to run as root: as root run it as postgres, otherwise as the caller.
as_pg() { if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
# A clone under a private home (e.g. /root, mode 700) is unreachable for postgres:
# then keep its files in a per-checkout folder under /tmp instead.
if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$root"; then
  pgdir="/tmp/literacy-pg-$(printf %s "$root" | cksum | cut -d' ' -f1)/data"
  pgsock="$(dirname "$pgdir")/sock"
fi

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_up() { "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; }
redis_up() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]; }
wait_for() { # wait_for SECONDS NAME LOG CHECK...: poll until CHECK succeeds
  local t=$1 name=$2 log=$3 i; shift 3
  for ((i = 0; i < t * 10; i++)); do "$@" && return 0; sleep 0.1; done
  echo "services.sh: $name did not start; log $log:" >&2; tail -n 30 "$log" >&2 || true; exit 1
}

start_pg() {
  pg_up && return 0
  mkdir -p "$pgdir" "$pgsock"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$pgdir" "$pgsock"; fi
  chmod 700 "$pgdir"
  if [[ ! -f "$pgdir/PG_VERSION" ]]; then
    as_pg "$pgbin/initdb" -D "$pgdir" -U postgres --auth=trust --no-sync >"$svc/pg-initdb.log" 2>&1 ||
      { cat "$svc/pg-initdb.log" >&2; exit 1; }
  fi
  # The log goes inside the data dir: postgres can write there whatever the caller is.
  as_pg "$pgbin/pg_ctl" -D "$pgdir" -w -t 30 -l "$pgdir/server.log" \
    -o "-p $PG_PORT -k $pgsock -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ||
    { tail -n 30 "$pgdir/server.log" >&2; exit 1; }
  wait_for 30 PostgreSQL "$pgdir/server.log" pg_up
}

start_redis() {
  redis_up && return 0
  # No persistence: test data is throwaway, and saving would only cost time.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$svc" \
    --daemonize yes --pidfile "$svc/redis.pid" --logfile "$svc/redis.log"
  wait_for 10 Redis "$svc/redis.log" redis_up
}

start_smtp() {
  port_open "$SMTP_PORT" && return 0
  # Debian's python3 has aiosmtpd (a python3 earlier on PATH may not). Mailbox writes each
  # message as a file under $maildir/new; -n: do not try to setuid to nobody.
  setsid nohup /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
    -c aiosmtpd.handlers.Mailbox "$maildir" >"$svc/smtp.log" 2>&1 </dev/null &
  echo $! >"$svc/smtp.pid"
  wait_for 10 SMTP "$svc/smtp.log" port_open "$SMTP_PORT"
}

write_env() {
  cat >"$envfile" <<EOF
export TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
export TEST_REDIS="127.0.0.1:$REDIS_PORT"
export TEST_SMTP_HOST=127.0.0.1
export TEST_SMTP_PORT=$SMTP_PORT
export TEST_MAILDIR="$maildir"
export TEST_CHROMIUM=/usr/bin/chromium
export TEST_AXE="$root/node_modules/axe-core/axe.min.js"
EOF
}

stop_all() {
  if [[ -f "$pgdir/postmaster.pid" ]]; then
    as_pg "$pgbin/pg_ctl" -D "$pgdir" -w -m fast stop >/dev/null || true
  fi
  redis_up && { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true; }
  if [[ -f "$svc/smtp.pid" ]]; then
    kill "$(cat "$svc/smtp.pid")" 2>/dev/null || true
    rm -f "$svc/smtp.pid"
  fi
}

case "${1:-}" in
  start)
    mkdir -p "$svc"
    start_pg
    start_redis
    start_smtp
    write_env
    ;;
  stop) stop_all ;;
  env) cat "$envfile" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
