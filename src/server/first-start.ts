/**
 * The first start of a registry (a store without users): a demo cohort of synthetic cases, then
 * an `admin` user with a random password that the caller shows once. Safe to repeat after a
 * crash: demo cases already stored are skipped, and the admin is created last, so a store
 * without users is a store whose first start has not finished.
 */
import { randomUUID } from 'node:crypto';
import { evaluate, type Case } from '../index.js';
import { hashPassword, randomPassword } from '../registry/index.js';
import { StoreError, type Actor, type Store } from '../store/types.js';

export const FIRST_ADMIN = 'admin';
/** Synthetic cases seeded on first start unless told not to. */
export const DEMO_COUNT = 60;
/** The demo cohort's seed: every first start seeds the same patients. */
export const DEMO_SEED = 1;

export interface FirstStartOptions {
  /** The demo cohort to seed (synthetic contract cases), or undefined for none. */
  readonly demo: readonly Case[] | undefined;
}

export interface FirstStart {
  /** The admin created, with its password (to be shown once); null when the store had users. */
  readonly admin: { readonly username: string; readonly password: string } | null;
  /** Demo cases stored by this start. */
  readonly demoCases: number;
  /** Why no demo cohort was seeded, when none was asked for or the store holds other cases. */
  readonly demoSkipped: string | null;
}

async function seedDemo(store: Store, cases: readonly Case[], actor: Actor): Promise<{ stored: number; skipped: string | null }> {
  const demoIds = new Set(cases.map((c) => c.id));
  const existing = await store.caseIds();
  // Cases that are not the demo's (imported before the first start) are a real registry: no demo in it.
  if (existing.some((c) => !demoIds.has(c.caseId))) return { stored: 0, skipped: 'the store already holds cases' };
  const present = new Set(existing.map((c) => c.caseId));
  let stored = 0;
  for (const c of cases) {
    if (present.has(c.id)) continue;
    try {
      await store.createCase(c, evaluate(c), actor, { synthetic: true });
      stored += 1;
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'conflict')) throw e;
    }
  }
  return { stored, skipped: null };
}

export async function firstStart(store: Store, options: FirstStartOptions): Promise<FirstStart> {
  if ((await store.countUsers()) > 0) return { admin: null, demoCases: 0, demoSkipped: null };
  const job = randomUUID();
  const demo = options.demo === undefined
    ? { stored: 0, skipped: 'not asked for' }
    : await seedDemo(store, options.demo, { userId: null, username: 'demo-seed', requestId: job });
  const password = randomPassword();
  await store.createUser(
    { username: FIRST_ADMIN, role: 'admin', passwordHash: await hashPassword(password) },
    { userId: null, username: 'first-start', requestId: job },
  );
  return { admin: { username: FIRST_ADMIN, password }, demoCases: demo.stored, demoSkipped: demo.skipped };
}
