import { describe, expect, it } from "vitest";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { runInProcess } from "../helpers/inProcess.js";

// examples/plan.json at 70 kg from 2026-12-01: phases 1 and 2 are IVIG Gammagard Liquid 10 % (labelled for
// MMN in the US; 2 then 1 g/kg, no warning); phase 3 is SCIG Hizentra 20 % converting 1 g/kg every 3 weeks at
// 1:1, which warns SCIG_FACTOR_BELOW_MMN_STUDY (1.45 g/kg/month is below 2: the MMN study used 1.53:1)
// and NOT_LABELLED_FOR_MMN (no SCIG product is labelled for MMN in the US). Each output carries a warning
// only with the infusions of the phase it came from.
const PHASE_3 = ["SCIG_FACTOR_BELOW_MMN_STUDY", "NOT_LABELLED_FOR_MMN"];
const args = ["--weight", "70", "--start", "2026-12-01", "--plan", "examples/plan.json"];
const run = async (...more: string[]) => {
  const r = await runInProcess([...args, ...more]);
  expect(r.status).toBe(0);
  return r.stdout;
};

describe("a treatment plan's warnings go with the phase they came from", () => {
  it("JSON: each merged message names its phases; the top-level list stays complete", async () => {
    const r = JSON.parse(await run("--json")) as ScheduleResult;
    expect(r.warnings.map((w) => [w.code, w.phases])).toEqual(PHASE_3.map((c) => [c, [3]]));
    const note = (code: string, text: string) => r.notes.find((n) => n.code === code && n.message.includes(text));
    // RATE_PLAN is the same text in phases 1 and 2 (the same product and rates).
    expect(note("RATE_PLAN", "")?.phases).toEqual([1, 2]);
    expect(note("SCIG_START", "")?.phases).toEqual([3]);
  });

  it("JSON: a single schedule's messages carry no phases", async () => {
    const r = JSON.parse(await runInProcess(["--weight", "70", "--json"]).then((x) => x.stdout)) as ScheduleResult;
    expect([...r.warnings, ...r.notes].every((m) => m.phases === undefined)).toBe(true);
  });

  it("CSV: the warnings cell of IVIG rows (phases 1, 2) is empty; SCIG rows (phase 3) list phase 3's codes", async () => {
    const rows = (await run("--format", "csv")).trim().split("\r\n").slice(1);
    // 5 + 3 IVIG days, then 5 SCIG weeks; warnings is the second-to-last column, phase the last.
    expect(rows).toHaveLength(13);
    for (const row of rows) {
      const cells = row.split(",");
      const phase = cells.at(-1);
      expect(cells.at(-2), row).toBe(phase === "3" ? PHASE_3.join(" ") : "");
    }
  });

  it("ICS: IVIG events carry no warning; SCIG events carry phase 3's", async () => {
    const ics = (await run("--format", "ics")).replace(/\r\n /g, "");
    const events = ics.split("BEGIN:VEVENT").slice(1);
    expect(events).toHaveLength(13);
    for (const [k, event] of events.entries()) {
      for (const code of PHASE_3) expect(event.includes(code), `event ${k + 1} ${code}`).toBe(k >= 8);
    }
  });

  it("HTML: a day page lists only its phase's warnings", async () => {
    const html = await run("--format", "html");
    const page = (date: string) => {
      const at = html.search(new RegExp(`<section class="day">\\n<h2>[A-Z][a-z]{2} ${date} `));
      return html.slice(at, html.indexOf("</section>", at));
    };
    expect(page("2026-12-01")).not.toContain('class="alert"');
    expect(page("2027-02-09")).not.toContain('class="alert"');
    expect(page("2027-02-16")).toContain(
      `<p class="alert">Warnings: ${PHASE_3.join(", ")} (see Warnings at the end).</p>`,
    );
  });

  it("FHIR: one MedicationRequest per phase, each with only its phase's warnings as notes", async () => {
    const bundle = JSON.parse(await run("--format", "fhir")) as {
      entry: { resource: { medicationCodeableConcept: { text: string }; note?: { text: string }[] } }[];
    };
    const requests = bundle.entry.map((e) => e.resource);
    expect(requests.map((q) => q.medicationCodeableConcept.text)).toEqual([
      "Gammagard Liquid 10 %",
      "Gammagard Liquid 10 %",
      "Hizentra 20 %",
    ]);
    expect(requests[0]!.note).toBeUndefined();
    expect(requests[1]!.note).toBeUndefined();
    expect(requests[2]!.note?.map((n) => n.text.split(":")[0])).toEqual(PHASE_3);
  });
});
