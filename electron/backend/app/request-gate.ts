/**
 * Requests run side by side, but a restore runs alone: it waits for the requests in flight to
 * finish and holds new ones back until the restored database is open, so no write lands in the
 * file being replaced and no read sees half of each.
 */
export class RequestGate {
  private inFlight = 0;
  private exclusive: Promise<void> | null = null;
  private drained: (() => void) | null = null;

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    this.inFlight += 1;
    try {
      return await fn();
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  async alone<T>(fn: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    let release!: () => void;
    this.exclusive = new Promise<void>((resolve) => (release = resolve));
    try {
      if (this.inFlight > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await fn();
    } finally {
      this.exclusive = null;
      release();
    }
  }
}
