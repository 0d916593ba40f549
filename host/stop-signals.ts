/**
 * Ctrl-C and `kill` as a clean stop. The signal often arrives twice: a terminal (or a test's
 * process-group kill) signals every process of the group, and `tsx` relays it to its child too.
 * With `once`, the second SIGINT would hit Node's default action (exit 130) in the middle of the
 * clean stop; so the listener stays, and only the first signal counts.
 */
export function onStopSignal(stop: () => void): void {
  let stopping = false;
  const handler = (): void => {
    if (stopping) return;
    stopping = true;
    stop();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
