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

describe("the table's Split line says why the course has its days, as the planner recorded", () => {
  const split = (over: Parameters<typeof scheduleInput>[0]) =>
    renderTable(planSchedule(scheduleInput(over), "2026-11-25"))
      .split("\n")
      .find((l) => l.trimStart().startsWith("Split"));

  it("the fewest days for the cap: 140 g at 1 g/kg/day of 70 kg (70 g) is 2 days", () => {
    expect(split({ weightKg: 70 })).toContain("2 days of 70 g (1 g/kg/day); fewest days for --max-daily 1 g/kg");
  });

  it("never says within when a day rounded to whole vials passes the cap (50 kg, 20 g vials: 60 g + 40 g)", () => {
    // 100 g in 20 g vials over the fewest days for 50 g a day: 2 days, 60 g (1.2 g/kg) and 40 g.
    const line = split({ weightKg: 50, vialSizesG: [20] });
    expect(line).toContain("2 days: 60 g + 40 g; fewest days for --max-daily 1 g/kg");
    expect(line).not.toContain("within");
  });

  it("days asked for: named after the count, the cap still shown", () => {
    expect(split({ weightKg: 70, daysPerCourse: 3 })).toContain("3 days (--days 3): ");
    expect(split({ weightKg: 70, daysPerCourse: 3 })).toMatch(/; --max-daily 1 g\/kg$/);
    // 1 day of 140 g is 2 g/kg that day: the cap is named, never called "within".
    expect(split({ weightKg: 70, daysPerCourse: 1 })).toContain(
      "1 day (--days 1) of 140 g (2 g/kg/day); --max-daily 1 g/kg",
    );
  });
});
