import 'reflect-metadata';
import type { Flow } from '@linli/shared-types';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { AppModule } from '../app.module';
import { Db } from './database/db';
import { DomainError } from './domain-error';
import { assertWorkflowsSound, declaredWorkflows, defineMove, defineWorkflow, Transitions, workflowProblems } from './workflow';

type LampState = 'OFF' | 'ON' | 'BROKEN';

/** A lamp: staff switch it on and off; only the server declares it broken. */
const LAMP_FLOW = {
  OFF: { ON: ['staff'], BROKEN: ['system'] },
  ON: { OFF: ['staff'], BROKEN: ['system'] },
  BROKEN: {},
} as const satisfies Flow<LampState>;

@Entity('lamps')
class Lamp {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 10 })
  state: LampState;
}

const LAMP = defineWorkflow('lamp', LAMP_FLOW, 'OFF', Lamp);
const BREAKS = defineMove(LAMP, 'ON', 'BROKEN');

describe('the workflows the app declares', () => {
  it('are all sound at boot, every system and batch move included', () => {
    expect(AppModule).toBeDefined(); // importing the app declares every workflow and move
    expect(declaredWorkflows()).toEqual(expect.arrayContaining(['binding', 'order', 'parcel', 'medicine', 'payment', 'registration']));
    expect(workflowProblems()).toEqual([]);
    expect(() => assertWorkflowsSound()).not.toThrow();
  });
});

describe('the workflow door', () => {
  let source: DataSource;
  let transitions: Transitions;
  const lamps = (): ReturnType<DataSource['getRepository']> => source.getRepository(Lamp);
  const stateOf = async (id: number): Promise<string> => ((await source.getRepository(Lamp).findOneByOrFail({ id })) as Lamp).state;

  beforeAll(async () => {
    source = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Lamp], synchronize: true }).initialize();
    transitions = new Transitions(new Db(source));
  });
  afterAll(() => source.destroy());

  it('refuses to boot with a declared move its table does not allow, and names it', () => {
    const before = workflowProblems().length;
    defineMove(LAMP, 'BROKEN', 'ON'); // nothing leaves BROKEN
    defineMove(LAMP, 'OFF', 'ON'); // staff's move, not the server's
    expect(workflowProblems().slice(before)).toEqual([
      'lamp: BROKEN → ON by system is not in the table (NOT_ALLOWED)',
      'lamp: OFF → ON by system is not in the table (WRONG_ACTOR)',
    ]);
    expect(() => assertWorkflowsSound()).toThrow(/lamp: BROKEN → ON by system/);
  });

  it('refuses a forbidden system move before writing anything', async () => {
    const { id } = await lamps().save({ state: 'BROKEN' });
    const forbidden = { workflow: LAMP, from: 'BROKEN' as const, to: 'ON' as const, by: 'system' as const };
    await expect(transitions.systemTransition(forbidden, { ids: [id] })).rejects.toThrow(/BROKEN → ON by system is not in the table/);
    expect(await stateOf(id)).toBe('BROKEN');
  });

  it('moves by a declared system move only the rows still in its from-state', async () => {
    const on = await lamps().save({ state: 'ON' });
    const off = await lamps().save({ state: 'OFF' });
    expect(await transitions.systemTransition(BREAKS, { ids: [on.id, off.id] })).toBe(1);
    expect(await stateOf(on.id)).toBe('BROKEN');
    expect(await stateOf(off.id)).toBe('OFF');
  });

  it("refuses a person's move to the wrong person (403) and at the wrong moment (409)", async () => {
    const lamp = (await lamps().save({ state: 'OFF' })) as Lamp;
    await expect(transitions.transition(LAMP, lamp, 'ON', ['resident'])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Only the server breaks a lamp: for any person that is the wrong moment, not the wrong person.
    await expect(transitions.transition(LAMP, lamp, 'BROKEN', ['staff'])).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(transitions.transition(LAMP, lamp, 'OFF', ['staff'])).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await stateOf(lamp.id)).toBe('OFF');
    expect(await transitions.transition(LAMP, lamp, 'ON', ['staff'])).toBe(true);
    expect(await stateOf(lamp.id)).toBe('ON');
  });

  it('lets only the first of two people moving the same row win', async () => {
    const lamp = (await lamps().save({ state: 'OFF' })) as Lamp;
    const seenByBoth = { ...lamp };
    await transitions.transition(LAMP, seenByBoth, 'ON', ['staff']);
    const second = transitions.transition(LAMP, seenByBoth, 'ON', ['staff'], {}, () => new DomainError('PARCEL_TAKEN'));
    await expect(second).rejects.toMatchObject({ code: 'PARCEL_TAKEN' });
    await expect(transitions.transition(LAMP, seenByBoth, 'ON', ['staff'], {}, () => null)).resolves.toBe(false);
    expect(await stateOf(lamp.id)).toBe('ON');
  });
});
