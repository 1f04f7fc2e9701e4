import { useSession } from './useSession';

/**
 * 长辈模式 (elderly mode) as the server says it takes effect for me: my own choice on 「我的」,
 * else my household's default set by staff. Re-renders when it changes.
 */
export function useElderly(): boolean {
  const session = useSession();
  // A session saved by an older version of the app has no preferences yet.
  return session?.me.preferences?.elderly ?? false;
}

/** The page root's class: `page`, its own classes, and `elderly` while the mode is on. */
export function usePageClass(extra = ''): string {
  const elderly = useElderly();
  return ['page', extra, elderly ? 'elderly' : ''].filter(Boolean).join(' ');
}
