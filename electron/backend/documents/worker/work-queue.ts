/** Something to do in the background, in steps: it answers whether it has more to do. */
export type BackgroundStep = () => Promise<boolean> | boolean;

/**
 * The document worker's one line of work. Documents go first, in the order asked; background
 * work (warming up, growing the working font) runs one step at a time and only while no
 * document waits, so a document asked for waits for the current step at most.
 */
export class WorkQueue {
  private readonly jobs: Array<() => Promise<void>> = [];
  private readonly steps: Array<{ name: string; step: BackgroundStep }> = [];
  private running = false;

  constructor(private readonly onStepError: (name: string, error: unknown) => void) {}

  /** Runs `job` after the documents already waiting, before any further background step. */
  push(job: () => Promise<void>): void {
    this.jobs.push(job);
    void this.pump();
  }

  /** Adds background work under `name`, unless work of that name is already waiting. */
  background(name: string, step: BackgroundStep): void {
    if (this.steps.some((s) => s.name === name)) return;
    this.steps.push({ name, step });
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
        const { name, step } = this.steps[0]!;
        let more = false;
        try {
          more = await step();
        } catch (error) {
          // A failed warm-up step only costs speed: the documents do the same work themselves.
          this.onStepError(name, error);
        }
        if (!more) this.steps.shift();
      }
    } finally {
      this.running = false;
    }
  }
}
