import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli.js";
import { runInProcess } from "../helpers/inProcess.js";

const SGR = /\u001b\[[0-9;]*m/g;
const PLAIN = ["--weight", "70", "--start", "2026-12-01"];
// Several warnings and notes, 1, 2.5 and 5 g vials only (a long vial list on every day), a moved day.
const BUSY = [
  "--weight",
  "33",
  "--height",
  "150",
  "--sex",
  "female",
  "--age",
  "70",
  "--policy",
  "uk",
  "--vials",
  "1,2.5,5",
  "--round",
  "5g",
  "--skip-weekends",
  "--avoid",
  "2026-12-25",
  "--every",
  "2",
  "--start",
  "2026-12-01",
];
const SCIG = ["--weight", "70", "--route", "scig", "--last-ivig", "2026-11-24", "--courses", "3"];

/** The CLI in a real pseudo-terminal of `columns` columns (util-linux `script`), as a user's terminal runs it. */
function inTerminal(args: readonly string[], columns: number): string {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
  const r = spawnSync("script", ["-qec", `stty cols ${columns} rows 50; ${quoted}`, "/dev/null"], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", HOME: "/nonexistent", TERM: "xterm" },
  });
  expect(r.status).toBe(0);
  return r.stdout.replace(/\r\n/g, "\n");
}

const tokens = (text: string) => text.replace(SGR, "").split(/\s+/).filter(Boolean);

describe.skipIf(!existsSync("/usr/bin/script"))("the table in an 80-column terminal", () => {
  it.each([
    ["a plain run", PLAIN],
    ["several warnings and a long vial list", BUSY],
    ["SCIG, with its sites column", SCIG],
  ])("%s: no line is wider than 80 columns, and nothing is lost or cut", (_name, args) => {
    const screen = inTerminal(args, 80);
    const piped = runCli(args).stdout;
    expect(screen).toContain("\u001b["); // a terminal: colour on, as a user sees it
    const lines = screen.replace(SGR, "").split("\n");
    // A URL longer than the line is never broken: it stands alone on its line (the terminal wraps it softly).
    const aloneUrl = (line: string) => /^\s*\S+:\/\/\S+$/.test(line);
    for (const line of lines) if (!aloneUrl(line)) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(piped.split("\n").some((l) => [...l].length > 80)).toBe(true); // so the test can fail
    // Same characters in the same order: only line breaks, indents and the compact vials ("2×30+1×10 g") differ.
    const squeeze = (text: string) =>
      text
        .replace(SGR, "")
        .replace(/\s+/g, "")
        .replace(/g(?=\+)/g, "");
    expect(squeeze(screen)).toBe(squeeze(piped));
    // Every word (a number with its unit, a vial term, a URL) is whole.
    const whole = new Set(tokens(piped));
    const compactVials = (t: string) => /^\d+×[\d.]+(\+\d+×[\d.]+)*$/.test(t);
    for (const t of tokens(screen)) expect(whole.has(t) || compactVials(t), t).toBe(true);
  });

  it("a plain run keeps one line per infusion day: the vials are written compactly instead of wrapping", () => {
    const lines = inTerminal([...PLAIN, "--no-color"], 80).split("\n");
    // 6 courses × 2 days; 70 g = 2 × 30 g + 1 × 10 g; a 2-day course total 4 × 30 g + 2 × 10 g.
    const days = lines.filter((l) => /^\s+(\d+\s+)?(Tue|Wed) 202[67]-\d\d-\d\d\s+\d\/2 /.test(l));
    expect(days).toHaveLength(12);
    for (const day of days) expect(day.endsWith("  2×30+1×10 g"), day).toBe(true);
    expect(lines.filter((l) => /^\s+total\s+140\s+1400\s+4×30\+2×10 g$/.test(l))).toHaveLength(6);
  });

  it("warnings first: the first 80 × 24 screen of a run with a warning shows the warning", () => {
    // 154 kg without a height: the pound-slip warning (154 lb = 69.85 kg) is the one a reader must not miss.
    const screen = inTerminal(["--weight", "154", "--no-color"], 80).split("\n").slice(0, 24);
    expect(screen.some((l) => /^\s+Warnings\s+1\b/.test(l))).toBe(true);
    expect(screen.some((l) => l.includes("! WEIGHT_LOOKS_LIKE_POUNDS"))).toBe(true);
    expect(screen.some((l) => l.includes("--weight 154lb (69.85 kg)"))).toBe(true);
  });

  it("a terminal wide enough for every line: nothing is wrapped", () => {
    const piped = runCli(PLAIN).stdout;
    expect(Math.max(...piped.split("\n").map((l) => [...l].length))).toBeLessThan(400);
    expect(inTerminal(PLAIN, 400).replace(SGR, "")).toBe(piped);
  });
});

describe("warnings first (table)", () => {
  it("the header ends with a Warnings line; the warnings follow it, before the schedule; notes at the end", () => {
    const lines = runCli(["--weight", "154", "--start", "2026-12-01"]).stdout.split("\n");
    const header = lines.findIndex((l) => /^ {2}Warnings {7}1\b/.test(l));
    const block = lines.indexOf("Warnings (1)");
    const schedule = lines.findIndex((l) => l.startsWith("Course  Date"));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe("");
    expect(block).toBe(header + 2);
    expect(lines[block + 1]).toMatch(/^ {2}! WEIGHT_LOOKS_LIKE_POUNDS: /);
    expect(schedule).toBeGreaterThan(block);
    expect(lines.indexOf("Notes")).toBeGreaterThan(schedule);
    expect(lines.indexOf("Sources")).toBeGreaterThan(lines.indexOf("Notes"));
  });

  it("no warnings: the header says none, and no warnings block follows", () => {
    const out = runCli(PLAIN).stdout;
    expect(out).toMatch(/\n {2}Warnings {7}none\n\nCourse {2}Date/);
    expect(out).not.toContain("Warnings (");
  });
});

describe("piped output is never wrapped", () => {
  it("a width known but stdout not a terminal: byte-identical to no width", async () => {
    const plain = await runInProcess(PLAIN);
    const withColumns = await runInProcess(PLAIN, { stdoutColumns: 80 });
    expect(withColumns.stdout).toBe(plain.stdout);
  });

  it("-o to a file from a terminal: not wrapped", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "mmn-dose-width-")), "plan.txt");
    const r = await runInProcess([...BUSY, "-o", out], { stdoutIsTTY: true, stdoutColumns: 80 });
    expect(r.status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe((await runInProcess(BUSY)).stdout);
  });

  it("in-process with a terminal of 80 columns: wrapped to 80", async () => {
    const r = await runInProcess([...BUSY, "--no-color"], { stdoutIsTTY: true, stdoutColumns: 80 });
    const wrapped = r.stdout.split("\n").filter((l) => !/^\s*\S+:\/\/\S+$/.test(l)); // a URL stands alone, whole
    expect(Math.max(...wrapped.map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });
});
