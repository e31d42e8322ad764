// What a page's first visit downloads, by chunk and by package (docs/targets.md P9: ≤ 350 KiB of JavaScript transferred):
// builds the client into a temporary folder, follows the entry's and the page's static imports (plus the chunks
// the shell always loads after it), and prints each chunk's size as served — its Brotli copy from the build
// (client/scripts/precompress.mjs) — and the packages that weigh most. A package's share of a chunk is estimated
// from its rendered length, so the per-package figures are approximate; the chunk figures are exact, but leave
// out the HTTP headers that tests/e2e/transfer.test.ts counts from Chromium's network log.
//
//   node client/scripts/firstRoute.mjs [Page=DashboardPage] [alsoLoaded=esm,NotificationBell]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const page = process.argv[2] ?? "DashboardPage";
// socket.io-client and the bell are imported dynamically but load on every signed-in page.
const alsoLoaded = (process.argv[3] ?? "esm,NotificationBell").split(",");
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "first-route-"));

const chunks = {};
await build({
  root,
  logLevel: "warn",
  build: { outDir, emptyOutDir: true },
  plugins: [
    {
      name: "first-route-report",
      generateBundle(_options, bundle) {
        for (const [file, c] of Object.entries(bundle))
          if (c.type === "chunk")
            chunks[file] = {
              isEntry: c.isEntry,
              imports: c.imports,
              facade: c.facadeModuleId ?? "",
              modules: Object.entries(c.modules).map(([id, m]) => [id, m.renderedLength]),
            };
      },
    },
  ],
});

const files = Object.keys(chunks);
const closure = new Set();
const visit = (file) => {
  if (!file || closure.has(file)) return;
  closure.add(file);
  for (const i of chunks[file].imports) visit(i);
};
visit(files.find((f) => chunks[f].isEntry));
visit(files.find((f) => chunks[f].facade.endsWith(`/${page}.tsx`)));
for (const name of alsoLoaded) visit(files.find((f) => path.basename(f).startsWith(`${name}-`)));

const packageOf = (id) => {
  const inModules = id.split("node_modules/")[1];
  if (inModules) {
    const [scope, name] = inModules.split("/");
    return scope.startsWith("@") ? `${scope}/${name}` : scope;
  }
  const ours = id.match(/(client\/src\/[^/]+(?:\/[^/.]+)?|shared\/src)/);
  return ours ? ours[1] : id;
};
let total = 0;
const byPackage = new Map();
const rows = [];
for (const file of closure) {
  const served = path.join(outDir, file);
  const size = fs.statSync(fs.existsSync(`${served}.br`) ? `${served}.br` : served).size;
  total += size;
  rows.push([size, file]);
  const rendered = chunks[file].modules.reduce((s, [, n]) => s + n, 0) || 1;
  for (const [id, n] of chunks[file].modules) {
    const key = packageOf(id);
    byPackage.set(key, (byPackage.get(key) ?? 0) + (n / rendered) * size);
  }
}
const kib = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(
  `${page} as a first route: ${kib(total).trim()} KiB (Brotli, as served) in ${closure.size} files\n`,
);
for (const [size, file] of rows.sort((a, b) => b[0] - a[0]).slice(0, 15)) console.log(kib(size), file);
console.log("\nby package (approximate):");
for (const [key, size] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(kib(size), key);
fs.rmSync(outDir, { recursive: true, force: true });
