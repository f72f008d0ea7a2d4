// latestVersion on both backends: the number without the case, audited as the read it stands for.
import { describe, expect, test } from 'vitest';
import { BACKENDS, openedFor } from './backends.js';
import { actor, evaluated } from './fixtures.js';

describe.each(BACKENDS)('$name: latestVersion', (backend) => {
  const live = openedFor(backend);

  test('is the latest version of a stored case, each lookup audited as a read with the actor, request id and version', async () => {
    const first = evaluated('precursor-b-untreated', 'lv-1');
    const second = evaluated('relapse', 'lv-1');
    const ehr = (requestId: string) => actor('cds-hooks https://ehr.example.org', requestId);
    await live.store.createCase(first.input, first.evaluation, actor('dr-a'));
    expect(await live.store.latestVersion('lv-1', ehr('r-1'))).toBe(1);
    await live.store.updateCase('lv-1', second.input, second.evaluation, actor('dr-a'));
    expect(await live.store.latestVersion('lv-1', ehr('r-2'))).toBe(2);

    const reads = await live.store.auditLog({ caseId: 'lv-1', action: 'read' });
    expect(reads.map((e) => [e.actor, e.requestId, e.detail])).toEqual([
      ['cds-hooks https://ehr.example.org', 'r-2', 'version 2'],
      ['cds-hooks https://ehr.example.org', 'r-1', 'version 1'],
    ]);
  });

  test('is null for a case that does not exist, and that lookup is audited too', async () => {
    expect(await live.store.latestVersion('lv-absent', actor('probe', 'r-probe'))).toBeNull();
    const [entry] = await live.store.auditLog({ caseId: 'lv-absent', limit: 1 });
    expect(entry).toMatchObject({ action: 'read', actor: 'probe', requestId: 'r-probe', detail: 'not found' });
  });
});
