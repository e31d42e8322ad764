// Brotli (quality 11) and gzip (level 9) copies of every compressible file of the build, written next to it
// (`x.js.br`, `x.js.gz`): the server picks one by the browser's Accept-Encoding and sends it as is, so the
// slowest, smallest compression is paid once per build, never per request nor at start (docs/targets.md P8, P9).
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import zlib from "node:zlib";

// Text formats only: images, fonts (woff2 is Brotli inside) and archives are compressed already.
const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".txt", ".xml", ".map"]);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function* files(dir) {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name))) yield full;
  }
}

/** Writes `.br` and `.gz` beside each compressible file under `dir`; a copy that would not be smaller is skipped. */
export async function precompressDir(dir) {
  const jobs = [];
  for await (const file of files(dir))
    jobs.push(
      fs.readFile(file).then(async (bytes) => {
        const [br, gz] = await Promise.all([
          brotli(bytes, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
          gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
        ]);
        const written = { file, size: bytes.length, br: 0, gz: 0 };
        // Written after the original, so a copy is never older than its source (the server checks that).
        if (br.length < bytes.length)
          await fs.writeFile(`${file}.br`, br).then(() => (written.br = br.length));
        if (gz.length < bytes.length)
          await fs.writeFile(`${file}.gz`, gz).then(() => (written.gz = gz.length));
        return written;
      }),
    );
  return Promise.all(jobs);
}

/** The Vite plugin: precompresses the output folder once the build (public files included) is written. */
export function precompress() {
  let outDir = "";
  return {
    name: "precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const started = performance.now();
      const done = await precompressDir(outDir);
      const sum = (key) => done.reduce((s, f) => s + f[key], 0) / 1024;
      this.info?.(
        `precompressed ${done.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          `${sum("size").toFixed(0)} KiB → brotli ${sum("br").toFixed(0)} KiB, gzip ${sum("gz").toFixed(0)} KiB`,
      );
    },
  };
}

// `node client/scripts/precompress.mjs <folder>`: the same step on a folder built some other way.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv[2]) throw new Error("usage: node client/scripts/precompress.mjs <folder>");
  await precompressDir(path.resolve(process.argv[2]));
}
