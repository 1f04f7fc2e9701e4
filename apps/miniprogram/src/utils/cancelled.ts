/**
 * True when a WeChat sheet (the scanner, the payment sheet, the dialer) was closed by the person:
 * its errMsg ends in `cancel` (`scanCode:fail cancel`, `requestPayment:fail cancel`,
 * `makePhoneCall:fail cancel`). Not an error to report.
 */
export function cancelledByUser(error: unknown): boolean {
  const msg = (error as { errMsg?: unknown } | null)?.errMsg;
  return typeof msg === 'string' && msg.includes('cancel');
}
