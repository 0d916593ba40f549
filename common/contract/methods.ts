/**
 * The names of the calls the UI may make. Kept apart from the schemas so that the preload and
 * the renderer can list the methods without bundling the validation library; `kiosk-api.ts`
 * checks at compile time that both lists agree.
 */
export const KIOSK_METHODS = ['status', 'categories', 'towns', 'search', 'place', 'report', 'speak', 'itinerary', 'print', 'printJob', 'printPresets', 'savePrintPreset', 'deletePrintPreset', 'printers', 'usage', 'staffUnlock', 'staffLock', 'staffOverview', 'staffSync', 'staffReports', 'staffExport', 'staffUsage', 'staffTestPrint'] as const;

export type KioskMethod = (typeof KIOSK_METHODS)[number];

/**
 * Calls only staff mode may make: the dispatcher refuses them without a valid staff token. (A
 * `print` of a staff list is checked by its handler: tickets are the person's.)
 */
export const STAFF_METHODS: readonly KioskMethod[] = [
  'printPresets', 'savePrintPreset', 'deletePrintPreset', 'printers',
  'staffOverview', 'staffSync', 'staffReports', 'staffExport', 'staffUsage', 'staffTestPrint',
];

/** The field of a call's payload that carries the staff token; the dispatcher takes it out before validation. */
export const STAFF_TOKEN_FIELD = 'staffToken';

const IPC_PREFIX = 'kiosk:';

export function isKioskMethod(name: string): name is KioskMethod {
  return (KIOSK_METHODS as readonly string[]).includes(name);
}

/** Electron IPC channel of a method: `kiosk:<method>`. */
export function ipcChannel(method: KioskMethod): string {
  return IPC_PREFIX + method;
}

/** The method behind an IPC channel, or null when the channel is not one of ours. */
export function methodOfIpcChannel(channel: string): KioskMethod | null {
  if (!channel.startsWith(IPC_PREFIX)) return null;
  const name = channel.slice(IPC_PREFIX.length);
  return isKioskMethod(name) ? name : null;
}

/** HTTP path of a method on the host: `POST /api/<method>`. */
export function httpPath(method: KioskMethod): string {
  return `/api/${method}`;
}
