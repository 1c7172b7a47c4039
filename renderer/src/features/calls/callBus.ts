import type { CallPurpose } from '../../../../shared/domain/calls';

/*
 * "Log a call" from anywhere (the search box, the Desk): a window event, so the one dialog
 * mounted in the shell owns its state, as the caller flow does.
 */

/** What is known of the caller when the dialog opens: a customer on file (and their unit), or what was typed. */
export interface CallPrefill {
  customerId?: number;
  customerName?: string;
  unitId?: number;
  callerPhone?: string;
  callerName?: string;
  /** Back from a repair form not saved: the call as the clerk had begun it. */
  purpose?: CallPurpose;
  notes?: string;
}

const EVENT = 'desk:log-call';

export function startLogCall(prefill: CallPrefill): void {
  window.dispatchEvent(new CustomEvent<CallPrefill>(EVENT, { detail: prefill }));
}

export function onLogCall(handler: (prefill: CallPrefill) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<CallPrefill>).detail);
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
