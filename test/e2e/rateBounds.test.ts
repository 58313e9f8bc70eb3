import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

// Figures by hand from docs/clinical.md §2, §7.2 and §13.5 (mL/kg/h = mL/kg/min × 60).

const BASE = ["--weight", "77", "--start", "2026-12-01", "--courses", "2"];
const laterTop = (stdout: string) => {
  const r = JSON.parse(stdout) as { infusions: { ratePlan: { mlPerKgPerHour: number }[] }[] };
  return Math.max(...r.infusions.slice(1).flatMap((i) => i.ratePlan.map((s) => s.mlPerKgPerHour)));
};

describe("the built CLI at the edges of the rate plan", () => {
  it("Privigen --at-risk: later infusions stop at 3.6 mL/kg/h (0.06 mL/kg/min), below the ordinary 4.8", () => {
    const ordinary = runCli([...BASE, "--product", "privigen", "--json"]);
    const atRisk = runCli([...BASE, "--product", "privigen", "--json", "--at-risk"]);
    expect(laterTop(ordinary.stdout)).toBe(4.8);
    expect(laterTop(atRisk.stdout)).toBe(3.6);
  });

  it("Kiovig --initial-rate 3 --max-rate 15: exit 2 naming the option, the bound and its source", () => {
    const r = runCli([...BASE, "--product", "kiovig", "--initial-rate", "3", "--max-rate", "15"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /--initial-rate 3 is above 0\.5 mL\/kg\/h, .*Gammagard Liquid 10 %.*--allow-above-label-rate/,
    );
  });

  it.each([
    ["gammagard-liquid", "30 min"],
    ["octagam-10", "30 min"],
    ["panzyga", "15 min"],
  ])("%s --rate-steps 7 --step-minutes 5: exit 2 naming --step-minutes and the label's %s", (id, figure) => {
    const r = runCli([...BASE, "--product", id, "--rate-steps", "7", "--step-minutes", "5"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--step-minutes 5 is shorter than");
    expect(r.stderr).toContain(figure);
    expect(r.stderr.trim().split("\n")).toHaveLength(2);
  });

  it("--step-minutes 5 with --allow-above-label-rate: accepted with STEP_MINUTES_BELOW_LABEL", () => {
    const r = runCli([...BASE, "--step-minutes", "5", "--allow-above-label-rate", "--json"]);
    expect(r.status).toBe(0);
    const w = (JSON.parse(r.stdout) as { warnings: { code: string; message: string }[] }).warnings;
    expect(w.find((m) => m.code === "STEP_MINUTES_BELOW_LABEL")!.message).toMatch(/30 min/);
  });

  it("--help says the new rules", () => {
    const help = runCli(["--help"]).stdout.replace(/\s+/g, " ");
    expect(help).toMatch(/shorter than the label's step .* needs --allow-above-label-rate/);
    expect(help).toMatch(/always slower than the ordinary plan/);
  });
});
