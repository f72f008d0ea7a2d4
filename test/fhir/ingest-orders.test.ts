// Draft orders of a CDS Hooks order-sign / order-select request → the contract agents they
// order (for the order checks); everything else is reported, not dropped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { agentsFromOrders } from '../../src/fhir/orders.js';
import { RX, RXNORM, bundle, concept, request } from '../fixtures/fhir/build.js';

const CDS = join(import.meta.dirname, '..', '..', '..', 'shared', 'fhir-examples', 'cds-hooks-spec-examples');

describe('agentsFromOrders', () => {
  test('a draft MedicationRequest coded in RxNorm is an order for its agent', () => {
    const order = { ...request(RX.dasatinib, '2026-03-02'), id: 'mr-1', status: 'draft' };
    expect(agentsFromOrders([order])).toEqual({ orders: [{ agent: 'dasatinib', resource: 'MedicationRequest/mr-1', id: 'mr-1' }], unmapped: [] });
  });

  test('draftOrders given as a Bundle are opened', () => {
    const r = agentsFromOrders([bundle({ ...request(RX.imatinib, '2026-03-02'), id: 'a' }, { ...request(RX.blinatumomab, '2026-03-02'), id: 'b' })]);
    expect(r.orders.map((o) => o.agent)).toEqual(['imatinib', 'blinatumomab']);
  });

  test('a Medication referenced by the order names the agent', () => {
    const med = { resourceType: 'Medication', id: 'm1', code: concept(RXNORM, RX.vincristine) };
    const order = { ...request(RX.vincristine, '2026-03-02'), id: 'mr-2', medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/m1' } };
    expect(agentsFromOrders([order, med]).orders).toEqual([{ agent: 'vincristine', resource: 'MedicationRequest/mr-2', id: 'mr-2' }]);
  });

  test('an order allpath cannot name, and a resource that is not a medication order, are unmapped', () => {
    const unknown = { ...request('56946', '2026-03-02'), id: 'mr-3' };
    const lab = { resourceType: 'ServiceRequest', id: 'sr-1' };
    expect(agentsFromOrders([unknown, lab]).unmapped).toEqual([
      { resource: 'MedicationRequest/mr-3', code: `${RXNORM}|56946`, why: 'no RxNorm code allpath maps to a contract agent' },
      { resource: 'ServiceRequest/sr-1', why: 'not a medication order' },
    ]);
  });

  // CDS Hooks specification examples (../shared/fhir-examples/cds-hooks-spec-examples): draftOrders
  // holding a NutritionOrder and an amoxicillin/clavulanate MedicationRequest (RxNorm 617993).
  test.each(['order-select-00.json', 'order-select-01.json', 'order-sign-00.json', 'order-sign-01.json'])(
    'the CDS Hooks example %s: no ALL agent is ordered, and both orders are reported', (file) => {
      const data = JSON.parse(readFileSync(join(CDS, file), 'utf8')) as { context: { draftOrders: unknown } };
      const r = agentsFromOrders([data.context.draftOrders]);
      expect(r.orders).toEqual([]);
      expect(r.unmapped).toEqual([
        { resource: 'NutritionOrder/pureeddiet-simple', why: 'not a medication order' },
        { resource: 'MedicationRequest/smart-MedicationRequest-103', code: `${RXNORM}|617993`, why: 'no RxNorm code allpath maps to a contract agent' },
      ]);
    });
});
