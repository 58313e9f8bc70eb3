import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { missingPrintTools, pdfInfo, pdfPages, printToPdf } from "../helpers/browser.js";
import { runCli } from "../helpers/cli.js";
import { expectSelfContained } from "../helpers/sheet.js";

// The printed sheet in a real browser: headless Chromium prints `--format html` to PDF on A4 and on
// Letter, and the PDF's text is read back with pdftotext. In CI (.ci/run sets REQUIRE_BROWSER=1,
// and installs chromium and poppler-utils) a missing tool fails the test; on a developer's machine
// without them the test is skipped with a message saying what to install.
const missing = missingPrintTools();
const required = process.env.CI !== undefined || process.env.REQUIRE_BROWSER === "1";
if (missing.length > 0 && !required) {
  console.warn(
    `sheetPrint.test.ts skipped: ${missing.join(", ")} not installed (apt-get install -y chromium poppler-utils)`,
  );
}

// 70 kg × 2 g/kg = 140 g a course, at most 1 g/kg = 70 g a day → 2 days of 70 g; 6 courses every
// 28 days from Tue 2026-12-01.
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
// Page 1: summary and schedule; pages 2–13: one per infusion day; page 14: warnings, notes, sources.
const EXPECTED_PAGES = 1 + DATES.length + 1;
// A4 is 210 × 297 mm = 595.3 × 841.9 pt; Letter is 8.5 × 11 in = 612 × 792 pt (72 pt an inch).
const PAPER = { A4: { widthPt: 595.3, heightPt: 841.9 }, letter: { widthPt: 612, heightPt: 792 } } as const;

describe.skipIf(missing.length > 0 && !required)("the printed sheet in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "mmn-dose-sheet-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const sheet = runCli([
    "--weight",
    "70",
    "--start",
    "2026-12-01",
    "--courses",
    "6",
    "--format",
    "html",
    "--time",
    "9:00",
    "--tz",
    "Europe/London",
  ]);

  it("the CLI writes a self-contained document", () => {
    expect(missing, "chromium and poppler-utils are required here: apt-get install -y chromium poppler-utils").toEqual(
      [],
    );
    expect(sheet.status).toBe(0);
    expectSelfContained(sheet.stdout);
  });

  it.each(Object.keys(PAPER) as (keyof typeof PAPER)[])(
    "on %s: every date and dose, one page per infusion day, the paper's size",
    (paper) => {
      expect(missing, "chromium and poppler-utils are required here").toEqual([]);
      // The sheet sets no paper size (it prints on the printer's paper); here the paper is chosen
      // as a print dialog would, with an @page size added after the sheet's own style.
      const html = join(dir, `sheet-${paper}.html`);
      writeFileSync(html, sheet.stdout.replace("</head>", `<style>@page { size: ${paper}; }</style>\n</head>`));
      const pdf = join(dir, `sheet-${paper}.pdf`);
      printToPdf(html, pdf);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");

      const info = pdfInfo(pdf);
      expect(info.widthPt).toBeCloseTo(PAPER[paper].widthPt, -0.5);
      expect(info.heightPt).toBeCloseTo(PAPER[paper].heightPt, -0.5);
      expect(info.pages).toBe(EXPECTED_PAGES);

      const pages = pdfPages(pdf);
      expect(pages).toHaveLength(EXPECTED_PAGES);
      for (const [k, date] of DATES.entries()) {
        expect(pages[0]).toMatch(new RegExp(`${date}\\s+09:00\\s+[12]/2\\s+70\\s`));
        const page = pages[k + 1]!;
        expect(page).toContain(`${date} · Course ${Math.floor(k / 2) + 1}, day ${(k % 2) + 1} of 2 · IVIG 70 g`);
        expect(page).toContain("70 g (1 g/kg of dosing weight 70 kg)");
        // 09:00 start; the second rate step at 0:30 is 09:30.
        expect(page).toMatch(/0:30\s+09:30/);
        expect(page).toMatch(/BP \(mmHg\)/);
        expect(page).toMatch(/Lot numbers/);
      }
      expect(pages.at(-1)).toContain("Sources");
      expect(pages.at(-1)).toContain("Warnings: none");
    },
    120_000,
  );

  // A treatment plan (examples/plan.json, 70 kg from 2026-12-01): each day page names its own phase's
  // route and product. Phase 3 is Hizentra 20 %: 70 g ÷ 3 weeks = 23.33 g → 23 g a week, 23 ÷ 0.2 g/mL = 115 mL.
  it("a treatment plan: IVIG Gammagard days, then SCIG Hizentra days, each on its own page", () => {
    expect(missing, "chromium and poppler-utils are required here").toEqual([]);
    const plan = runCli([
      "--weight",
      "70",
      "--start",
      "2026-12-01",
      "--plan",
      "examples/plan.json",
      "--format",
      "html",
    ]);
    expect(plan.status).toBe(0);
    const html = join(dir, "plan.html");
    writeFileSync(html, plan.stdout);
    const pdf = join(dir, "plan.pdf");
    printToPdf(html, pdf);
    const pages = pdfPages(pdf);
    expect(pages[0]).toContain("Treatment plan: Gammagard Liquid 10 %, then Hizentra 20 %");
    const dayOf = (date: string) => pages.find((p) => p.includes(`${date} · Phase`)) ?? "";
    expect(dayOf("2026-12-01")).toContain("Phase 1 · Course 1, day 1 of 5 · IVIG 28 g");
    expect(dayOf("2026-12-01")).toContain("280 mL of Gammagard Liquid 10 %");
    for (const date of ["2027-02-16", "2027-03-16"]) {
      expect(dayOf(date)).toContain("· SCIG 23 g");
      expect(dayOf(date)).toContain("115 mL of Hizentra 20 %");
      expect(dayOf(date)).not.toContain("Gammagard");
    }
  }, 120_000);
});
