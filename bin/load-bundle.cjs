"use strict";
// Loads dist/bundle/main.cjs as require() would, but with V8's code cache when one fits.
//
// Node 20 has no built-in compile cache (module.enableCompileCache is Node 22+), so every run would
// parse and compile the bundle and then each function it calls: ~13 ms of a ~100 ms start-up
// (measured). scripts/code-cache.cjs writes main.cjs.cache at build time from warm-up runs. The
// cache is used only if it was made from this very source (CRC-32 of the bytes: V8 itself checks
// just the length, and an edited constant keeps the length) and V8 accepts it for this Node and
// flags; otherwise the bundle compiles as usual. So the cache can make a run faster, never different.
// Nothing is written at run time.
const { readFileSync } = require("node:fs");
const { createRequire, wrap } = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");
const { crc32 } = require("node:zlib");

const file = join(__dirname, "..", "dist", "bundle", "main.cjs");
const cacheFile = `${file}.cache`;

/** The cache file: 4 bytes CRC-32 of the bundle's bytes, then V8's cached data. */
function cacheFor(source) {
  try {
    const cache = readFileSync(cacheFile);
    return cache.length > 4 && cache.readUInt32BE(0) === crc32(source) ? cache.subarray(4) : undefined;
  } catch {
    return undefined; // no cache (e.g. a build that skipped it): compile as usual
  }
}

function loadBundle() {
  const source = readFileSync(file);
  const script = new Script(wrap(source.toString("utf8")), { filename: file, cachedData: cacheFor(source) });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, join(file, ".."));
  return { exports: module.exports, script, source };
}

/** What scripts/code-cache.cjs writes, after warm-up runs of `script`. */
function cacheData(script, source) {
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(source));
  return Buffer.concat([crc, script.createCachedData()]);
}

module.exports = { loadBundle, cacheData, cacheFile };
