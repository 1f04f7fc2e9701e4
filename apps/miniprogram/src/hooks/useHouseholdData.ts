import { useState } from 'react';
import { ApiError, getSession, showApiError } from '@/api';
import { useRefresh } from './useRefresh';

/**
 * Data that belongs to the user's household (windows, orders): loaded on show and pull-down.
 * Without a household (none in the session, or the server says NO_HOUSEHOLD) `noHousehold` is
 * true and the page shows the bind prompt instead.
 */
export function useHouseholdData<T>(fetch: () => Promise<T>): { data: T | null; noHousehold: boolean } {
  const [data, setData] = useState<T | null>(null);
  const [noHousehold, setNoHousehold] = useState(() => !getSession()?.me.household);

  useRefresh(async () => {
    if (!getSession()?.me.household) {
      setNoHousehold(true);
      return;
    }
    try {
      setData(await fetch());
      setNoHousehold(false);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NO_HOUSEHOLD') setNoHousehold(true);
      else showApiError(error);
    }
  });

  return { data, noHousehold };
}
