import { describe, expect, it } from "vitest";
import { main, type Io } from "../../src/cli/main.js";

/** An Io whose clock fails: an internal error, as a bug would be. */
async function run(argv: string[], today: () => string) {
  let stderr = "";
  const io = {
    writeOut: () => {},
    writeErr: (t: string) => {
      stderr += t;
    },
    env: {},
    stdoutIsTTY: false,
    today,
  } as unknown as Io;
  return { status: await main(argv, io), stderr };
}
const broken = () => {
  throw new Error("clock broke");
};

describe("--debug prints stack traces for internal errors only", () => {
  it("an internal error: one line and a hint without --debug, the stack with it", async () => {
    const plain = await run(["--weight", "70"], broken);
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe("mmn-dose: internal error: clock broke\nRe-run with --debug for details.\n");
    const debug = await run(["--weight", "70", "--debug"], broken);
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/^mmn-dose: internal error: clock broke\nError: clock broke\n\s+at /);
  });

  it("a usage error stays one plain line with --debug", async () => {
    const r = await run(["--weight", "x", "--debug"], () => "2026-11-25");
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(2);
  });
});
