import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROGRESS_EVERY_MS } from "../../src/cli/progress.js";
import { runInProcess } from "../helpers/inProcess.js";

/** Batch input for an in-process run: the text, as one chunk. */
function input(lines: readonly (string | object)[]) {
  const text = `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`;
  return {
    readInput: async function* () {
      yield Buffer.from(text);
    },
  };
}

const GOOD = { weight: 70, start: "2026-12-01", courses: 1 };

describe("batch: the failed lines are named on stderr", () => {
  it("line numbers, ids and codes of the first five, then a count", async () => {
    const lines = [
      { id: "p1", ...GOOD },
      { id: "p2", weight: 1 },
      "not json",
      { id: 4, weight: "x" },
      { ...GOOD, frobnicate: 1 },
      { id: "p6", ...GOOD },
      { id: "p7", weight: 1 },
      { id: "p8", weight: 1 },
      { id: "p9", weight: 1 },
    ];
    const run = await runInProcess(["batch"], input(lines));
    expect(run.status).toBe(3);
    expect(run.stderr).toBe(
      "mmn-dose: batch: 7 of 9 lines failed: line 2 (id p2) INVALID_OPTION, line 3 INVALID_JSON, " +
        "line 4 (id 4) INVALID_OPTION, line 5 UNKNOWN_KEY, line 7 (id p7) INVALID_OPTION, and 2 more\n",
    );
  });

  it("nothing on stderr when every line succeeds", async () => {
    const run = await runInProcess(["batch"], input([GOOD, GOOD]));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });

  it("an id with control characters is escaped, a long one cut", async () => {
    const run = await runInProcess(["batch"], input([{ id: `a\u001b[31m${"x".repeat(60)}`, weight: 1 }]));
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).toMatch(/line 1 \(id a\\u001b\[31mx+…\) INVALID_OPTION\n$/);
  });
});

describe("batch: progress on a terminal", () => {
  /** A clock that moves `step` ms each time it is read. */
  const clock = (step: number) => {
    let t = 0;
    return () => (t += step);
  };
  const many = Array.from({ length: 30 }, () => GOOD);

  it("stderr a terminal: a throttled line rewritten in place, erased at the end", async () => {
    // Each line reads the clock once; 50 ms a read: an update every 4 lines at most (200 ms).
    const run = await runInProcess(["batch"], { ...input(many), stderrIsTTY: true, now: clock(50) });
    expect(run.status).toBe(0);
    const updates = run.stderr.match(/\r\u001b\[Kmmn-dose: batch: \d+ lines…/g) ?? [];
    expect(updates.length).toBeGreaterThan(3);
    expect(updates.length).toBeLessThanOrEqual(30 / (PROGRESS_EVERY_MS / 50));
    expect(run.stderr.endsWith("\r\u001b[K")).toBe(true);
    expect(run.stdout.trimEnd().split("\n")).toHaveLength(30); // stdout untouched
  });

  it("a fast run on a terminal shows nothing", async () => {
    const run = await runInProcess(["batch"], { ...input(many), stderrIsTTY: true, now: clock(1) });
    expect(run.stderr).toBe("");
  });

  it("stderr not a terminal: no progress, however long the run", async () => {
    const run = await runInProcess(["batch"], { ...input(many), stderrIsTTY: false, now: clock(1000) });
    expect(run.stderr).toBe("");
  });

  it("the progress line is erased before the failure summary", async () => {
    const run = await runInProcess(["batch"], {
      ...input([...many, { weight: 1 }]),
      stderrIsTTY: true,
      now: clock(500),
    });
    expect(run.stderr).toMatch(/\r\u001b\[Kmmn-dose: batch: 1 of 31 lines failed: line 31 INVALID_OPTION\n$/);
  });
});

describe("batch: an unknown key names the closest valid one", () => {
  const one = async (record: object) => JSON.parse((await runInProcess(["batch"], input([record]))).stdout);

  it("wieght → weight, skipweekends → skipWeekends", async () => {
    const typo = await one({ wieght: 70 });
    expect(typo.error.code).toBe("UNKNOWN_KEY");
    expect(typo.error.message).toContain("unknown key 'wieght': did you mean 'weight'?");
    expect((await one({ weight: 70, skipweekends: true })).error.message).toContain("did you mean 'skipWeekends'?");
  });

  it("no guess when nothing is close", async () => {
    const far = await one({ weight: 70, frobnicate: true });
    expect(far.error.message).toBe("unknown key 'frobnicate' (keys are the long option names in camelCase)");
  });
});

describe("batch: an error line names the keys the script sent, not flags", () => {
  const one = async (record: object) => JSON.parse((await runInProcess(["batch"], input([record]))).stdout).error;

  it.each([
    [{ weight: 70, route: "scig", product: "privigen" }, "'product' applies to 'route': 'ivig' only"],
    [{ weight: 70, maxDaily: 9999 }, "'maxDaily' must be a number from 0.1 to 2 g/kg; got '9999'"],
    [{ weight: 70, route: "scig", scigProduct: "nope" }, "'scigProduct' must be one of hizentra, "],
    [{ weight: 70, "max-daily": 1 }, "unknown key 'max-daily': did you mean 'maxDaily'?"],
  ])("%j", async (record, said) => {
    const error = await one(record);
    expect(error.message).toContain(said);
    expect(error.message).not.toMatch(/--[a-z]/);
  });

  it("the value echoed back stays as sent, even when it looks like a flag", async () => {
    expect((await one({ weight: 70, product: "--route" })).message).toMatch(
      /^'product' must be one of .*; got '--route'$/,
    );
    expect((await one({ weight: 70, "--dose": 1 })).message).toContain("unknown key '--dose'");
  });

  it("the one-patient command keeps its flags", async () => {
    const run = await runInProcess(["--weight", "70", "--route", "scig", "--product", "privigen"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--product applies to --route ivig only");
    const range = await runInProcess(["--weight", "70", "--max-daily", "9999"]);
    expect(range.stderr).toContain("--max-daily must be a number from 0.1 to 2 g/kg; got '9999'");
  });
});

describe("batch: a short CSV row keeps its id", () => {
  it("in the JSON line and in the CSV writer's id column", async () => {
    const rows = input(["id,weight,start", "P-17,70", ",70"]);
    const json = await runInProcess(["batch", "clinic.csv"], rows);
    expect(
      json.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { line: 2, id: "P-17", error: { code: "INVALID_CSV", message: "the row has 2 cells; the header has 3" } },
      { line: 3, id: null, error: { code: "INVALID_CSV", message: "the row has 2 cells; the header has 3" } },
    ]);
    const csv = await runInProcess(["batch", "clinic.csv", "--format", "csv"], rows);
    expect(csv.stdout.split("\n")[1]).toMatch(/^2,P-17,"INVALID_CSV: the row has 2 cells; the header has 3",/);
  });

  it("counts one cell in the singular", async () => {
    const one = await runInProcess(["batch", "clinic.csv"], input(["id,weight,start", "P-18"]));
    expect(JSON.parse(one.stdout).error.message).toBe("the row has 1 cell; the header has 3");
  });
});

describe("batch: compact lines", () => {
  const lines = [
    { id: "a", ...GOOD },
    { id: "b", weight: 1 },
    { id: "c", ...GOOD, courses: 6 },
  ];

  it("--no-sources drops every sources array; lines stay valid JSON and shrink", async () => {
    const full = await runInProcess(["batch"], input(lines));
    const compact = await runInProcess(["batch", "--no-sources"], input(lines));
    expect(compact.status).toBe(3);
    const fullLines = full.stdout.trimEnd().split("\n");
    const compactLines = compact.stdout.trimEnd().split("\n");
    expect(compactLines).toHaveLength(3);
    const parsed = compactLines.map((l) => JSON.parse(l));
    expect(JSON.stringify(parsed)).not.toContain('"sources"');
    expect(parsed[1]).toEqual(JSON.parse(fullLines[1]!)); // an error line is never shaped
    // What is left is the full line less its sources.
    const { sources: _s, ...rest } = JSON.parse(fullLines[0]!);
    expect(parsed[0].infusions).toEqual(rest.infusions);
    expect(parsed[0].warnings.length + parsed[0].notes.length).toBe(rest.warnings.length + rest.notes.length);
    expect(compactLines[0]!.length).toBeLessThan(fullLines[0]!.length * 0.8);
  });

  it("--fields keeps line, id, schemaVersion and the fields named (any case)", async () => {
    const run = await runInProcess(["batch", "--fields", "patient, Warnings"], input(lines));
    const parsed = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(Object.keys(parsed[0])).toEqual(["line", "id", "schemaVersion", "patient", "warnings"]);
    expect(Object.keys(parsed[1])).toEqual(["line", "id", "error"]);
    expect(run.stdout.length).toBeLessThan(2000);
  });

  it("an unknown field is exit 2 naming the valid ones", async () => {
    const run = await runInProcess(["batch", "--fields", "patient,infusion"], input(lines));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("batch --fields: 'infusion' is not a field (did you mean infusions?); fields are ");
    expect(run.stderr).toContain("patient, regimen, infusions, courseTotals, warnings, notes, sources");
    expect(run.stdout).toBe("");
  });

  it("not with --format csv or --forecast", async () => {
    for (const argv of [
      ["batch", "--no-sources", "--format", "csv"],
      ["batch", "--fields", "patient", "--forecast", "week"],
    ]) {
      const run = await runInProcess(argv, input(lines));
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/shapes the JSON lines of each patient; not with --(format csv|forecast)/);
    }
  });
});

describe("batch -o", () => {
  it("writes the lines (compact ones too) to the file, nothing to stdout", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "mmn-dose-")), "out.jsonl");
    const run = await runInProcess(["batch", "--no-sources", "-o", file], input([GOOD, { weight: 1 }]));
    expect(run.status).toBe(3);
    expect(run.stdout).toBe("");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines.map((l) => JSON.parse(l).line)).toEqual([1, 2]);
  });

  it("writes a forecast to the file", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "mmn-dose-")), "forecast.json");
    const run = await runInProcess(["batch", "--forecast", "month", "--format", "json", "-o", file], input([GOOD]));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(file, "utf8")).forecast.period).toBe("month");
  });
});

describe("batch --forecast in-process", () => {
  it("the table escapes an id echoed from the input; JSON keeps it as given", async () => {
    const lines = [GOOD, { id: "x\u001b[2J", weight: 1 }];
    const table = await runInProcess(["batch", "--forecast", "week"], input(lines));
    expect(table.status).toBe(3);
    expect(table.stdout).not.toContain("\u001b");
    expect(table.stdout).toContain("line 2 (id x\\u001b[2J) INVALID_OPTION.");
    const json = await runInProcess(["batch", "--forecast", "week", "--format", "json"], input(lines));
    expect(JSON.parse(json.stdout).failedLines[0].id).toBe("x\u001b[2J");
  });
});
