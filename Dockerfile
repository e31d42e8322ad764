# Production image: the server (API, Socket.IO, Yjs) and the built client on one port, on Node 24 LTS.
# Build everything (the client with its .br/.gz copies, the server bundle), install the runtime packages alone,
# then keep only the bundle, the migrations, the client and those packages.
FROM node:24-bookworm-slim AS manifests
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY seeds/package.json seeds/
COPY server/package.json server/
COPY client/package.json client/

FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY . .
# The client and the server bundles; not the sample snapshot, which only an embedded data folder starts from.
RUN npm run build -w client && node scripts/build-server.mjs

# The server bundle inlines shared/ and seeds/ and requires its registry packages at run time: those of the
# three server-side workspaces, without dev tools and without the client's (React, MUI… are in client/dist).
FROM manifests AS runtime-packages
RUN npm ci --omit=dev --no-audit --no-fund -w @ca/server -w @ca/shared -w @ca/seeds

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=runtime-packages /app/package.json ./
COPY --from=runtime-packages /app/node_modules node_modules
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/server/drizzle server/drizzle
COPY --from=build /app/client/dist client/dist
# The code stays root's, read-only to the server; only the data folder (evidence uploads) is its to write.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "server/dist/main.js"]
