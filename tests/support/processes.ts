/** Runs the project's command-line entry points as real processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runTs(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Finished> {
  const child = spawn(TSX, [script, ...args], { cwd: PROJECT_ROOT, env });
  return finished(child);
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Starts a long-running command and waits for a line of its output matching `ready`. */
export function startUntil(
  command: string,
  args: readonly string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 30_000,
): Promise<{ child: ChildProcess; match: RegExpMatchArray; done: Promise<Finished> }> {
  const child = spawn(command, args, { cwd: PROJECT_ROOT, env, detached: true });
  const done = finished(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      stop(child);
      reject(new Error(`no line matching ${ready} within ${timeoutMs} ms; output so far:\n${seen}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = seen.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, done });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void done.then((result) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${result.code} before ${ready}:\n${seen}`));
    });
  });
}

/** Signals the whole process group (the command and what it started). */
export function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export { TSX };
