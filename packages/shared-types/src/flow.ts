import type { Actor } from './roles';

/**
 * A workflow written as data: for each state, the states it may move to and who may move it.
 * The server enforces it in one place; the app reads it to draw timelines and buttons.
 */
export type Flow<S extends string> = { readonly [From in S]: { readonly [To in S]?: readonly Actor[] } };

export type TransitionRefusal = 'UNKNOWN_STATE' | 'NOT_ALLOWED' | 'WRONG_ACTOR';

/** Why `actor` may not move `from` → `to`, or null when it may. */
export function refuseTransition<S extends string>(
  flow: Flow<S>,
  from: NoInfer<S>,
  to: NoInfer<S>,
  actors: readonly Actor[],
): TransitionRefusal | null {
  const edges = flow[from];
  if (!edges) return 'UNKNOWN_STATE';
  const allowed = edges[to];
  if (!allowed) return 'NOT_ALLOWED';
  return actors.some((a) => allowed.includes(a)) ? null : 'WRONG_ACTOR';
}

/** The states `actors` may move `from` into: the buttons the app shows. */
export function nextStates<S extends string>(flow: Flow<S>, from: NoInfer<S>, actors: readonly Actor[]): S[] {
  const edges = flow[from] ?? {};
  return (Object.keys(edges) as S[]).filter((to) => (edges[to] ?? []).some((a) => actors.includes(a)));
}

/**
 * Problems with a flow table: transitions into states the table does not list,
 * and states no path from `initial` reaches. Empty when the table is sound.
 */
export function checkFlow<S extends string>(flow: Flow<S>, initial: NoInfer<S>): string[] {
  const states = Object.keys(flow) as S[];
  const problems: string[] = [];
  for (const from of states) {
    for (const to of Object.keys(flow[from]) as S[]) {
      if (!states.includes(to)) problems.push(`${from} → ${to}: unknown state ${to}`);
    }
  }
  const seen = new Set<S>([initial]);
  const queue: S[] = [initial];
  while (queue.length > 0) {
    const s = queue.shift() as S;
    for (const to of Object.keys(flow[s] ?? {}) as S[]) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  for (const s of states) if (!seen.has(s)) problems.push(`${s} is unreachable from ${initial}`);
  return problems;
}
