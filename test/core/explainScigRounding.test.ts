import { describe, expect, it } from "vitest";
import { explainSchedule as explainScheduleData } from "../../src/core/explain.js";
import { planDerivedSchedule } from "../../src/core/schedule.js";
import { flagged } from "../helpers/inFlags.js";
import { scheduleInput } from "../helpers/input.js";

// The steps as the one-patient command shows them: option mentions phrased as flags.
const explainSchedule = flagged(explainScheduleData);

/** The Option Care Health order form: SC doses to the nearest single-use vial (docs/clinical.md §6). */
const SCIG_ROUNDING_URL = "https://cdn.shopify.com/s/files/1/0628/6658/7872/files/IG-Adult-1.pdf";

function roundingStep(overrides: Parameters<typeof scheduleInput>[0]) {
  const input = scheduleInput({ route: "scig", courses: 1, ...overrides });
  const steps = explainSchedule(planDerivedSchedule(input, "2026-11-25"));
  return steps.find((s) => s.step === "Rounding")!;
}

describe("--explain, SCIG rounding names the rounding applied", () => {
  it("--round 5g: the IVIG course goes to 5 g, the SCIG dose to whole vials (never '--round vial')", () => {
    // 82 kg × 1 g/kg = 82 g → nearest 5 g = 80 g; 80 ÷ 3 weeks × 1.37 = 36.533 g a week;
    // Hizentra vials 1, 2, 4, 10 g: 37 g (3 × 10 + 4 + 2 + 1) is the nearest whole-vial total.
    const s = roundingStep({ weightKg: 82, doseGPerKg: 1, intervalWeeks: 3, rounding: "5g", scig: { factor: 1.37 } });
    expect(s.result).toBe("37 g (+1.28 %)");
    expect(s.formula).not.toContain("--round vial");
    expect(s.formula).toContain("--round 5g");
    expect(s.formula).toContain("IVIG course dose");
    expect(s.formula).toContain("whole vials of 1, 2, 4, 10 g");
    expect(s.source).toBe(SCIG_ROUNDING_URL);
  });

  it("--round vial: whole vials, citing the SC rounding rule, not ASCIA's IVIG page", () => {
    const s = roundingStep({ weightKg: 82, doseGPerKg: 1, intervalWeeks: 3, rounding: "vial", scig: { factor: 1.37 } });
    expect(s.formula).toContain("--round vial");
    expect(s.source).toBe(SCIG_ROUNDING_URL);
  });

  it("--policy ontario: names the policy's 5 g, not a vial rounding it did not ask for", () => {
    const s = roundingStep({
      weightKg: 100,
      heightCm: 170,
      sex: "female",
      policy: "ontario",
      rounding: undefined,
    });
    expect(s.formula).toContain("--round 5g from --policy ontario");
  });
});
