/** Calendar dates as the contract writes them: YYYY-MM-DD, checked to be real days. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * A real day of the Gregorian calendar, years 100–9999 (a Date would read years below 100 as
 * 19xx, so those were never accepted). Arithmetic only: every date in a case is checked.
 */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 100 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1] ?? 0);
}

/**
 * Days since 1970-01-01 of a YYYY-MM-DD date, by the proleptic Gregorian calendar (Howard
 * Hinnant's days_from_civil): integer arithmetic, where Date.parse would build and parse a string
 * on every call, and the engine counts days for every lab it reads.
 */
function dayNumber(date: string): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Completed years of age on `asOf` for someone born on `birthDate`. */
export function ageAt(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  const birthdayPassed = am > bm || (am === bm && ad >= bd);
  return ay - by - (birthdayPassed ? 0 : 1);
}
