/*
 * Requests between screens that share no parent: window events, so that the screen which acts
 * (the search box, the caller flow) stays the only owner of its state, and features that may
 * not import each other (each already imports the other's index) can still hand work on.
 */

/** A named event carrying one value: `send` it from anywhere, `listen` until the returned function is called. */
export function windowMessage<T>(name: string) {
  return {
    send: (detail: T): void => {
      window.dispatchEvent(new CustomEvent<T>(name, { detail }));
    },
    listen: (handler: (detail: T) => void): (() => void) => {
      const listener = (event: Event) => handler((event as CustomEvent<T>).detail);
      window.addEventListener(name, listener);
      return () => window.removeEventListener(name, listener);
    },
  };
}

/** A repair the call dialog hands on: for a customer on file (and their unit), or for a caller to file first. */
export interface RepairFromCall {
  customerId: number | null;
  unitId: number | null;
  /** What an unknown caller gave: the new-customer form starts from it. */
  phone: string;
  name: string;
  /** What the clerk noted during the call: the ticket's fault starts from it. */
  fault: string;
  /** The clerk backed out before a ticket was saved: the call dialog comes back as it was, so the call is still logged. */
  onCancel: () => void;
}

const repairFromCall = windowMessage<RepairFromCall>('desk:repair-from-call');

/** The call turned out to need a visit: the ticket form takes over, and the ticket logs the call. */
export const startRepairFromCall = repairFromCall.send;
export const onRepairFromCall = repairFromCall.listen;
