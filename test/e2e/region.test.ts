import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const BASE = ["--weight", "70", "--start", "2026-12-01", "--courses", "1", "--json"];
const plan = (args: string[], env: Record<string, string> = {}) => JSON.parse(runCli([...BASE, ...args], env).stdout);
const codes = (doc: { warnings: { code: string }[]; notes: { code: string }[] }) =>
  [...doc.warnings, ...doc.notes].map((m) => m.code);

describe("--region <us|eu>: whose label applies", () => {
  it("defaults to us and says so in the JSON regimen and the table header", () => {
    const doc = plan([]);
    expect(doc.regimen.region).toBe("us");
    expect(doc.regimen.mmnIndication).toBe(true);
    expect(runCli(["--weight", "70", "--start", "2026-12-01", "--courses", "1"]).stdout.split("\n")[0]).toBe(
      "mmn-dose · Gammagard Liquid 10 % · IVIG schedule for multifocal motor neuropathy · US label (PI)",
    );
  });

  it("Privigen is not labelled for MMN in the US, and is in the EU (with the EU 2.5 g vial)", () => {
    const us = plan(["--product", "privigen"]);
    expect(codes(us)).toContain("NOT_LABELLED_FOR_MMN");
    expect(us.regimen.vialSizesG).toEqual([5, 10, 20, 40]);
    const eu = plan(["--product", "privigen", "--region", "eu"]);
    expect(eu.regimen.region).toBe("eu");
    expect(eu.regimen.mmnIndication).toBe(true);
    expect(codes(eu)).not.toContain("NOT_LABELLED_FOR_MMN");
    expect(eu.regimen.vialSizesG).toEqual([2.5, 5, 10, 20, 40]);
    expect(
      runCli([
        "--weight",
        "70",
        "--start",
        "2026-12-01",
        "--courses",
        "1",
        "--product",
        "privigen",
        "--region",
        "eu",
      ]).stdout.split("\n")[0],
    ).toContain("· EU label (SmPC)");
  });

  it("Gammagard Liquid under --region eu notes that it is sold as Kiovig; Kiovig under us notes Gammagard Liquid", () => {
    const eu = plan(["--region", "eu"]);
    const note = eu.notes.find((n: { code: string }) => n.code === "SOLD_AS");
    expect(note.message).toBe(
      "Gammagard Liquid 10 % is sold as Kiovig in the EU: the EU label (SmPC) of Kiovig decides the MMN indication and vial sizes here; the rates are this entry's (MMN (US label)); --product kiovig uses the Kiovig entry of the catalog",
    );
    expect(codes(eu)).not.toContain("NOT_LABELLED_FOR_MMN");
    // Kiovig's catalog entry may lack label rates: a protocol's rates are given, allowed either way.
    const rates = ["--initial-rate", "0.5", "--max-rate", "5", "--allow-above-label-rate"];
    const us = plan(["--product", "kiovig", "--region", "us", ...rates]);
    expect(us.notes.find((n: { code: string }) => n.code === "SOLD_AS").message).toContain(
      "Kiovig 10 % (EU) is sold as Gammagard Liquid in the US",
    );
    expect(
      plan(["--product", "kiovig", "--region", "eu", ...rates]).notes.map((n: { code: string }) => n.code),
    ).not.toContain("SOLD_AS");
  });

  it("lists the chosen region's label as a source, not the other region's", () => {
    const urls = (doc: { sources: { url: string }[] }) => doc.sources.map((x) => x.url);
    expect(urls(plan([])).some((u) => u.includes("ema.europa.eu"))).toBe(false);
    expect(urls(plan(["--region", "eu"]))).toContain(
      "http://www.ema.europa.eu/ema/index.jsp?curl=pages/medicines/human/medicines/000628/human_med_000877.jsp&mid=WC0b01ac058001d124",
    );
  });

  it("an EU label whose MMN indication was not found is a warning that says so, with null in the JSON", () => {
    const doc = plan(["--product", "flebogamma-dif-10", "--region", "eu"]);
    expect(doc.regimen.mmnIndication).toBeNull();
    const w = doc.warnings.find((m: { code: string }) => m.code === "NOT_LABELLED_FOR_MMN");
    expect(w.message).toMatch(/^Flebogamma DIF 10 %: no MMN indication was found under the EU label \(SmPC\)/);
  });

  it("SCIG: Hizentra's EU label names CIDP, not MMN (EMA)", () => {
    const doc = plan(["--route", "scig", "--region", "eu"]);
    expect(doc.regimen.region).toBe("eu");
    const w = doc.warnings.find((m: { code: string }) => m.code === "NOT_LABELLED_FOR_MMN");
    expect(w.message).toContain(
      "Hizentra 20 % is not labelled for MMN under the EU label (SmPC) (EU: PID, SID and CIDP)",
    );
    expect(w.sources).toEqual(["https://www.ema.europa.eu/en/medicines/human/EPAR/hizentra"]);
  });

  it("is a site setting: MMN_DOSE_REGION and the config file; a flag wins", () => {
    expect(plan([], { MMN_DOSE_REGION: "eu" }).regimen.region).toBe("eu");
    const dir = mkdtempSync(join(tmpdir(), "mmn-dose-region-"));
    const config = join(dir, "site.json");
    writeFileSync(config, JSON.stringify({ region: "eu" }));
    expect(plan(["--config", config]).regimen.region).toBe("eu");
    expect(plan(["--config", config, "--region", "us"]).regimen.region).toBe("us");
  });

  it("is a batch key", () => {
    const run = runCli(
      ["batch"],
      {},
      `${JSON.stringify({ weight: 70, start: "2026-12-01", courses: 1, product: "privigen", region: "eu" })}\n`,
    );
    expect(run.status).toBe(0);
    const line = JSON.parse(run.stdout);
    expect(line.regimen.region).toBe("eu");
    expect(line.warnings.map((w: { code: string }) => w.code)).not.toContain("NOT_LABELLED_FOR_MMN");
  });

  it("refuses another region with exit 2, naming the option and the values", () => {
    const run = runCli(["--weight", "70", "--region", "uk"]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("mmn-dose: --region must be one of us, eu; got 'uk'");
    expect(runCli(["--weight", "70"], { MMN_DOSE_REGION: "au" }).stderr).toContain(
      "MMN_DOSE_REGION: --region must be one of us, eu; got 'au'",
    );
  });

  it("is in --help, the schema, and `products --json` per region", () => {
    expect(runCli(["--help"]).stdout).toMatch(/--region <region>\s+whose label applies: us/);
    expect(runCli(["schema"]).stdout).toContain('"region"');
    const products = JSON.parse(runCli(["products", "--json"]).stdout).products;
    const privigen = products.find((p: { id: string }) => p.id === "privigen");
    expect(privigen.regions).toEqual({
      us: { mmnIndication: false, vialSizesG: [5, 10, 20, 40], soldAs: null },
      eu: { mmnIndication: true, vialSizesG: [2.5, 5, 10, 20, 40], soldAs: null },
    });
    expect(products.find((p: { id: string }) => p.id === "gammagard-liquid").regions.eu.soldAs).toBe("kiovig");
  });
});

describe("Octagam 10 % without --vials", () => {
  it("plans 70 g days from its 2–30 g vials (2 × 30 g + 1 × 10 g)", () => {
    const run = runCli([...BASE, "--product", "octagam-10"]);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.regimen.vialSizesG).toEqual([2, 5, 10, 20, 30]);
    expect(doc.infusions[0].vials).toEqual([
      { sizeG: 30, count: 2 },
      { sizeG: 10, count: 1 },
    ]);
  });
});
