import { main, type Io } from "../../src/cli/main.js";

/**
 * Runs the CLI in-process through `main()` with a terminal-less Io that collects stdout and stderr:
 * today is 2026-11-25 and nothing is read from the user's environment unless `overrides.env` says so.
 */
export async function runInProcess(argv: readonly string[], overrides: Partial<Io> = {}) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    writeOut: (t) => {
      stdout += t;
    },
    writeErr: (t) => {
      stderr += t;
    },
    env: {},
    stdoutIsTTY: false,
    today: () => "2026-11-25",
    ...overrides,
  };
  const status = await main([...argv], io);
  return { status, stdout, stderr };
}
