#!/usr/bin/env node
"use strict";
// `npm pack` and `npm publish` ship package.json as it is on disk when the tarball is made. The
// package runs from its bundle (dist/bundle/main.cjs holds every dependency), so the packed
// manifest needs no scripts: without them npm has no install script to warn about ("install scripts
// not yet covered by allowScripts") when a user installs the tarball. prepack runs `strip` (the
// original is kept beside it), postpack runs `restore`. A stale package.json.packing means a pack
// was interrupted: `restore` puts the original back.
const { existsSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const manifest = join(__dirname, "..", "package.json");
const kept = `${manifest}.packing`;

if (process.argv[2] === "strip") {
  if (existsSync(kept)) throw new Error(`${kept} exists: run 'node scripts/pack-manifest.cjs restore' first`);
  const text = readFileSync(manifest, "utf8");
  writeFileSync(kept, text);
  const { scripts: _scripts, devDependencies: _dev, allowScripts: _allow, ...shipped } = JSON.parse(text);
  writeFileSync(manifest, `${JSON.stringify(shipped, null, 2)}\n`);
} else if (process.argv[2] === "restore") {
  if (existsSync(kept)) renameSync(kept, manifest);
} else {
  throw new Error("usage: node scripts/pack-manifest.cjs strip|restore");
}
