import { getHeapStatistics } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { giveMemoryBack, IdleTrim } from '../../electron/backend/lib/idle-trim';

// Issue 23 (memory): a thread that grew for a piece of work gives the memory back once quiet.

afterEach(() => {
  vi.useRealTimers();
});

const MIB = 2 ** 20;

describe('the idle trim', () => {
  it('trims once the thread has been quiet, only after growth worth it, and never while work is under way', () => {
    vi.useFakeTimers();
    let held = 100 * MIB;
    let idle = true;
    const trims: number[] = [];
    const trim = new IdleTrim({ quietMs: 5_000, growthBytes: 8 * MIB, isIdle: () => idle, held: () => held, trim: () => (trims.push(held), (held = 60 * MIB)) });
    // The first quiet spell trims whatever the start grew.
    trim.touch();
    vi.advanceTimersByTime(4_999);
    expect(trims).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(trims).toHaveLength(1);
    // Work touching it keeps pushing the trim back.
    held = 90 * MIB;
    for (let i = 0; i < 10; i++) {
      trim.touch();
      vi.advanceTimersByTime(3_000);
    }
    expect(trims).toHaveLength(1);
    // Quiet, but an answer is still awaited: it waits for that to end and another quiet spell.
    idle = false;
    vi.advanceTimersByTime(5_000);
    expect(trims).toHaveLength(1);
    idle = true;
    vi.advanceTimersByTime(5_000);
    expect(trims).toHaveLength(2);
    // Grown less than the threshold since the last trim: not worth a collection.
    held = 60 * MIB + 7 * MIB;
    trim.touch();
    vi.advanceTimersByTime(60_000);
    expect(trims).toHaveLength(2);
    expect(trim.trims).toBe(2);
    // Stopped with the desk: nothing more, even when touched.
    held = 200 * MIB;
    trim.touch();
    trim.stop();
    trim.touch();
    vi.advanceTimersByTime(60_000);
    expect(trims).toHaveLength(2);
  });

  it('runs the other upkeep at every quiet moment, grown or not, and none while work is under way', () => {
    vi.useFakeTimers();
    let idle = false;
    let quiet = 0;
    const trim = new IdleTrim({ quietMs: 1_000, growthBytes: 8 * MIB, isIdle: () => idle, held: () => 0, trim: () => {}, onQuiet: () => quiet++ });
    trim.touch();
    vi.advanceTimersByTime(5_000);
    expect(quiet).toBe(0);
    idle = true;
    vi.advanceTimersByTime(1_000);
    expect(quiet).toBe(1);
    // Once per quiet moment: the next comes after the next piece of work.
    vi.advanceTimersByTime(10_000);
    expect(quiet).toBe(1);
    trim.touch();
    vi.advanceTimersByTime(1_000);
    expect(quiet).toBe(2);
    trim.stop();
  });

  it("gives a heap's emptied pages back to the system", () => {
    let garbage: Array<{ n: number; s: string }> | null = [];
    for (let i = 0; i < 600_000; i++) garbage.push({ n: i, s: `客户${i}` });
    const grown = getHeapStatistics().total_heap_size;
    garbage = null;
    giveMemoryBack();
    const after = getHeapStatistics().total_heap_size;
    expect(garbage).toBeNull();
    expect(grown - after).toBeGreaterThan(20 * MIB);
  });
});
