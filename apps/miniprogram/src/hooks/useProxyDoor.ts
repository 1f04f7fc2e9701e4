import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { getHousehold, getSession, listProxyHouseholds, showApiError } from '@/api';

/**
 * A form opened for another household with `?householdId=` (代办): that household's id, or null
 * when I act for my own, and its door once known (1栋1单元101). Staff read the household's card;
 * a grid worker or 家属 finds it among the households they act for (null when not among them: the
 * server refuses the form anyway).
 */
export function useProxyDoor(): { householdId: number | null; door: string | null } {
  const raw = Number(useRouter().params.householdId);
  const householdId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const [door, setDoor] = useState<string | null>(null);
  useEffect(() => {
    if (householdId === null) return;
    const staff = (getSession()?.me.roles ?? []).some((r) => r === 'staff' || r === 'supervisor');
    if (staff) getHousehold(householdId).then((h) => setDoor(h.address), showApiError);
    else
      listProxyHouseholds().then(
        (list) => setDoor(list.find((h) => h.householdId === householdId)?.door ?? null),
        () => setDoor(null),
      );
  }, [householdId]);
  return { householdId, door };
}
