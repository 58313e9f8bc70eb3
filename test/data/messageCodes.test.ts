import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGE_CODES } from "../../src/data/messageCodes.js";
import { ROOT } from "../helpers/cli.js";

/** Every .ts file under src/, but the registry itself and the code unions. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const files = sourceFiles(join(ROOT, "src")).filter(
  (f) => !f.endsWith("data/messageCodes.ts") && !f.endsWith("core/messages.ts"),
);

/**
 * Codes passed to `message(…)` and to the planners' wrappers of it (`add`, `warn`, `note`, `noteOnce`,
 * `log.warn`, `context.note`, …): the first argument, a string literal.
 */
const CALL = /\b(?:message|add|warn|note|noteOnce)\(\s*"([A-Z][A-Z0-9_]+)"/g;
const raised = new Map<string, string>();
for (const f of files) {
  for (const m of readFileSync(f, "utf8").matchAll(CALL)) raised.set(m[1]!, f.slice(ROOT.length));
}

describe("the message code registry (mmn-dose explain CODE)", () => {
  it("finds the codes the planners raise (the scan works)", () => {
    expect(raised.size).toBeGreaterThan(40);
    expect(raised.get("ROUNDED_DAY_ABOVE_MAX_DAILY")).toBe("src/core/ivig.ts");
    expect(raised.get("SCIG_SITE_ROUNDS")).toBe("src/core/scigSites.ts");
  });

  it("has an entry for every code passed to message(…)", () => {
    const missing = [...raised.keys()].filter((code) => !Object.hasOwn(MESSAGE_CODES, code));
    expect(missing, "codes raised in src/ without an entry in src/data/messageCodes.ts").toEqual([]);
  });

  it("lists no code that is no longer raised", () => {
    const stale = Object.keys(MESSAGE_CODES).filter((code) => !raised.has(code));
    expect(stale, "entries in src/data/messageCodes.ts whose code no src/ file raises").toEqual([]);
  });

  it("gives each entry a meaning, when it fires, and http(s) sources", () => {
    for (const [code, info] of Object.entries(MESSAGE_CODES)) {
      expect(info.meaning.length, code).toBeGreaterThan(10);
      expect(info.firesWhen.length, code).toBeGreaterThan(5);
      for (const s of info.sources) expect(s.url, code).toMatch(/^https?:\/\//);
    }
  });

  it("marks warnings and notes as the schedule does", () => {
    expect(MESSAGE_CODES.AT_RISK.kind).toBe("warning");
    expect(MESSAGE_CODES.SPLIT.kind).toBe("note");
  });
});
