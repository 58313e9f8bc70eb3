import { describe, expect, it, vi } from "vitest";

// Every zod/mini constructor the checks use, counted: a run builds the checks of the options it gives only.
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock("zod/mini", async (importOriginal) => {
  const z = await importOriginal<typeof import("zod/mini")>();
  const counted = <F extends (...args: never[]) => unknown>(f: F) =>
    ((...args: Parameters<F>) => {
      built.count += 1;
      return f(...args);
    }) as F;
  return {
    ...z,
    object: counted(z.object),
    strictObject: counted(z.strictObject),
    optional: counted(z.optional),
    string: counted(z.string),
    boolean: counted(z.boolean),
    pipe: counted(z.pipe),
  };
});

describe("the option checks are built on first use", () => {
  it("loading validate.ts and config.ts builds no zod/mini schema; checking two options builds theirs only", async () => {
    const { checkScheduleOptions } = await import("../../src/cli/validate.js");
    await import("../../src/cli/config.js");
    expect(built.count).toBe(0);
    const result = checkScheduleOptions({ weight: "70", start: "2026-12-01" });
    expect(result.success).toBe(true);
    // weight: optional(pipe(string, transform)); start: optional(string, refined); the object of the two.
    expect(built.count).toBe(3 + 2 + 1);
  });
});
