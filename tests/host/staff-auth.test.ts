import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { delayAfter, hashPin, MAX_DELAY_SECONDS, pinMatches, StaffAuth } from '../../host/staff/staff-auth';
import { TSX } from '../support/processes';

/** A hand-driven monotonic clock (milliseconds). */
function manualClock(): { now: () => number; advance: (seconds: number) => void } {
  let at = 1_000_000;
  return { now: () => at, advance: (seconds) => void (at += seconds * 1000) };
}

describe('the staff PIN hash', () => {
  it('matches its PIN only, and a bad stored hash matches nothing', async () => {
    const hash = await hashPin('482913');
    expect(hash).toMatch(/^scrypt\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await pinMatches('482913', hash)).toBe(true);
    expect(await pinMatches('482914', hash)).toBe(false);
    expect(await pinMatches('482913', 'scrypt$AAAA$')).toBe(false);
    expect(await pinMatches('482913', 'bcrypt$x$y')).toBe(false);
    // Salted: the same PIN twice gives two hashes.
    expect(await hashPin('482913')).not.toBe(hash);
    await expect(hashPin('12a4')).rejects.toThrow(/4 to 12 digits/);
  });

  it('`npm run staff-pin` prints a config line whose hash matches the PIN, and refuses a bad PIN', async () => {
    const made = spawnSync(TSX, ['host/staff/hash-pin-cli.ts', '7351'], { encoding: 'utf8' });
    expect(made.status).toBe(0);
    const hash = /"pinHash": "([^"]+)"/.exec(made.stdout)?.[1] as string;
    expect(await pinMatches('7351', hash)).toBe(true);
    const refused = spawnSync(TSX, ['host/staff/hash-pin-cli.ts', '12'], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('4 to 12 digits');
  });
});

describe('staff mode lock', () => {
  it('doubles the wait after each wrong PIN up to 15 minutes', () => {
    expect([1, 2, 3, 4, 5].map(delayAfter)).toEqual([1, 2, 4, 8, 16]);
    expect(delayAfter(0)).toBe(0);
    expect(delayAfter(11)).toBe(MAX_DELAY_SECONDS);
    expect(delayAfter(40)).toBe(MAX_DELAY_SECONDS);
  });

  it('refuses tries during the wait without checking them, then lets the right PIN in and starts again from 1 s', async () => {
    const clock = manualClock();
    const auth = new StaffAuth({ pinHash: await hashPin('2468'), idleSeconds: () => 120, clock: clock.now });
    expect(await auth.unlock('1111')).toEqual({ unlocked: false, reason: 'wrong-pin', retryAfterSeconds: 1 });
    expect(await auth.unlock('2468')).toEqual({ unlocked: false, reason: 'wait', retryAfterSeconds: 1 });
    clock.advance(1);
    expect(await auth.unlock('1112')).toEqual({ unlocked: false, reason: 'wrong-pin', retryAfterSeconds: 2 });
    clock.advance(1);
    expect(await auth.unlock('2468')).toMatchObject({ reason: 'wait', retryAfterSeconds: 1 });
    clock.advance(1);
    expect(await auth.unlock('1113')).toMatchObject({ reason: 'wrong-pin', retryAfterSeconds: 4 });
    clock.advance(4);
    const ok = await auth.unlock('2468');
    expect(ok.unlocked).toBe(true);
    // Success forgets the failures.
    expect(await auth.unlock('0000')).toMatchObject({ reason: 'wrong-pin', retryAfterSeconds: 1 });
  });

  it('lets only one of two simultaneous tries check a PIN', async () => {
    const auth = new StaffAuth({ pinHash: await hashPin('2468'), idleSeconds: () => 120, clock: manualClock().now });
    const [a, b] = await Promise.all([auth.unlock('1111'), auth.unlock('2468')]);
    expect(a).toMatchObject({ reason: 'wrong-pin' });
    expect(b).toMatchObject({ reason: 'wait' });
  });

  it('gives a token that lapses after the idle time, is kept alive by use, and dies when locked or replaced', async () => {
    const clock = manualClock();
    const auth = new StaffAuth({ pinHash: await hashPin('2468'), idleSeconds: () => 100, clock: clock.now });
    const first = await auth.unlock('2468');
    if (!first.unlocked) throw new Error('not unlocked');
    clock.advance(90);
    expect(auth.authorize(first.token)).toBe(true);
    clock.advance(90);
    expect(auth.authorize(first.token)).toBe(true);
    const last = first.token.slice(-1);
    expect(auth.authorize(`${first.token.slice(0, -1)}${last === 'x' ? 'y' : 'x'}`)).toBe(false);
    clock.advance(101);
    expect(auth.authorize(first.token)).toBe(false);
    const second = await auth.unlock('2468');
    const third = await auth.unlock('2468');
    if (!second.unlocked || !third.unlocked) throw new Error('not unlocked');
    expect(auth.authorize(second.token)).toBe(false);
    expect(auth.lock(third.token)).toBe(true);
    expect(auth.authorize(third.token)).toBe(false);
  });

  it('says staff mode is not configured when the config has no PIN hash', async () => {
    const auth = new StaffAuth({ pinHash: null, idleSeconds: () => 100 });
    expect(await auth.unlock('2468')).toEqual({ unlocked: false, reason: 'not-configured', retryAfterSeconds: 0 });
    expect(auth.authorize('anything-at-all-really')).toBe(false);
  });
});
