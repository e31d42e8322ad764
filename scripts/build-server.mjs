// Bundles the server (with the workspace packages shared/ and seeds/) into server/dist/main.js, leaving
// node_modules packages external. A bundled start skips tsx's on-the-fly compilation (TARGETS P8: ready ≤ 3 s).
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Tests build their own copy beside it (`--outfile server/dist/test-<pid>.js`): same folder, same __dirname.
const at = process.argv.indexOf("--outfile");
const outfile = at > 0 ? path.resolve(process.argv[at + 1]) : path.join(root, "server/dist/main.js");

await build({
  entryPoints: [path.join(root, "server/src/main.ts")],
  outfile,
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
