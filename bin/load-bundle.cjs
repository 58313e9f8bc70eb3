"use strict";
// Loads dist/bundle/main.cjs, and each chunk of it (dist/bundle/<name>.cjs, scripts/bundle.mjs
// says which) when the bundle first asks for it. Where Node has its own compile cache
// (module.enableCompileCache, Node >= 22.1), that is used and the files are required as usual.
// Node 20 has none, so there each file runs with a hand-made V8 code cache when one fits: without
// one every run would parse and compile the bundle and then each function it calls, ~13 ms of an
// ~80 ms start-up (measured).
// REMOVAL NOTE: when package.json's engines move to Node >= 22.1, delete the hand-made cache (this
// fallback, scripts/code-cache.cjs, the .cache step in scripts/bundle.mjs, test/e2e/bundle.test.ts's
// cache checks) and keep only `enableCompileCache(); require(file)`.
//
// scripts/code-cache.cjs writes <file>.cache at build time from warm-up runs.
// The hand-made cache is used only when
// - its CRC-32 of the file's bytes matches (V8 itself checks just the length, and an edited
//   constant keeps the length: V8 would run the old code),
// - its CRC-32 of the cached data matches (V8 release builds do not check the bytes, and damaged
//   data can crash Node), and
// - V8 accepts it for this Node and these flags.
// Otherwise the file compiles as usual, so the cache can make a run faster, never different.
// A cached script keeps the name it was made under, so it is made and run under a fixed name,
// not the build directory's path; `--debug` (stack traces) skips the cache to show the real path.
// The fallback writes nothing at run time (Node's own cache writes to its cache directory).
const { readFileSync } = require("node:fs");
// The CommonJS loader's own Module class: on Node 20, require("node:module") would also load the ES
// module loader and source-map support, which no run here uses (docs/performance-startup.md).
const Module = module.constructor;
const { createRequire, wrap } = Module;
// Node >= 22.1 only; node:module (the same object, once loaded) is loaded for it there alone.
const enableCompileCache =
  Module.enableCompileCache ??
  (Number(process.versions.node.split(".")[0]) >= 22 ? require("node:module").enableCompileCache : undefined);
const { join } = require("node:path");
const { Script } = require("node:vm");
/**
 * zlib's CRC-32. node:zlib itself loads node:stream and its helpers, ~3 ms of every run (measured), for
 * this one native function, which Node's zlib binding holds too. process.binding is deprecated only
 * under --pending-deprecation (it would then print a warning): node:zlib serves that case, a Node
 * whose binding has no crc32, and Node's permission model (--experimental-permission), which refuses
 * process.binding.
 */
const nativeCrc32 = pendingDeprecation() ? undefined : zlibBinding()?.crc32;
const crc32 = typeof nativeCrc32 === "function" ? (data) => nativeCrc32(data, 0) : require("node:zlib").crc32;

/** Node's zlib binding, or undefined where process.binding is refused (Node's permission model). */
function zlibBinding() {
  try {
    return process.binding("zlib");
  } catch {
    return undefined;
  }
}

function pendingDeprecation() {
  // Anywhere in the text (NODE_OPTIONS may quote it): a false match only means node:zlib is used.
  const inOptions = (text) => /--pending[-_]deprecation/.test(text ?? "");
  return (
    process.execArgv.some((a) => inOptions(a)) ||
    inOptions(process.env.NODE_OPTIONS) ||
    process.env.NODE_PENDING_DEPRECATION === "1"
  );
}

const dir = join(__dirname, "..", "dist", "bundle");
const file = join(dir, "main.cjs");
const cacheFile = `${file}.cache`;
const HEADER_BYTES = 8; // CRC-32 of the file, CRC-32 of the cached data

/** How this process loads files ("node": Node's compile cache; else loadBundle's `cache`), its main exports, its chunks. */
const state = { mode: "use", main: undefined, chunks: new Map() };

/** The cached data for `source`, or undefined when there is none that fits. */
function cacheFor(source, cachePath) {
  let cache;
  try {
    cache = readFileSync(cachePath);
  } catch {
    return undefined; // no cache (e.g. a build that skipped it): compile as usual
  }
  if (cache.length <= HEADER_BYTES || cache.readUInt32BE(0) !== crc32(source)) return undefined;
  const data = cache.subarray(HEADER_BYTES);
  return cache.readUInt32BE(4) === crc32(data) ? data : undefined;
}

/** Runs one file of the bundle as loadBundle's `cache` says; returns its exports, script and source. */
function runFile(path, cache) {
  const source = readFileSync(path);
  const cachedData = cache === "use" ? cacheFor(source, `${path}.cache`) : undefined;
  const filename = cache === "skip" ? path : `mmn-dose/dist/bundle/${path.slice(dir.length + 1)}`;
  const script = new Script(wrap(source.toString("utf8")), { filename, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(path), module, path, dir);
  return { exports: module.exports, script, source };
}

/**
 * Runs the bundle and returns its exports: through Node's compile cache where there is one (the
 * default "use" only), else as `loadBundle` does.
 */
function startBundle(cache = "use") {
  if (cache === "use" && typeof enableCompileCache === "function") {
    enableCompileCache();
    state.mode = "node";
    state.main = require(file);
    return { exports: state.main };
  }
  return loadBundle(cache);
}

/**
 * Runs the bundle with the hand-made V8 code cache and returns its exports. `cache`: "use" (the default), "skip" (compile as usual,
 * under the real path), or "make" (no cache read; the script is named as a cached one will be).
 * Chunks the bundle loads later are loaded the same way.
 */
function loadBundle(cache = "use") {
  state.mode = cache;
  const loaded = runFile(file, cache);
  state.main = loaded.exports;
  return loaded;
}

/** The exports of chunk `name` (dist/bundle/<name>.cjs), loaded on the first call. */
function loadChunk(name) {
  let loaded = state.chunks.get(name);
  if (loaded === undefined) {
    const path = join(dir, `${name}.cjs`);
    loaded = state.mode === "node" ? { exports: require(path) } : runFile(path, state.mode);
    state.chunks.set(name, loaded);
  }
  return loaded.exports;
}

/** A module of main.cjs that a chunk imports (one instance of it for the whole process). */
function shared(path) {
  return state.main.__shared[path]();
}

/** Every chunk loaded so far, as [name, { script, source }] (scripts/code-cache.cjs). */
function loadedChunks() {
  return [...state.chunks];
}

/** What scripts/code-cache.cjs writes, after warm-up runs of a script loaded with "make". */
function cacheData(script, source) {
  const data = script.createCachedData();
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(crc32(source), 0);
  header.writeUInt32BE(crc32(data), 4);
  return Buffer.concat([header, data]);
}

module.exports = { startBundle, loadBundle, loadChunk, shared, loadedChunks, cacheData, cacheFile };
