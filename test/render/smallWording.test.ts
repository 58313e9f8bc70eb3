import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { renderIcs } from "../../src/render/ics.js";
import { renderTable } from "../../src/render/table.js";
import { runInProcess } from "../helpers/inProcess.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";

describe("small wording", () => {
  it("one site is '1 site', never '1 sites' (Cuvitru, 40 kg, 0.1 g/kg every 4 weeks: 1 g = 5 mL a week)", () => {
    const r = planSchedule(
      scheduleInput({ route: "scig", scig: { productId: "cuvitru" }, weightKg: 40, doseGPerKg: 0.1, courses: 1 }),
      TODAY,
    );
    const ics = renderIcs(r).replace(/\r\n[ \t]/g, "");
    expect(ics).toContain("1 site)");
    expect(ics).toContain("5 mL at 1 site\\,");
    expect(ics).not.toMatch(/\b1 sites\b/);
  });

  it("--explain below 60 in: 150 cm ÷ 2.54 − 60 = −0.945 in reads 2.3 × (−0.945), never 2.3 × -0.945", async () => {
    const r = await runInProcess([
      "--weight",
      "50",
      "--height",
      "150",
      "--sex",
      "female",
      "--policy",
      "uk",
      "--explain",
    ]);
    expect(r.stdout).toContain("= 45.5 + 2.3 × (−0.945) (below 60 in: Devine extrapolated)");
    expect(r.stdout).not.toMatch(/× -\d/);
  });

  it("a single course is not called a monthly rate (2 g/kg every 2 weeks would read 4.35 g/kg/month)", () => {
    const table = renderTable(planSchedule(scheduleInput({ intervalWeeks: 2, courses: 1 }), TODAY));
    expect(table).toContain("Regimen        2 g/kg, a single course");
    expect(table).not.toContain("every 2 weeks (4.35 g/kg/month)");
  });
});
