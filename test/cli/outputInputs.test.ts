import { linkSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { descriptorOf, outputPath, refuseOutputOverInputs } from "../../src/cli/output.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-inputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("refuseOutputOverInputs: one check for every command's inputs", () => {
  const input = join(dir, "history.jsonl");
  writeFileSync(input, "{}\n");

  it("the same file by its name, a hard link or a symlink is refused, naming both", async () => {
    const hard = join(dir, "hard.jsonl");
    linkSync(input, hard);
    const soft = join(dir, "soft.jsonl");
    symlinkSync(input, soft);
    for (const output of [input, hard, soft]) {
      await expect(refuseOutputOverInputs(output, [{ label: "--history h.jsonl", path: input }])).rejects.toThrow(
        `-o ${output} and --history h.jsonl are the same file`,
      );
    }
  });

  it("another file, a new file, or an input that does not exist passes", async () => {
    const other = join(dir, "other.jsonl");
    writeFileSync(other, "{}\n");
    const inputs = [
      { label: "--plan p.json", path: input },
      { label: "--config c.json", path: join(dir, "missing.json") },
    ];
    await expect(refuseOutputOverInputs(other, inputs)).resolves.toBeUndefined();
    await expect(refuseOutputOverInputs(join(dir, "new.jsonl"), inputs)).resolves.toBeUndefined();
  });
});

describe("names of this process's descriptors", () => {
  it("/dev/stdout, /dev/fd/1 and /proc/self/fd/1 are stdout, as - is", () => {
    for (const name of [
      "-",
      "/dev/stdout",
      "/dev/fd/1",
      "/proc/self/fd/1",
      `/proc/${process.pid}/fd/1`,
      "/dev//stdout",
    ])
      expect(outputPath(name), name).toBeUndefined();
    expect(outputPath("stdout")).toBe("stdout");
  });

  it("stderr and other descriptors are known by number; another process's are not", () => {
    expect(descriptorOf("/dev/stderr")).toBe(2);
    expect(descriptorOf("/dev/fd/2")).toBe(2);
    expect(descriptorOf("/proc/self/fd/7")).toBe(7);
    expect(descriptorOf(`/proc/${process.pid + 1}/fd/1`)).toBeUndefined();
    expect(descriptorOf("/dev/fdx/1")).toBeUndefined();
  });
});
