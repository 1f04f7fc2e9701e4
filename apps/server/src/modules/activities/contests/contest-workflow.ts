import { CONTEST_ENTRY_FLOW, type ContestEntryState } from '@linli/shared-types';
import { defineMove, defineWorkflow } from '../../../common/workflow';
import { ContestEntry } from './entities/contest.entity';

export const ENTRY_WORKFLOW = defineWorkflow<ContestEntryState, ContestEntry>(
  'contest entry',
  CONTEST_ENTRY_FLOW,
  'CHECKING',
  ContestEntry,
);

/** WeChat's verdicts: something found, all passed (or not checkable), passed in an auto-approving contest. */
export const CHECK_FLAGGED = defineMove(ENTRY_WORKFLOW, 'CHECKING', 'FLAGGED');
export const CHECK_PASSED = defineMove(ENTRY_WORKFLOW, 'CHECKING', 'PENDING');
export const CHECK_AUTO_APPROVED = defineMove(ENTRY_WORKFLOW, 'CHECKING', 'APPROVED');
/** A risky verdict arriving after staff approved an entry still being checked hides it again. */
export const LATE_FLAGGED = defineMove(ENTRY_WORKFLOW, 'APPROVED', 'FLAGGED');
