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
  nbaBloodstarIbw: {
    id: "nbaBloodstarIbw",
    title: "NBA BloodSTAR: adjusting Ig dose for ideal body weight (Devine; DDW = IBW + 0.4 × (actual − IBW); 1 cm = 0.393701 in)",
    url: "https://nba.gov.au/bloodstar-calculator-adjusting-ig-dose-ideal-body-weight",
  },
  lifeblood2026: {
    id: "lifeblood2026",
    title: "Lifeblood: from 1 July 2026 adjusted body weight is the BloodSTAR default (not for < 18 y, < 152 cm, pregnancy, actual < adjusted)",
    url: "https://www.lifeblood.com.au/news-and-stories/health-professionals-news/coming-1-july-2026-adjusted-body-weight-ig-dosing-in",
  },
  ukIgRequestForm: {
    id: "ukIgRequestForm",
    title: "UK Immunoglobulin Request Form: DDW if BMI > 30 or actual > 20 % over IBW; actual weight below 132 cm and for children",
    url: "https://docslib.org/doc/13685911/immunoglobulin-request-form",
  },
  devineValidity: {
    id: "devineValidity",
    title: "Devine ideal body weight is generally valid only from 60 in (152.4 cm)",
    url: "https://fittowork.net/index.php/tools/322-ideal-weight-calculator",
  },
  usOrderForm120: {
    id: "usOrderForm120",
    title: "US IVIG order form: actual weight up to 120 % of IBW, adjusted weight above",
    url: "https://studyres.com/doc/6558262/dose-interval-dose-interval",
  },
  optionCareBmi30: {
    id: "optionCareBmi30",
    title: "Option Care Health IG order form: BMI > 30, adjusted body weight used",
    url: "https://cdn.shopify.com/s/files/1/0628/6658/7872/files/IG-Adult-1.pdf",
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
