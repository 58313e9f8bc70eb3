import { describe, expect, it } from "vitest";
import { checkRfc5545, parseIcs, value } from "../helpers/formats.js";
import { runInProcess } from "../helpers/inProcess.js";

// SCIG events read as a run of home infusions, parsed back with ical.js. Expected by hand:
// 70 kg × 2 g/kg = 140 g per 4-week IVIG course; Hizentra at 1:1 is 140 ÷ 4 = 35 g a week, 175 mL
// at 200 mg/mL. First infusion ≤ 20 mL a site: ⌈175 / 20⌉ = 9 sites, at most 4 at once, so
// ⌈9 / 4⌉ = 3 rounds of 3; later ≤ 50 mL a site: ⌈175 / 50⌉ = 4 sites of 43.75 → 43.8 mL.
// 6 IVIG courses of 4 weeks = 24 weeks = 24 weekly infusions.
async function events(args: string[]) {
  const run = await runInProcess([
    "--weight",
    "70",
    "--start",
    "2026-12-01",
    "--route",
    "scig",
    "--format",
    "ics",
    ...args,
  ]);
  expect(run.status).toBe(0);
  checkRfc5545(run.stdout);
  return parseIcs(run.stdout).events.map((e) => ({
    summary: String(value(e, "summary")),
    description: String(value(e, "description")),
  }));
}

describe("SCIG calendar events", () => {
  it("are weekly home infusions n of 24, with product, sites, volume, pump plan and chair time", async () => {
    const e = await events([]);
    expect(e).toHaveLength(24);
    expect(e[0]!.summary).toBe("Hizentra 20 % SCIG 35 g (weekly home infusion 1 of 24, 9 sites)");
    expect(e[2]!.summary).toBe("Hizentra 20 % SCIG 35 g (weekly home infusion 3 of 24, 4 sites)");
    expect(e[23]!.summary).toBe("Hizentra 20 % SCIG 35 g (weekly home infusion 24 of 24, 4 sites)");
    for (const { summary } of e) expect(summary).not.toMatch(/course|day \d/);
    const first = e[0]!.description.split("\n");
    expect(first.slice(0, 6)).toEqual([
      "Product: Hizentra 20 % (200 mg/mL), subcutaneous",
      "Dose: 35 g (0.5 g/kg of dosing weight 70 kg)",
      "Volume: 175 mL at 9 sites, 19.4 mL each", // 175 / 9 = 19.44
      "Sites: 9 in 3 rounds (3 + 3 + 3), one round after another",
      "Vials: 3 × 10 g + 1 × 4 g + 1 × 1 g", // 30 + 4 + 1 = 35 g
      // 20 mL/h a site × 3 sites at once = 60 mL/h
      "Pump plan (first infusion, 3 sites at once): from 0:00 60 mL/h in all = 3 sites × 20 mL/h per site",
    ]);
    // 175 mL at 60 mL/h = 2 h 55 min (3 rounds of 58.3 mL, each at 60 mL/h).
    expect(first[6]).toBe("Estimated chair time: 2:55");
    const later = e[1]!.description.split("\n");
    expect(later).toContain("Sites: 4, all at once");
    expect(later).toContain("Volume: 175 mL at 4 sites, 43.8 mL each");
    // 50 mL/h a site × 4 = 200 mL/h; 175 mL at 200 mL/h = 52.5 → 53 minutes.
    expect(later).toContain(
      "Pump plan (later infusion, 4 sites at once): from 0:00 200 mL/h in all = 4 sites × 50 mL/h per site",
    );
    expect(later).toContain("Estimated chair time: 0:53");
  });

  it("name the session when the weekly dose is split over two days", async () => {
    // 35 g over 2 sessions: 18 g + 17 g on consecutive days; 24 weeks × 2 = 48 infusions.
    const e = await events(["--sessions", "2"]);
    expect(e).toHaveLength(48);
    expect(e[4]!.summary).toBe("Hizentra 20 % SCIG 18 g (home infusion 5 of 48, session 1 of 2 this week, 2 sites)");
    expect(e[5]!.summary).toBe("Hizentra 20 % SCIG 17 g (home infusion 6 of 48, session 2 of 2 this week, 2 sites)");
  });

  it("say how often they come when the dose is every 2 weeks", async () => {
    // 2 × 35 = 70 g every 2 weeks, 350 mL: ⌈350 / 50⌉ = 7 sites; 24 weeks ÷ 2 = 12 infusions.
    const e = await events(["--scig-every", "2"]);
    expect(e).toHaveLength(12);
    expect(e[2]!.summary).toBe("Hizentra 20 % SCIG 70 g (home infusion 3 of 12, every 2 weeks, 7 sites)");
  });

  it("mark HyQvia's ramp-up doses", async () => {
    // HyQvia every 3 weeks ramps up: 1 week's dose (35 g), then 2 weeks' (70 g), then 3 weeks' (105 g).
    const e = await events(["--scig-product", "hyqvia", "--scig-every", "3"]);
    expect(e[0]!.summary).toMatch(/^HyQvia 10 % .*SCIG 35 g \(home infusion 1 of \d+, ramp-up, 1 site(s)?\)$/);
    expect(e[1]!.summary).toMatch(/ SCIG 70 g \(home infusion 2 of \d+, ramp-up, /);
    expect(e[2]!.summary).toMatch(/ SCIG 105 g \(home infusion 3 of \d+, every 3 weeks, /);
  });

  it("IVIG events keep their course and day", async () => {
    const run = await runInProcess(["--weight", "70", "--start", "2026-12-01", "--format", "ics", "--courses", "1"]);
    const summaries = parseIcs(run.stdout).events.map((e) => String(value(e, "summary")));
    // 140 g over 2 days at --max-daily 1 g/kg: 70 g a day.
    expect(summaries).toEqual([
      "IVIG 70 g Gammagard Liquid 10 % (course 1, day 1/2)",
      "IVIG 70 g Gammagard Liquid 10 % (course 1, day 2/2)",
    ]);
  });
});
