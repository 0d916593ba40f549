/**
 * The loop both geodata fetches run: items in order, a few at once, and a stop once the service
 * has failed so many times in a row that it is taken as unreachable (an offline kiosk, a service
 * down) — the rest is left for the next pass instead of failing item by item.
 */
export type WorkOutcome = 'success' | 'failure' | 'neutral';

export interface QueueResult {
  /** Items never started because the queue gave up. */
  skipped: number;
  gaveUp: boolean;
}

export async function runQueue<T>(
  items: readonly T[],
  options: { concurrency: number; giveUpAfter: number },
  work: (item: T) => Promise<WorkOutcome>,
): Promise<QueueResult> {
  let next = 0;
  let failuresInARow = 0;
  const result: QueueResult = { skipped: 0, gaveUp: false };
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      if (failuresInARow >= options.giveUpAfter) {
        result.skipped += items.length - next;
        result.gaveUp = true;
        next = items.length;
        return;
      }
      const outcome = await work(items[next++] as T);
      if (outcome === 'success') failuresInARow = 0;
      else if (outcome === 'failure') failuresInARow++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}
