// Batch input (line ends, blank lines, long lines, CSV) and escaped messages, via the built CLI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli.js";
import { optionWordsBlanked } from "../helpers/inFlags.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-batch-input-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const outLines = (stdout: string) =>
  stdout
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l));
const A = '{"id":"a","weight":70,"start":"2026-12-01","courses":1}';
const B = '{"id":"b","weight":80,"start":"2026-12-01","courses":1}';

describe("batch lines", () => {
  it("end at LF or CRLF only: a stray CR inside a line does not split it", () => {
    const run = runCli(["batch"], {}, `${A}\r\n{"id":"cr",\r"weight":70,"courses":1,"start":"2026-12-01"}\r\n${B}\n`);
    expect(run.status).toBe(0);
    expect(outLines(run.stdout).map((o) => [o.line, o.id, "error" in o])).toEqual([
      [1, "a", false],
      [2, "cr", false],
      [3, "b", false],
    ]);
  });

  it("a CR inside a JSON string fails that line alone; the line numbers after it hold", () => {
    const run = runCli(["batch"], {}, `{"id":"x\ry","weight":70}\n${B}\n`);
    expect(run.status).toBe(3);
    expect(outLines(run.stdout).map((o) => [o.line, o.error?.code ?? null])).toEqual([
      [1, "INVALID_JSON"],
      [2, null],
    ]);
  });

  it("blank lines are skipped and counted in the summary, not errors", () => {
    const run = runCli(["batch"], {}, `\n${A}\n   \n\r\n${B}\n\n`);
    expect(run.status).toBe(0);
    expect(outLines(run.stdout).map((o) => [o.line, o.id])).toEqual([
      [2, "a"],
      [5, "b"],
    ]);
    expect(run.stderr).toBe("mmn-dose: batch: 2 lines done, 4 blank lines skipped\n");
    const failing = runCli(["batch"], {}, `${A}\n\n{"weight":"x"}\n`);
    expect(failing.status).toBe(3);
    expect(failing.stderr).toBe("mmn-dose: batch: 1 of 2 lines failed (1 blank line skipped): line 3 INVALID_OPTION\n");
  });

  it("a last line without a newline still counts", () => {
    expect(outLines(runCli(["batch"], {}, `${A}\n${B}`).stdout).map((o) => o.id)).toEqual(["a", "b"]);
  });

  it("a 30 MB line is one error line, read without holding it: peak memory stays near a one-patient run", () => {
    const long = file("long.jsonl", `${A}\n{"id":"big","note":"${"x".repeat(30_000_000)}"}\n${B}\n`);
    const run = runCli(["batch", long]);
    expect(run.status).toBe(3);
    const out = outLines(run.stdout);
    expect(out.map((o) => [o.line, o.id, o.error?.code ?? null])).toEqual([
      [1, "a", null],
      [2, null, "LINE_TOO_LONG"],
      [3, "b", null],
    ]);
    expect(out[1].error.message).toBe(
      "line is 30000022 bytes, longer than the limit of 1000000 bytes; it was not read",
    );
    if (!existsSync("/usr/bin/time"))
      return void console.warn("skipped the memory check: /usr/bin/time is not installed");
    const peakKb = (args: string[]) => {
      const r = spawnSync("/usr/bin/time", ["-v", process.execPath, BIN, ...args], {
        encoding: "utf8",
        env: { HOME: "/nonexistent", TZ: "UTC" },
      });
      return Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]);
    };
    const one = peakKb(["--weight", "70", "--start", "2026-12-01"]);
    const batch = peakKb(["batch", long]);
    console.info(`peak RSS: one patient ${Math.round(one / 1024)} MB, a 30 MB line ${Math.round(batch / 1024)} MB`);
    expect(batch - one).toBeLessThan(40 * 1024);
  });

  it("a UTF-8 character split across read chunks stays whole", () => {
    const padded = `{"id":"${"é".repeat(40_000)}","weight":70,"start":"2026-12-01","courses":1}\n`;
    const out = outLines(runCli(["batch", file("utf8.jsonl", padded.repeat(3))]).stdout);
    expect(out.map((o) => o.id === "é".repeat(40_000))).toEqual([true, true, true]);
  });
});

describe("batch clinic.csv", () => {
  it("reads a header row of the same keys, then one patient per row; line numbers are the file's", () => {
    const csv = file(
      "clinic.csv",
      '\uFEFFid,weight,start,courses,vials,skipWeekends\r\na,70,2026-12-01,1,,\r\n\r\n"b, the second",80,2026-12-01,1,"10,20",yes\r\nc,oops,2026-12-01,1,,\r\nd,70\r\n',
    );
    const run = runCli(["batch", csv]);
    expect(run.status).toBe(3);
    const out = outLines(run.stdout);
    expect(out.map((o) => [o.line, o.id, o.error?.code ?? null])).toEqual([
      [2, "a", null],
      [4, "b, the second", null],
      [5, "c", "INVALID_OPTION"],
      [6, "d", "INVALID_CSV"],
    ]);
    const single = JSON.parse(
      runCli([
        "--weight",
        "80",
        "--start",
        "2026-12-01",
        "--courses",
        "1",
        "--vials",
        "10,20",
        "--skip-weekends",
        "--json",
      ]).stdout,
    );
    const { line: _l, id: _i, ...b } = out[1];
    // The same plan, each in its own words: the line names its keys, the command its flags.
    expect(optionWordsBlanked(b)).toEqual(optionWordsBlanked(single));
    expect(out[2].error.message).toContain("'weight' must be");
    expect(out[3].error.message).toBe("the row has 2 cells; the header has 6");
  });

  it("a header with an unknown key is a usage error naming the column", () => {
    const run = runCli(["batch", file("bad.csv", "id,weigth\na,70\n")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("column 'weigth'");
  });

  it("reads a semicolon-separated file (spreadsheets in decimal-comma locales)", () => {
    const out = outLines(runCli(["batch", file("semi.csv", "id;weight;start;courses\na;70;2026-12-01;1\n")]).stdout);
    expect(out[0].regimen.courseDoseG).toBe(140);
  });
});

describe("text echoed from the input carries no control characters", () => {
  const ESC = "\u001b";
  it("one patient: an option value with ESC [31m and a CR", () => {
    const r = runCli(["--weight", "70", "--product", `${ESC}[31mred\rX`]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain("\\u001b[31mred\\rX");
    const json = runCli(["--weight", "70", "--product", `${ESC}[31mred`, "--json"]);
    expect(JSON.parse(json.stdout).error.message).toContain("\\u001b[31mred");
  });

  it("batch: a product name and an unknown key with control characters", () => {
    const run = runCli(
      ["batch"],
      {},
      `${JSON.stringify({ weight: 70, product: `${ESC}[2J` })}\n${JSON.stringify({ weight: 70, [`k${ESC}\u0007`]: 1 })}\n`,
    );
    const out = outLines(run.stdout);
    for (const o of out) expect(o.error.message).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(out[0].error.message).toContain("\\u001b[2J");
    expect(out[1].error.message).toContain("k\\u001b\\u0007");
  });

  it("a config file path and an MMN_DOSE_* variable name", () => {
    const r = runCli(["--weight", "70", "--config", `nope${ESC}[1m.json`], { [`MMN_DOSE_X${ESC}`]: "1" });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});
