// Bundles the server (with the workspace package shared/) into server/dist/main.js and the seeds' entry point into
// server/dist/main.seed.js, leaving node_modules packages external. A bundled start skips tsx's on-the-fly compilation (TARGETS P8: ready ≤ 3 s).
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Tests build their own copy beside it (`--outfile server/dist/test-<pid>.js`): same folder, same __dirname.
const at = process.argv.indexOf("--outfile");
const outfile = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, "server/dist/main.js");

// The server, and beside it the seeds' entry point (`<name>.seed.js`), which the server loads at run time only to
// replay the sample into an empty database and which makes the start snapshot (server/src/firstStart.ts).
const bundles = [
  ["server/src/main.ts", outfile],
  ["seeds/src/entry.ts", outfile.replace(/\.js$/, ".seed.js")],
];
await Promise.all(bundles.map(([entry, out]) => bundle(path.join(root, entry), out)));

function bundle(entry, out) {
  return build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: true,
    logLevel: "warning",
    plugins: [
      {
        // Everything from the registry stays a runtime require; only our own workspace packages are bundled.
        name: "externalize-registry-packages",
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@ca/") ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
}
