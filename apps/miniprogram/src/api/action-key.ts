import { newIdempotencyKey } from './client';
import { ApiError } from './errors';

/**
 * The Idempotency-Key of one user action (pressing 提交, 通过, 撤回申请…). Pressing again with
 * the same payload after no answer came back reuses the key, so the server does the work at
 * most once; once the server has answered (yes or no), or the payload changes, the next press
 * is a new action with a new key.
 */
export class ActionKey {
  private key: string | null = null;
  private fingerprint = '';

  for(payload: unknown): string {
    const fingerprint = JSON.stringify(payload ?? null);
    if (this.key === null || fingerprint !== this.fingerprint) {
      this.key = newIdempotencyKey();
      this.fingerprint = fingerprint;
    }
    return this.key;
  }

  /** Call after the attempt: keeps the key only when the outcome is unknown (no answer). */
  settle(error?: unknown): void {
    if (error instanceof ApiError && error.code === 'NETWORK_ERROR') return;
    this.key = null;
  }
}
