import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withOptionsTable } from "../../src/cli/optionsDoc.js";
import { SCHEDULE_OPTIONS } from "../../src/cli/options.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("README options table", () => {
  it("is the one generated from src/cli/options.ts (run `npm run docs:options`)", () => {
    expect(readme).toBe(withOptionsTable(readme));
  });

  it("lists every option with a meaning", () => {
    for (const spec of SCHEDULE_OPTIONS.filter((o) => o.readme !== undefined))
      expect(readme).toContain(`| \`${spec.flags.replace(/\|/g, "\\|")}\` |`);
  });
});
