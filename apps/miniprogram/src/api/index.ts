/**
 * The one import of every page: `@/api`. One file per server module (auth, community, catalog,
 * orders, parcels, pharmacy, people, files, notices, messages, subscriptions; the activities:
 * classes, quizzes, contests, prizes, participation; help requests and their statistics; care; volunteer rosters), one
 * typed function per endpoint; mutating ones take the user action's Idempotency-Key. Every type the server answers with comes from shared-types.
 */
export * from './auth';
export * from './community';
export * from './catalog';
export * from './orders';
export * from './parcels';
export * from './pharmacy';
export * from './people';
export * from './files';
export * from './notices';
export * from './messages';
export * from './subscriptions';
export * from './classes';
export * from './participation';
export * from './quizzes';
export * from './contests';
export * from './prizes';
export * from './care';
export * from './help-stats';
export * from './transport';
export * from './help';
export * from './rosters';
export { applyPosterCommunity, rememberPosterCommunity } from './poster';
export { ApiError, API_BASE, LOGIN_PAGE, newIdempotencyKey } from './client';
export { ActionKey } from './action-key';
export {
  errorMessage,
  fieldErrors,
  importRowErrors,
  showApiError,
  NETWORK_MESSAGE,
  type ApiErrorCode,
  type ImportInvalidDetails,
} from './errors';
export { fileUrl, pickPhoto, pickXlsx, type DownloadProgress, type OnDownloadProgress, type PickedFile } from './transfer';
export { clearSession, getSession, startSession, subscribeSession, updateMe, type Session } from './session';
