/** Scope: this is adult guidance; under 18, childhood ALL guidance applies and no therapy is proposed. */
import { describe, expect, test } from 'vitest';
import { alertActions, evaluateCase, missingActions, untreatedBAll } from './builders.js';

const therapies = (ev: ReturnType<typeof evaluateCase>) => ev.recommendations.filter((r) => r.category === 'therapy');

describe('pediatric scope', () => {
  // pdq-adult-all-treatment-hp: "This summary discusses ALL in adults"
  test('a 17-year-old gets the pediatric-guidance alert and no therapy recommendation', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 17, sex: 'male' } }));
    expect(alertActions(ev)).toContain('pediatric-guidance');
    expect(therapies(ev)).toEqual([]);
  });

  // pdq-adult-all-treatment-hp: "This summary discusses ALL in adults"
  test('an 18-year-old is an adult: no pediatric alert, and therapy is proposed', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 18, sex: 'male' } }));
    expect(alertActions(ev)).not.toContain('pediatric-guidance');
    expect(therapies(ev).length).toBeGreaterThan(0);
  });

  // acs-treating-all: "To learn about ALL in children, see"
  test('a patient whose 18th birthday is tomorrow is still under 18', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { birthDate: '2008-03-03', sex: 'female' } }));
    expect(alertActions(ev)).toContain('pediatric-guidance');
  });

  // acs-treating-all: "To learn about ALL in children, see"
  test('a patient who turns 18 on the day of the evaluation is an adult', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { birthDate: '2008-03-02', sex: 'female' } }));
    expect(alertActions(ev)).not.toContain('pediatric-guidance');
  });

  // pdq-adult-all-treatment-hp: "This summary discusses ALL in adults"
  test('a 17-year-old still gets the missing diagnostic work-up named', () => {
    const ev = evaluateCase(untreatedBAll({ patient: { ageYears: 17, sex: 'male' }, genetics: [] }));
    expect(missingActions(ev)).toContain('bcr-abl1-testing');
  });
});
