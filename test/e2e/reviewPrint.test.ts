import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../../src/core/calendarDate.js";
import { missingPrintTools, pdfPages, printToPdf } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { expectSelfContained } from "../helpers/sheet.js";

// The review page in a real browser: headless Chromium prints `review --format html` to PDF and
// pdftotext reads it back (skipped, with a message, where chromium or poppler-utils is missing).
const missing = missingPrintTools();
const required = process.env.CI !== undefined || process.env.REQUIRE_BROWSER === "1";
if (missing.length > 0 && !required) console.warn(`reviewPrint.test.ts skipped: ${missing.join(", ")} not installed`);

/** A year of 140 g courses (2 g/kg at 70 kg) every 28 days from 2025-01-06; Vigorimeter 60 → 62 → 61 kPa. */
function history(): string {
  const rows = ["date,kind,route,product,grams,kg,measure,value,unit", "2025-01-01,weight,,,,70,,,"];
  for (let i = 0; i < 13; i++) rows.push(`${addCalendarDays("2025-01-06", 28 * i)},infusion,ivig,privigen,140,,,,`);
  for (const [d, v] of [
    ["2025-01-06", 60],
    ["2025-07-01", 62],
    ["2025-12-15", 61],
  ])
    rows.push(`${d},measure,,,,,grip-left,${v},kPa`);
  return `${rows.join("\n")}\n`;
}

describe.skipIf(missing.length > 0 && !required)("the review page printed by headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "mmn-dose-review-print-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const input = join(dir, "h.csv");
  writeFileSync(input, history());
  const page = runCli(["review", input, "--as-of", "2026-01-04", "--programme", "ontario", "--format", "html"]);

  it("is one self-contained document with an inline SVG chart", () => {
    expect(page.status).toBe(0);
    expectSelfContained(page.stdout);
    expect(page.stdout.match(/<svg\b/g)).toHaveLength(1);
    // 13 windows of 12 weeks back from 2026-01-04 reach the first infusion: one bar each
    expect(page.stdout.match(/<rect [^>]*fill="#6a8fc7"/g)?.length).toBeGreaterThan(0);
    expect(page.stdout).toContain("next review due 2026-12-15");
  });

  it("prints to PDF and reads back: the title, the status, the measure, the due date", () => {
    const html = join(dir, "review.html");
    const pdf = join(dir, "review.pdf");
    writeFileSync(html, page.stdout);
    printToPdf(html, pdf);
    const text = pdfPages(pdf).join("\n");
    expect(text).toContain("Treatment review as of 2026-01-04");
    // 60 → 62 → 61 kPa: every change under the 8 kPa MCID
    expect(text).toContain("Outcomes: status stable");
    expect(text).toContain("grip, left hand");
    // Ontario: 12 months after the last review of 2025-12-15
    expect(text).toMatch(/Next due: 2026-12-15/);
  });
});
