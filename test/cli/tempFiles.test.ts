import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { onFirstTemp, removeTempsSync, trackTemp, untrackTemp } from "../../src/cli/tempFiles.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-temps-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("temporary files of -o", () => {
  it("the process's exit and signal handlers are installed once, as the first temporary file is registered", () => {
    const calls: string[] = [];
    onFirstTemp(() => calls.push("install"));
    expect(calls).toEqual([]);
    const first = join(dir, ".mmn-dose-1.tmp");
    trackTemp(first);
    expect(calls).toEqual(["install"]);
    writeFileSync(first, "partial");
    trackTemp(join(dir, ".mmn-dose-2.tmp"));
    expect(calls).toEqual(["install"]);
    removeTempsSync();
    expect(existsSync(first)).toBe(false);
    untrackTemp(first);
  });
});
