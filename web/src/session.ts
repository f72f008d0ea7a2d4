/** Who is signed in, and the cited documents, for every screen below the app shell. */
import { createContext, useContext } from 'react';
import type { Me, Role, Sources } from './api.js';

export interface Session {
  readonly me: Me;
  /** Loaded once after sign-in; undefined until then (evidence shows the source name meanwhile). */
  readonly sources: Sources | undefined;
  readonly signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The session; only screens rendered inside the signed-in shell may ask. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside the signed-in app');
  return session;
}

/** Clinicians and admins add and change cases; viewers read. */
export const canWrite = (role: Role): boolean => role === 'clinician' || role === 'admin';
