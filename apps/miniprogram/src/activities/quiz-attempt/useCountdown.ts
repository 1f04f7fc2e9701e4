import { useEffect, useRef, useState } from 'react';
import { clockSkew, remainingMs } from './countdown';

/**
 * The milliseconds left of an attempt, on the server's clock, updated four times a second;
 * `onZero` once when it reaches 0.
 */
export function useCountdown(deadline: string | null, serverNow: string | null, onZero: () => void): number {
  const [left, setLeft] = useState(Number.POSITIVE_INFINITY);
  const onZeroRef = useRef(onZero);
  onZeroRef.current = onZero;

  useEffect(() => {
    if (!deadline || !serverNow) return undefined;
    const skew = clockSkew(serverNow, Date.now());
    let fired = false;
    const tick = () => {
      const ms = remainingMs(deadline, Date.now(), skew);
      setLeft(ms);
      if (ms === 0 && !fired) {
        fired = true;
        onZeroRef.current();
      }
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => clearInterval(timer);
  }, [deadline, serverNow]);

  return left;
}
