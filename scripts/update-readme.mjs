#!/usr/bin/env node
// Regenerates the output under every ```console example in README.md and the guides in docs/ from
// the built CLI, so no example drifts from what the tool prints (test/e2e/readme.test.ts checks it).
// Prints the files it changed: read their diff before committing.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const files = [
  "README.md",
  ...readdirSync(`${root}docs`)
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

for (const file of files) {
  const text = readFileSync(`${root}${file}`, "utf8");
  const updated = text.replace(/```console\n\$ (mmn-dose[^\n]*)\n[\s\S]*?```/g, (_block, command) => {
    const args = command
      .replace(/^mmn-dose\s*/, "")
      .split(/\s+/)
      .filter(Boolean);
    const r = spawnSync(process.execPath, [`${root}bin/mmn-dose.cjs`, ...args], {
      cwd: root,
      encoding: "utf8",
      env: { PATH: process.env.PATH, NO_COLOR: "1", TZ: "UTC", HOME: "/nonexistent" },
    });
    return `\`\`\`console\n$ ${command}\n${r.stdout}\`\`\``;
  });
  if (updated !== text) {
    writeFileSync(`${root}${file}`, updated);
    console.log(`${file}: examples updated`);
  }
}
