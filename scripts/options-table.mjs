#!/usr/bin/env node
// Writes the README options table (between the options:start/end markers) from the options table
// in src/cli/options.ts, through the compiled dist/cli/optionsDoc.js (`npm run docs:options` builds first).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { withOptionsTable } from "../dist/cli/optionsDoc.js";

const readmePath = fileURLToPath(new URL("../README.md", import.meta.url));
const readme = readFileSync(readmePath, "utf8");
const updated = withOptionsTable(readme);
if (updated !== readme) writeFileSync(readmePath, updated);
console.log(updated === readme ? "README.md options table is current" : "README.md options table updated");
