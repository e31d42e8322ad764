/**
 * The built client as the server sends it (docs/targets.md P9): a client folder made like a build — a hashed asset,
 * index.html, a public file — precompressed by the build's own step (client/scripts/precompress.mjs), then
 * served by the real app (CLIENT_DIR). Raw HTTP, so that nothing on the test's side decompresses: the headers
 * and bytes are exactly what a browser receives.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { pickEncoding } from "@ca/server/src/http/clientAssets";
import { startTestApp, type TestApp } from "../../support/testApp";

const ROOT = path.resolve(__dirname, "../../..");
const ASSET = "/assets/DashboardPage-B4x9Qw2e.js";
const IMMUTABLE = "public, max-age=31536000, immutable";
// Large and repetitive enough that both copies are much smaller than the file.
const SCRIPT = Array.from(
  { length: 400 },
  (_, i) => `export const row${i} = { rank: ${i}, unit: "Sở ${i}", total: ${i * 7} };`,
).join("\n");
const INDEX = `<!doctype html><html lang="vi"><head><script type="module" src="${ASSET}"></script></head><body><div id="root"></div>${"<!-- padding -->".repeat(80)}</body></html>`;

let app: TestApp;
let dir: string;

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request with exactly these headers; the body as received (still encoded). */
function raw(urlPath: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${app.baseUrl}${urlPath}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ca-client-"));
  fs.mkdirSync(path.join(dir, "assets"));
  fs.writeFileSync(path.join(dir, ASSET), SCRIPT);
  fs.writeFileSync(path.join(dir, "index.html"), INDEX);
  fs.writeFileSync(path.join(dir, "zod-config.js"), "globalThis.__zod = 1;\n");
  execFileSync(process.execPath, [path.join(ROOT, "client/scripts/precompress.mjs"), dir]);
  app = await startTestApp({ sample: false, env: { CLIENT_DIR: dir } });
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the build's compressed copies", () => {
  it("sit beside the file and decompress to it; a file too small to gain is left alone", () => {
    const script = fs.readFileSync(path.join(dir, ASSET));
    const br = fs.readFileSync(path.join(dir, `${ASSET}.br`));
    const gz = fs.readFileSync(path.join(dir, `${ASSET}.gz`));
    expect(zlib.brotliDecompressSync(br).equals(script)).toBe(true);
    expect(zlib.gunzipSync(gz).equals(script)).toBe(true);
    expect(br.length).toBeLessThan(gz.length);
    expect(gz.length).toBeLessThan(script.length / 4);
    expect(fs.existsSync(path.join(dir, "index.html.br"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "zod-config.js.br"))).toBe(false);
  });
});

describe("a hashed asset", () => {
  it("goes out as Brotli to a browser that accepts it, cached for a year", async () => {
    const res = await raw(ASSET, { "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/);
    expect(res.headers["cache-control"]).toBe(IMMUTABLE);
    expect(Number(res.headers["content-length"])).toBe(fs.statSync(path.join(dir, `${ASSET}.br`)).size);
    expect(res.headers["accept-ranges"]).toBeUndefined();
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it("goes out as gzip to one that accepts only gzip, or weighs it higher", async () => {
    for (const accept of ["gzip", "br;q=0.5, gzip", "gzip, br;q=0", "GZIP;q=0.8, identity;q=0.1"]) {
      const res = await raw(ASSET, { "Accept-Encoding": accept });
      expect([accept, res.headers["content-encoding"]]).toEqual([accept, "gzip"]);
      expect(res.headers["cache-control"]).toBe(IMMUTABLE);
      expect(res.headers["vary"]).toMatch(/Accept-Encoding/);
      expect(zlib.gunzipSync(res.body).toString()).toBe(SCRIPT);
    }
  });

  it("goes out as is without Accept-Encoding, or when the browser refuses both, and then serves ranges", async () => {
    for (const headers of [
      {} as Record<string, string>,
      { "Accept-Encoding": "identity" },
      { "Accept-Encoding": "br;q=0, gzip;q=0" },
    ]) {
      const res = await raw(ASSET, headers);
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.headers["vary"]).toMatch(/Accept-Encoding/);
      expect(res.headers["cache-control"]).toBe(IMMUTABLE);
      expect(Number(res.headers["content-length"])).toBe(Buffer.byteLength(SCRIPT));
      expect(res.body.toString()).toBe(SCRIPT);
    }
    const part = await raw(ASSET, { Range: "bytes=0-9" });
    expect(part.status).toBe(206);
    expect(part.body.toString()).toBe(SCRIPT.slice(0, 10));
    // An encoded copy is always sent whole.
    const whole = await raw(ASSET, { Range: "bytes=0-9", "Accept-Encoding": "br" });
    expect(whole.status).toBe(200);
    expect(whole.headers["content-encoding"]).toBe("br");
  });

  it("has one ETag per encoding, and a 304 only for the encoding the browser holds", async () => {
    const br = await raw(ASSET, { "Accept-Encoding": "br" });
    const gz = await raw(ASSET, { "Accept-Encoding": "gzip" });
    const plain = await raw(ASSET);
    const tags = [br, gz, plain].map((r) => r.headers["etag"]);
    expect(new Set(tags).size).toBe(3);
    const again = await raw(ASSET, { "Accept-Encoding": "br", "If-None-Match": br.headers["etag"]! });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["cache-control"]).toBe(IMMUTABLE);
    // The browser holds the Brotli bytes' tag but now asks for gzip: it must get the gzip bytes.
    const other = await raw(ASSET, { "Accept-Encoding": "gzip", "If-None-Match": br.headers["etag"]! });
    expect(other.status).toBe(200);
    expect(other.headers["content-encoding"]).toBe("gzip");
  });

  it("answers HEAD with the headers of the GET and no body", async () => {
    const res = await raw(ASSET, { "Accept-Encoding": "br" }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(Number(res.headers["content-length"])).toBe(fs.statSync(path.join(dir, `${ASSET}.br`)).size);
    expect(res.body.length).toBe(0);
  });

  it("is a 404 when missing (an old chunk after a deploy), never the page's HTML", async () => {
    const res = await raw("/assets/Gone-0000.js", { "Accept-Encoding": "br" });
    expect(res.status).toBe(404);
    expect(res.headers["content-type"]).not.toMatch(/html/);
  });
});

describe("index.html and the other unhashed files", () => {
  it("are revalidated on every use, compressed too, for the root, any app route, and by name", async () => {
    for (const url of ["/", "/periods/8e1c/dashboard", "/index.html"]) {
      const res = await raw(url, { "Accept-Encoding": "br, gzip" });
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["content-encoding"]).toBe("br");
      expect(res.headers["vary"]).toMatch(/Accept-Encoding/);
      expect(zlib.brotliDecompressSync(res.body).toString()).toBe(INDEX);
    }
    const again = await raw("/periods/8e1c/dashboard", {
      "Accept-Encoding": "br",
      "If-None-Match": (await raw("/", { "Accept-Encoding": "br" })).headers["etag"]!,
    });
    expect(again.status).toBe(304);
    // A public file with no compressed copy: sent as is, not varying, revalidated.
    const small = await raw("/zod-config.js", { "Accept-Encoding": "br" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.headers["vary"]).toBeUndefined();
    expect(small.headers["cache-control"]).toBe("no-cache");
    expect(small.headers["content-type"]).toBe("text/javascript; charset=utf-8");
  });

  it("never leaves the client folder, whatever the path says", async () => {
    fs.writeFileSync(path.join(dir, ".secret"), "not for the web");
    for (const url of [
      "/..%2f..%2fpackage.json",
      "/assets/..%2f..%2fpackage.json",
      "/.secret",
      "/%2e%2e/%2e%2e/etc/passwd",
    ]) {
      const res = await raw(url);
      expect([url, res.body.toString()]).not.toEqual([url, expect.stringContaining("not for the web")]);
      expect(res.body.toString()).not.toMatch(/"workspaces"|root:/);
      if (res.status === 200) expect(res.body.toString()).toBe(INDEX);
    }
  });
});

describe("API responses", () => {
  it("are compressed above 1 KiB and sent as is below it", async () => {
    const big = await raw("/api/openapi.json", { "Accept-Encoding": "gzip, deflate, br" });
    expect(big.status).toBe(200);
    expect(big.headers["content-encoding"]).toBe("br");
    expect(big.headers["vary"]).toMatch(/Accept-Encoding/);
    const spec = JSON.parse(zlib.brotliDecompressSync(big.body).toString()) as { openapi: string };
    expect(spec.openapi).toMatch(/^3\./);
    const small = await raw("/api/me", { "Accept-Encoding": "gzip, deflate, br" });
    expect(small.status).toBe(401);
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});

describe("pickEncoding", () => {
  const both = ["br", "gzip"] as const;
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip, deflate, br, zstd", "br"],
    ["br;q=0.9, gzip", "gzip"],
    ["*", "br"],
    ["*;q=0.5, gzip", "gzip"],
    ["br;q=0, *", "gzip"],
    ["identity;q=1, br;q=0.5", "identity"],
    ["identity;q=0, br;q=0", "identity"],
    ["br;q=nonsense, gzip;q=0.1", "gzip"],
    ["deflate", "identity"],
  ])("%p → %p", (header, expected) => {
    expect(pickEncoding(header, both)).toBe(expected);
  });
  it("only offers what the build wrote", () => {
    expect(pickEncoding("br, gzip", ["gzip"])).toBe("gzip");
    expect(pickEncoding("br, gzip", [])).toBe("identity");
  });
});
