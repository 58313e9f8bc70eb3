import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closest } from "../../src/cli/suggest.js";
import { runInProcess } from "../helpers/inProcess.js";

const run = (argv: string[], overrides = {}) =>
  runInProcess(argv, { env: { HOME: "/nonexistent" }, stdinIsTTY: true, ...overrides });

describe("did-you-mean on long values", () => {
  it("makes no suggestion for a value far longer than any name, and answers at once", () => {
    const long = `privign${"x".repeat(1_000_000)}`;
    const started = performance.now();
    expect(closest(long, ["privigen", "kiovig"])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("a 1 MB product name is refused in one short line", async () => {
    const r = await run(["--weight", "70", "--product", "p".repeat(1_000_000)]);
    expect(r.status).toBe(2);
    const first = r.stderr.split("\n")[0]!;
    expect(first.length).toBeLessThan(2_000);
    expect(first).toMatch(/--product must be one of .*characters cut/);
  });
});

describe("dates, references and color switches", () => {
  it.each([["--start"], ["--until"]])("%s beyond 2999 names the range the tool plans in", async (flag) => {
    const r = await run(["--weight", "70", flag, "9999-12-01"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${flag} must be a real calendar date from 1900-01-01 to 2999-12-31`);
  });

  it("an --avoid date beyond the range says the range too", async () => {
    const r = await run(["--weight", "70", "--avoid", "2026-12-24,3000-01-01"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("from 1900-01-01 to 2999-12-31; got '3000-01-01'");
  });

  it.each(["Patient/..", "Patient/.", "Patient/..."])("--patient-ref %s (a dot segment) is refused", async (ref) => {
    const r = await run(["--weight", "70", "--format", "fhir", "--patient-ref", ref]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--patient-ref .*not only dots/);
  });

  it("--patient-ref keeps ids with dots among other characters", async () => {
    const r = await run(["--weight", "70", "--format", "fhir", "--patient-ref", "Patient/a.b-1"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('"reference": "Patient/a.b-1"');
  });

  it.each([
    [["--no-color", "--color"], true],
    [["--color", "--no-color"], false],
  ])("%j: the last of an on/off pair wins", async (flags, colored) => {
    const r = await run(["--weight", "70", ...flags]);
    expect(r.status).toBe(0);
    expect(r.stdout.includes("\u001b[")).toBe(colored);
  });
});

/** Batch input for an in-process run: the text, as one chunk. */
function batchInput(text: string) {
  return {
    readInput: async function* () {
      yield Buffer.from(text);
    },
  };
}

describe("CSV cells a ';' spreadsheet would split", () => {
  it("an error cell echoing a key with ';' is one quoted cell", async () => {
    const r = await runInProcess(["batch", "--format", "csv"], batchInput('{"weight":70,"a;=1+1":1}\n'));
    expect(r.status).toBe(3);
    const row = r.stdout.split("\r\n")[1]!;
    expect(row).toMatch(/^1,,"UNKNOWN_KEY: unknown key 'a;=1\+1'[^"]*",/);
  });

  it("a batch id with ';' is quoted", async () => {
    const r = await runInProcess(["batch", "--format", "csv"], batchInput('{"id":"x;=2+2","weight":1}\n'));
    expect(r.stdout.split("\r\n")[1]).toMatch(/^1,"x;=2\+2",/);
  });
});

describe("control characters in a config path", () => {
  // A folder name with an escape sequence, a CR and a bidirectional override.
  const folder = join(mkdtempSync(join(tmpdir(), "mmn-dose-esc-")), "x\u001b[31mRED\rCR\u202eLF\nY");
  mkdirSync(folder);
  const config = join(folder, "site.json");
  writeFileSync(config, '{"vials":"5,10"}');
  const rawIn = (text: string) =>
    text.split("\n").some((line) => /[\u001b\r\u202e]/.test(line) && line.includes("RED"));

  it.each([
    ["the table (Settings line, notes, --explain)", ["--weight", "70", "--config", config, "--explain"]],
    ["the printed sheet", ["--weight", "70", "--config", config, "--format", "html"]],
    ["mmn-dose config", ["config", "--config", config]],
  ])("are escaped in %s", async (_, argv) => {
    const r = await run(argv);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("RED");
    expect(rawIn(r.stdout)).toBe(false);
    expect(r.stdout).not.toMatch(/LF\nY/);
    expect(r.stdout).toContain("x\\u001b[31mRED\\rCR\\u202eLF\\nY");
  });

  it("stay exact in JSON, which escapes them itself", async () => {
    const r = await run(["--weight", "70", "--config", config, "--json"]);
    expect(JSON.parse(r.stdout).settings.file).toBe(config);
  });
});

describe("JSON nested deeper than any input", () => {
  const dir = mkdtempSync(join(tmpdir(), "mmn-dose-deep-"));
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const message = "arrays and objects are nested more than 64 levels deep";

  it.each([
    ["--plan, valid", ["--weight", "70", "--plan", file("p1.json", `{"phases":[{"dose":${deep(5000)}}]}`)]],
    ["--plan, broken", ["--weight", "70", "--plan", file("p2.json", `{"phases":${deep(5000).slice(0, -1)}}`)]],
    ["--config, valid", ["--weight", "70", "--config", file("c1.json", `{"avoid":${deep(5000)}}`)]],
    ["--config, broken", ["--weight", "70", "--config", file("c2.json", deep(5000).slice(0, -1))]],
  ])("%s: exit 2 naming the limit", async (_, argv) => {
    const r = await run(argv);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(new RegExp(`line 1, column \\d+: ${message}$`));
  });

  it("64 levels are still read (and refused for what they hold)", async () => {
    const r = await run(["--weight", "70", "--config", file("c3.json", `{"avoid":${deep(63)}}`)]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain(message);
  });

  it("a batch line: one error line naming the column, the other lines planned", async () => {
    const text = `{"weight":70,"avoid":${deep(5000)}}\n{"weight":70,"courses":1}\n`;
    const r = await runInProcess(["batch"], batchInput(text));
    expect(r.status).toBe(3);
    const [first, second] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    // `{"weight":70,"avoid":` is 21 characters and level 1; the first '[' (column 22) is level 2, so the
    // 64th '[' is level 65, column 22 + 63 = 85.
    expect(first.error).toEqual({ code: "INVALID_JSON", message: `column 85: ${message}` });
    expect(second.error).toBeUndefined();
  });
});

describe("a key given twice in one JSON object", () => {
  const dir = mkdtempSync(join(tmpdir(), "mmn-dose-dup-"));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it("a batch line is refused, naming the key and its column, not dosed at the last weight", async () => {
    const r = await runInProcess(["batch"], batchInput('{"weight":70,"weight":80}\n{"weight":70,"courses":1}\n'));
    expect(r.status).toBe(3);
    const [first, second] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    // `{"weight":70,` is 13 characters: the second key's quote is column 14.
    expect(first.error).toEqual({
      code: "DUPLICATE_KEY",
      message: "column 14: the key 'weight' appears twice in one object: give it once",
    });
    expect(second.patient.weightKg).toBe(70);
  });

  it.each([
    [
      "a config file",
      ["--weight", "70", "--config", "c.json"],
      '{\n  "round": "5g",\n  "round": "none"\n}',
      "line 3, column 3",
    ],
    [
      "a plan's phase",
      ["--weight", "70", "--plan", "p.json"],
      '{"phases": [{"dose": 1, "dose": 2}]}',
      "line 1, column 25",
    ],
    [
      "a plan's phases",
      ["--weight", "70", "--plan", "p.json"],
      '{"phases": [{"dose": 1}],\n"phases": []}',
      "line 2, column 1",
    ],
  ])("%s is refused with exit 2 and the line and column", async (_, argv, text, where) => {
    const path = file(argv.at(-1)!, text);
    const r = await run([...argv.slice(0, -1), path]);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(new RegExp(`${where}: the key '\\w+' appears twice in one object`));
  });

  it("the same key in two objects, an escaped spelling, and key-like text in values", async () => {
    const { jsonShapeError } = await import("../../src/cli/jsonSyntax.js");
    const ok = '{"a": {"x": 1}, "b": {"x": 2}, "c": "d\\":", "e": ["f:", {"x": 3}]}';
    expect(jsonShapeError(ok, JSON.parse(ok))).toBeUndefined();
    const escaped = '{"a": 1, "\\u0061": 2}';
    expect(jsonShapeError(escaped, JSON.parse(escaped))?.kind).toBe("duplicateKey");
  });
});

describe("numeric batch ids", () => {
  it.each(["9007199254740993", "1e400", "-9007199254740992", "12.5"])(
    "%s is refused, never echoed changed",
    async (id) => {
      const r = await runInProcess(["batch"], batchInput(`{"id":${id},"weight":70,"courses":1}\n`));
      expect(r.status).toBe(3);
      const out = JSON.parse(r.stdout);
      expect(out.id).toBeNull();
      expect(out.error.code).toBe("INVALID_ID");
      expect(out.error.message).toContain("write the id as a string");
    },
  );

  it.each([
    ["9007199254740991", 9007199254740991],
    ["-42", -42],
    ['"9007199254740993"', "9007199254740993"],
  ])("%s is kept exactly", async (text, id) => {
    const r = await runInProcess(["batch"], batchInput(`{"id":${text},"weight":70,"courses":1}\n`));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe(id);
    expect(r.stdout).toContain(`"id":${text}`);
  });
});

describe("bounds on what can be asked for", () => {
  const dir = mkdtempSync(join(tmpdir(), "mmn-dose-bounds-"));
  // 20,000 ascending steps between 0.5 and 4.5 mL/kg/h (within Gammagard Liquid's 0.5–5.4 label range).
  const steps = Array.from({ length: 20_000 }, (_, i) => Number((0.5 + i * 0.0002).toFixed(4)));
  const steps21 = steps.slice(0, 21).join(",");

  it.each([
    ["--rate-steps", steps21, "steps"],
    ["--vials", Array.from({ length: 21 }, (_, i) => i + 1).join(","), "vial sizes"],
  ])("%s with 21 values is refused, naming the limit of 20", async (flag, value, what) => {
    const r = await run(["--weight", "70", flag, value]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${flag} takes at most 20 values (${what}); got 21`);
  });

  it("20 rate steps are still accepted", async () => {
    const r = await run(["--weight", "70", "--rate-steps", steps.slice(0, 20).join(","), "--json"]);
    expect(r.status, r.stderr).toBe(0);
  });

  it("a plan with 20,000 rate steps is exit 2 at once", async () => {
    const plan = join(dir, "steps.json");
    writeFileSync(plan, JSON.stringify({ phases: [{ rateSteps: steps }] }));
    const r = await run(["--weight", "70", "--plan", plan]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("phase 1: rateSteps takes at most 20 values (steps); got 20,000");
  });

  it("as a batch line it fails alone: the next line is planned and written", async () => {
    const big = JSON.stringify({ weight: 70, plan: { phases: [{ rateSteps: steps }] } });
    const r = await runInProcess(["batch"], batchInput(`${big}\n{"weight":70,"courses":1}\n`));
    expect(r.status).toBe(3);
    const [first, second] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first.error.message).toContain("at most 20 values");
    expect(second.line).toBe(2);
    expect(second.error).toBeUndefined();
  });
});

describe("batch --forecast with failing lines", () => {
  const good = '{"id":"g","weight":70,"start":"2026-12-01","courses":2}';
  // 3,000 failing lines with a long id: past the 1 MB a spool keeps in memory.
  const text = [good, ...Array.from({ length: 3000 }, (_, k) => `{"id":"${"x".repeat(400)}${k}","weight":1}`)].join(
    "\n",
  );

  it("JSON lists every failed line, byte for byte as JSON.stringify(doc, null, 2)", async () => {
    const r = await runInProcess(["batch", "--forecast", "week", "--format", "json"], batchInput(`${text}\n`));
    expect(r.status).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.failedLines).toHaveLength(3000);
    expect(doc.failedLines[2999]).toMatchObject({ line: 3001, id: `${"x".repeat(400)}2999` });
    expect(r.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it("JSON without failed lines is the same document shape", async () => {
    const r = await runInProcess(["batch", "--forecast", "week", "--format", "json"], batchInput(`${good}\n`));
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${JSON.stringify(JSON.parse(r.stdout), null, 2)}\n`);
    expect(JSON.parse(r.stdout).failedLines).toEqual([]);
  });

  it("the table names the first five and counts the rest", async () => {
    const r = await runInProcess(["batch", "--forecast", "week"], batchInput(`${text}\n`));
    expect(r.status).toBe(3);
    expect(r.stdout).toContain("3000 of 3001 lines failed: line 2 (id ");
    expect(r.stdout).toContain("and 2995 more.");
  });
});

describe("the forecast sink's memory", () => {
  it.each(["table", "json", "csv"] as const)("stays flat over 100,000 failed lines of 2 KB (%s)", async (format) => {
    const { forecastSink } = await import("../../src/cli/forecastRun.js");
    const sink = forecastSink("week", format);
    const before = process.memoryUsage().heapUsed;
    for (let line = 1; line <= 100_000; line++) {
      // A fresh string per line, as a batch line's error would be.
      const message = `unknown key '${String(line).padStart(2000, "k")}'`;
      sink.add({ line, id: `p${line}`, error: { code: "UNKNOWN_KEY", message } });
    }
    // Kept whole, 100,000 messages of 2 KB would hold 200 MB (400 MB as UTF-16).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50_000_000);
    let written = 0;
    await sink.writeTo(async (text) => {
      written += text.length;
    }, 100_000);
    expect(written).toBeGreaterThan(format === "json" ? 200_000_000 : 0);
  });
});

describe("shownMessage", () => {
  it("keeps a short message whole, escaped", async () => {
    const { shownMessage } = await import("../../src/cli/escape.js");
    expect(shownMessage("got 'a\u001bb'")).toBe("got 'a\\u001bb'");
  });

  it("cuts a long one in its middle, never between the halves of a surrogate pair", async () => {
    const { shownMessage } = await import("../../src/cli/escape.js");
    // 599 'a' then an emoji (2 code units) straddling the 600-unit cut, 2,000 'b', then the tail.
    const text = `${"a".repeat(599)}😀${"b".repeat(2000)}the end`;
    const shown = shownMessage(text);
    expect(shown.startsWith(`${"a".repeat(599)} … [`)).toBe(true);
    expect(shown.endsWith(`${"b".repeat(293)}the end`)).toBe(true);
    // 2,608 units in all: 599 kept at the start, 300 at the end, 1,709 cut.
    expect(shown).toContain("[1,709 characters cut]");
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
