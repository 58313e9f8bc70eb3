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
