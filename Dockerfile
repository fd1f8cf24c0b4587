# The newsgraph app, for docker-compose.yml. Neo4j runs in its own container there (NEO4J_URI).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/seeds ./seeds
USER node
# Inside the container the app must listen on all its interfaces; compose publishes it on 127.0.0.1 only.
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
CMD ["node", "bin/newsgraph.js", "serve"]
