/**
 * Whole-vial arithmetic. Amounts are integer milligrams so that 2.5 g + 2.5 g is exactly 5 g.
 */

/** Grams to integer milligrams. */
export function gToMg(grams: number): number {
  return Math.round(grams * 1000);
}

/** Integer milligrams to grams. */
export function mgToG(mg: number): number {
  return mg / 1000;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

/**
 * The finest amount whole vials can be combined in: the greatest common divisor of the sizes.
 *
 * @example
 * vialGridMg([1000, 2500, 5000]) //=> 500
 */
export function vialGridMg(vialSizesMg: readonly number[]): number {
  return vialSizesMg.reduce((acc, s) => gcd(acc, s), 0);
}

export interface VialCount {
  readonly sizeMg: number;
  readonly count: number;
}

/**
 * A table of the fewest vials that make each amount, built once per product and day dose.
 * `fewest[i]` is the fewest vials summing to exactly `i × grid` mg (Infinity when impossible).
 */
class VialTable {
  readonly grid: number;
  private readonly sizesDesc: readonly number[];
  private fewest: number[] = [0];

  constructor(vialSizesMg: readonly number[]) {
    this.grid = vialGridMg(vialSizesMg);
    this.sizesDesc = [...vialSizesMg].map((s) => s / this.grid).sort((a, b) => b - a);
  }

  private extendTo(units: number): void {
    for (let i = this.fewest.length; i <= units; i++) {
      let best = Infinity;
      for (const s of this.sizesDesc) if (s <= i) best = Math.min(best, this.fewest[i - s]! + 1);
      this.fewest.push(best);
    }
  }

  countFor(units: number): number {
    this.extendTo(units);
    return this.fewest[units]!;
  }

  /** The fewest-vial combination for exactly `units`; ties go to larger vials. */
  combination(units: number): VialCount[] {
    this.extendTo(units);
    const counts = new Map<number, number>();
    let rest = units;
    while (rest > 0) {
      const need = this.fewest[rest]! - 1;
      const size = this.sizesDesc.find((s) => s <= rest && this.fewest[rest - s] === need);
      if (size === undefined) throw new RangeError(`no vial combination for ${units * this.grid} mg`);
      counts.set(size, (counts.get(size) ?? 0) + 1);
      rest -= size;
    }
    return [...counts.entries()].map(([size, count]) => ({ sizeMg: size * this.grid, count }));
  }
}

export interface Dispensing {
  /** Vials to open, largest size first. */
  readonly vials: readonly VialCount[];
  /** What the vials hold in total. */
  readonly dispensedMg: number;
  /** Drug left in the last vial after the dose is drawn up (0 when the dose is whole vials). */
  readonly wasteMg: number;
}

/**
 * The vials a pharmacy stocks for one product. Build one per calculation (no shared state);
 * it remembers the combinations it has worked out.
 */
export interface VialStock {
  /** The finest amount the vials combine in. */
  readonly gridMg: number;
  /** Whether whole vials make exactly `amountMg`. */
  canMakeExactly(amountMg: number): boolean;
  /** The vials to dispense for a dose (see {@link selectVials}). */
  select(doseMg: number): Dispensing;
}

/**
 * @example
 * const stock = createVialStock([1000, 2500]);
 * stock.canMakeExactly(1500) //=> false
 * stock.canMakeExactly(3500) //=> true
 */
export function createVialStock(vialSizesMg: readonly number[]): VialStock {
  const table = new VialTable(vialSizesMg);
  return {
    gridMg: table.grid,
    canMakeExactly: (amountMg) =>
      amountMg >= 0 && amountMg % table.grid === 0 && Number.isFinite(table.countFor(amountMg / table.grid)),
    select: (doseMg) => selectFrom(table, doseMg),
  };
}

/**
 * The vials to dispense for one infusion: the least drug left over first (IVIG is costly and
 * scarce), then the fewest vials, then the larger sizes. A dose that whole vials make exactly
 * therefore gets its fewest-vial combination with nothing wasted.
 *
 * @example
 * selectVials(70_000, [1000, 2500, 5000, 10_000, 20_000, 30_000]).vials
 * //=> [{ sizeMg: 30000, count: 2 }, { sizeMg: 10000, count: 1 }]
 */
function selectFrom(table: VialTable, doseMg: number): Dispensing {
  let units = Math.ceil(doseMg / table.grid);
  while (!Number.isFinite(table.countFor(units))) units++;
  const vials = table.combination(units).sort((a, b) => b.sizeMg - a.sizeMg);
  const dispensedMg = units * table.grid;
  return { vials, dispensedMg, wasteMg: dispensedMg - doseMg };
}

/** One-off form of {@link VialStock.select}. */
export function selectVials(doseMg: number, vialSizesMg: readonly number[]): Dispensing {
  return createVialStock(vialSizesMg).select(doseMg);
}
