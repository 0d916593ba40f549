/**
 * One sync at a time per mirror, across processes (the kiosk's scheduler, `npm run sync`): a lock
 * file holding the owner's pid, created exclusively. A lock whose owner is dead (killed) is taken over.
 */
import { openSync, closeSync, writeSync, readFileSync, rmSync } from 'node:fs';

export class SyncBusyError extends Error {
  constructor(pid: number) {
    super(`another sync of this mirror is running (process ${pid}); this one was not started`);
    this.name = 'SyncBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireSyncLock(mirrorPath: string): () => void {
  const file = `${mirrorPath}.sync-lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) throw new SyncBusyError(owner);
      rmSync(file, { force: true }); // stale: its owner died mid-run
    }
  }
  throw new Error(`cannot take the sync lock ${file}`);
}
