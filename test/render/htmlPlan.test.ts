import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { renderHtml } from "../../src/render/html.js";
import { runInProcess } from "../helpers/inProcess.js";
import { scheduleInput } from "../helpers/input.js";
import { expectSelfContained } from "../helpers/sheet.js";

// The printed sheet of a treatment plan (examples/plan.json at 70 kg from 2026-12-01): every day's
// route, product, volume and rate-plan heading come from that day's phase, not from phase 1.
// Phase 1: IVIG Gammagard Liquid 10 % 2 g/kg = 140 g over 5 days (28 g a day, 280 mL at 0.1 g/mL), Dec 1–5.
// Phase 2: IVIG 1 g/kg = 70 g on 1 day every 3 weeks (700 mL), Dec 29, Jan 19, Feb 9.
// Phase 3: SCIG Hizentra 20 %: 70 g ÷ 3 weeks = 23.33 g → 23 g a week; 23 g ÷ 0.2 g/mL = 115 mL; Feb 16 – Mar 16.
const sheet = await runInProcess([
  "--weight",
  "70",
  "--start",
  "2026-12-01",
  "--plan",
  "examples/plan.json",
  "--format",
  "html",
]);
const html = sheet.stdout;

function dayPage(date: string): string {
  const at = html.search(new RegExp(`<section class="day">\\n<h2>[A-Z][a-z]{2} ${date} `));
  expect(at).toBeGreaterThan(0);
  return html.slice(at, html.indexOf("</section>", at));
}

function scheduleRow(date: string): string[] {
  const schedule = html.slice(html.indexOf("<h2>Schedule</h2>"), html.indexOf('<section class="day">'));
  const row = schedule.split("\n").find((l) => l.includes(` ${date}</td>`));
  expect(row, date).toBeDefined();
  return [...row!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!);
}

describe("--format html of a treatment plan", () => {
  it("is a self-contained document", () => {
    expect(sheet.status).toBe(0);
    expectSelfContained(html);
  });

  it("the title and heading name the plan, not phase 1's product", () => {
    expect(html).toContain(
      "<title>Treatment plan · Gammagard Liquid 10 %, then Hizentra 20 % · from 2026-12-01</title>",
    );
    expect(html).toContain("<h1>Treatment plan: Gammagard Liquid 10 %, then Hizentra 20 %</h1>");
    expect(html).not.toContain("IVIG infusion sheet");
  });

  it("the summary lists each phase with its own dose and interval", () => {
    const summary = html.slice(html.indexOf('<section class="summary">'), html.indexOf("</section>"));
    expect(summary).toContain("<tr><th>Phase 1</th><td>IVIG Gammagard Liquid 10 %, 2 g/kg every 4 weeks (140 g)");
    expect(summary).toContain("<tr><th>Phase 2</th><td>IVIG Gammagard Liquid 10 %, 1 g/kg every 3 weeks (70 g)");
    expect(summary).toContain(
      "<tr><th>Phase 3</th><td>SCIG Hizentra 20 %, converting 1 g/kg every 3 weeks: 23 g every week",
    );
    // 5 × 28 + 3 × 70 + 5 × 23 = 140 + 210 + 115 = 465 g over 13 infusion days.
    expect(summary).toContain("13 infusion days from Tue 2026-12-01 to Tue 2027-03-16; 465 g in all");
    // Phase 1's regimen alone is not the plan's.
    expect(summary).not.toContain("<th>Course total</th>");
    expect(summary).not.toContain("<th>Interval</th>");
  });

  it("IVIG days say IVIG and Gammagard; SCIG days say SCIG, Hizentra and 115 mL", () => {
    const ivig = dayPage("2026-12-01");
    expect(ivig).toContain("· IVIG 28 g</h2>");
    expect(ivig).toContain("280 mL of Gammagard Liquid 10 %");
    expect(ivig).toContain("<h3>Rate plan</h3>");
    const maintenance = dayPage("2027-02-09");
    expect(maintenance).toContain("· IVIG 70 g</h2>");
    expect(maintenance).toContain("700 mL of Gammagard Liquid 10 %");
    for (const date of ["2027-02-16", "2027-02-23", "2027-03-16"]) {
      const page = dayPage(date);
      expect(page).toContain("· SCIG 23 g</h2>");
      expect(page).toContain("115 mL of Hizentra 20 %");
      expect(page).not.toContain("Gammagard");
      expect(page).toContain("<h3>Rate plan (mL/h: the sites running at once together)</h3>");
      expect(page).toContain("<th>Sites</th>");
    }
  });

  it("the schedule has a sites column, filled for SCIG rows and blank for IVIG rows", () => {
    const head = html.slice(html.indexOf("<h2>Schedule</h2>"));
    expect(head.slice(0, head.indexOf("</tr>"))).toContain("<th>Sites × mL</th>");
    // IVIG row: phase, course, date, day, dose, g/kg, volume, sites (blank), chair, vials.
    const ivig = scheduleRow("2026-12-29");
    expect(ivig.slice(0, 8)).toEqual(["2", "2", "Tue 2026-12-29", "1/1", "70", "1", "700", ""]);
    // SCIG row: 115 mL at the later infusions' 3 sites × 38.3 mL (115 ÷ 3 = 38.33).
    const scig = scheduleRow("2027-02-23");
    expect(scig.slice(0, 8)).toEqual(["3", "6", "Tue 2027-02-23", "1/1", "23", "0.329", "115", "3 × 38.3"]);
  });
});

describe("a day's page lists only the rate steps the infusion reaches", () => {
  it("280 mL of Gammagard at 70 kg ends at 2:28, before the 336 mL/h step at 2:30", () => {
    // 30 min each at 35, 42, 84, 168 mL/h = 17.5 + 21 + 42 + 84 = 164.5 mL by 2:00; 115.5 mL at 252 mL/h
    // takes 27.5 min → 2:27.5, rounded up 2:28: the 336 mL/h step (from 2:30) is never reached.
    const r = planSchedule(scheduleInput({ daysPerCourse: 5, courses: 1 }), "2026-11-25");
    const day = r.infusions[0]!;
    expect(day.volumeMl).toBe(280);
    expect(day.durationMinutes).toBe(148);
    const page = renderHtml({ ...r, infusions: [day] }, {});
    expect(page).toContain("Before 252 mL/h");
    expect(page).not.toContain("Before 336 mL/h");
    expect(page).not.toMatch(/<td[^>]*>336<\/td>/);
  });
});
