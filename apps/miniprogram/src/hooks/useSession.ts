import { useEffect, useState } from 'react';
import { getSession, subscribeSession, type Session } from '@/api';

/** The logged-in person (token, profile, roles), re-rendering when it changes. */
export function useSession(): Session | null {
  const [session, setSession] = useState<Session | null>(() => getSession());
  useEffect(() => subscribeSession(setSession), []);
  return session;
}
