/** Timing helpers: pairs of measurements interleaved run by run, so that a busy machine slows both alike. */
export async function interleavedMedians(rounds: number, fns: Array<() => Promise<unknown>>): Promise<number[]> {
  for (const fn of fns) await fn(); // warm-up
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < rounds; i++) {
    for (let j = 0; j < fns.length; j++) {
      const t0 = performance.now();
      await fns[j]!();
      times[j]!.push(performance.now() - t0);
    }
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)]!;
  });
}

export const round = (n: number, d = 0): number => Math.round(n * 10 ** d) / 10 ** d;
