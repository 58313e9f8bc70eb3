#!/usr/bin/env node
// Regenerates the output under every ```console example in README.md from the built CLI, so the
// README never drifts from what the tool prints (test/e2e/readme.test.ts checks it).
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const readme = readFileSync(`${root}README.md`, "utf8");
const updated = readme.replace(/```console\n\$ (mmn-dose[^\n]*)\n[\s\S]*?```/g, (_block, command) => {
  const args = command
    .replace(/^mmn-dose\s*/, "")
    .split(/\s+/)
    .filter(Boolean);
  const r = spawnSync(process.execPath, [`${root}bin/mmn-dose.cjs`, ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH, NO_COLOR: "1", TZ: "UTC" },
  });
  return `\`\`\`console\n$ ${command}\n${r.stdout}\`\`\``;
});
writeFileSync(`${root}README.md`, updated);
