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
