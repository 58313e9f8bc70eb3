import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

// The built CLI, as a user runs it: figures hand-computed in test/core/compare.test.ts.
const THREE = ["--regimen", "dose=2,every=4", "--regimen", "dose=1,every=2", "--regimen", "route=scig,dose=2,every=4"];

describe("mmn-dose compare (built CLI)", () => {
  it("prints the table, and the same bytes twice", () => {
    const run = runCli(["compare", "--weight", "70", ...THREE, "--price-per-g", "60"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^mmn-dose compare · 3 regimens · steady state, per year of 365\.25 days$/m);
    expect(run.stdout).toMatch(/^ {2}Grams dispensed +1826\.25 +1826\.25 +1826\.25$/m);
    expect(run.stdout).toMatch(/^ {2}Infusion days +26\.09 +26\.09 +52\.18$/m);
    expect(runCli(["compare", "--weight", "70", ...THREE, "--price-per-g", "60"]).stdout).toBe(run.stdout);
  });

  it("prints JSON with --json", () => {
    const run = runCli(["compare", "--weight", "154lb", ...THREE, "--json"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.patient.weightKg).toBe(69.853); // 154 lb × 0.45359237 = 69.8532 kg, kept to the gram
    expect(doc.regimens).toHaveLength(3);
    expect(doc.regimens[0].costPerYear).toBeNull();
  });

  it("one regimen is exit 2 with one line", () => {
    const run = runCli(["compare", "--weight", "70", "--regimen", "dose=2"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toBe(
      "mmn-dose: compare needs at least two --regimen options (got 1), e.g. --regimen dose=2,every=4 --regimen " +
        "dose=1,every=2",
    );
  });

  it("is listed in mmn-dose --help and has its own --help", () => {
    expect(runCli(["--help"]).stdout).toMatch(/^ {2}compare \[options\] +regimens side by side/m);
    const help = runCli(["compare", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--regimen <key=value,…>");
    expect(help.stdout).toContain("--price-per-g <price>");
    expect(help.stdout).toContain("dose, every, days, maxDaily, product, vials, round, route, scigProduct");
  });
});
