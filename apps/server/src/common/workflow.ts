import { Injectable } from '@nestjs/common';
import { checkFlow, refuseTransition, type Actor as FlowActor, type Flow } from '@linli/shared-types';
import { In, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Db } from './database/db';
import { DomainError } from './domain-error';

/**
 * One door for every state change (ARCHITECTURE §3). The workflow tables in shared-types say
 * which moves exist and who may make them; this file is the only code that writes a workflow
 * state column:
 * - `transition()`: a person moves one row. The table decides (the wrong person is 403
 *   FORBIDDEN, the wrong moment 409 INVALID_TRANSITION), then a conditional UPDATE on the state
 *   the caller read decides races: whoever moved it first wins, the other is refused.
 * - `systemTransition()`: the server moves many rows by a move declared once with
 *   `defineMove()`: timers (expiry, time-outs), events (paid, delivered) and batch commands
 *   whose person was authorised first (pack a window, dispatch). Declared moves are checked
 *   against their table at boot (`assertWorkflowsSound`), so code cannot ask for a move the
 *   table does not allow and still start.
 */

/** A row that lives in a workflow: an id (its state column is named by the workflow). */
export interface StatefulRow extends ObjectLiteral {
  id: number;
}

/** A workflow table bound to the entity and the column (`state` unless said) it governs. */
export interface Workflow<S extends string, E extends StatefulRow> {
  readonly name: string;
  readonly flow: Flow<S>;
  readonly initial: S;
  readonly entity: EntityTarget<E>;
  readonly column: keyof E & string;
}

/** A move the server makes on many rows, declared once (at module load) and checked at boot. */
export interface Move<S extends string, E extends StatefulRow> {
  readonly workflow: Workflow<S, E>;
  readonly from: S;
  readonly to: S;
  /** `system` for timers and events; a role for a batch command that person was authorised for. */
  readonly by: FlowActor;
}

type AnyWorkflow = Workflow<string, StatefulRow>;
type AnyMove = Move<string, StatefulRow>;

const workflows: AnyWorkflow[] = [];
const moves: AnyMove[] = [];

/**
 * Declares a workflow (once per table, beside its entity) over its state column (`state`
 * unless named); its table is checked at boot.
 */
export function defineWorkflow<S extends string, E extends StatefulRow>(
  name: string,
  flow: Flow<S>,
  initial: NoInfer<S>,
  entity: EntityTarget<E>,
  column: keyof E & string = 'state',
): Workflow<S, E> {
  const workflow: Workflow<S, E> = { name, flow, initial, entity, column };
  workflows.push(workflow as unknown as AnyWorkflow);
  return workflow;
}

/** Declares a move the server makes (`by` defaults to `system`); checked at boot. */
export function defineMove<S extends string, E extends StatefulRow>(
  workflow: Workflow<S, E>,
  from: NoInfer<S>,
  to: NoInfer<S>,
  by: FlowActor = 'system',
): Move<S, E> {
  const move: Move<S, E> = { workflow, from, to, by };
  moves.push(move as unknown as AnyMove);
  return move;
}

/** Why a declared move may not be made, or null. */
function moveProblem(move: AnyMove): string | null {
  const refusal = refuseTransition(move.workflow.flow, move.from, move.to, [move.by]);
  return refusal === null ? null : `${move.workflow.name}: ${move.from} → ${move.to} by ${move.by} is not in the table (${refusal})`;
}

/** Every problem of the declared workflows: broken tables, and moves their tables do not allow. */
export function workflowProblems(): string[] {
  return [
    ...workflows.flatMap((w) => checkFlow(w.flow, w.initial).map((p) => `${w.name}: ${p}`)),
    ...moves.map(moveProblem).filter((p): p is string => p !== null),
  ];
}

/** Refuses to start with a broken workflow table or a declared move its table does not allow. */
export function assertWorkflowsSound(): void {
  const problems = workflowProblems();
  if (problems.length > 0) throw new Error(`Broken workflows:\n${problems.join('\n')}`);
}

/** The names of the declared workflows (for the boot log and tests). */
export function declaredWorkflows(): string[] {
  return workflows.map((w) => w.name);
}

const CHUNK = 1000;

@Injectable()
export class Transitions {
  constructor(private readonly db: Db) {}

  /**
   * Refuses a person's move the table does not allow: the wrong person 403, the wrong moment 409.
   * A move only the server makes (a packed order cancelled when its parcel is) is the wrong
   * moment for every person, not a question of who they are.
   */
  assertMay<S extends string>(workflow: Workflow<S, StatefulRow>, from: S, to: S, as: readonly FlowActor[]): void {
    const refusal = refuseTransition(workflow.flow, from, to, as);
    const serverOnly = (workflow.flow[from][to] ?? []).every((who) => who === 'system');
    if (refusal === 'WRONG_ACTOR' && !serverOnly) throw new DomainError('FORBIDDEN');
    if (refusal !== null) throw new DomainError('INVALID_TRANSITION', { from, to });
  }

  /**
   * A person moves one row `from` the state they read `to` another, acting `as` the workflow
   * actors they are to it (see access.ts), writing `set` with it. Someone else moving the row
   * first makes the conditional UPDATE miss: `raced()` says what to answer (INVALID_TRANSITION),
   * or null when losing the race is fine (the row is already where the person wanted it):
   * then the answer is false. `still` adds what else must be as the person read it (who holds
   * the row): a row that changed hands in between is a lost race too.
   */
  async transition<S extends string, E extends StatefulRow>(
    workflow: Workflow<S, E>,
    row: { id: number; state: S },
    to: S,
    as: readonly FlowActor[],
    set: QueryDeepPartialEntity<E> = {},
    raced: () => DomainError | null = () => new DomainError('INVALID_TRANSITION', { from: row.state, to }),
    still: FindOptionsWhere<E> = {},
  ): Promise<boolean> {
    this.assertMay(workflow as unknown as Workflow<S, StatefulRow>, row.state, to, as);
    const where = { ...still, id: row.id, [workflow.column]: row.state } as FindOptionsWhere<E>;
    const moved = await this.db.repo(workflow.entity).update(where, { ...set, [workflow.column]: to } as QueryDeepPartialEntity<E>);
    if (moved.affected === 1) return true;
    const refusal = raced();
    if (refusal) throw refusal;
    return false;
  }

  /**
   * The server moves the rows (by id, or matching `where`) that are still in the move's `from`
   * state, each by the same conditional UPDATE, and returns how many moved. A move the table
   * does not allow is refused before anything is written.
   */
  async systemTransition<S extends string, E extends StatefulRow>(
    move: Move<S, E>,
    target: { ids: readonly number[] } | { where: FindOptionsWhere<E> },
    set: QueryDeepPartialEntity<E> = {},
  ): Promise<number> {
    const problem = moveProblem(move as unknown as AnyMove);
    if (problem !== null) throw new Error(`Refused: ${problem}`);
    const repo = this.db.repo(move.workflow.entity);
    const column = move.workflow.column;
    const values = { ...set, [column]: move.to } as QueryDeepPartialEntity<E>;
    if ('where' in target) {
      const moved = await repo.update({ ...target.where, [column]: move.from } as FindOptionsWhere<E>, values);
      return moved.affected ?? 0;
    }
    let count = 0;
    for (let i = 0; i < target.ids.length; i += CHUNK) {
      const ids = target.ids.slice(i, i + CHUNK);
      const where = { id: ids.length === 1 ? ids[0] : In(ids), [column]: move.from } as FindOptionsWhere<E>;
      count += (await repo.update(where, values)).affected ?? 0;
    }
    return count;
  }
}
