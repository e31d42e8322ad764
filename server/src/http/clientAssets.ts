import type { Stats } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { RequestHandler, Response } from "express";
import send from "send";
import { AppError } from "./errors";

/** The encodings the build writes beside each compressible file (client/scripts/precompress.mjs), preferred first. */
const VARIANTS = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;
export type Encoding = (typeof VARIANTS)[number]["encoding"] | "identity";

// Vite names everything under assets/ by its content hash: a changed file is a new URL, so a browser may keep
// these for a year without asking. Everything else (index.html, which names the current hashes; favicon; the
// public scripts) is revalidated on every use: a new build is seen at once, and an unchanged one costs a 304.
const HASHED = "assets/";
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
// Paths the single-page app never answers: the API and the sockets have their own handlers, and a hashed asset
// that is missing (a page left open across a deploy asking for an old chunk) must fail as a 404, not load HTML.
const NOT_THE_APP = /^\/(?:api|socket\.io|collab|assets)(?:\/|$)/;

/**
 * Serves the built client from `root`: files by path, index.html for every other GET (the single-page app); a
 * missing hashed asset is a 404.
 * Each file is sent as its Brotli or gzip copy when the browser accepts one (`Vary: Accept-Encoding`), with a
 * per-encoding ETag (so a 304 never confirms the wrong bytes) and the cache policy above.
 */
export function clientAssets(root: string): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    try {
      const file = await servedFile(root, req.path);
      if (file === null) return req.path.startsWith(`/${HASHED}`) ? next(new AppError("not_found")) : next();
      const available = await variantsOf(path.join(root, file));
      const encoding = pickEncoding(req.headers["accept-encoding"], available);
      const suffix = VARIANTS.find((v) => v.encoding === encoding)?.suffix ?? "";
      // send() takes a URL path: the file's name is encoded again, so that a `%` in it stays a `%`.
      send(req, file.split("/").map(encodeURIComponent).join("/") + suffix, {
        root,
        etag: false,
        lastModified: true,
        cacheControl: false,
        // Ranges of an encoded copy are valid HTTP but nothing here asks for them; identity keeps them.
        acceptRanges: encoding === "identity",
      })
        .on("headers", (r: Response, _path: string, sent: Stats) => {
          r.type(path.extname(file));
          r.setHeader("Cache-Control", file.startsWith(HASHED) ? IMMUTABLE : REVALIDATE);
          // Per encoding: a 304 must never confirm bytes in another encoding than the ones the browser holds.
          r.setHeader(
            "ETag",
            `W/"${sent.size.toString(16)}-${sent.mtime.getTime().toString(16)}-${encoding}"`,
          );
          if (available.length) r.vary("Accept-Encoding");
          if (encoding !== "identity") r.setHeader("Content-Encoding", encoding);
        })
        .on("error", next)
        .pipe(res);
    } catch (err) {
      next(err);
    }
  };
}

/**
 * The response encoding for an Accept-Encoding header: the highest-weighted of those we have (`*` counts),
 * Brotli before gzip on a tie; identity when the header is absent, accepts none of them, or weights identity
 * itself above them.
 */
export function pickEncoding(header: string | undefined, available: readonly Encoding[]): Encoding {
  if (!header) return "identity";
  const weights = new Map<string, number>();
  for (const part of header.split(",")) {
    const [coding, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!coding) continue;
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(coding, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get("*") ?? 0;
  let best: Encoding = "identity";
  let bestWeight = 0;
  for (const { encoding } of VARIANTS)
    if (available.includes(encoding) && weightOf(encoding) > bestWeight) {
      best = encoding;
      bestWeight = weightOf(encoding);
    }
  // Identity unnamed is the fallback (RFC 9110 §12.5.3); named, it competes by its weight.
  return weights.has("identity") && weights.get("identity")! > bestWeight ? "identity" : best;
}

/** The file a GET of `urlPath` is answered with: the file it names, else index.html; null for no file at all. */
async function servedFile(root: string, urlPath: string): Promise<string | null> {
  const named = relativeFile(urlPath);
  if (named !== null && (await fileStat(path.join(root, named)))) return named;
  if (NOT_THE_APP.test(urlPath)) return null;
  return (await fileStat(path.join(root, "index.html"))) ? "index.html" : null;
}

/** The URL path as a path under the client folder, or null for one that cannot name a file we serve. */
function relativeFile(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const parts = decoded.split("/").filter(Boolean);
  // Dot segments: `..` could leave the folder; dotfiles are never part of a build.
  if (!parts.length || parts.some((p) => p.startsWith("."))) return null;
  return parts.join("/");
}

async function fileStat(file: string): Promise<Stats | null> {
  const stat = await fs.stat(file).catch(() => null);
  return stat?.isFile() ? stat : null;
}

/** The encoded copies the build wrote beside a file (it empties the folder first, so none is left from another). */
async function variantsOf(file: string): Promise<Encoding[]> {
  const found = await Promise.all(
    VARIANTS.map(async (v) => ((await fileStat(file + v.suffix)) ? v.encoding : null)),
  );
  return found.filter((e) => e !== null);
}
