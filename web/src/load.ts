/** Loading data for a screen: one request per change of `deps`, the previous one aborted. */
import { useCallback, useEffect, useState } from 'react';
import { api } from './api.js';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'done'; readonly data: T };

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Loaded<T> & { reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    load(controller.signal).then(
      (data) => { if (!controller.signal.aborted) setResult({ state: 'done', data }); },
      (error: unknown) => { if (!controller.signal.aborted) setResult({ state: 'error', error }); },
    );
    return () => controller.abort();
    // `load` is a new function each render; `deps` say when it asks for something else.
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...result, reload };
}

/** A stored case version and the evaluation stored with it: what the case pages show. */
export function useCaseEvaluation(caseId: string, version: number | undefined) {
  return useLoad(async (signal) => {
    const stored = await api.getCase(caseId, version, signal);
    // The evaluation of that very version, even if another is saved meanwhile.
    const evaluation = await api.evaluation(caseId, stored.version, signal);
    return { stored, evaluation };
  }, [caseId, version]);
}
