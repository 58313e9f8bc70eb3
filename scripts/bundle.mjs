#!/usr/bin/env node
// Bundles the compiled CLI into one CommonJS file, dist/bundle/main.cjs, plus V8's code cache for it
// (main.cjs.cache); bin/mmn-dose.cjs loads both through bin/load-bundle.cjs.
//
// Why this shape (measured on the dev machine with `npm run bench`, node -e 0 ≈ 60 ms; the
// one-patient run went from 1.9× to 1.3× of that):
// - One file, not split chunks: Node's ESM loader pays per module, and ten chunks on the one-patient
//   path cost ~20 ms. esbuild still keeps the lazily imported parts (batch, ICS, CSV, JSON Schema,
//   products) lazy inside the file: their code is parsed but not run until a command needs it.
// - CommonJS, not ESM: loading the same bundle through the ESM loader costs ~6–10 ms more on Node 20.
// - commander requires node:child_process at load time for executable subcommands, which mmn-dose
//   does not use; loading it costs ~3 ms, so here it is required on first use instead.
// - The code cache saves compiling the bundle on every run (~13 ms). On Node >= 22.1 bin/load-bundle.cjs
//   uses Node's own module.enableCompileCache() instead; the hand-made cache is the Node 20 fallback.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

/** `require("node:child_process")` from commander → a proxy that requires it on first property read. */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`node_modules/commander/`)
        ? { path: "child_process", namespace: "lazy-builtin" }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, () => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require("node:child_process"))[key] });`,
      loader: "js",
    }));
  },
};

rmSync("dist/bundle", { recursive: true, force: true }); // no stale files from an older layout

await build({
  // esbuild reads the TypeScript sources directly (tsc in `npm run build` type-checks and emits dist/ for scripts).
  entryPoints: ["src/cli/entry.ts"],
  outfile: "dist/bundle/main.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [lazyChildProcess],
  // main.ts reads ../../package.json relative to its own URL; in CommonJS that URL is this file's.
  define: { "import.meta.url": "__mmnModuleUrl" },
  banner: { js: '"use strict";' + "const __mmnModuleUrl=require('node:url').pathToFileURL(__filename).href;" },
});

// bin/load-bundle.cjs runs the bundle as a vm.Script, which has no loader for import(): every
// dynamic import must have been bundled (esbuild keeps import() of Node built-ins; import them statically).
if (readFileSync("dist/bundle/main.cjs", "utf8").includes("import("))
  throw new Error("dist/bundle/main.cjs contains import()");

// V8's code cache for the bundle (bin/load-bundle.cjs explains), made in a fresh process.
const cache = spawnSync(process.execPath, ["scripts/code-cache.cjs"], { stdio: "inherit" });
if (cache.status !== 0) throw new Error(`scripts/code-cache.cjs exited ${cache.status}`);
