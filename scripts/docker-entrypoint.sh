#!/bin/sh
# Entry point of the Agentic Social image: the first argument chooses the deployable.
# `exec` replaces this shell with node, so node is PID 1 and receives SIGTERM itself (graceful shutdown:
# consumers stop, in-flight messages finish within SHUTDOWN_GRACE_MS, then broker and database close).
set -eu

usage() {
  cat >&2 <<'EOF'
usage: <image> COMMAND [ARGS...]

commands:
  gateway | strategy-svc | content-svc | creative-svc | scheduler-svc | posting-svc | analytics-svc
               run that service (needs DATABASE_URL and RABBITMQ_URL; HTTP on its port, /health/ready)
  dashboard    the web dashboard (Next.js) on PORT (default 3001), GET /healthz; reaches the gateway at
               GATEWAY_URL (e.g. http://gateway:3000); COOKIE_SECURE=true behind HTTPS; no database or broker
  all-in-one   the seven services in one process (embedded PostgreSQL in DATA_DIR unless DATABASE_URL is set)
  migrate      apply every service's database migrations to DATABASE_URL, then exit
  dlq SERVICE list|replay [COUNT]
               list or replay a service's dead letters on RABBITMQ_URL
  help         this text
EOF
}

# Paths below are relative to the application directory (the parent of scripts/), whatever the workdir.
cd "$(dirname "$0")/.."

command="${1:-}"
if [ "$#" -gt 0 ]; then shift; fi

case "$command" in
  gateway | strategy-svc | content-svc | creative-svc | scheduler-svc | posting-svc | analytics-svc)
    exec node "dist/apps/$command/src/main.js" "$@"
    ;;
  dashboard)
    # `next start` on the build in apps/dashboard/.next (it may write apps/dashboard/.next/cache: writable).
    exec node node_modules/next/dist/bin/next start apps/dashboard --port "${PORT:-3001}" --hostname 0.0.0.0 "$@"
    ;;
  all-in-one)
    # Same flags as `npm start` (Liftoff-only WebAssembly compilation: the embedded PostgreSQL starts faster).
    exec node --liftoff-only dist/apps/all-in-one/src/main.js "$@"
    ;;
  migrate)
    exec node dist/apps/all-in-one/src/migrate.js "$@"
    ;;
  dlq)
    exec node dist/libs/launcher/src/dlq.js "$@"
    ;;
  help | -h | --help)
    usage
    exit 0
    ;;
  '')
    echo "docker-entrypoint: no command given" >&2
    usage
    exit 2
    ;;
  *)
    echo "docker-entrypoint: unknown command \"$command\"" >&2
    usage
    exit 2
    ;;
esac
