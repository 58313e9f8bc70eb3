import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { renderHtml } from "../../src/render/html.js";
import { renderIcs } from "../../src/render/ics.js";
import { renderTable } from "../../src/render/table.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";
// Hizentra, 70 kg, 2 g/kg every 4 weeks: 35 g = 175 mL a week. First infusion: 9 sites of ≤ 20 mL, 3 at once,
// 20 mL/h/site → 60 mL/h in all. Later: 4 sites of ≤ 50 mL at 50 mL/h/site → 200 mL/h in all.
const hizentra = planSchedule(scheduleInput({ route: "scig", scig: {}, startDate: "2026-12-01", courses: 1 }), TODAY);

describe("SCIG rate plans speak SCIG units (mL/h in all and per site), never IV mg/kg/min", () => {
  it("the table", () => {
    const plans = renderTable(hizentra).split("Rate plans")[1]!.split("Chair =")[0]!;
    expect(plans).not.toMatch(/mg\/kg\/min|mL\/kg\/h/);
    expect(plans).toContain("from  0:00  60 mL/h in all = 3 sites × 20 mL/h per site");
    expect(plans).toContain("from  0:00  200 mL/h in all = 4 sites × 50 mL/h per site");
  });

  it("the printed sheet", () => {
    const html = renderHtml(hizentra);
    expect(html).not.toContain("mg/kg/min");
    expect(html).toContain("<th>mL/h in all</th><th>Sites at once</th><th>mL/h per site</th>");
  });

  it("the calendar", () => {
    const ics = renderIcs(hizentra).replace(/\r\n[ \t]/g, "");
    expect(ics).not.toContain("mg/kg/min");
    expect(ics).toContain("from 0:00 60 mL/h in all = 3 sites × 20 mL/h per site");
  });

  it("IVIG keeps mL/kg/h and mg/kg/min", () => {
    const ivig = renderTable(planSchedule(scheduleInput({ startDate: "2026-12-01", courses: 1 }), TODAY));
    expect(ivig).toMatch(/mL\/kg\/h, [\d.]+ mg\/kg\/min/);
  });
});
