# syntax=docker/dockerfile:1
# Balise: the bot alone (what `npm run start:bot` runs), as a small image running as a non-root user.
#   docker build -t balise:0.1.0 .
#   docker run --rm -p 3978:3978 --env-file balise.env balise:0.1.0
# Both stages use the same base image: better-sqlite3 is a native module, and the binary built
# (or downloaded) in the build stage must match the runtime's Node ABI and C library exactly.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Compilers for better-sqlite3, only used when its prebuilt binary cannot be downloaded.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY bot ./bot
RUN npm run build \
 && npm prune --omit=dev \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# HOST=0.0.0.0 is what a container needs, and the bot refuses it without credentials: the env file
# must set MicrosoftAppId, MicrosoftAppPassword and BALISE_ALLOWED_TENANTS (see README, Deployment).
# The demo directory is shipped but never used unless BALISE_DEMO=true.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    BALISE_DATA_DIR=/app/data
WORKDIR /app
# Application files stay owned by root, so the running process cannot rewrite its own code or content.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
COPY adaptive-cards ./adaptive-cards
COPY demo ./demo
COPY bot/core/search/danger-model.json bot/core/search/learned-questions.json bot/core/search/scope-model.json ./bot/core/search/
# The only writable place: embedded SQLite storage (mount a volume here, or use BALISE_STORAGE=azure-table).
RUN mkdir -p /app/data && chown node:node /app/data
# 1000 is the `node` user of the official image; numeric so that platforms can verify it is not root.
USER 1000:1000
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/bot/main.js"]
