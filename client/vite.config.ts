import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development Vite serves the client on 5173 and hands the API, Socket.IO and the Yjs endpoint to the
// server on 3000; in production the server serves client/dist itself, so the client only ever talks to
// its own origin (the server's Origin check and CSP rely on that).
const target = process.env.API_TARGET ?? "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      "/api": { target, changeOrigin: false },
      "/socket.io": { target, ws: true },
      "/collab": { target, ws: true },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
});
