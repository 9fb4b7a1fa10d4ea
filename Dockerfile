# syntax=docker/dockerfile:1
#
# One image for every deployable of Agentic Social: the seven services, the web dashboard (Next.js), the
# all-in-one process and the operator commands (migrate, dlq). The first argument chooses what runs
# (scripts/docker-entrypoint.sh):
#
#   docker build -t agentic-social:local .
#   docker run --rm agentic-social:local help
#   docker run --rm -e DATABASE_URL=... agentic-social:local migrate
#   docker run -e DATABASE_URL=... -e RABBITMQ_URL=... -p 3000:3000 agentic-social:local gateway
#   docker run -e GATEWAY_URL=http://<gateway>:3000 -p 3001:3001 agentic-social:local dashboard
#
# Base image pinned by tag (same Node major as .nvmrc; override with --build-arg NODE_IMAGE=... or pin a digest).
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# ---------------------------------------------------------------------------------------------------------
# build: every dependency (dev included), then the TypeScript build, the embedded-PostgreSQL template and the
# dashboard's Next.js build (it needs the dev dependencies: tailwindcss, postcss, typescript).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
# --ignore-scripts: the root `prepare` script builds from sources that are not copied yet (it runs below,
# explicitly); no dependency needs its install script (protobufjs' version check, scarf's analytics).
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY libs ./libs
COPY apps ./apps
# What `prepare` does, step by step: the build, the PGlite empty-cluster template that `all-in-one` loads
# instead of running initdb (kept outside node_modules here, copied into the runtime's cache path), and
# (next RUN) the dashboard's build.
RUN npm run build \
 && node dist/libs/database/src/make-pglite-template.js /app/.pglite-template \
 && test -n "$(ls /app/.pglite-template)"
# The dashboard: `next build apps/dashboard` -> apps/dashboard/.next. What `next start` needs is gathered in
# /app/.dashboard (same layout as /app): the build output without its cache, next.config.mjs, and the
# dashboard's package.json if it has one. Its runtime dependencies (next, react, react-dom) are production
# dependencies of the root package.json, so they come with the deps stage.
RUN npm run build:dashboard \
 && test -f apps/dashboard/.next/BUILD_ID \
 && mkdir -p /app/.dashboard/apps/dashboard \
 && cp -R apps/dashboard/.next /app/.dashboard/apps/dashboard/.next \
 && rm -rf /app/.dashboard/apps/dashboard/.next/cache \
 && cp apps/dashboard/next.config.mjs /app/.dashboard/apps/dashboard/ \
 && if [ -f apps/dashboard/package.json ]; then cp apps/dashboard/package.json /app/.dashboard/apps/dashboard/; fi

# ---------------------------------------------------------------------------------------------------------
# deps: production dependencies only, no lifecycle scripts.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# ---------------------------------------------------------------------------------------------------------
# runtime: node + dist + the dashboard's build + production node_modules, owned by root and read-only for the
# app user (uid 10001).
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
# Writable for the app user: DATA_DIR, and the dashboard's Next.js cache directory (mount a tmpfs/emptyDir
# there when the root filesystem is read-only).
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin app \
 && mkdir -p /data /app/apps/dashboard/.next/cache \
 && chown 10001:10001 /data /app/apps/dashboard/.next/cache
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/.pglite-template ./node_modules/.cache/agentic-social
COPY --from=build /app/dist ./dist
COPY --from=build /app/.dashboard/apps/dashboard ./apps/dashboard
COPY package.json ./
COPY --chmod=0555 scripts/docker-entrypoint.sh ./scripts/docker-entrypoint.sh
# Nothing is written outside DATA_DIR, /tmp and apps/dashboard/.next/cache: the root filesystem can be
# mounted read-only.
USER 10001:10001
# gateway 3000; dashboard 3001; strategy, content, creative, scheduler, posting, analytics 3101-3106.
EXPOSE 3000 3001 3101 3102 3103 3104 3105 3106
STOPSIGNAL SIGTERM
# No HEALTHCHECK here: the port depends on the command. docker-compose.yml and the Kubernetes probes use
# GET /health/ready (readiness) and GET /health/live (liveness) on the service's own port; the dashboard
# answers GET /healthz on 3001.
ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
CMD ["help"]
