import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { runInProcess } from "../helpers/inProcess.js";

// An SCIG phase after an IVIG phase converts the IVIG course the patient was given (its course total, as
// dispensed), not the unrounded weight × dose: the Hizentra PI's "previous IGIV dose (g)", the "equivalent
// dosages" of Harbo 2009 (docs/clinical.md §4.3) are of the IVIG the patient had.
// 82 kg × 1 g/kg = 82 g exact; Privigen vials 5, 10, 20, 40 g: the nearest whole-vial total is 80 g (2 × 40 g).
// SCIG at 1.37: 80 g ÷ 3 weeks × 1.37 = 36.533 g a week; every 2 weeks 73.067 g → whole Hizentra vials
// (1, 2, 4, 10 g): 73 g = 7 × 10 + 2 + 1. (Converting 82 g would give 37.45 g a week, 74.89 → 75 g.)
const dir = mkdtempSync(join(tmpdir(), "mmn-plan-conversion-"));
const path = join(dir, "privigen.json");
writeFileSync(
  path,
  JSON.stringify({
    phases: [
      { product: "privigen", dose: 1, every: 3 },
      { route: "scig", scigFactor: 1.37, scigEvery: 2 },
    ],
  }),
);

describe("--plan: SCIG converts the IVIG course the previous phase gave", async () => {
  const out = await runInProcess(["--weight", "82", "--start", "2026-12-01", "--plan", path, "--json", "--explain"]);
  const r = JSON.parse(out.stdout) as ScheduleResult & { explain: { step: string; formula: string; result: string }[] };

  it("phase 1 gives 80 g courses; phase 2 converts 80 g: 36.53 g a week, 73 g every 2 weeks", () => {
    expect(out.status).toBe(0);
    expect(r.phases![0]!.regimen.courseDoseG).toBe(80);
    const scig = r.phases![1]!.regimen;
    expect(scig.scig?.ivigCourseDoseG).toBe(80);
    expect(scig.scig?.weeklyDoseG).toBe(36.533);
    expect(scig.exactCourseDoseG).toBe(73.067);
    expect(scig.courseDoseG).toBe(73);
    expect(r.infusions.filter((i) => i.phase === 2)[0]!.vials).toEqual([
      { sizeG: 10, count: 7 },
      { sizeG: 2, count: 1 },
      { sizeG: 1, count: 1 },
    ]);
  });

  it("the conversion note says which dose was converted", () => {
    const note = r.notes.find((n) => n.code === "SCIG_FACTOR");
    expect(note?.message).toContain(
      "converts the 80 g IVIG course phase 1 gave (Privigen 10 %, as dispensed), not the exact 82 kg × 1 g/kg = 82 g",
    );
  });

  it("--explain shows the course given, then 80 g ÷ 3 weeks × 1.37", () => {
    const step = (name: string) => r.explain.find((s) => s.step === `Phase 2: ${name}`);
    expect(step("IVIG course dose converted")).toMatchObject({
      formula: "the course phase 1 gave (Privigen 10 %, as dispensed); the exact 82 kg × 1 g/kg = 82 g",
      result: "80 g",
    });
    expect(step("Weekly SCIG dose")?.formula).toMatch(/^80 g ÷ 3 weeks × factor 1\.37 /);
    expect(step("Weekly SCIG dose")?.result).toBe("36.53 g a week");
    expect(step("Dose per infusion")?.result).toBe("73.07 g");
  });
});
