import type { RequestHandler } from "express";
import client from "prom-client";

/** Prometheus metrics of this process; one registry per app so tests can build several apps. */
export function createMetrics(statementsSent: () => number | null = () => null) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  new client.Counter({
    name: "db_statements_sent_total",
    help: "Statements sent to the database (on PostgreSQL one round trip each)",
    registers: [registry],
    collect() {
      const n = statementsSent();
      if (n === null) return;
      this.reset();
      this.inc(n);
    },
  });
  const httpDuration = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const end = httpDuration.startTimer();
    res.on("finish", () => {
      // The matched route pattern, not the URL, keeps label cardinality bounded.
      const route = req.route?.path ? `${req.baseUrl}${req.route.path}` : "unmatched";
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return { registry, middleware };
}
