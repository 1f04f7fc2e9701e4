import { MISSES_TO_STAFF } from '@linli/shared-types';
import { nextStep, type Candidate } from './reassignment-plan';

const c = (userId: number, load: number, capacity = 10): Candidate => ({ userId, load, capacity });

describe('nextStep (reassignment order)', () => {
  it('offers the parcel to the least-loaded candidate', () => {
    expect(nextStep(1, [c(1, 3), c(2, 1), c(3, 2)], [])).toEqual({ to: 'volunteer', volunteerId: 2 });
  });

  it('breaks ties by the lower user id, whatever the order given', () => {
    expect(nextStep(1, [c(9, 1), c(4, 1), c(7, 1)], [])).toEqual({ to: 'volunteer', volunteerId: 4 });
  });

  it('never offers it back to someone who let it go, even when they are the least loaded', () => {
    expect(nextStep(1, [c(1, 0), c(2, 5)], [1])).toEqual({ to: 'volunteer', volunteerId: 2 });
  });

  it('skips volunteers at capacity', () => {
    expect(nextStep(1, [c(1, 2, 2), c(2, 4, 5)], [])).toEqual({ to: 'volunteer', volunteerId: 2 });
  });

  it('goes back to the pool when everyone covering the building let it go or is full', () => {
    expect(nextStep(1, [c(1, 0)], [1])).toEqual({ to: 'pool' });
    expect(nextStep(1, [c(1, 3, 3)], [])).toEqual({ to: 'pool' });
    expect(nextStep(1, [], [])).toEqual({ to: 'pool' });
  });

  it(`goes to staff after ${MISSES_TO_STAFF} misses, even with someone free`, () => {
    expect(nextStep(MISSES_TO_STAFF, [c(3, 0)], [1, 2])).toEqual({ to: 'staff' });
    expect(nextStep(MISSES_TO_STAFF + 1, [c(3, 0)], [1, 2])).toEqual({ to: 'staff' });
    expect(nextStep(MISSES_TO_STAFF - 1, [c(3, 0)], [1])).toEqual({ to: 'volunteer', volunteerId: 3 });
  });
});
