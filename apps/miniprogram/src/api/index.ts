export * from './endpoints';
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
export { fileUrl, pickPhoto, pickXlsx, type PickedFile } from './transfer';
export { clearSession, getSession, startSession, subscribeSession, updateMe, type Session } from './session';
