/**
 * Draft orders (CDS Hooks order-sign / order-select `context.draftOrders`) → the contract agents
 * they order, for the order checks. Medication orders only: MedicationRequest, and
 * MedicationStatement/Administration for completeness; Bundles are opened. An order whose drug
 * allpath cannot name, and every other resource, is reported in `unmapped`.
 */
import type { Agent, IngestNote } from '../contract/index.js';
import { codeKey } from '../terminology/index.js';
import type { Entry } from './ingest-context.js';
import { agentOf } from './ingest-medication.js';
import { Bundle, MedicationAdministration, MedicationRequest, MedicationStatement } from './resources.js';

const ORDER_TYPES = ['MedicationRequest', 'MedicationStatement', 'MedicationAdministration'];

export interface DraftOrder {
  readonly agent: Agent;
  /** `Type/id` of the order, or `Type[index]` without an id. */
  readonly resource: string;
  readonly id?: string;
}

function isObject(x: unknown): x is Readonly<Record<string, unknown>> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function flatten(resources: readonly unknown[]): { resource: unknown; fullUrl?: string; where: string }[] {
  return resources.flatMap((r, i) => {
    if (isObject(r) && r.resourceType === 'Bundle') {
      const b = Bundle.safeParse(r);
      return b.success ? (b.data.entry ?? []).map((e, j) => ({ resource: e.resource, where: `[${i}].entry[${j}]`, ...(e.fullUrl === undefined ? {} : { fullUrl: e.fullUrl }) })) : [];
    }
    return [{ resource: r, where: `[${i}]` }];
  });
}

export function agentsFromOrders(resources: readonly unknown[]): { orders: DraftOrder[]; unmapped: IngestNote[] } {
  const items = flatten(resources);
  const entries: Entry[] = items.flatMap((x, i) => (isObject(x.resource) && typeof x.resource.resourceType === 'string'
    ? [{
      key: typeof x.resource.id === 'string' ? `${x.resource.resourceType}/${x.resource.id}` : `${x.resource.resourceType}[${i}]`,
      type: x.resource.resourceType, resource: x.resource, ...(x.fullUrl === undefined ? {} : { fullUrl: x.fullUrl }),
    }]
    : []));
  const resolve = (reference: string) => entries.find((e) => e.fullUrl === reference || e.key === reference || reference.endsWith(`/${e.key}`));
  const orders: DraftOrder[] = [];
  const unmapped: IngestNote[] = [];
  items.forEach((x, i) => {
    if (!isObject(x.resource) || typeof x.resource.resourceType !== 'string') {
      if (x.resource !== null && x.resource !== undefined) unmapped.push({ resource: x.where, why: 'not a FHIR resource (no resourceType)' });
      return;
    }
    const type = x.resource.resourceType;
    const id = typeof x.resource.id === 'string' ? x.resource.id : undefined;
    const key = id === undefined ? `${type}[${i}]` : `${type}/${id}`;
    if (type === 'Medication') return; // read through the order that references it
    if (!ORDER_TYPES.includes(type)) {
      unmapped.push({ resource: key, why: 'not a medication order' });
      return;
    }
    const schema = type === 'MedicationRequest' ? MedicationRequest : type === 'MedicationStatement' ? MedicationStatement : MedicationAdministration;
    const parsed = schema.safeParse(x.resource);
    if (!parsed.success) {
      unmapped.push({ resource: key, why: `not a valid FHIR R4 ${type}` });
      return;
    }
    const found = agentOf(parsed.data, resolve);
    if (!found.ok) {
      const c = found.coding;
      const code = c === undefined || typeof c === 'string' || c.code === undefined ? undefined : codeKey(c.system, c.code);
      unmapped.push({ resource: key, ...(code === undefined ? {} : { code }), why: 'no RxNorm code allpath maps to a contract agent' });
      return;
    }
    orders.push({ agent: found.agent, resource: key, ...(id === undefined ? {} : { id }) });
  });
  return { orders, unmapped };
}
