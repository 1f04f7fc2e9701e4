import { ERROR_MESSAGES, type ErrorBody, type ErrorCode } from '@linli/shared-types';

/** A refusal a person can understand: a stable code, a Chinese message, optional details. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    message?: string,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'DomainError';
  }
}

/** The HTTP status of every code, in one place; a new code without a status does not compile. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  BODY_NOT_JSON: 400,
  BODY_TOO_LARGE: 413,
  BODY_TOO_DEEP: 400,
  FORM_TOO_LARGE: 413,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  /** The same Idempotency-Key is still being worked on (a @CallsOut command waiting on WeChat). */
  REQUEST_IN_PROGRESS: 409,
  WECHAT_LOGIN_FAILED: 401,
  WECHAT_UNAVAILABLE: 503,
  DEV_LOGIN_DISABLED: 404,
  SIGN_IN_CODE_INVALID: 400,
  SIGN_IN_CODE_EXPIRED: 400,
  /** The WeChat of a code login already belongs to another account that holds roles. */
  WECHAT_BOUND_ELSEWHERE: 409,
  COMMUNITY_NAME_TAKEN: 409,
  STAFF_EXISTS: 409,
  STAFF_NOT_FOUND: 404,
  HOUSEHOLD_NOT_FOUND: 404,
  HOUSEHOLD_EXISTS: 409,
  ALREADY_BOUND: 409,
  BINDING_PENDING: 409,
  BINDING_CODE_INVALID: 400,
  BUILDING_NOT_FOUND: 404,
  IMPORT_INVALID: 422,
  IMPORT_FILE_UNREADABLE: 400,
  FILE_TOO_LARGE: 413,
  PHOTO_TOO_LARGE: 413,
  NO_HOUSEHOLD: 409,
  WINDOW_NOT_FOUND: 404,
  WINDOW_NOT_OPEN: 409,
  WINDOW_CLOSED: 409,
  WINDOW_PAUSED: 409,
  WINDOW_FULL: 409,
  BUILDING_FULL: 409,
  NOT_YOUR_ZONE: 403,
  ITEM_NOT_IN_WINDOW: 400,
  OUT_OF_STOCK: 409,
  HOUSEHOLD_LIMIT: 409,
  ORDER_NOT_FOUND: 404,
  SUPPLIER_NOT_FOUND: 404,
  ITEM_NOT_FOUND: 404,
  PAYMENT_NOT_CONFIGURED: 409,
  PAY_IN_WECHAT: 409,
  ORDER_NOT_PAYABLE: 409,
  PAYMENT_UNAVAILABLE: 503,
  PAYMENT_NOTIFICATION_INVALID: 401,
  /** WeChat Pay's answer failed its signature check: a bad gateway, nothing was believed. */
  PAYMENT_ANSWER_INVALID: 502,
  WINDOW_IS_FAIR_SHARE: 409,
  WINDOW_NOT_FAIR_SHARE: 409,
  WINDOW_STILL_OPEN: 409,
  ALREADY_ALLOCATED: 409,
  NOT_ALLOCATED: 404,
  FIRST_ROUND_PAYING: 409,
  SECOND_ROUND_DONE: 409,
  NOTHING_TO_DRAW: 409,
  REGISTRATION_NOT_FOUND: 404,
  ORDER_NOT_ACTIVE: 409,
  PARCEL_NOT_FOUND: 404,
  PARCEL_TAKEN: 409,
  NOT_YOUR_BUILDING: 403,
  NOT_A_VOLUNTEER: 404,
  POST_NOT_FOUND: 404,
  POST_CLOSED: 409,
  POST_FULL: 409,
  SIGNUP_NOT_FOUND: 404,
  ALREADY_SIGNED_UP: 409,
  SIGNUP_NEEDS_HOUSEHOLD: 403,
  SIGNUP_DECIDED: 409,
  PHARMACY_NOT_FOUND: 404,
  NO_PHARMACY: 409,
  NOT_A_PHARMACIST: 403,
  INVITE_INVALID: 400,
  MEDICINE_REQUEST_NOT_FOUND: 404,
  PRESCRIPTION_PHOTO_REQUIRED: 400,
  QUOTE_INCOMPLETE: 400,
  NOTHING_TO_ACCEPT: 400,
  FILE_NOT_FOUND: 404,
  FILE_NOT_IMAGE: 415,
  FILE_LINK_EXPIRED: 410,
  QR_NOT_THIS_PARCEL: 409,
  NOT_DELIVERED_YET: 409,
  ALREADY_RATED: 409,
  QR_INVALID: 400,
  QR_EXPIRED: 400,
  QR_WRONG_PURPOSE: 400,
  COMMUNITY_NOT_CHOSEN: 409,
  COMMUNITY_NOT_FOUND: 404,
  NOTHING_TO_COLLECT: 409,
  PHONE_NOT_AVAILABLE: 409,
  PAYMENT_CHOICE_REQUIRED: 400,
};

/** Thrown to replay a stored refusal (Idempotency-Key retry) with its original status and body. */
export class ReplayedError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }
}
