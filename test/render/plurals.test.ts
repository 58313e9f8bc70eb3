import { describe, expect, it } from "vitest";
import { plural } from "../../src/core/format.js";
import { runInProcess } from "../helpers/inProcess.js";

describe("plural: one noun form for 1, the plural for every other count", () => {
  it("singular only for exactly 1", () => {
    expect(plural(1, "week")).toBe("1 week");
    expect(plural(2, "day")).toBe("2 days");
    expect(plural(0, "site")).toBe("0 sites");
    expect(plural(1.5, "week")).toBe("1.5 weeks");
    expect(plural(1, "avoided date")).toBe("1 avoided date");
  });
});

/** Text output never says "1 weeks", "1 days", "1 sites", "1 years", "1 avoided dates". */
const WRONG = /\b1 (weeks|days|sites|years|courses|vials|sessions|avoided dates)\b/;

describe("text output reads right for a count of 1", () => {
  it("0.4 g/kg every 1 week, 1 day a course: table and JSON messages", async () => {
    const argv = ["--weight", "70", "--dose", "0.4", "--every", "1", "--courses", "2", "--start", "2026-12-07"];
    const table = await runInProcess(argv);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain("0.4 g/kg every 1 week (");
    // 0.4 g/kg × 70 kg = 28 g in one day: "1 day of 28 g"
    expect(table.stdout).toContain("1 day of 28 g");
    expect(table.stdout).toMatch(/OUTSIDE_EFNS_MAINTENANCE: 0\.4 g\/kg every 1 week is/);
    expect(table.stdout).not.toMatch(WRONG);
    const json = await runInProcess([...argv, "--json"]);
    expect(json.stdout).not.toMatch(WRONG);
  });

  it("one avoided date, a 1-year-old", async () => {
    const r = await runInProcess([
      "--weight",
      "10",
      "--age",
      "1",
      "--avoid",
      "2026-12-07",
      "--courses",
      "1",
      "--start",
      "2026-12-07",
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("1 year");
    expect(r.stdout).toContain("1 avoided date");
    expect(r.stdout).not.toMatch(WRONG);
  });

  it("SCIG every 1 week", async () => {
    const r = await runInProcess(["--weight", "70", "--route", "scig", "--last-ivig", "2026-11-24", "--courses", "2"]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(WRONG);
  });
});
