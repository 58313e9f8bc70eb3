import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";

describe("the table's rate plans of a plan that changes product", () => {
  it("each letter names its phase's product and whose rates it follows", async () => {
    const r = await runInProcess(["--weight", "70", "--start", "2026-12-01", "--plan", "examples/plan.json"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split("\n");
    // No heading naming phase 1's IVIG product over the SCIG plans.
    expect(lines).toContain("Rate plans");
    expect(lines.find((l) => l.startsWith("  A  "))).toMatch(
      /\(phase 1: Gammagard Liquid 10 %, MMN \(US label\) rates/,
    );
    expect(lines.find((l) => l.startsWith("  C  "))).toMatch(/\(phase 3: Hizentra 20 %: the sites running at once/);
  });

  it("a single regimen keeps its one heading", async () => {
    const r = await runInProcess(["--weight", "70", "--start", "2026-12-01"]);
    expect(r.stdout).toContain(
      "Rate plans (Gammagard Liquid 10 %, MMN (US label) rates, per kg of dosing weight 70 kg;",
    );
  });
});
