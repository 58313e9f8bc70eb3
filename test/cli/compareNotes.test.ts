import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";

const ARGS = [
  "compare",
  "--weight",
  "73",
  "--round",
  "none",
  "--regimen",
  "product=privigen,dose=1,every=3",
  "--regimen",
  "route=scig,scigProduct=hyqvia,dose=2,every=4",
];

interface Regimen {
  intervalWeeks: number;
  perCourse: { doseG: number };
  notes: { code: string; message: string }[];
  warnings: unknown[];
}

describe("compare never changes a regimen silently", () => {
  it("JSON: HyQvia's shortened interval is a note of its regimen, beside its warnings", async () => {
    const run = await runInProcess([...ARGS, "--json"]);
    expect(run.status).toBe(0);
    const [ivig, hyqvia] = JSON.parse(run.stdout).regimens as Regimen[];
    // 2 g/kg × 73 kg = 146 g every 4 weeks = 1460 mL at 10 % > 1200 mL a day, so every 3 weeks:
    // 146 g ÷ 4 weeks × 3 weeks = 109.5 g.
    expect(hyqvia!.intervalWeeks).toBe(3);
    expect(hyqvia!.perCourse.doseG).toBe(109.5);
    expect(hyqvia!.notes.map((n) => n.code)).toContain("SCIG_EVERY_SHORTENED");
    expect(hyqvia!.notes.find((n) => n.code === "SCIG_EVERY_SHORTENED")!.message).toContain("1460 mL");
    expect(Array.isArray(hyqvia!.warnings)).toBe(true);
    // 73 g of Privigen (1 g/kg) needs no rounding with --round none: nothing to say.
    expect(ivig!.notes).toEqual([]);
  });

  it("the table lists the note under the regimen it concerns, in the regimen's own terms", async () => {
    const run = await runInProcess(ARGS);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Notes \(\d+\)$/m);
    const line = run.stdout.split("\n").find((l) => l.includes("SCIG_EVERY_SHORTENED"));
    expect(line).toMatch(/i SCIG_EVERY_SHORTENED \[2\]: .*every 3 weeks, not 4/);
    // The one-patient flag --scig-every is not a compare option: the note names the regimen key.
    expect(line).toContain("scigEvery");
    expect(line).not.toContain("--scig-every");
  });

  it("a rounding note is carried too", async () => {
    // 73 kg × 1 g/kg = 73 g; Privigen vials 5, 10, 20, 40 g: 75 g is the nearest whole-vial total.
    const run = await runInProcess([
      "compare",
      "--weight",
      "73",
      "--regimen",
      "product=privigen,dose=1,every=3",
      "--regimen",
      "dose=2,every=4",
      "--json",
    ]);
    const [privigen] = JSON.parse(run.stdout).regimens as Regimen[];
    expect(privigen!.perCourse.doseG).toBe(75);
    expect(privigen!.notes.map((n) => n.code)).toContain("ROUNDED");
  });
});
