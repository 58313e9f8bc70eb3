/**
 * Every clinical number in mmn-dose points at one of these sources.
 * Facts were gathered in ../shared/CLINICAL.md; check them against the current label before release.
 */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

export const SOURCES = {
  gammagardMmn: {
    id: "gammagardMmn",
    title: "GAMMAGARD LIQUID: Dosing & Infusion Rates for MMN (US label, HCP page)",
    url: "https://www.gammagard.com/hcp/mmn/dosing-administration",
  },
  gammagardNdc: {
    id: "gammagardNdc",
    title: "openFDA NDC 0944-2700, GAMMAGARD LIQUID 100 mg/mL",
    url: "https://api.fda.gov/drug/ndc.json?search=packaging.package_ndc%3A%220944-2700-03%22",
  },
  gammagardMmnVials: {
    id: "gammagardMmnVials",
    title: "GAMMAGARD LIQUID MMN dosing (vial sizes 1, 2.5, 5, 10, 20, 30 g)",
    url: "http://www.gammagard.com/MMN/healthcare-professionals/gammagard/dosing.html",
  },
  efnsPns2006: {
    id: "efnsPns2006",
    title: "EFNS/PNS guideline on management of multifocal motor neuropathy (Eur J Neurol 2006;13:802-8)",
    url: "http://onlinelibrary.wiley.com/doi/10.1111/j.1468-1331.2006.01466.x/abstract",
  },
  ontarioIgumMaxDaily: {
    id: "ontarioIgumMaxDaily",
    title: "Ontario IGUM: maximum 1 g/kg/day",
    url: "https://transfusionontario.org/en/multiple-sclerosis-relapsing-remitting-multiple-sclerosis-short-term-therapy-igum",
  },
  ontarioDoseCalculator: {
    id: "ontarioDoseCalculator",
    title: "ORBCoN (IVIG/SCIG) Dose Calculator: total dose rounded to the nearest 5 g",
    url: "https://ivig.transfusionontario.org/dose",
  },
  asciaRounding: {
    id: "asciaRounding",
    title: "ASCIA guidelines for IVIg infusion rates: round doses to the full vial size",
    url: "https://allergy.org.au/hp/papers/ascia-guidelines-ivig-infusion-rates-for-irt",
  },
  siegelRounding: {
    id: "siegelRounding",
    title: "Siegel, Pharmacy Purchasing & Products 2010: stay within 10 % of the order when rounding",
    url: "https://www.pppmag.com/article/753",
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
