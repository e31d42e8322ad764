import type { RequestHandler } from "express";

/**
 * Conservative browser security headers; the client needs nothing from other origins. Scripts may connect to this
 * server only: `'self'` and, for the WebSocket endpoints (Socket.IO, Yjs), the ws:/wss: form of each allowed
 * origin — never a bare `ws:`/`wss:`, which would let an injected script talk to any host.
 */
export function securityHeaders(allowedOrigins: readonly string[]): RequestHandler {
  const sockets = allowedOrigins.filter((o) => /^https?:\/\//.test(o)).map((o) => o.replace(/^http/, "ws"));
  const csp = [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    `connect-src ${["'self'", ...new Set(sockets)].join(" ")}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
  return (_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Content-Security-Policy", csp);
    next();
  };
}
