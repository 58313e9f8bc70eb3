import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { planPhases } from "../../src/core/phases.js";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { planSchedule } from "../../src/core/schedule.js";
import { renderHtml } from "../../src/render/html.js";
import { escapeHtml } from "../../src/render/markup.js";
import { runInProcess } from "../helpers/inProcess.js";
import { scheduleInput } from "../helpers/input.js";
import { expectSelfContained } from "../helpers/sheet.js";

const TODAY = "2026-11-25";
const plan = (overrides: Parameters<typeof scheduleInput>[0] = {}) => planSchedule(scheduleInput(overrides), TODAY);

/** The text of the day page of `date` (from its heading to the next section). */
function dayPage(html: string, date: string): string {
  const at = html.search(new RegExp(`<section class="day">\\n<h2>[A-Z][a-z]{2} ${date} `));
  expect(at).toBeGreaterThan(0);
  return html.slice(at, html.indexOf("</section>", at));
}

/** Cell texts of the rate plan table of a day page, row by row. */
function planRows(page: string): string[][] {
  const table = page.slice(page.indexOf("<h3>Rate plan"), page.indexOf("<h3>Vital signs"));
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)]
    .slice(1)
    .map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!));
}

describe("--format html: the printable sheet", () => {
  // 70 kg × 2 g/kg = 140 g a course; at most 1 g/kg = 70 g a day → 2 days of 70 g. Every 4 weeks from
  // Tue 2026-12-01: courses start 12-01, 12-29, 01-26, 02-23, 03-23, 04-20 (+ 28 days each), day 2 the next day.
  const DATES = [
    "2026-12-01",
    "2026-12-02",
    "2026-12-29",
    "2026-12-30",
    "2027-01-26",
    "2027-01-27",
    "2027-02-23",
    "2027-02-24",
    "2027-03-23",
    "2027-03-24",
    "2027-04-20",
    "2027-04-21",
  ];
  const r = plan();
  const html = renderHtml(r);

  it("is one self-contained document: inline style, no script, nothing fetched", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).toContain("@page");
    expectSelfContained(html);
  });

  it("lists every infusion day with its 70 g dose in the schedule, and gives each a page", () => {
    const schedule = html.slice(html.indexOf("<h2>Schedule</h2>"), html.indexOf('<section class="day">'));
    for (const date of DATES) {
      expect(schedule).toMatch(new RegExp(`<td class="nowrap">[A-Z][a-z]{2} ${date}</td>.*<td class="num">70</td>`));
      expect(dayPage(html, date)).toContain("<tr><th>Dose</th><td>70 g (1 g/kg of dosing weight 70 kg)</td></tr>");
    }
    expect(html.match(/<section class="day">/g)).toHaveLength(12);
    expect(html).toContain("<tr><th>Course total</th><td>140 g (exact; --round vial)</td></tr>");
    // 12 days × 70 g = 840 g.
    expect(html).toContain("6, 12 infusion days from Tue 2026-12-01 to Wed 2027-04-21; 840 g in all");
  });

  it("each day page has blank cells for vital signs, lot numbers, start and stop, and initials", () => {
    const page = dayPage(html, "2026-12-01");
    for (const head of [
      "BP (mmHg)",
      "Pulse (/min)",
      "Temp (°C)",
      "Lot numbers",
      "Started at",
      "Stopped at",
      "Nurse&#39;s initials",
    ])
      expect(page).toContain(`<th>${head}</th>`);
    // 2 × 30 g + 1 × 10 g = 70 g: one lot row per vial size.
    expect(page).toContain('<td class="nowrap">2 × 30 g</td><td class="blank wide"></td>');
    expect(page).toContain('<td class="nowrap">1 × 10 g</td><td class="blank wide"></td>');
    expect(page).toMatch(/<td>Before start<\/td><td class="num">0:00<\/td>(<td class="blank"><\/td>){5}<\/tr>/);
  });

  it("without --time there are no clock times; the rate plan steps start at their minute", () => {
    const rows = planRows(dayPage(html, "2026-12-01"));
    // Gammagard Liquid, MMN: 0.5 mL/kg/h for the first 30 min → 0.5 × 70 kg = 35 mL/h from 0:00.
    expect(rows[0]!.slice(0, 3)).toEqual(["1", "0:00", "35"]);
    expect(rows[1]!.slice(0, 2)).toEqual(["2", "0:30"]);
    expect(html).not.toContain("<th>Clock</th>");
  });

  it("warnings (code and text) and numbered sources, each URL as text", () => {
    const privigen = plan({ productId: "privigen" });
    const text = renderHtml(privigen);
    const closing = text.slice(text.indexOf('<section class="closing">'));
    expect(privigen.warnings.length).toBeGreaterThan(0);
    for (const w of privigen.warnings)
      expect(closing).toContain(`<span class="code">${w.code}</span>: ${escapeHtml(w.message)}`);
    expect(closing.indexOf("<h2>Warnings")).toBeLessThan(closing.indexOf("<h2>Sources</h2>"));
    const items = [...closing.matchAll(/<ol class="sources">([\s\S]*?)<\/ol>/g)][0]![1]!.match(/<li>/g);
    expect(items).toHaveLength(privigen.sources.length);
    for (const s of privigen.sources) expect(closing).toContain(`>${escapeHtml(s.url)}</a>`);
    // The warning codes are on every day page too.
    expect(dayPage(text, privigen.infusions[0]!.date)).toContain(privigen.warnings[0]!.code);
    expect(html).toContain("<h2>Warnings: none</h2>");
  });
});

describe("clock times under --time, in the zone", () => {
  it("09:00 in London: each step at 09:00 + its start minute", () => {
    const r = plan({ courses: 1 });
    const page = dayPage(renderHtml(r, { time: "09:00", tz: "Europe/London" }), "2026-12-01");
    const rows = planRows(page);
    // By hand: 09:00 + 0 = 09:00, + 30 min = 09:30, + 60 = 10:00.
    expect(rows.slice(0, 3).map((row) => row.slice(1, 3))).toEqual([
      ["0:00", "09:00"],
      ["0:30", "09:30"],
      ["1:00", "10:00"],
    ]);
    for (const [k, step] of r.infusions[0]!.ratePlan.entries()) {
      const minutes = 9 * 60 + step.startMinute;
      const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
      expect(rows[k]![2]).toBe(clock);
    }
    expect(page).toContain("<th>Clock</th>");
    expect(page).toContain("<th>Due</th>");
  });

  it("follows the zone's clock across a daylight-saving change during the infusion", () => {
    // London, 2027-03-28: 01:00 GMT becomes 02:00 BST. Start 00:30 GMT (00:30Z): + 30 min = 01:00Z = 02:00 BST;
    // + 60 min = 01:30Z = 02:30 BST.
    const r = plan({ courses: 1, startDate: "2027-03-28" });
    const rows = planRows(dayPage(renderHtml(r, { time: "00:30", tz: "Europe/London" }), "2027-03-28"));
    expect(rows.slice(0, 3).map((row) => row[2])).toEqual(["00:30", "02:00", "02:30"]);
  });

  it("a start time the clocks skip moves forward, and the day page says so", () => {
    // New York, 2027-03-14: 02:00 EST becomes 03:00 EDT, so 02:30 is read as 03:30 EDT (RFC 5545, as the ICS).
    const r = plan({ courses: 1, startDate: "2027-03-14" });
    const text = renderHtml(r, { time: "02:30", tz: "America/New_York" });
    const page = dayPage(text, "2027-03-14");
    expect(planRows(page)[0]![2]).toBe("03:30");
    expect(page).toContain("02:30 does not exist on 2027-03-14 in America/New_York (the clocks go forward)");
    expect(planRows(dayPage(text, "2027-03-15"))[0]![2]).toBe("02:30");
  });

  it("through the CLI: --format html --time 9:00 --tz; --time without --format html or ics is refused", async () => {
    const base = ["--weight", "70", "--start", "2026-12-01", "--courses", "1"];
    const run = await runInProcess([...base, "--format", "html", "--time", "9:00", "--tz", "Europe/London"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<td class="nowrap">Tue 2026-12-01</td><td class="num">09:00</td>');
    const refused = await runInProcess([...base, "--format", "html", "--sequence", "2"]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      "--sequence numbers a reissued calendar, so it applies to --format ics only (this is --format html)",
    );
  });
});

describe("every piece of text is escaped", () => {
  const HOSTILE = `<script>alert("x&y")</script>'&amp;`;
  const hostile = (text: string): ScheduleResult => {
    const r = plan({ courses: 1, productId: "privigen" });
    return {
      ...r,
      patient: { ...r.patient, weightAsEntered: text, dosingWeightReason: text },
      regimen: { ...r.regimen, productName: text },
      infusions: r.infusions.map((i) => ({ ...i, plannedDate: "2026-11-30", movedBecause: text })),
      warnings: r.warnings.map((w) => ({ ...w, message: text })),
      notes: [{ code: "MOVED", message: text }],
      sources: [{ id: "x", title: text, url: `https://example.org/?a=1&b="${text}` }],
    };
  };

  it("a <script> and & in input-derived text come out as text", () => {
    const text = renderHtml(hostile(HOSTILE));
    expectSelfContained(text);
    expect(text).toContain("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39;&amp;amp;");
    expect(text).not.toContain(HOSTILE);
    expect(text).toContain('href="https://example.org/?a=1&amp;b=&quot;&lt;script&gt;');
  });

  it("a javascript: URL is never a link", () => {
    const r = plan({ courses: 1 });
    const text = renderHtml({ ...r, sources: [{ id: "x", title: "t", url: "javascript:alert(1)" }] });
    expect(text).not.toMatch(/href="javascript/);
    expect(text).toContain("javascript:alert(1)");
  });

  test.prop([fc.string({ unit: "binary", maxLength: 40 })], { numRuns: 60 })(
    "any text is inserted exactly as its escaped form, which holds no markup",
    (s) => {
      const token = "QQTOKENQQ";
      const expected = renderHtml(hostile(token)).split(token).join(escapeHtml(s));
      expect(renderHtml(hostile(s))).toBe(expected);
      expect(escapeHtml(s)).not.toMatch(/[<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      expect(escapeHtml(s)).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
    },
  );
});

describe("SCIG and phases", () => {
  it("SCIG day pages give the sites and the volume per site", () => {
    const r = planSchedule(
      scheduleInput({ route: "scig", scig: { productId: "hyqvia" }, courses: 3, startDate: "2026-12-01" }),
      TODAY,
    );
    const text = renderHtml(r);
    expect(text).toContain("<th>Sites × mL</th>");
    for (const i of r.infusions) {
      const page = dayPage(text, i.date);
      expect(page).toContain(`Infusion ${i.course}, session 1 of 1`);
      expect(page).toMatch(
        new RegExp(`<th>Sites</th><td>${i.sites === 1 ? "1 site" : `${i.sites} sites`} × [0-9.]+ mL`),
      );
      expect(page).toContain("<th>Hyaluronidase</th>");
    }
  });

  it("renders infusion.phase (from --plan) only when the result is a plan", () => {
    const r = plan({ courses: 2 });
    expect(renderHtml(r)).not.toContain("Phase");
    // Two phases of one 2-day course each: phase 2 starts 4 weeks after Dec 1, on Dec 29.
    const phased = planPhases(
      [scheduleInput({ courses: 1 }), scheduleInput({ courses: 1, startDate: undefined })],
      TODAY,
    );
    const text = renderHtml(phased);
    expect(text).toContain("<th>Phase</th>");
    expect(dayPage(text, "2026-12-29")).toContain("Phase 2 · Course 2, day 1 of 2");
  });
});
