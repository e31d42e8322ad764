/**
 * The shipped proxy configuration (deploy/nginx.conf) as Debian's nginx reads it, with the compose service names
 * replaced by loopback addresses (nginx -t resolves every upstream host); and docker-compose.yml runs what it names.
 * Needs /usr/sbin/nginx (installed by .ci/run).
 */
import fs from "node:fs";
import path from "node:path";
import { checkConfig, configFor, SHIPPED_CONFIG } from "../support/nginxProxy";
import { ROOT, tempDir } from "../support/serverProcess";

const shipped = fs.readFileSync(SHIPPED_CONFIG, "utf8");
const compose = fs.readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8");

it("nginx -t accepts deploy/nginx.conf with its hosts substituted", () => {
  const dir = tempDir("ca-nginx-t-");
  try {
    const file = path.join(dir, "nginx.conf");
    fs.writeFileSync(file, configFor(["127.0.0.1:3001", "127.0.0.1:3002"], 8080, dir));
    expect(() => checkConfig(file, dir)).not.toThrow();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it("upgrades WebSockets on /socket.io/ and /collab/, and routes every path to the instances", () => {
  for (const location of ["/socket.io/", "/collab/", "/"]) {
    const block = shipped.match(new RegExp(`location ${location.replace(/\//g, "\\/")} \\{([^}]*)\\}`))?.[1];
    expect(block).toMatch(/proxy_pass http:\/\/app;/);
  }
  expect(shipped).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
  expect(shipped).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
  expect(shipped).toMatch(/proxy_http_version 1\.1;/);
});

it("docker-compose.yml runs every instance nginx names, behind nginx, with one secret and Redis", () => {
  const upstreams = [...shipped.matchAll(/^\s*server (app\d+):3000 /gm)].map((m) => m[1]);
  expect(upstreams).toEqual(["app1", "app2"]);
  for (const name of upstreams) expect(compose).toMatch(new RegExp(`^  ${name}:`, "m"));
  expect(compose).toMatch(/- \.\/deploy\/nginx\.conf:\/etc\/nginx\/nginx\.conf:ro/);
  expect(compose).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
  expect(compose).toMatch(/SESSION_SECRET: \$\{SESSION_SECRET:\?/);
  // Only nginx is published: the instances are reached through it.
  expect([...compose.matchAll(/^ {4}ports:/gm)]).toHaveLength(1);
  expect(compose).toMatch(/nginx:\n(?: {4}.*\n)*? {4}ports:\n {6}- "3000:80"/);
});
