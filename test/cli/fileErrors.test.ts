import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePlanText } from "../../src/cli/planFile.js";
import { runInProcess } from "../helpers/inProcess.js";

describe("a plan file with a JSON syntax error says where, as a config file does", () => {
  it("line and column, not a character position", () => {
    // Line 3 is `    { "dose": 1, }`: 4 spaces, then '{' is column 5, the comma 16, the '}' after it 18,
    // where the reader stops (as for a config file).
    const text = '{\n  "phases": [\n    { "dose": 1, }\n  ]\n}\n';
    expect(() => parsePlanText(text, "--plan p.json")).toThrow(
      "--plan p.json: line 3, column 18: not valid JSON: a comma before '}' is not allowed in JSON",
    );
  });

  it("a byte order mark is not a column", () => {
    expect(() => parsePlanText("\uFEFF{ phases: [] }", "--plan p.json")).toThrow(
      "--plan p.json: line 1, column 3: not valid JSON: expected a key in double quotes, found 'p'",
    );
  });
});

describe("a config file's unknown key names the closest site key", () => {
  it("polcy → policy", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mmn-config-"));
    const path = join(dir, "site.json");
    writeFileSync(path, JSON.stringify({ polcy: "ontario" }));
    const run = await runInProcess(["--weight", "70", "--config", path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown key 'polcy' (did you mean policy?)");
  });
});
