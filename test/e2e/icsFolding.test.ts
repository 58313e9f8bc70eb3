// The bundled ICS renderer measures each character's UTF-8 length from its code point instead of
// ical-generator's TextEncoder per character (scripts/bundle.mjs): the calendar it writes must be
// the very calendar ical-generator itself writes, and the length the same for every character.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";
import { runInProcess } from "../helpers/inProcess.js";

/** The length function as bundled into dist/bundle/ics.cjs. */
function bundledUtf8Length(): (char: string) => number {
  const chunk = readFileSync(join(ROOT, "dist/bundle/ics.cjs"), "utf8");
  const definition = /const __mmnUtf8Length=(.*?);\/\* __mmnUtf8Length end \*\//s.exec(chunk);
  expect(definition, "ics.cjs defines __mmnUtf8Length").not.toBeNull();
  expect(chunk).not.toContain("new TextEncoder().encode(");
  return new Function(`return ${definition![1]}`)() as (char: string) => number;
}

describe("ICS line folding in the bundle", () => {
  const utf8Length = bundledUtf8Length();
  const encoder = new TextEncoder();

  // ical-generator passes one code unit, or a high surrogate with the unit after it (paired or not).
  test.prop([fc.string({ unit: "binary", minLength: 1, maxLength: 2 })], { numRuns: 2000 })(
    "counts octets as TextEncoder does, lone surrogates included",
    (char) => {
      expect(utf8Length(char)).toBe(encoder.encode(char).length);
    },
  );

  it("counts a surrogate pair (one character outside the BMP) as TextEncoder does", () => {
    for (const char of ["🏥", "𝄞", "\u{10FFFF}", "\u{10000}"])
      expect(utf8Length(char)).toBe(encoder.encode(char).length);
    for (const char of [
      "\u007f",
      "\u0080",
      "\u07ff",
      "\u0800",
      "\uffff",
      "\ud800",
      "\udfff",
      "\ud800a",
      "\ud800\ud800",
      "\udc00\ud800",
    ])
      expect(utf8Length(char)).toBe(encoder.encode(char).length);
  });

  it.each([
    [["--weight", "70", "--start", "2026-12-01", "--format", "ics"]],
    [["--weight", "70", "--start", "2026-12-01", "--format", "ics", "--time", "9:00", "--tz", "Europe/London"]],
    [["--weight", "70", "--route", "scig", "--scig-product", "hyqvia", "--start", "2026-12-01", "--format", "ics"]],
    [["--weight", "77", "--product", "privigen", "--at-risk", "--start", "2026-12-01", "--format", "ics"]],
  ])("%j: the bundled CLI writes what ical-generator itself writes", async (args) => {
    const bundled = runCli(args);
    const own = await runInProcess(args);
    expect(bundled.status).toBe(0);
    expect(bundled.stdout).toBe(own.stdout);
    // Folded at 75 octets (RFC 5545 §3.1), and some lines are long enough to fold.
    const lines = bundled.stdout.split("\r\n");
    expect(Math.max(...lines.map((l) => Buffer.byteLength(l)))).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
  });
});
