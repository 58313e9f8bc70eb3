import { addCalendarDays, type IsoDate, weekdayOf } from "./calendarDate.js";

/**
 * The pharmacy forecast (`batch --forecast week|month`): every good line's infusions summed per
 * period and product, as the lines arrive. The accumulator holds one cell per period and product,
 * never a patient's schedule, so memory stays flat however many patients stream through.
 */
export type ForecastPeriod = "week" | "month";

interface ForecastProduct {
  readonly product: string;
  readonly productName: string;
}

/** What the forecast reads from a schedule: the product (each phase's, for a plan) and each infusion's quantities. */
export interface ForecastSchedule {
  readonly regimen: ForecastProduct;
  readonly phases?: readonly (ForecastProduct & { readonly phase: number })[];
  readonly infusions: readonly {
    readonly phase?: number;
    readonly date: IsoDate;
    readonly volumeMl: number;
    readonly dispensedG: number;
    readonly vials: readonly { readonly sizeG: number; readonly count: number }[];
  }[];
}

export interface ForecastRow {
  readonly periodStart: IsoDate;
  readonly product: string;
  /** Dispensed: what the vials hold (waste included). */
  readonly grams: number;
  /** Infused: the sum of the infusions' volumes. */
  readonly volumeMl: number;
  /** Largest size first. */
  readonly vials: readonly { readonly sizeG: number; readonly count: number }[];
  readonly infusions: number;
  /** Lines with at least one infusion of this product in this period. */
  readonly patients: number;
}

interface Cell {
  readonly periodStart: IsoDate;
  readonly product: string;
  milligrams: number; // integers: sums of thousands of doses never drift
  microlitres: number;
  readonly vials: Map<number, number>;
  infusions: number;
  patients: number;
}

export interface ForecastAccumulator {
  readonly period: ForecastPeriod;
  readonly cells: Map<string, Cell>;
  /** Product id → display name, for the table. */
  readonly productNames: Map<string, string>;
  /** Product id → lines with at least one infusion of it (the patients over the whole forecast). */
  readonly productPatients: Map<string, number>;
  /** Schedules added (good lines). */
  schedules: number;
}

export function createForecast(period: ForecastPeriod): ForecastAccumulator {
  return { period, cells: new Map(), productNames: new Map(), productPatients: new Map(), schedules: 0 };
}

/**
 * The first day of the period holding `date`: its ISO week's Monday, or the 1st of its month.
 *
 * @example
 * periodStartOf("2026-12-03", "week") //=> "2026-11-30"
 * periodStartOf("2026-12-03", "month") //=> "2026-12-01"
 */
export function periodStartOf(date: IsoDate, period: ForecastPeriod): IsoDate {
  if (period === "month") return `${date.slice(0, 8)}01`;
  const sinceMonday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(weekdayOf(date));
  return addCalendarDays(date, -sinceMonday);
}

/** The product an infusion is of: its phase's for a treatment plan (phases may change product). */
function productOf(schedule: ForecastSchedule, phase: number | undefined): ForecastProduct {
  return schedule.phases?.find((p) => p.phase === phase) ?? schedule.regimen;
}

/** Adds one patient's schedule: each infusion to its period and product; the patient once per cell. */
export function addSchedule(acc: ForecastAccumulator, schedule: ForecastSchedule): void {
  acc.schedules++;
  const touched = new Set<Cell>();
  const products = new Set<string>();
  for (const infusion of schedule.infusions) {
    const { product, productName } = productOf(schedule, infusion.phase);
    acc.productNames.set(product, productName);
    products.add(product);
    const periodStart = periodStartOf(infusion.date, acc.period);
    const key = `${periodStart} ${product}`;
    let cell = acc.cells.get(key);
    if (cell === undefined) {
      cell = { periodStart, product, milligrams: 0, microlitres: 0, vials: new Map(), infusions: 0, patients: 0 };
      acc.cells.set(key, cell);
    }
    cell.milligrams += Math.round(infusion.dispensedG * 1000);
    cell.microlitres += Math.round(infusion.volumeMl * 1000);
    for (const v of infusion.vials) cell.vials.set(v.sizeG, (cell.vials.get(v.sizeG) ?? 0) + v.count);
    cell.infusions++;
    touched.add(cell);
  }
  for (const cell of touched) cell.patients++;
  for (const product of products) acc.productPatients.set(product, (acc.productPatients.get(product) ?? 0) + 1);
}

/** The rows, sorted by period start, then product. */
export function forecastRows(acc: ForecastAccumulator): ForecastRow[] {
  return [...acc.cells.values()]
    .sort((a, b) => {
      const [x, y] = [`${a.periodStart} ${a.product}`, `${b.periodStart} ${b.product}`];
      return x < y ? -1 : x > y ? 1 : 0;
    })
    .map((c) => ({
      periodStart: c.periodStart,
      product: c.product,
      grams: c.milligrams / 1000,
      volumeMl: c.microlitres / 1000,
      vials: [...c.vials].sort(([a], [b]) => b - a).map(([sizeG, count]) => ({ sizeG, count })),
      infusions: c.infusions,
      patients: c.patients,
    }));
}
