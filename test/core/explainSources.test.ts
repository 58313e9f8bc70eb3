import { describe, expect, it } from "vitest";
import { explainSchedule } from "../../src/core/explain.js";
import { planDerivedSchedule } from "../../src/core/schedule.js";
import { MESSAGE_CODES } from "../../src/data/messageCodes.js";
import { scheduleInput } from "../helpers/input.js";

/** docs/clinical.md §1.1 (Gammagard MMN 0.5 → 5.4 mL/kg/h) and §2 (Privigen 0.005 → 0.08 mL/kg/min). */
const GAMMAGARD_MMN = "https://www.gammagard.com/hcp/mmn/dosing-administration";
const PRIVIGEN = "http://www.privigen.com/Dosing";
/** docs/clinical.md §3.2: HyQvia CIDP, about 1200 mL a day. */
const HYQVIA_CIDP = "https://hyqvia.com/cidp/starting-hyqvia";

function rateSteps(overrides: Parameters<typeof scheduleInput>[0] = {}) {
  const input = scheduleInput(overrides);
  return explainSchedule(planDerivedSchedule(input, "2026-11-25")).filter((s) => s.step.startsWith("Rate plan"));
}

describe("--explain cites the label for the initial and maximum rates", () => {
  it("Gammagard Liquid: the MMN label page, with NL-IVIG002 named for the steps", () => {
    const steps = rateSteps();
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) {
      expect(s.source).toBe(GAMMAGARD_MMN);
      expect(s.formula).toContain("NL-IVIG002");
      expect(s.formula).toContain("Gammagard Liquid 10 % label's initial rate");
    }
  });

  it("Privigen: its own label page", () => {
    for (const s of rateSteps({ productId: "privigen" })) expect(s.source).toBe(PRIVIGEN);
  });
});

describe("SCIG_EVERY_SHORTENED cites the HyQvia daily-volume source", () => {
  it("the code's entry cites the page with 1200 mL a day", () => {
    expect(MESSAGE_CODES.SCIG_EVERY_SHORTENED.sources.map((s) => s.url)).toEqual([HYQVIA_CIDP]);
  });

  it("the note itself cites it", () => {
    // 73 kg × 2 g/kg = 146 g every 4 weeks = 1460 mL at 10 % > 1200 mL a day: shortened.
    const input = scheduleInput({ weightKg: 73, route: "scig", rounding: "none", scig: { productId: "hyqvia" } });
    const note = planDerivedSchedule(input, "2026-11-25").result.notes.find((n) => n.code === "SCIG_EVERY_SHORTENED");
    expect(note?.sources).toEqual([HYQVIA_CIDP]);
  });
});
