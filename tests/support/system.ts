/** System programs the suite needs: a missing one fails the test with the command that installs it. */
import { findOnPath } from '../../host/find-programs';

export function requireProgram(name: string, installCommand: string): string {
  const found = findOnPath([name]);
  if (!found) throw new Error(`${name} is not installed; this test needs it. Install it with: ${installCommand}`);
  return found;
}

export const requireChromium = (): string => requireProgram('chromium', 'apt-get install -y chromium');
export const requireXvfbRun = (): string => requireProgram('xvfb-run', 'apt-get install -y xvfb xauth');
