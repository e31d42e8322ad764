import { defineConfig, type ProxyOptions } from "vite";
import react from "@vitejs/plugin-react";

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

export default defineConfig({
  plugins: [react()],
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
  },
});
