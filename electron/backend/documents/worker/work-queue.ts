/** Something to do in the background, in steps: it answers whether it has more to do. */
export type BackgroundStep = () => Promise<boolean> | boolean;

/**
 * The document worker's one line of work. Documents go first, in the order asked; background
 * work (warming up, growing the working font) runs one step at a time and only while no
 * document waits, so a document asked for waits for the current step at most.
 */
export class WorkQueue {
  private readonly jobs: Array<() => Promise<void>> = [];
  private readonly steps: Array<{ name: string; step: BackgroundStep; priority: number }> = [];
  private running = false;

  constructor(private readonly onStepError: (name: string, error: unknown) => void) {}

  /** Nothing to do and nothing under way. */
  get idle(): boolean {
    return !this.running && this.jobs.length === 0 && this.steps.length === 0;
  }

  /** Runs `job` after the documents already waiting, before any further background step. */
  push(job: () => Promise<void>): void {
    this.jobs.push(job);
    void this.pump();
  }

  /**
   * Adds background work under `name`, unless work of that name is already waiting. Lower
   * `priority` runs first; the same priority, in the order added.
   */
  background(name: string, step: BackgroundStep, priority = 0): void {
    if (this.steps.some((s) => s.name === name)) return;
    const at = this.steps.findIndex((s) => s.priority > priority);
    this.steps.splice(at === -1 ? this.steps.length : at, 0, { name, step, priority });
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const job = this.jobs.shift();
        if (job) {
          await job();
          continue;
        }
        if (this.steps.length === 0) break;
        // A document asked for during the last step comes in (its message) before the next one.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.jobs.length > 0) continue;
        const current = this.steps[0]!;
        let more = false;
        try {
          more = await current.step();
        } catch (error) {
          // A failed warm-up step only costs speed: the documents do the same work themselves.
          this.onStepError(current.name, error);
        }
        // Work added meanwhile may now stand before it: it is found by itself, not by place.
        if (!more) this.steps.splice(this.steps.indexOf(current), 1);
      }
    } finally {
      this.running = false;
    }
  }
}
