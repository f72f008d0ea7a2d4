/**
 * The skeleton of a synthetic patient's course, in days since diagnosis: when each course
 * started and ended, when a relapse was found, and which day the demo date (asOf) falls on.
 * Drawn first, so that the whole timeline can then be placed before asOf.
 */
import type { DemoStage, DemoSubtype } from './mix.js';
import type { Random } from './random.js';

export interface Span {
  readonly start: number;
  /** Absent while the course runs on. */
  readonly end?: number;
}

export type RelapseAfter = 'consolidation' | 'maintenance' | 'completed-maintenance' | 'allogeneic-hsct';

export interface Plan {
  readonly stage: DemoStage;
  /** asOf, in days since diagnosis. */
  readonly today: number;
  readonly induction: Span;
  readonly consolidation?: Span;
  readonly maintenance?: Span;
  readonly hsct?: Required<Span>;
  readonly relapse?: { readonly day: number; readonly after: RelapseAfter };
  /** A second course after relapse or a failed induction; `failed` when it too brought no remission. */
  readonly reinduction?: Span & { readonly failed: boolean };
}

type Draft = { -readonly [K in keyof Plan]: Plan[K] };

function remissionCourse(rng: Random, draft: Draft, inductionEnd: number, through: 'consolidation' | 'maintenance' | 'completed' | 'hsct'): number {
  const cStart = inductionEnd + rng.int(10, 20);
  if (through === 'hsct') {
    const cEnd = cStart + rng.int(50, 110);
    const hStart = cEnd + rng.int(14, 40);
    draft.consolidation = { start: cStart, end: cEnd };
    draft.hsct = { start: hStart, end: hStart + rng.int(21, 35) };
    return draft.hsct.end;
  }
  if (through === 'consolidation') {
    draft.consolidation = { start: cStart };
    return cStart;
  }
  const cEnd = cStart + rng.int(150, 210);
  const mStart = cEnd + rng.int(7, 21);
  draft.consolidation = { start: cStart, end: cEnd };
  if (through === 'maintenance') {
    draft.maintenance = { start: mStart };
    return mStart;
  }
  const mEnd = mStart + rng.int(690, 760);
  draft.maintenance = { start: mStart, end: mEnd };
  return mEnd;
}

export function planCourse(rng: Random, stage: DemoStage, subtype: DemoSubtype, ageYears: number): Plan {
  const start = rng.int(2, 5);
  // Most remissions are confirmed by the end of the fourth week; some take longer.
  const inductionEnd = start + (rng.chance(0.7) ? rng.int(24, 28) : rng.int(29, 42));
  const draft: Draft = { stage, today: 0, induction: { start, end: inductionEnd } };
  // Burkitt regimens have no maintenance; allogeneic transplant in first remission is for the fit.
  const transplantable = subtype !== 'mature-B-burkitt' && ageYears <= 65;
  switch (stage) {
    case 'untreated':
      draft.induction = { start: 0 };
      draft.today = rng.int(0, 5);
      break;
    case 'on-induction':
      draft.induction = { start };
      draft.today = start + rng.int(2, inductionEnd - start - 1);
      break;
    case 'consolidation':
      if (rng.chance(0.3)) {
        draft.today = inductionEnd + rng.int(1, 12);
      } else {
        draft.today = remissionCourse(rng, draft, inductionEnd, 'consolidation') + rng.int(5, 150);
      }
      break;
    case 'maintenance':
      draft.today = subtype === 'mature-B-burkitt'
        ? (draft.consolidation = { start: inductionEnd + 14, end: inductionEnd + 120 }).end + rng.int(30, 600)
        : remissionCourse(rng, draft, inductionEnd, 'maintenance') + rng.int(10, 680);
      break;
    case 'follow-up': {
      const through = transplantable && rng.chance(0.4) ? 'hsct' : 'completed';
      draft.today = remissionCourse(rng, draft, inductionEnd, through) + rng.int(30, 1500);
      break;
    }
    case 'relapse': {
      const after = rng.weighted<RelapseAfter>({
        consolidation: 0.25, maintenance: 0.4, 'completed-maintenance': 0.2, 'allogeneic-hsct': transplantable ? 0.15 : 0,
      });
      const through = after === 'allogeneic-hsct' ? 'hsct' : after === 'completed-maintenance' ? 'completed' : after;
      const last = remissionCourse(rng, draft, inductionEnd, through);
      const day = last + (after === 'consolidation' || after === 'maintenance' ? rng.int(30, 300) : rng.int(60, 900));
      draft.relapse = { day, after };
      draft.today = day + rng.int(1, 21);
      if (rng.chance(0.35) && draft.today - day > 4) draft.reinduction = { start: day + rng.int(2, draft.today - day - 1), failed: false };
      break;
    }
    case 'refractory':
      draft.today = inductionEnd + rng.int(1, 20);
      if (rng.chance(0.35)) {
        const rStart = inductionEnd + rng.int(7, 14);
        const failed = rng.chance(0.5);
        draft.reinduction = failed ? { start: rStart, end: rStart + rng.int(28, 35), failed } : { start: rStart, failed };
        draft.today = (draft.reinduction.end ?? rStart) + rng.int(1, 20);
      }
      break;
  }
  return draft;
}
