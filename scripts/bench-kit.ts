import { performance } from 'node:perf_hooks';

/** mulberry32, seeded: the same data every run. (An LCG in floating point lost its low bits and cycled after a few thousand values, which skewed the data.) */
export function mulberry(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** p50, p95 and p99 of timed samples, as the bench prints them. */
export function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return `p50 ${at(50).toFixed(2)} ms · p95 ${at(95).toFixed(2)} ms · p99 ${at(99).toFixed(2)} ms (n=${samples.length})`;
}

/** How long a request took; a refused one stops the bench (its figure would be a refusal's). */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const result = (await fn()) as { ok?: boolean };
  if (result && result.ok === false) throw new Error(JSON.stringify(result));
  return performance.now() - start;
}
