/** Calendar arithmetic for the demo timelines: every date is counted from the cohort's asOf. */

/** The calendar date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * A patient's timeline, in days since diagnosis, placed so that `length` days after diagnosis
 * falls `slack` days before asOf.
 */
export class Timeline {
  readonly diagnosis: string;

  constructor(readonly asOf: string, length: number, slack: number) {
    this.diagnosis = addDays(asOf, -(length + slack));
  }

  /** The date `day` days after diagnosis. */
  on(day: number): string {
    return addDays(this.diagnosis, day);
  }

  /** The date `days` days before asOf. */
  ago(days: number): string {
    return addDays(this.asOf, -days);
  }
}
