import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { renderHtml } from "../../src/render/html.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";

describe("the printed sheet's vital signs follow NL-IVIG002", () => {
  it("before, 15 min after the start, with each rate increase, at the end, and 30–60 min after", () => {
    // Gammagard, 70 kg, first infusion: 35 mL/h, then 42, 84, 168, 252, 336 every 30 min; 700 mL in 3:44.
    const html = renderHtml(planSchedule(scheduleInput({ startDate: "2026-12-01", courses: 1 }), TODAY));
    const table = html.split("<h3>Vital signs</h3>")[1]!.split("</table>")[0]!;
    const checks = [...table.matchAll(/<tr><td>([^<]+)<\/td><td class="num">([\d:]+)<\/td>/g)].map((m) => [m[1], m[2]]);
    expect(checks).toEqual([
      ["Before start", "0:00"],
      ["15 min after the start", "0:15"],
      ["Before 42 mL/h", "0:30"],
      ["Before 84 mL/h", "1:00"],
      ["Before 168 mL/h", "1:30"],
      ["Before 252 mL/h", "2:00"],
      ["Before 336 mL/h", "2:30"],
      ["End of infusion", "3:44"],
      ["30–60 min after the end", "4:14"],
    ]);
  });
});
