import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonSyntaxError } from "../../src/cli/jsonSyntax.js";
import { runInProcess } from "../helpers/inProcess.js";

describe("jsonSyntaxError: the line and column of the first syntax error", () => {
  it.each([
    // line 2 is `  "vials": [10,]`: 2 spaces, 7 for "vials" with its quotes, ':', ' ', '[', '1', '0', ',' = 15,
    // so ']' is column 16
    ['{\n  "vials": [10,]\n}', 2, 16, "a comma before ']' is not allowed in JSON"],
    // line 3 column 3: the key without quotes after 2 spaces
    ['{\n  "round": "5g",\n  policy: "uk"\n}', 3, 3, "expected a key in double quotes, found 'p'"],
    // a missing comma between two keys: the second key's quote on line 3, column 3
    ['{\n  "round": "5g"\n  "policy": "uk"\n}', 3, 3, "expected ',' or '}', found '\"'"],
    // single quotes: line 1, column 11
    ["{\"round\": '5g'}", 1, 11, "strings are written in double quotes in JSON"],
    // an empty file: line 1, column 1
    ["", 1, 1, "expected a value, found the end of the file"],
    // not closed: after `{"a": 1` (7 characters) the end is column 8
    ['{"a": 1', 1, 8, "expected ',' or '}', found the end of the file"],
    // text after the value: `{}` then ' x' → column 4
    ["{} x", 1, 4, "more text after the JSON value ends"],
    // a string broken over two lines: `{"a": "b` is 8 characters, so the line break is column 9
    ['{"a": "b\nc"}', 1, 9, "a line break or control character inside a string"],
  ])("%j", (text, line, column, message) => {
    expect(jsonSyntaxError(text)).toEqual({ line, column, message });
  });

  it("valid JSON has no error, whatever JSON.parse accepts", () => {
    for (const text of ['{"vials": [10, 20], "policy": "uk"}', "[]", " -1.5e3 ", '"\\u00e9\\n"', "null", "{}"]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(jsonSyntaxError(text)).toBeUndefined();
    }
  });
});

describe("a config file with a syntax error", () => {
  it("names the file, the line and the column; exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mmn-dose-json-"));
    const path = join(dir, "site.json");
    writeFileSync(path, '{\n  "vials": [10, 20],\n  "policy": "uk",\n}\n');
    const r = await runInProcess(["--weight", "70", "--config", path]);
    expect(r.status).toBe(2);
    // line 4 column 1 is the '}' after the trailing comma
    expect(r.stderr).toContain(
      `mmn-dose: config ${path}: line 4, column 1: not valid JSON: a comma before '}' is not allowed in JSON\n`,
    );
  });
});
