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

/** A killed process can linger as a zombie where nothing reaps it (containers): it is dead all the same. */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false; // no /proc (not Linux): trust kill(pid, 0)
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !zombie(pid);
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
      // This very process counts as alive: a pass in progress here holds the lock too.
      if (Number.isInteger(owner) && (owner === process.pid || alive(owner))) throw new SyncBusyError(owner);
      rmSync(file, { force: true }); // stale: its owner died mid-run
    }
  }
  throw new Error(`cannot take the sync lock ${file}`);
}
