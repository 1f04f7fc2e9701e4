import type { ParticipationView } from '@linli/shared-types';
import { request } from './client';

/** The server's participation figures of online activities (staff): per day and per building. */
export function getParticipation(days: number): Promise<ParticipationView> {
  return request({ path: '/staff/activities/participation', query: { days } });
}
