/**
 * The knowledge format: conditions over facts, and the rules the guideline is written in.
 * Everything here is plain data; src/engine evaluates it. Typed builders make a misspelt fact,
 * value or action a compile error.
 */
import type {
  ActionId, Agent, Category, GeneticFinding, GeneticMethod, Marker, MarkerResult, Priority,
  Severity, SourceName,
} from '../contract/index.js';
import type {
  ClassKey, ClassValue, DerivedFacts, DerivedKey, FlagKey, ListItem, ListKey, NumberKey, RiskFactorId, SeriesKey,
} from './facts.js';

// ---- conditions -------------------------------------------------------------------------

export type Comparison = '>' | '>=' | '<' | '<=';

export type Condition =
  | { readonly op: 'is'; readonly fact: ClassKey; readonly value: string }
  | { readonly op: 'flag'; readonly fact: FlagKey }
  | { readonly op: 'compare'; readonly fact: NumberKey; readonly cmp: Comparison; readonly value: number }
  | { readonly op: 'some'; readonly fact: SeriesKey; readonly cmp: Comparison; readonly value: number }
  | { readonly op: 'includes'; readonly fact: ListKey; readonly item: string }
  | { readonly op: 'marker'; readonly marker: Marker; readonly result: MarkerResult }
  | { readonly op: 'reported'; readonly marker: Marker; readonly result: MarkerResult }
  | { readonly op: 'genetic'; readonly findings: readonly GeneticFinding[]; readonly result: 'detected' | 'not-detected'; readonly methods: readonly GeneticMethod[] | 'any' }
  | { readonly op: 'unknown'; readonly fact: ClassKey | NumberKey | FlagKey }
  | { readonly op: 'all' | 'any'; readonly of: readonly Condition[] }
  | { readonly op: 'not'; readonly of: Condition };

/** The classification `fact` has `value` (unknown while the fact is unknown). */
export const is = <K extends ClassKey>(fact: K, value: ClassValue<K>): Condition => ({ op: 'is', fact, value: String(value) });
/** The classification is one of `values`. */
export const isOneOf = <K extends ClassKey>(fact: K, ...values: ClassValue<K>[]): Condition => any(...values.map((v) => is(fact, v)));
export const flag = (fact: FlagKey): Condition => ({ op: 'flag', fact });
export const above = (fact: NumberKey, value: number): Condition => ({ op: 'compare', fact, cmp: '>', value });
export const atLeast = (fact: NumberKey, value: number): Condition => ({ op: 'compare', fact, cmp: '>=', value });
export const below = (fact: NumberKey, value: number): Condition => ({ op: 'compare', fact, cmp: '<', value });
export const atMost = (fact: NumberKey, value: number): Condition => ({ op: 'compare', fact, cmp: '<=', value });
/** Some observation in the series satisfies the comparison; an empty series is "no". */
export const some = (fact: SeriesKey, cmp: Comparison, value: number): Condition => ({ op: 'some', fact, cmp, value });
/** The list holds the item; unknown when the list itself is not stated. */
export const includes = <K extends ListKey>(fact: K, item: ListItem<K>): Condition => ({ op: 'includes', fact, item: String(item) });
export const marker = (name: Marker, result: MarkerResult): Condition => ({ op: 'marker', marker: name, result });
/**
 * The immunophenotype reports the marker with this result; a marker the panel does not report
 * is "no" (not unknown). Lineage is assigned from what the panel reports.
 */
export const reported = (name: Marker, result: MarkerResult): Condition => ({ op: 'reported', marker: name, result });
/** A result on record: "detected" by any method, or "not-detected" by one of `methods`. */
export const genetic = (
  findings: readonly GeneticFinding[], result: 'detected' | 'not-detected', methods: readonly GeneticMethod[] | 'any' = 'any',
): Condition => ({ op: 'genetic', findings, result, methods });
/** The fact is not known (yes/no, never unknown): for rules that name a missing test. */
export const isUnknown = (fact: ClassKey | NumberKey | FlagKey): Condition => ({ op: 'unknown', fact });
/** The flag is stated and true: "no" when the case does not say (a preference, not a finding). */
export const stated = (fact: FlagKey): Condition => ({ op: 'all', of: [{ op: 'not', of: isUnknown(fact) }, flag(fact)] });
export const all = (...of: Condition[]): Condition => ({ op: 'all', of });
export const any = (...of: Condition[]): Condition => ({ op: 'any', of });
export const not = (of: Condition): Condition => ({ op: 'not', of });
export const always: Condition = { op: 'all', of: [] };

// ---- evidence ---------------------------------------------------------------------------

export interface Citation {
  readonly source: SourceName;
  /** 4-12 words that occur verbatim (whitespace folded) in the source. */
  readonly locator: string;
  readonly level?: string;
}
export type Evidence = readonly [Citation, ...Citation[]];

/** Shared by every rule: who it is, what it rests on, and where the sources are silent. */
interface RuleBase {
  readonly id: string;
  readonly evidence: Evidence;
  /**
   * Where a threshold or choice comes from outside the sources (facts.md EXT references) or
   * from clinical convention, say so here; shown with the evidence.
   */
  readonly basis?: string;
}

// ---- derivations: diagnosis, status, phase ------------------------------------------------

/** One way to arrive at a value of a derived fact. */
export interface Derivation<K extends DerivedKey> extends RuleBase {
  readonly value: DerivedFacts[K];
  readonly when: Condition;
  /** Plain sentence for `diagnosis.reasons`; `{fact}` placeholders are filled in. */
  readonly reason: string;
}

/**
 * How a derived fact is decided: the first derivation whose condition holds gives the value;
 * an earlier one that is unknown makes the fact unknown (it might have applied).
 */
export interface DerivedFactRule<K extends DerivedKey> {
  readonly fact: K;
  readonly derivations: readonly Derivation<K>[];
  /** When every derivation is "no". */
  readonly otherwise: DerivedFacts[K];
  readonly otherwiseReason?: string;
}

export const derive = <K extends DerivedKey>(rule: DerivedFactRule<K>): DerivedFactRule<K> => rule;
/** Any derived-fact rule, whichever fact it decides. */
export type AnyDerivedFactRule = { [K in DerivedKey]: DerivedFactRule<K> }[DerivedKey];

// ---- risk ---------------------------------------------------------------------------------

export interface RiskFactorRule extends RuleBase {
  readonly id: RiskFactorId;
  readonly present: Condition;
  readonly absent: Condition;
  /** Not yet assessable (e.g. time to remission before any response): keeps the group provisional. */
  readonly pending?: Condition;
  readonly detail: { readonly present: string; readonly absent: string; readonly unknown: string; readonly pending?: string };
}

// ---- actions ------------------------------------------------------------------------------

export type AgentChoice = Agent | { readonly agent: Agent; readonly when: Condition };

export interface RecommendationRule extends RuleBase {
  readonly kind: 'recommendation';
  readonly action: ActionId;
  readonly category: Category;
  readonly priority: Priority;
  readonly when: Condition;
  /** Drug names; a conditional choice is offered only when its condition holds. */
  readonly agents?: readonly AgentChoice[];
  readonly rationale: string;
  readonly lay: string;
  /** Priority of the missing test(s) named when `when` is unknown. */
  readonly ifUnknown?: { readonly priority: Priority };
  /** Attach ClinicalTrials.gov search hints built from the case. */
  readonly trialSearch?: true;
}

export interface AlertRule extends RuleBase {
  readonly kind: 'alert';
  readonly action: ActionId;
  readonly severity: Severity;
  readonly when: Condition;
  readonly message: string;
  readonly lay: string;
  /** Raises the alert to critical, saying why, when this condition also holds. */
  readonly escalate?: { readonly when: Condition; readonly why: string };
  /** Categories of recommendation this alert withholds (pediatric scope withholds therapy). */
  readonly withholds?: readonly Category[];
  readonly ifUnknown?: { readonly priority: Priority };
}

export interface MissingRule extends RuleBase {
  readonly kind: 'missing';
  readonly action: ActionId;
  readonly when: Condition;
  readonly data: string;
  readonly impact: string;
  readonly priority: Priority;
}

export type ActionRule = RecommendationRule | AlertRule | MissingRule;

export const recommendation = (r: Omit<RecommendationRule, 'kind'>): RecommendationRule => ({ kind: 'recommendation', ...r });
export const alert = (r: Omit<AlertRule, 'kind'>): AlertRule => ({ kind: 'alert', ...r });
export const missingTest = (r: Omit<MissingRule, 'kind'>): MissingRule => ({ kind: 'missing', ...r });
export const riskFactor = (r: RiskFactorRule): RiskFactorRule => r;

/**
 * A check on a drug order: the order is questioned when its indication does not hold, or is not
 * known (an unknown target is no indication).
 */
export interface OrderCheckRule extends RuleBase {
  readonly agents: readonly Agent[];
  readonly indication: Condition;
  /** Why the order is questioned; `{agent}` and fact placeholders are filled in. */
  readonly message: string;
  readonly suggestion: string;
}
export const orderCheck = (r: OrderCheckRule): OrderCheckRule => r;

/** Which test answers an unknown fact, so an unknown condition names what to do about it. */
export interface FactTest {
  readonly action: ActionId;
  readonly data: string;
}
