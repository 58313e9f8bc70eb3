import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { expectValidJsonOutput, runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-"));

describe("mmn-dose batch", () => {
  const lines = [
    { id: "p1", weight: 70, start: "2026-12-01", courses: 2 },
    { id: "p2", weight: "banana" },
    "not json",
    { id: "p3", weight: 100, height: 175, sex: "male", policy: "ontario", start: "2026-12-01", courses: 1 },
    { id: "p4", weight: 70, frobnicate: true },
    { id: "p5", weight: 70, route: "scig", start: "2026-12-08", courses: 1, skipWeekends: true },
  ];
  const input = `${lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n")}\n`;
  const file = join(dir, "clinic.jsonl");
  writeFileSync(file, input);

  it("writes one line per input line, same order, ids echoed, bad lines as errors, exit 3", () => {
    const run = runCli(["batch", file]);
    expect(run.status).toBe(3);
    const out = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => [o.line, o.id, "error" in o])).toEqual([
      [1, "p1", false],
      [2, "p2", true],
      [3, null, true],
      [4, "p3", false],
      [5, "p4", true],
      [6, "p5", false],
    ]);
    expect(out[0].regimen.courseDoseG).toBe(140);
    expect(out[1].error.message).toContain("--weight must be");
    expect(out[2].error.code).toBe("INVALID_JSON");
    expect(out[3].regimen.courseDoseG).toBe(165);
    expect(out[4].error.code).toBe("UNKNOWN_KEY");
    expect(out[5].regimen.route).toBe("scig");
    expect(run.stderr).toContain("3 of 6 lines failed");
    for (const o of out.filter((x) => !("error" in x))) {
      const { line: _line, id: _id, ...doc } = o;
      expectValidJsonOutput({ status: 0, stdout: JSON.stringify(doc), stderr: "" });
    }
    for (const o of out.filter((x) => "error" in x)) expect(Object.keys(o.error).sort()).toEqual(["code", "message"]);
  });

  it("reads stdin for - and gives the same lines as the one-patient command", () => {
    const run = runCli(["batch", "-"], {}, input);
    expect(run.stdout).toBe(runCli(["batch", file]).stdout);
    const single = JSON.parse(runCli(["--weight", "70", "--start", "2026-12-01", "--courses", "2", "--json"]).stdout);
    const { line, id, ...first } = JSON.parse(run.stdout.split("\n")[0]!);
    expect([line, id]).toEqual([1, "p1"]);
    expect(first).toEqual(single);
  });

  it("a 10 MB line becomes an error line and the batch goes on", () => {
    const huge = join(dir, "huge.jsonl");
    writeFileSync(huge, `${JSON.stringify({ id: "big", weight: 70, note: "x".repeat(10_000_000) })}\n${JSON.stringify({ id: "ok", weight: 70 })}\n`);
    const run = runCli(["batch", huge]);
    expect(run.status).toBe(3);
    const out = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.error?.code ?? null])).toEqual([
      [null, "LINE_TOO_LONG"],
      ["ok", null],
    ]);
  });

  it("--format csv gives one CSV for the clinic with line, id and error columns", () => {
    const run = runCli(["batch", "--format", "csv", file]);
    expect(run.status).toBe(3);
    const rows = parse(run.stdout, { columns: true }) as Record<string, string>[];
    expect([...new Set(rows.map((r) => r.line))]).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(rows.filter((r) => r.id === "p1")).toHaveLength(4);
    expect(rows.find((r) => r.line === "3")!.error).toMatch(/^INVALID_JSON/);
  });

  it("exits 0 when every line is good", () => {
    const good = join(dir, "good.jsonl");
    writeFileSync(good, `${JSON.stringify({ weight: 70, start: "2026-12-01" })}\n`);
    expect(runCli(["batch", good]).status).toBe(0);
  });

  it("a missing file is an I/O error (exit 1)", () => {
    const run = runCli(["batch", join(dir, "nope.jsonl")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no such file");
  });
});

describe("-o, --output", () => {
  it("writes the output to the file and nothing to stdout", () => {
    const target = join(dir, "schedule.json");
    const run = runCli(["--weight", "70", "--start", "2026-12-01", "--json", "-o", target]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(JSON.parse(readFileSync(target, "utf8")).regimen.courseDoseG).toBe(140);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a missing directory is an I/O error (exit 1) and leaves nothing behind", () => {
    const run = runCli(["--weight", "70", "-o", join(dir, "missing", "x.txt")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("does not exist");
  });

  it("a path under a file (not a directory) is an I/O error", () => {
    const file = join(dir, "plain.txt");
    writeFileSync(file, "x");
    const run = runCli(["--weight", "70", "-o", join(file, "x.json")]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("is not a directory");
  });

  it("an existing directory as the target is an I/O error and leaves it as it was", () => {
    const target = join(dir, "a-directory");
    mkdirSync(target);
    const run = runCli(["--weight", "70", "-o", target]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`mmn-dose: -o ${target}: cannot write (is a directory)\n`);
    expect(readdirSync(target)).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it.runIf(process.platform === "linux")("a read-only place (/sys, even for root) is an I/O error in one plain line", () => {
    const run = runCli(["--weight", "70", "-o", "/sys/mmn-dose.txt"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^mmn-dose: -o \/sys\/mmn-dose.txt: cannot write \((permission denied|read-only file system)\)\n$/);
  });

  it("bad input writes no file", () => {
    const target = join(dir, "never.txt");
    expect(runCli(["--weight", "banana", "-o", target]).status).toBe(2);
    expect(readdirSync(dir)).not.toContain("never.txt");
  });
});

describe("--skip-weekends and --avoid", () => {
  it("moves days off weekends and avoided dates, lists each move, keeps later courses on plan", () => {
    const holidays = join(dir, "holidays.txt");
    writeFileSync(holidays, "# closed\n2026-12-25\n2027-01-01\n");
    const run = runCli(["--weight", "70", "--start", "2026-12-25", "--courses", "2", "--skip-weekends", "--avoid-file", holidays, "--json"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.infusions.map((i: { date: string }) => i.date)).toEqual(["2026-12-28", "2026-12-29", "2027-01-22", "2027-01-25"]);
    expect(doc.infusions[0]).toMatchObject({ plannedDate: "2026-12-25", movedBecause: "2026-12-25 is an avoided date" });
    expect(doc.notes.filter((n: { code: string }) => n.code === "MOVED")).toHaveLength(3);
  });

  it("refuses a malformed avoid date, naming the file and line", () => {
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "2026-12-25\n2026-13-01\n");
    const run = runCli(["--weight", "70", "--avoid-file", bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("line 2: '2026-13-01'");
    expect(runCli(["--weight", "70", "--avoid", "2026-12-25,xmas"]).stderr).toContain("--avoid must be comma-separated real dates");
  });
});
