import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";

describe("mmn-dose alone: the short usage", () => {
  it("fits 80 columns in at most 10 lines and names every command, explain and compare included", async () => {
    const r = await runInProcess([]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(10);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    for (const command of ["compare", "explain", "batch", "products", "config", "schema"])
      expect(r.stderr, command).toMatch(new RegExp(`\\b${command}\\b`));
    expect(r.stderr).toContain("--explain");
  });
});

describe("a subcommand's unknown option", () => {
  it.each(["products", "config", "batch", "schema", "compare", "review", "explain", "completion"])(
    "%s --bogus points to '%s --help', not the program's",
    async (command) => {
      const r = await runInProcess([command, "--bogus"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`Run 'mmn-dose ${command} --help' for the options and their ranges.`);
    },
  );
});
