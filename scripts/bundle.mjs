#!/usr/bin/env node
// Bundles the CLI into CommonJS files: dist/bundle/main.cjs (the one-patient command: options,
// the core, the table and JSON) and one chunk per renderer or command that not every run needs
// (CHUNKS below: commander with every command's set-up and help, ICS, HTML, FHIR, batch, review,
// compare, products, explain, completion, the review schema), each with V8's code cache beside it (<file>.cache); bin/mmn-dose.cjs loads
// main.cjs through bin/load-bundle.cjs, which loads a chunk when the bundle first asks for it.
//
// Why this shape (measured with `npm run bench` and in instructions, callgrind's Ir, which a
// loaded 2-vCPU machine does not blur; docs/performance.md has the figures):
// - Chunks, but few and CommonJS: Node's ESM loader pays per module (ten ESM chunks on the
//   one-patient path cost ~20 ms), and loading a bundle through it costs ~6–10 ms more on Node 20.
//   A chunk is a plain CommonJS file run like main.cjs, so it costs one file read and, with its
//   cache, no compiling. Before, everything sat in main.cjs: a code cache of one file is read and
//   deserialised whole on every run, and functions outside it (ICS, HTML, FHIR) compiled on use.
// - A chunk takes each source module main.cjs holds from main.cjs (one instance of every class,
//   table and setting, through main's `__shared` registry); npm packages a chunk needs are copied
//   into it instead, tree-shaken (requiring a package whole would put all of it in main.cjs).
// - commander requires node:child_process at load time for executable subcommands, which mmn-dose
//   does not use; loading it costs ~3 ms, so here it is required on first use instead.
// - The code cache saves compiling on every run (~13 ms for main.cjs). On Node >= 22.1
//   bin/load-bundle.cjs uses Node's own module.enableCompileCache() instead; the hand-made cache is
//   the Node 20 fallback. scripts/code-cache.cjs says which runs warm each cache up, and why.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { relative } from "node:path";
import { build } from "esbuild";

/**
 * Modules loaded by `import()` that become files of their own, dist/bundle/<name>.cjs, read only
 * when a run asks for them. Any other `import()` stays inside the file that makes it.
 */
const CHUNKS = {
  "src/render/ics.ts": "ics",
  "src/render/html.ts": "html",
  "src/render/fhir.ts": "fhir",
  "src/cli/batchStream.ts": "batch",
  "src/cli/review.ts": "review",
  "src/cli/compare.ts": "compare",
  "src/render/products.ts": "products",
  "src/render/messageCodes.ts": "explain",
  "src/data/messageCodes.ts": "message-codes",
  "src/cli/completionModel.ts": "completion-model",
  "src/cli/completionScripts.ts": "completion",
  "src/core/reviewSchema.ts": "review-schema",
  // commander: help, subcommands and usage errors; a plain one-patient run is read without it (scheduleArgv.ts).
  "src/cli/program.ts": "program",
};

const root = process.cwd();
const rel = (path) => relative(root, path).split("\\").join("/");

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

/**
 * Where the imports of one file go: `import()` of a CHUNKS module → that chunk, loaded by
 * bin/load-bundle.cjs on first use; in a chunk, a source module main.cjs holds → main.cjs's own
 * instance (one copy of each class and table), through main's `__shared` registry.
 */
function links(self, mainModules) {
  return {
    name: "mmn-links",
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData?.inner || args.namespace !== "file") return undefined;
        const r = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { inner: true },
        });
        if (r.errors.length > 0 || r.external) return undefined;
        const path = rel(r.path);
        if (args.kind === "dynamic-import" && CHUNKS[path] !== undefined && path !== self)
          return { path: CHUNKS[path], namespace: "mmn-chunk" };
        // npm packages are copied instead: requiring one whole (a barrel file) would put all of it in main.cjs.
        if (path.startsWith("src/") && mainModules?.has(path)) return { path, namespace: "mmn-shared" };
        return undefined;
      });
      b.onLoad({ filter: /.*/, namespace: "mmn-chunk" }, (args) => ({
        contents: `module.exports = __mmnChunk(${JSON.stringify(args.path)});`,
        loader: "js",
      }));
      b.onLoad({ filter: /.*/, namespace: "mmn-shared" }, (args) => ({
        contents: `module.exports = __mmnShared(${JSON.stringify(args.path)});`,
        loader: "js",
      }));
    },
  };
}

const LOADER = "require('../../bin/load-bundle.cjs')";
const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  // main.ts reads ../../package.json relative to its own URL; in CommonJS that URL is this file's.
  define: { "import.meta.url": "__mmnModuleUrl" },
};
const banner = (extra) => ({
  js: `"use strict";const __mmnModuleUrl=require('node:url').pathToFileURL(__filename).href;${extra}`,
});

/** main.cjs: the CLI's entry, with `__shared` giving chunks the modules in `shared` (lazily, via require). */
async function buildMain(shared, write) {
  const registry = [...shared]
    .sort()
    .map((path) => `${JSON.stringify(path)}: () => require(${JSON.stringify(`./${path}`)})`)
    .join(",\n");
  const result = await build({
    ...common,
    stdin: {
      contents: `export * from "./src/cli/entry.ts";\nexport const __shared = {\n${registry}\n};\n`,
      resolveDir: root,
      sourcefile: "main-entry.ts",
      loader: "ts",
    },
    outfile: "dist/bundle/main.cjs",
    write,
    plugins: [lazyChildProcess, links("src/cli/entry.ts", undefined)],
    banner: banner(`const __mmnChunk=(n)=>${LOADER}.loadChunk(n);`),
  });
  return new Set(Object.keys(Object.values(result.metafile.outputs)[0].inputs).filter((p) => !p.includes(":")));
}

rmSync("dist/bundle", { recursive: true, force: true }); // no stale files from an older layout

// 1. What main.cjs holds; 2. each chunk, taking those modules from main; 3. main.cjs, sharing them.
const mainModules = await buildMain([], false);
for (const path of Object.keys(CHUNKS))
  if (mainModules.has(path)) throw new Error(`${path} is a chunk but main.cjs imports it statically`);
const shared = new Set();
/**
 * Per chunk: esbuild settings of its own. ical-generator gives every event a default id from the
 * global `crypto.randomUUID()`, which src/render/ics.ts always replaces with its own stable UID;
 * touching the global `crypto` loads Node's Web Crypto (~14 M instructions, a sixth of Node's own
 * start-up, measured with callgrind), so in ics.cjs the default is a fixed text that is never used.
 */
const CHUNK_SETTINGS = {
  ics: {
    define: { ...common.define, "crypto.randomUUID": "__mmnUnusedEventId" },
    extraBanner:
      'const __mmnUnusedEventId=()=>"replaced by the UID src/render/ics.ts gives every event";' +
      `const __mmnUtf8Length=${utf8Length};/* __mmnUtf8Length end */`,
    plugins: [utf8LengthPerCharacter()],
  },
};

/**
 * The octets TextEncoder writes for `text` (UTF-8): a surrogate pair 4, a lone surrogate 3 (it
 * becomes U+FFFD). ical-generator passes a character, or a high surrogate with whatever follows it.
 */
function utf8Length(text) {
  let octets = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const paired = unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    octets += unit < 0x80 ? 1 : unit < 0x800 ? 2 : paired ? 4 : 3;
    if (paired) i++;
  }
  return octets;
}

/**
 * ical-generator folds each line at 75 octets (RFC 5545 §3.1) by measuring every character with
 * `new TextEncoder().encode(char).length`: a TextEncoder and a Uint8Array per character of the
 * calendar, ~55 M instructions of a ~260 M ICS run (callgrind). In ics.cjs that expression is
 * `__mmnUtf8Length(char)` (utf8Length above), the same count without them. The build fails if a new
 * ical-generator no longer has the expression once.
 */
function utf8LengthPerCharacter() {
  const expression = /new TextEncoder\(\)\.encode\((\w+)\)\.length/g;
  return {
    name: "utf8-length-per-character",
    setup(b) {
      b.onLoad({ filter: /node_modules\/ical-generator\/dist\/index\.c?m?js$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const found = source.match(expression)?.length ?? 0;
        if (found !== 1)
          throw new Error(`${args.path}: expected one TextEncoder line-length expression, found ${found}`);
        return { contents: source.replace(expression, "__mmnUtf8Length($1)"), loader: "js" };
      });
    },
  };
}

for (const [path, name] of Object.entries(CHUNKS)) {
  const { define, extraBanner = "", plugins = [] } = CHUNK_SETTINGS[name] ?? {};
  const result = await build({
    ...common,
    ...(define ? { define } : {}),
    entryPoints: [path],
    outfile: `dist/bundle/${name}.cjs`,
    plugins: [...plugins, lazyChildProcess, links(path, mainModules)],
    banner: banner(`const __mmnChunk=(n)=>${LOADER}.loadChunk(n),__mmnShared=(p)=>${LOADER}.shared(p);${extraBanner}`),
  });
  for (const input of Object.keys(Object.values(result.metafile.outputs)[0].inputs)) {
    if (input.startsWith("mmn-shared:")) shared.add(input.slice("mmn-shared:".length));
    const other = CHUNKS[input];
    if (other !== undefined && other !== name) throw new Error(`${name}.cjs holds ${input}, chunk ${other}`);
  }
}
const mainAgain = await buildMain(shared, true);
const ours = (p) => p.startsWith("src/") || p.startsWith("node_modules/");
if ([...mainAgain].filter(ours).sort().join() !== [...mainModules].filter(ours).sort().join())
  throw new Error(
    `main.cjs changed between its two builds: ${[...mainAgain].filter((p) => !mainModules.has(p))} / ${[...mainModules].filter((p) => !mainAgain.has(p))}`,
  );

// bin/load-bundle.cjs runs each file as a vm.Script, which has no loader for import(): every
// dynamic import must have been bundled or made a chunk (esbuild keeps import() of Node built-ins;
// import them statically).
for (const file of readdirSync("dist/bundle").filter((f) => f.endsWith(".cjs")))
  if (readFileSync(`dist/bundle/${file}`, "utf8").includes("import("))
    throw new Error(`dist/bundle/${file} contains import()`);

// V8's code cache for each file (bin/load-bundle.cjs explains), made in a fresh process.
const cache = spawnSync(process.execPath, ["scripts/code-cache.cjs"], { stdio: "inherit" });
if (cache.status !== 0) throw new Error(`scripts/code-cache.cjs exited ${cache.status}`);
