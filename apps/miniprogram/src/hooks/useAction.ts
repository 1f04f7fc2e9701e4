import { useCallback, useRef, useState } from 'react';
import { ActionKey, showApiError } from '@/api';

export interface Action<P, R> {
  /** Runs the action unless it is already running; resolves undefined when it failed. */
  run: (payload: P) => Promise<R | undefined>;
  busy: boolean;
}

/**
 * A button's work: one Idempotency-Key per user action (kept for a retry of the same payload
 * after no answer), a busy flag so a double tap does not send twice, and errors shown as a
 * Chinese toast unless `onError` handles them (returns true).
 */
export function useAction<P, R>(
  work: (payload: P, idempotencyKey: string) => Promise<R>,
  onError?: (error: unknown) => boolean,
): Action<P, R> {
  const workRef = useRef(work);
  workRef.current = work;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const keyRef = useRef(new ActionKey());
  const runningRef = useRef(false);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (payload: P): Promise<R | undefined> => {
    if (runningRef.current) return undefined;
    runningRef.current = true;
    setBusy(true);
    try {
      const result = await workRef.current(payload, keyRef.current.for(payload));
      keyRef.current.settle();
      return result;
    } catch (error) {
      keyRef.current.settle(error);
      if (!onErrorRef.current?.(error)) showApiError(error);
      return undefined;
    } finally {
      runningRef.current = false;
      setBusy(false);
    }
  }, []);

  return { run, busy };
}
