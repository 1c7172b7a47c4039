import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../electron/backend/documents/worker/work-queue';

/** A promise and the function that settles it: a step the test lets finish when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Resolves once `done()` is true, letting the queue's tasks and immediates run meanwhile. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}

describe("the document worker's queue", () => {
  it('runs a document asked for during the warm-up right after the current step, before the steps still waiting', async () => {
    const order: string[] = [];
    const first = gate();
    const queue = new WorkQueue(() => {});
    queue.background('fonts', async () => {
      order.push('fonts: start');
      await first.opened;
      order.push('fonts: end');
      return false;
    });
    queue.background('layout zh-CN', () => (order.push('layout zh-CN'), false));
    queue.background('layout en', () => (order.push('layout en'), false));
    await until(() => order.includes('fonts: start'));
    queue.push(async () => void order.push('document 1'));
    queue.push(async () => void order.push('document 2'));
    first.open();
    await until(() => order.includes('layout en'));
    expect(order).toEqual(['fonts: start', 'fonts: end', 'document 1', 'document 2', 'layout zh-CN', 'layout en']);
  });

  it('runs documents in the order asked, one at a time', async () => {
    const order: string[] = [];
    const slow = gate();
    const queue = new WorkQueue(() => {});
    queue.push(async () => {
      order.push('a: start');
      await slow.opened;
      order.push('a: end');
    });
    queue.push(async () => void order.push('b'));
    await until(() => order.length === 1);
    slow.open();
    await until(() => order.includes('b'));
    expect(order).toEqual(['a: start', 'a: end', 'b']);
  });

  it('repeats a step while it has more to do, lets documents in between, and keeps one step of a name', async () => {
    const order: string[] = [];
    let left = 3;
    const queue = new WorkQueue(() => {});
    const step = () => {
      order.push(`grow ${left}`);
      if (left === 2) queue.push(async () => void order.push('document'));
      return --left > 0;
    };
    queue.background('grow', step);
    queue.background('grow', step);
    await until(() => left === 0 && order.includes('document'));
    expect(order).toEqual(['grow 3', 'grow 2', 'document', 'grow 1']);
  });

  it('reports a failed step and goes on with the rest', async () => {
    const failures: string[] = [];
    const order: string[] = [];
    const queue = new WorkQueue((name, error) => failures.push(`${name}: ${(error as Error).message}`));
    queue.background('fonts', () => {
      throw new Error('no font');
    });
    queue.background('layout', () => (order.push('layout'), false));
    await until(() => order.length > 0);
    expect(failures).toEqual(['fonts: no font']);
    expect(order).toEqual(['layout']);
  });
});
