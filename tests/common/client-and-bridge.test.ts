import { describe, expect, it, vi } from 'vitest';
import { createKioskBridge } from '../../common/contract/bridge';
import { createKioskClient } from '../../common/contract/client';
import { KioskCallError, readErrorPayload } from '../../common/contract/errors';
import { KIOSK_METHODS, ipcChannel, methodOfIpcChannel } from '../../common/contract/methods';

const timers = { setTimer: (f: () => void, ms: number) => setTimeout(f, ms), clearTimer: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };

describe('the renderer client', () => {
  it('has one function per contract method and unwraps answers', async () => {
    const transport = vi.fn(async (method: string) => ({ ok: true as const, value: { method } }));
    const client = createKioskClient(transport, { timeoutMs: 1000, ...timers });
    expect(Object.keys(client).sort()).toEqual([...KIOSK_METHODS].sort());
    expect(await client.categories({})).toEqual({ method: 'categories' });
    expect(transport).toHaveBeenCalledWith('categories', {});
  });

  it('throws a KioskCallError carrying the code of an error answer', async () => {
    const client = createKioskClient(
      async () => ({ ok: false as const, error: { code: 'invalid-request' as const, message: 'bad', issues: [{ path: 'x', message: 'no' }] } }),
      { timeoutMs: 1000, ...timers },
    );
    const error = await client.status({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KioskCallError);
    expect((error as KioskCallError).code).toBe('invalid-request');
    expect((error as KioskCallError).issues).toEqual([{ path: 'x', message: 'no' }]);
  });

  it('gives up with a timeout error when the transport never answers', async () => {
    const client = createKioskClient(() => new Promise(() => undefined), { timeoutMs: 20, ...timers });
    await expect(client.status({})).rejects.toMatchObject({ code: 'timeout' });
  });

  it('reads a malformed error answer as an internal error', () => {
    expect(readErrorPayload({ code: 'rm -rf', message: 1 })).toEqual({ code: 'internal', message: 'Malformed error answer' });
    expect(readErrorPayload(null).code).toBe('internal');
  });
});

describe('the preload bridge', () => {
  it('exposes exactly the contract methods, each on its kiosk:<method> channel', async () => {
    const invoke = vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } }));
    const bridge = createKioskBridge(invoke);
    expect(Object.keys(bridge).sort()).toEqual([...KIOSK_METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(await bridge.status({})).toEqual({ ok: true, value: { channel: 'kiosk:status', payload: {} } });
  });

  it('maps channels back to methods and rejects foreign channels', () => {
    expect(methodOfIpcChannel(ipcChannel('categories'))).toBe('categories');
    expect(methodOfIpcChannel('kiosk:shell')).toBeNull();
    expect(methodOfIpcChannel('status')).toBeNull();
  });
});
