import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../../src/core/calendarDate.js";
import { reviewPatient } from "../../src/core/review.js";
import type { InfusionEvent } from "../../src/core/reviewHistory.js";
import { renderReviewHtml } from "../../src/render/reviewHtml.js";
import { renderReviewTable } from "../../src/render/reviewTable.js";
import { changeWords } from "../../src/render/quantities.js";

describe("a review's trend in words", () => {
  it("says up, down or unchanged, never 'up 0 %'", () => {
    expect(changeWords(25)).toBe("up 25 %");
    expect(changeWords(-12.5)).toBe("down 12.5 %");
    expect(changeWords(0)).toBe("unchanged");
  });

  it("the printed page signs a change as the table does: +3 kPa, not 3", () => {
    const r = reviewPatient({
      history: {
        infusions: [{ row: 1, date: "2025-01-06", route: "ivig", product: "privigen", grams: 140 }],
        weights: [{ row: 0, date: "2025-01-01", kg: 70 }],
        measures: [
          { row: 2, date: "2025-01-06", measure: "grip-right", value: 60, unit: "kPa" },
          { row: 3, date: "2025-03-01", measure: "grip-right", value: 63, unit: "kPa" },
        ],
      },
      patient: {},
      asOf: "2025-03-01",
    });
    expect(renderReviewHtml(r)).toContain("<td>+3: ");
  });

  it("140 g every 28 days at 70 kg for two years: 2 × 30.4375 / 28 = 2.17 g/kg/month now and a year before", () => {
    const infusions: InfusionEvent[] = [];
    for (let i = 0; i < 26; i++) {
      const start = addCalendarDays("2024-01-08", 28 * i);
      for (const date of [start, addCalendarDays(start, 1)])
        infusions.push({ row: infusions.length + 1, date, route: "ivig", product: "privigen", grams: 70 });
    }
    const r = reviewPatient({
      history: { infusions, weights: [{ row: 0, date: "2024-01-01", kg: 70 }], measures: [] },
      patient: {},
      asOf: "2026-01-04",
    });
    expect(r.intensity.trend?.percent).toBe(0);
    expect(renderReviewTable(r)).toContain("dose intensity unchanged (2.17 → 2.17 g/kg/month");
    expect(renderReviewHtml(r)).toContain("(dose intensity unchanged).");
  });
});
