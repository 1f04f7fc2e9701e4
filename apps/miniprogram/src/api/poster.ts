import Taro from '@tarojs/taro';
import type { MeResponse } from '@linli/shared-types';
import { posterCommunity } from '../utils/poster';
import { chooseCommunity } from './community';

const STORAGE_KEY = 'linli.poster-community';

/** On launch: the community of the poster the person scanned, kept until they are signed in. */
export function rememberPosterCommunity(query: Record<string, string | undefined> | undefined): void {
  const search = typeof window === 'undefined' ? '' : (window.location.search ?? '');
  const id = posterCommunity(query, search);
  if (id !== null) Taro.setStorageSync(STORAGE_KEY, String(id));
}

/**
 * Once signed in: a person who lives nowhere yet acts in the poster's community (a resident keeps
 * theirs). Answers the profile after, or null when there was nothing to do.
 */
export async function applyPosterCommunity(me: MeResponse): Promise<MeResponse | null> {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
  const id = typeof stored === 'string' && stored !== '' ? Number(stored) : NaN;
  if (!Number.isInteger(id)) return null;
  Taro.removeStorageSync(STORAGE_KEY);
  if (me.household !== null || me.community?.id === id) return null;
  return chooseCommunity(id);
}
