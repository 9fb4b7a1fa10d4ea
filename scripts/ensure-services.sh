#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432) and RabbitMQ (127.0.0.1:5672) answer, installing and starting
# them from Debian's packages when they are missing or down, and that Debian's Chromium is installed (the
# dashboard's browser tests drive it; nothing downloads a browser). Used by .ci/run; harmless when all are there.
set -euo pipefail

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port name seconds
  for _ in $(seq 1 "$3"); do port_open "$1" && return 0; sleep 1; done
  echo "ensure-services: $2 did not come up on port $1" >&2; return 1
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! port_open 5432; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  echo "ensure-services: starting PostgreSQL" >&2
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  wait_port 5432 PostgreSQL 60
fi
# Tests connect as postgres over TCP without a password (trust on loopback, as on these machines).
psql "postgres://postgres@127.0.0.1:5432/postgres" -Atqc 'SELECT 1' >/dev/null

if ! port_open 5672; then
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
  fi
  echo "ensure-services: starting RabbitMQ" >&2
  as_root rabbitmq-server -detached || true
  wait_port 5672 RabbitMQ 120
  as_root rabbitmqctl await_startup >/dev/null 2>&1 || true
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "ensure-services: installing Debian's chromium" >&2
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
echo "ensure-services: PostgreSQL and RabbitMQ are up, $(/usr/bin/chromium --version 2>/dev/null | head -n 1) is installed" >&2
