# syntax=docker/dockerfile:1
#
# One image for every deployable of Agentic Social: the seven services, the all-in-one process and the
# operator commands (migrate, dlq). The first argument chooses what runs (scripts/docker-entrypoint.sh):
#
#   docker build -t agentic-social:local .
#   docker run --rm agentic-social:local help
#   docker run --rm -e DATABASE_URL=... agentic-social:local migrate
#   docker run -e DATABASE_URL=... -e RABBITMQ_URL=... -p 3000:3000 agentic-social:local gateway
#
# Base image pinned by tag (same Node major as .nvmrc; override with --build-arg NODE_IMAGE=... or pin a digest).
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# ---------------------------------------------------------------------------------------------------------
# build: every dependency (dev included), then the TypeScript build and the embedded-PostgreSQL template.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json ./
# --ignore-scripts: the root `prepare` script builds from sources that are not copied yet (it runs below,
# explicitly); no dependency needs its install script (protobufjs' version check, scarf's analytics).
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
# What `prepare` does, in two steps: the build, then the PGlite empty-cluster template that `all-in-one`
# loads instead of running initdb (kept outside node_modules here, copied into the runtime's cache path).
RUN npm run build \
 && node dist/libs/database/src/make-pglite-template.js /app/.pglite-template \
 && test -n "$(ls /app/.pglite-template)"

# ---------------------------------------------------------------------------------------------------------
# deps: production dependencies only, no lifecycle scripts.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# ---------------------------------------------------------------------------------------------------------
# runtime: node + dist + production node_modules, owned by root and read-only for the app user (uid 10001).
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin app \
 && mkdir -p /data \
 && chown 10001:10001 /data
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/.pglite-template ./node_modules/.cache/agentic-social
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY --chmod=0555 scripts/docker-entrypoint.sh ./scripts/docker-entrypoint.sh
# Nothing is written outside DATA_DIR (and /tmp): the root filesystem can be mounted read-only.
USER 10001:10001
# gateway 3000; strategy, content, creative, scheduler, posting, analytics 3101-3106.
EXPOSE 3000 3101 3102 3103 3104 3105 3106
STOPSIGNAL SIGTERM
# No HEALTHCHECK here: the port depends on the command. docker-compose.yml and the Kubernetes probes use
# GET /health/ready (readiness) and GET /health/live (liveness) on the service's own port.
ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
CMD ["help"]
