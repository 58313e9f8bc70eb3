import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { renderHtml } from "../../src/render/html.js";
import { renderTable } from "../../src/render/table.js";
import { scheduleInput } from "../helpers/input.js";

describe("the table's Split line gives a day's g/kg as the planner did", () => {
  // 70.1 kg, 171 cm, male, Ontario: IBW 50 + 2.3 × (171 ÷ 2.54 − 60) = 66.843 kg; adjusted
  // 66.843 + 0.4 × (70.1 − 66.843) = 68.146 kg (68.15 printed); 2 × 68.146 = 136.29 g → 135 g (5 g),
  // 2 days of 67.5 g: 67.5 ÷ 68.146 = 0.9905 → 0.991 g/kg (÷ the printed 68.15 would give 0.99).
  const input = scheduleInput({ weightKg: 70.1, heightCm: 171, sex: "male", policy: "ontario", rounding: undefined });
  const result = planSchedule(input, "2026-11-25");

  it("0.991 g/kg/day, as the infusion records and the sheet say", () => {
    expect(result.infusions[0]!.doseGPerKg).toBe(0.991);
    expect(renderTable(result)).toContain("2 days of 67.5 g (0.991 g/kg/day)");
    expect(renderHtml(result)).toContain("0.991 g/kg of dosing weight");
  });
});
