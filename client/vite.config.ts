import { defineConfig, type Plugin, type ProxyOptions } from "vite";
import react from "@vitejs/plugin-react";
import { precompress } from "./scripts/precompress.mjs";

// In development Vite serves the client on 5173 and hands the API, Socket.IO and the Yjs endpoint to the
// server on 3000; in production the server serves client/dist itself, so the client only ever talks to
// its own origin (the server's Origin check and CSP rely on that).
const target = process.env.API_TARGET ?? "http://localhost:3000";
const DEV_PORT = 5173;
const DEV_ORIGINS = new Set([`http://localhost:${DEV_PORT}`, `http://127.0.0.1:${DEV_PORT}`]);

// The server accepts state changes only from its own origin. A request made by this dev page carries the
// dev origin, so the proxy presents it as the server's own; any other origin passes through unchanged and
// is still refused by the server (the CSRF check keeps working in development).
function asServerOrigin(options: ProxyOptions): ProxyOptions {
  return {
    ...options,
    configure: (proxy) => {
      const rewrite = (proxyReq: {
        getHeader(n: string): unknown;
        setHeader(n: string, v: string): void;
      }) => {
        const origin = proxyReq.getHeader("origin");
        if (typeof origin === "string" && DEV_ORIGINS.has(origin))
          proxyReq.setHeader("origin", new URL(target).origin);
      };
      proxy.on("proxyReq", rewrite);
      proxy.on("proxyReqWs", rewrite);
    },
  };
}

// Recharts looks its scales up by name in all of d3-scale (`import * as d3Scales`), which keeps the time scales
// and with them d3-time and d3-time-format, though our charts only use number and category axes. It gets every
// scale but those; an axis asking for scale="time" would fall back to Recharts' "point" scale (docs/targets.md P9).
const RECHARTS_SCALES = "\0recharts-scales";
function rechartsScales(): Plugin {
  return {
    name: "recharts-scales",
    enforce: "pre",
    resolveId(id, importer) {
      if (id === "victory-vendor/d3-scale" && importer?.includes("/recharts/")) return RECHARTS_SCALES;
    },
    load(id) {
      if (id !== RECHARTS_SCALES) return;
      return `export {
        scaleBand, scalePoint, scaleIdentity, scaleLinear, scaleLog, scaleSymlog, scaleOrdinal, scaleImplicit,
        scalePow, scaleSqrt, scaleRadial, scaleQuantile, scaleQuantize, scaleThreshold, tickFormat,
      } from "d3-scale";`;
    },
  };
}

export default defineConfig({
  plugins: [react(), rechartsScales(), precompress()],
  server: {
    port: DEV_PORT,
    strictPort: true,
    proxy: {
      "/api": asServerOrigin({ target }),
      "/socket.io": asServerOrigin({ target, ws: true }),
      "/collab": asServerOrigin({ target, ws: true }),
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      treeshake: {
        // shared/ is pure (CONVENTIONS §5) but its package.json cannot say so: without this, a page that only
        // needs `roomOf` or `formatPoints` pulls every zod schema of the barrel into the first route (docs/targets.md P9).
        moduleSideEffects: (id) => (/\/shared\/src\//.test(id) ? false : undefined),
      },
    },
  },
});
