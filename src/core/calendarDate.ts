/**
 * Calendar dates as plain `YYYY-MM-DD` strings. Infusion days are calendar days, not instants,
 * so the arithmetic here never touches a time zone (docs/ecosystem.md §1.5).
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/**
 * Whether `text` is a real calendar date in `YYYY-MM-DD` form.
 *
 * @example
 * isIsoDate("2026-12-01") //=> true
 * isIsoDate("2026-02-30") //=> false
 */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toEpochDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): IsoDate {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Adds whole calendar days.
 *
 * @example
 * addCalendarDays("2026-12-31", 1) //=> "2027-01-01"
 */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier).
 *
 * @example
 * daysBetween("2026-12-01", "2026-12-29") //=> 28
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * Three-letter English weekday of a date.
 *
 * @example
 * weekdayOf("2026-12-01") //=> "Tue"
 */
export function weekdayOf(date: IsoDate): (typeof WEEKDAYS)[number] {
  const index = (((toEpochDay(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return WEEKDAYS[index]!;
}
