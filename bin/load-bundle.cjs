"use strict";
// Loads dist/bundle/main.cjs. Where Node has its own compile cache (module.enableCompileCache,
// Node >= 22.1), that is used and the bundle is required as usual. Node 20 has none, so there the
// bundle runs with a hand-made V8 code cache when one fits: without one every run would parse and
// compile the bundle and then each function it calls, ~13 ms of an ~80 ms start-up (measured).
// REMOVAL NOTE: when package.json's engines move to Node >= 22.1, delete the hand-made cache (this
// fallback, scripts/code-cache.cjs, the .cache step in scripts/bundle.mjs, test/e2e/bundle.test.ts's
// cache checks) and keep only `enableCompileCache(); require(file)`.
//
// scripts/code-cache.cjs writes main.cjs.cache at build time from warm-up runs.
// The hand-made cache is used only when
// - its CRC-32 of the bundle's bytes matches (V8 itself checks just the length, and an edited
//   constant keeps the length: V8 would run the old code),
// - its CRC-32 of the cached data matches (V8 release builds do not check the bytes, and damaged
//   data can crash Node), and
// - V8 accepts it for this Node and these flags.
// Otherwise the bundle compiles as usual, so the cache can make a run faster, never different.
// A cached script keeps the name it was made under, so it is made and run under a fixed name,
// not the build directory's path; `--debug` (stack traces) skips the cache to show the real path.
// The fallback writes nothing at run time (Node's own cache writes to its cache directory).
const { readFileSync } = require("node:fs");
const { createRequire, enableCompileCache, wrap } = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");
const { crc32 } = require("node:zlib");

const file = join(__dirname, "..", "dist", "bundle", "main.cjs");
const cacheFile = `${file}.cache`;
const CACHED_SCRIPT_NAME = "mmn-dose/dist/bundle/main.cjs";
const HEADER_BYTES = 8; // CRC-32 of the bundle, CRC-32 of the cached data

/** The cached data for `source`, or undefined when there is none that fits. */
function cacheFor(source) {
  let cache;
  try {
    cache = readFileSync(cacheFile);
  } catch {
    return undefined; // no cache (e.g. a build that skipped it): compile as usual
  }
  if (cache.length <= HEADER_BYTES || cache.readUInt32BE(0) !== crc32(source)) return undefined;
  const data = cache.subarray(HEADER_BYTES);
  return cache.readUInt32BE(4) === crc32(data) ? data : undefined;
}

/**
 * Runs the bundle and returns its exports: through Node's compile cache where there is one (the
 * default "use" only), else as `loadBundle` does.
 */
function startBundle(cache = "use") {
  if (cache === "use" && typeof enableCompileCache === "function") {
    enableCompileCache();
    return { exports: require(file) };
  }
  return loadBundle(cache);
}

/**
 * Runs the bundle with the hand-made V8 code cache and returns its exports. `cache`: "use" (the default), "skip" (compile as usual,
 * under the real path), or "make" (no cache read; the script is named as a cached one will be).
 */
function loadBundle(cache = "use") {
  const source = readFileSync(file);
  const cachedData = cache === "use" ? cacheFor(source) : undefined;
  const filename = cache === "skip" ? file : CACHED_SCRIPT_NAME;
  const script = new Script(wrap(source.toString("utf8")), { filename, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, join(file, ".."));
  return { exports: module.exports, script, source };
}

/** What scripts/code-cache.cjs writes, after warm-up runs of a script loaded with "make". */
function cacheData(script, source) {
  const data = script.createCachedData();
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(crc32(source), 0);
  header.writeUInt32BE(crc32(data), 4);
  return Buffer.concat([header, data]);
}

module.exports = { startBundle, loadBundle, cacheData, cacheFile };
