import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";

const TTY = (columns: number) => ({ stdoutIsTTY: true, stdoutColumns: columns, env: { NO_COLOR: "1" } });
// A URL is never broken: one longer than the line stands alone on its line.
const width = (text: string) =>
  Math.max(
    ...text
      .split("\n")
      .filter((l) => !/^\s*\S+:\/\/\S+$/.test(l))
      .map((l) => [...l].length),
  );

function input(text: string) {
  return {
    readInput: async function* () {
      yield Buffer.from(text);
    },
  };
}

const COMPARE = [
  "compare",
  "--weight",
  "73",
  "--round",
  "none",
  "--regimen",
  "product=privigen,dose=1,every=3",
  "--regimen",
  "route=scig,scigProduct=hyqvia,dose=2,every=4",
];

describe("prose wraps to a narrow terminal; piped output is unchanged", () => {
  it("explain CODE fits 60 columns on a terminal, one line a field when piped", async () => {
    const tty = await runInProcess(["explain", "SCIG_FACTOR_BELOW_MMN_STUDY"], TTY(60));
    expect(tty.status).toBe(0);
    expect(width(tty.stdout)).toBeLessThanOrEqual(60);
    const piped = await runInProcess(["explain", "SCIG_FACTOR_BELOW_MMN_STUDY"]);
    expect(width(piped.stdout)).toBeGreaterThan(60);
    // The same words, only the line breaks differ.
    const words = (t: string) => t.split(/\s+/).filter(Boolean);
    expect(words(tty.stdout)).toEqual(words(piped.stdout));
  });

  it("explain (the list) fits 60 columns on a terminal", async () => {
    const tty = await runInProcess(["explain"], TTY(60));
    expect(width(tty.stdout)).toBeLessThanOrEqual(60);
    const piped = await runInProcess(["explain"]);
    expect(width(piped.stdout)).toBeGreaterThan(60);
  });

  it("compare: warnings, notes and sources wrap; the figures do not move", async () => {
    const tty = await runInProcess(COMPARE, TTY(60));
    const piped = await runInProcess(COMPARE);
    const prose = (t: string) => t.slice(t.indexOf("\nWarnings"));
    expect(width(prose(tty.stdout))).toBeLessThanOrEqual(60);
    expect(width(prose(piped.stdout))).toBeGreaterThan(60);
    const figures = (t: string) => t.slice(t.indexOf("Each course"), t.indexOf("\nWarnings"));
    expect(figures(tty.stdout)).toBe(figures(piped.stdout));
    expect(tty.stdout).toMatch(/^ {2}i SCIG_EVERY_SHORTENED \[2\]: /m);
    expect(tty.stdout).toMatch(/^ {4}\S/m);
  });

  it("batch --forecast: the lines under the table wrap", async () => {
    const lines = `${JSON.stringify({ id: "a", weight: 70, start: "2026-12-01", courses: 1 })}\nnot json\n`;
    const tty = await runInProcess(["batch", "--forecast", "week"], { ...TTY(60), ...input(lines) });
    const piped = await runInProcess(["batch", "--forecast", "week"], input(lines));
    const under = (t: string) => t.slice(t.indexOf("  Grams are dispensed"));
    expect(width(under(tty.stdout))).toBeLessThanOrEqual(60);
    expect(width(under(piped.stdout))).toBeGreaterThan(60);
  });
});
