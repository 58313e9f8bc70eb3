import { describe, expect, it } from "vitest";
import { OPTION_KEYS } from "../../src/core/optionKeys.js";
import { SCHEDULE_OPTIONS } from "../../src/cli/options.js";

// The table's `key` is typed by OPTION_KEYS (a key only in the table does not compile); this is the other way round.
describe("the option keys the core may name and the options table are one list", () => {
  it("every key the core may name has a row in the options table, and the list has no duplicates", () => {
    const tableKeys = new Set<string>(SCHEDULE_OPTIONS.map((o) => o.key));
    expect(OPTION_KEYS.filter((k) => !tableKeys.has(k))).toEqual([]);
    expect(new Set(OPTION_KEYS).size).toBe(OPTION_KEYS.length);
  });
});
