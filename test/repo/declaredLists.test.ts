import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, COMMANDS } from "../../src/cli/commandKit.js";
import { BATCH_FORMATS, OUTPUT_FORMAT_NAMES, OUTPUT_FORMATS } from "../../src/cli/outputFormats.js";
import { SCHEDULE_OPTIONS } from "../../src/cli/options.js";
import { SCHEMA_NAMES } from "../../src/cli/schemaCatalog.js";
import { SHELLS } from "../../src/cli/shells.js";
import { MESSAGE_CODES } from "../../src/data/messageCodes.js";
import { ROOT } from "../helpers/cli.js";
import { runInProcess } from "../helpers/inProcess.js";

// Each list is declared once in src/ (the compiler keeps the code in step with it); the documents
// cannot be type-checked, so these tests fail when one of them leaves an entry out or names one
// that is gone. A section is looked for by its title in the README and every guide in docs/,
// wherever it lives.

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const README = read("README.md");
const CONTRACT = read("docs/contract.md");
const DOCS = [
  README,
  ...readdirSync(join(ROOT, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => read(`docs/${f}`)),
];
const CODES = Object.keys(MESSAGE_CODES);

/** The section titled `title` (at any heading level), up to the next heading of the same or a higher level. */
function sectionIn(doc: string, title: string): string | undefined {
  const heading = new RegExp(`^(#+) ${title.replace(/[()[\]`]/g, "\\$&")}$`, "m").exec(doc);
  if (!heading) return undefined;
  const rest = doc.slice(heading.index + heading[0].length);
  const next = rest.search(new RegExp(`\\n#{1,${heading[1]!.length}} `));
  return heading[0] + (next < 0 ? rest : rest.slice(0, next));
}

/** The one section titled `title` in `docs` (the README and the guides, unless given). */
function section(title: string, docs: readonly string[] = DOCS): string {
  const found = docs.map((d) => sectionIn(d, title)).filter((s) => s !== undefined);
  expect(found, title).toHaveLength(1);
  return found[0]!;
}

const codesIn = (text: string) => [...text.matchAll(/`([A-Z][A-Z0-9_]{3,})`/g)].map((m) => m[1]!);

describe("warning and note codes: the docs list every code in the table", () => {
  const warnings = section("Warnings and notes");
  const tableRows = warnings.split("\n").filter((l) => l.startsWith("| `"));
  const inTable = tableRows.flatMap((row) => codesIn(row.split(" | ")[0]!));
  const notes = warnings.slice(warnings.indexOf("Note codes:"));
  const inNotes = codesIn(notes.slice(0, notes.indexOf("mmn-dose explain CODE")));

  it("the warnings table names every warning, and only warnings", () => {
    const all = CODES.filter((c) => MESSAGE_CODES[c as keyof typeof MESSAGE_CODES].kind === "warning");
    expect([...inTable].sort()).toEqual(all.sort());
  });

  it("the note codes paragraph names every note, and only notes", () => {
    const all = CODES.filter((c) => MESSAGE_CODES[c as keyof typeof MESSAGE_CODES].kind === "note");
    expect([...inNotes].sort()).toEqual(all.sort());
  });

  it("names no other code but the retired rounding warning and the error that replaced it", () => {
    const others = codesIn(warnings).filter((c) => !CODES.includes(c));
    expect([...new Set(others)].sort()).toEqual(["ROUNDING_ABOVE_10_PERCENT", "ROUNDING_TOO_FAR"]);
  });

  it("mmn-dose explain lists every code, one line each", async () => {
    const run = await runInProcess(["explain"]);
    expect(run.status).toBe(0);
    const listed = run.stdout
      .split("\n")
      .map((l) => l.match(/^\s*([A-Z][A-Z0-9_]{3,})\b/)?.[1])
      .filter((c) => c !== undefined);
    expect(listed.sort()).toEqual([...CODES].sort());
  });

  it.each(SHELLS)("the %s completion script completes every code after explain", async (shell) => {
    const run = await runInProcess(["completion", shell]);
    expect(run.status).toBe(0);
    for (const code of CODES) expect(run.stdout, code).toMatch(new RegExp(`\\b${code}\\b`));
  });
});

describe("commands: COMMANDS in src/cli/commandKit.ts", () => {
  it("--help lists each command with its summary", async () => {
    const help = (await runInProcess(["--help"])).stdout.replace(/\s+/g, " ");
    for (const name of COMMAND_NAMES) expect(help, name).toContain(`${name} `);
    expect(help).toContain(COMMANDS.products);
  });

  it("docs/contract.md's Commands table has a row per command", () => {
    const rows = section("Commands", [CONTRACT])
      .split("\n")
      .filter((l) => l.startsWith("| `mmn-dose "))
      .map((l) => l.match(/^\| `mmn-dose (\w+)/)?.[1])
      .filter((c) => c !== undefined);
    expect(rows.sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it("the README's commands (its Commands section, or paragraph) name every command", () => {
    const start = README.indexOf("Commands: `mmn-dose");
    const text = sectionIn(README, "Commands") ?? README.slice(start, README.indexOf("\n\n", start));
    const named = new Set([...text.matchAll(/`mmn-dose (\w+)/g)].map((m) => m[1]!));
    expect([...named].sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it("the docs' `mmn-dose schema [...]` lists are the schema table's names", () => {
    for (const doc of [README, CONTRACT]) {
      const lists = [...doc.matchAll(/mmn-dose schema\s+\[([a-z|\\-]+)\]/g)].map((m) => m[1]!.split(/\\?\|/));
      expect(lists.length).toBeGreaterThan(0);
      for (const list of lists) expect(list).toEqual([...SCHEMA_NAMES]);
    }
  });
});

describe("schemas: SCHEMAS in src/cli/schemaCatalog.ts", () => {
  it("the JSON output guide's table has a row per schema", () => {
    const rows = section("JSON output")
      .split("\n")
      .map((l) => l.match(/^\| `([\w-]+)`/)?.[1])
      .filter((n) => n !== undefined);
    expect(rows).toEqual([...SCHEMA_NAMES]);
  });

  it("docs/contract.md says what each schema validates", () => {
    const bullets = section("Schemas for every machine output", [CONTRACT])
      .split("\n")
      .map((l) => l.match(/^- `([\w-]+)`: /)?.[1])
      .filter((n) => n !== undefined);
    expect(bullets.sort()).toEqual([...SCHEMA_NAMES].sort());
  });
});

describe("output formats: OUTPUT_FORMATS in src/cli/outputFormats.ts", () => {
  const formatOption = SCHEDULE_OPTIONS.find((o) => o.key === "format")!;

  it("are --format's choices, and its help names each with what it writes", () => {
    expect(formatOption.value).toMatchObject({ kind: "choice", choices: OUTPUT_FORMAT_NAMES });
    for (const [name, what] of Object.entries(OUTPUT_FORMATS))
      expect(formatOption.description).toContain(what === "" ? name : `${name} (${what})`);
  });

  it("batch's formats are among them", () => {
    for (const f of BATCH_FORMATS) expect(OUTPUT_FORMAT_NAMES).toContain(f);
  });

  it("npm run bench keeps a start-up row per format", () => {
    const bench = read("scripts/bench.mjs");
    for (const f of OUTPUT_FORMAT_NAMES) {
      if (f === "table") continue; // the row without --format
      expect(bench, f).toContain(f === "json" ? '"--json"' : `"--format", "${f}"`);
    }
  });
});
