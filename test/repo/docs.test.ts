import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { SHEET_STYLE } from "../../src/render/htmlStyle.js";

// The README is a front page and the guides in docs/ hold the rest: every relative link between
// them must resolve, and no section the README once had may be lost in the move.

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const DOCS = [
  "README.md",
  "CHANGELOG.md",
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

const text = (file: string) => readFileSync(join(ROOT, file), "utf8");
/** The Markdown outside fenced code blocks (a `#` comment in a shell example is no heading). */
const prose = (file: string) => text(file).replace(/^```[\s\S]*?^```/gm, "");

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen; repeats get -1, -2. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, heading] of prose(file).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    result.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return result;
}

function headings(file: string): string[] {
  return [...prose(file).matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!);
}

/** Every relative link target (`path`, `path#anchor` or `#anchor`) in a file's prose. */
function links(file: string): string[] {
  return [...prose(file).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
}

describe("README and docs/*.md", () => {
  it.each(DOCS)("every relative link in %s resolves to a file and, if it names one, a heading", (file) => {
    const broken: string[] = [];
    for (const link of links(file)) {
      const [path, anchor] = link.split("#") as [string, string | undefined];
      const target = path === "" ? file : relative(ROOT, join(ROOT, dirname(file), path));
      if (!existsSync(join(ROOT, target))) broken.push(`${link} (no file ${target})`);
      else if (anchor !== undefined && !anchors(target).has(anchor)) broken.push(`${link} (no heading in ${target})`);
    }
    expect(broken).toEqual([]);
  });

  it("the README is a front page of at most 500 lines", () => {
    expect(text("README.md").split("\n").length).toBeLessThanOrEqual(500);
  });

  it("keeps every section the long README had, in the README or a guide", () => {
    const all = DOCS.flatMap(headings);
    const missing = FORMER_README_SECTIONS.filter((h) => !all.includes(h));
    expect(missing).toEqual([]);
  });

  it("the README, the guides and the benchmarks name no issue numbers", () => {
    const files = ["README.md", ...GUIDES.map((g) => `docs/${g}`)];
    const hits = files.flatMap((file) =>
      [...text(file).matchAll(/\bissues? #?\d+\S*/gi)].map((m) => `${file}: ${m[0]}`),
    );
    expect(hits).toEqual([]);
  });

  it("'Printing the sheet' quotes the sheet's own @page rule, which sets no paper size", () => {
    const page = /@page \{[^}]*\}/.exec(SHEET_STYLE)![0];
    expect(page).not.toMatch(/size/);
    expect(text("docs/nurse.md")).toContain(`\`${page}\``);
  });

  it("the README links every guide", () => {
    const readme = text("README.md");
    for (const guide of DOCS.filter((f) => f.startsWith("docs/"))) expect(readme).toContain(`](${guide})`);
  });
});

/** The guides the long README was split into. */
const GUIDES = ["pharmacist.md", "nurse.md", "scripts-and-ehr.md", "clinical-decisions.md", "performance.md"];

/** The section headings of the README before it became a front page (December 2026). */
const FORMER_README_SECTIONS = [
  "Who it is for",
  "Examples",
  "At a terminal",
  "Options",
  "How the numbers are made",
  "Explaining a number: `--explain`",
  "Products, rate plans and chair time",
  "Label region: `--region`",
  "SCIG: the weekly subcutaneous equivalent",
  "Continuing treatment",
  "Showing part of a schedule: `--on` and `--course`",
  "Treatment plans",
  "Dosing weight",
  "Warnings and notes",
  "Calendars (ICS) and CSV",
  "Printable sheet",
  "EHR export: `--format fhir`",
  "Moving days off weekends and holidays",
  "Comparing regimens: `mmn-dose compare`",
  "Treatment review: `mmn-dose review`",
  "Batch: a whole clinic",
  "Pharmacy forecast",
  "Limits on what can be asked for",
  "Site configuration",
  "JSON output",
  "Exit codes",
  "Shell completion",
  "Development",
  "Speed",
  "License",
];
