import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BIN, expectValidJsonOutput, ROOT, runCli } from "../helpers/cli.js";

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
    const out = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out.map((o) => [o.line, o.id, "error" in o])).toEqual([
      [1, "p1", false],
      [2, "p2", true],
      [3, null, true],
      [4, "p3", false],
      [5, "p4", true],
      [6, "p5", false],
    ]);
    expect(out[0].regimen.courseDoseG).toBe(140);
    expect(out[1].error.message).toContain("'weight' must be");
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

  it("reads stdin for - and gives the same lines as the one-patient command, in the line's keys", () => {
    const run = runCli(["batch", "-"], {}, input);
    expect(run.stdout).toBe(runCli(["batch", file]).stdout);
    const single = JSON.parse(runCli(["--weight", "70", "--start", "2026-12-01", "--courses", "2", "--json"]).stdout);
    const { line, id, ...first } = JSON.parse(run.stdout.split("\n")[0]!);
    expect([line, id]).toEqual([1, "p1"]);
    // The same plan; where a text names an option, the line names its key ('maxDaily': 1), the command its flag.
    const inFlags = JSON.stringify(first)
      .replaceAll("'maxDaily': 1", "--max-daily 1")
      .replaceAll("'round': 'vial'", "--round vial")
      .replaceAll("no 'dosingWeight' or 'policy'", "no --dosing-weight or --policy");
    expect(JSON.parse(inFlags)).toEqual(single);
  });

  it("a 10 MB line becomes an error line and the batch goes on", () => {
    const huge = join(dir, "huge.jsonl");
    writeFileSync(
      huge,
      `${JSON.stringify({ id: "big", weight: 70, note: "x".repeat(10_000_000) })}\n${JSON.stringify({ id: "ok", weight: 70 })}\n`,
    );
    const run = runCli(["batch", huge]);
    expect(run.status).toBe(3);
    const out = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
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
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("takes --debug after the command too; a missing file is not an internal error, so no stack trace", () => {
    const run = runCli(["batch", join(dir, "nope.jsonl"), "--debug"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no such file");
    expect(run.stderr).not.toMatch(/\n\s+at /);
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

  it.runIf(process.platform === "linux")(
    "a read-only place (/sys, even for root) is an I/O error in one plain line",
    () => {
      const run = runCli(["--weight", "70", "-o", "/sys/mmn-dose.txt"]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^mmn-dose: -o \/sys\/mmn-dose.txt: cannot write \((permission denied: the folder \/sys does not let this user create files;[^\n]*|read-only file system)\)\n$/,
      );
    },
  );

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
    const run = runCli([
      "--weight",
      "70",
      "--start",
      "2026-12-25",
      "--courses",
      "2",
      "--skip-weekends",
      "--avoid-file",
      holidays,
      "--json",
    ]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.infusions.map((i: { date: string }) => i.date)).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2027-01-22",
      "2027-01-25",
    ]);
    expect(doc.infusions[0]).toMatchObject({
      plannedDate: "2026-12-25",
      movedBecause: "2026-12-25 is an avoided date",
    });
    expect(doc.notes.filter((n: { code: string }) => n.code === "MOVED")).toHaveLength(3);
  });

  it("refuses a malformed avoid date, naming the file and line", () => {
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "2026-12-25\n2026-13-01\n");
    const run = runCli(["--weight", "70", "--avoid-file", bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("line 2: '2026-13-01'");
    expect(runCli(["--weight", "70", "--avoid", "2026-12-25,xmas"]).stderr).toContain(
      "--avoid must be comma-separated real dates",
    );
  });
});

describe("batch line values", () => {
  const one = (record: string) => JSON.parse(runCli(["batch", "-"], {}, `${record}\n`).stdout.trim());

  it.each([
    ['{"weight":[70]}', "'weight' must be a body weight from 2 to 350 kg", "[70]"],
    ['{"weight":1e400}', "'weight' must be a body weight from 2 to 350 kg", "Infinity"],
    ['{"weight":true}', "'weight' must be a body weight from 2 to 350 kg", "true"],
    ['{"weight":70,"dose":[1]}', "'dose' must be a number from 0.1 to 4 g/kg", "[1]"],
    ['{"weight":70,"start":["2026-12-01"]}', "'start' must be a real calendar date", '["2026-12-01"]'],
    ['{"weight":70,"sex":{"v":"male"}}', "'sex' must be one of male, female", '{"v":"male"}'],
  ])("%s is refused, naming the option and its range", (record, message, got) => {
    const out = one(record);
    expect(out.error.code).toBe("INVALID_OPTION");
    expect(out.error.message).toContain(message);
    expect(out.error.message).toContain(`got '${got}'`);
  });

  it("lists go where the flag takes a comma-separated list", () => {
    const out = one('{"weight":70,"start":"2026-12-01","courses":1,"vials":[10,20],"avoid":["2026-12-02"]}');
    expect(out.regimen.vialSizesG).toEqual([10, 20]);
    expect(out.infusions.map((i: { date: string }) => i.date)).toEqual(["2026-12-01", "2026-12-03"]);
  });

  it("an error caused by a site setting names where it came from, unless the line set it", () => {
    const site = join(dir, "site-vials.json");
    writeFileSync(site, JSON.stringify({ vials: [10, 20, 40] }));
    const run = runCli(
      ["batch", "-", "--config", site],
      {},
      '{"weight":70,"product":"panzyga"}\n{"weight":70,"product":"panzyga","vials":[10,20,40]}\n',
    );
    const [fromSite, fromLine] = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l).error.message);
    expect(fromSite).toBe(
      `'vials': [40]: Panzyga 10 % comes in 1, 2.5, 5, 10, 20, 30 g vials ('vials' comes from config ${site})`,
    );
    expect(fromLine).toBe("'vials': [40]: Panzyga 10 % comes in 1, 2.5, 5, 10, 20, 30 g vials");
  });

  it("site settings apply by each line's route: the site's SCIG product to SCIG lines, its IVIG vials only to IVIG lines", () => {
    const site = join(dir, "site-routes.json");
    writeFileSync(site, JSON.stringify({ vials: [10, 20], scigProduct: "xembify" }));
    const input =
      '{"weight":70,"route":"scig","start":"2026-12-01","courses":1}\n{"weight":70,"start":"2026-12-01","courses":1}\n';
    const run = runCli(["batch", "-", "--config", site], {}, input);
    expect(run.status).toBe(0);
    const [scig, ivig] = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect([scig.regimen.product, scig.regimen.vialSizesG]).toEqual(["xembify", [1, 2, 4, 10]]);
    expect([ivig.regimen.product, ivig.regimen.vialSizesG]).toEqual(["gammagard-liquid", [10, 20]]);
    const fromEnv = runCli(["batch", "-"], { MMN_DOSE_SCIG_PRODUCT: "cuvitru" }, input);
    expect(JSON.parse(fromEnv.stdout.split("\n")[0]!).regimen.product).toBe("cuvitru");
  });

  it("an id must be a string or a number", () => {
    expect(one('{"weight":70,"id":{"x":1}}')).toEqual({
      line: 1,
      id: null,
      error: { code: "INVALID_ID", message: "'id' must be a string or a number" },
    });
  });

  it("a UTF-8 byte order mark before the first line is not part of the JSON", () => {
    const run = runCli(
      ["batch", "-"],
      {},
      '\uFEFF{"id":"a","weight":70,"start":"2026-12-01","courses":1}\n{"id":"b","weight":71,"start":"2026-12-01","courses":1}\n',
    );
    expect(run.status).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l).id),
    ).toEqual(["a", "b"]);
  });

  it("a directory as input is an I/O error in one line (exit 1)", () => {
    const run = runCli(["batch", dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`mmn-dose: batch ${dir}: is a directory\n`);
  });
});

describe("Ctrl-C during a batch", () => {
  const record = (i: number) => `${JSON.stringify({ id: `p${i}`, weight: 70, start: "2026-12-01", courses: 1 })}\n`;

  /** Starts a batch on a pipe; resolves once `lines` output lines have arrived. */
  function startBatch() {
    const child = spawn(process.execPath, [BIN, "batch", "-"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent", TZ: "UTC" },
    });
    let stdout = "";
    let stderr = "";
    const waiters: (() => void)[] = [];
    child.stdout.on("data", (d: Buffer) => {
      stdout += d;
      for (const w of waiters.splice(0)) w();
    });
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    const outputLines = async (n: number) => {
      while (stdout.split("\n").length - 1 < n) await new Promise<void>((r) => waiters.push(r));
    };
    return { child, exited, outputLines, out: () => ({ stdout, stderr }) };
  }

  const expectCompleteLines = (stdout: string) => {
    expect(stdout.endsWith("\n")).toBe(true);
    for (const line of stdout.trimEnd().split("\n")) expect(JSON.parse(line).line).toBeGreaterThan(0);
  };

  it("while lines stream in: stops at the next line, exit 130, only complete lines written", async () => {
    const b = startBatch();
    for (let i = 1; i <= 3; i++) b.child.stdin.write(record(i));
    await b.outputLines(3);
    b.child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 4; i <= 6; i++) b.child.stdin.write(record(i));
    b.child.stdin.end();
    expect(await b.exited).toBe(130);
    const { stdout, stderr } = b.out();
    expectCompleteLines(stdout);
    expect(stdout.trimEnd().split("\n")).toHaveLength(3);
    expect(stderr).toBe("mmn-dose: batch interrupted after 3 lines; every line written is complete\n");
  });

  it("while waiting for input that then ends (the producer was interrupted too): exit 130", async () => {
    const b = startBatch();
    b.child.stdin.write(record(1));
    await b.outputLines(1);
    b.child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 100));
    b.child.stdin.end();
    expect(await b.exited).toBe(130);
    expectCompleteLines(b.out().stdout);
    expect(b.out().stderr).toContain("batch interrupted after 1 line;");
  });
});
