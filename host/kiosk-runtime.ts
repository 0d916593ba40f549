/**
 * Everything a shell needs, whatever the shell: the validated config, the mirror (the demo one
 * generated when the config asks for it), and the dispatcher over the handler table. Used by the
 * HTTP host, the Chromium shell launcher and the Electron main process.
 */
import { createDispatcher, type KioskDispatch } from '../common/contract/dispatch';
import { loadKioskConfig, type LoadedConfig } from '../kiosk-config/load-config';
import { ensureDemoMirror } from '../sync/demo/demo-mirror';
import { openMirror, type MirrorDatabase } from '../sync/mirror-database';
import { createKioskHandlers } from './kiosk-handlers';

export interface RuntimeOptions {
  /** Config file; the embedded demo config when absent. */
  configFile?: string;
  /** Fixed clock (ISO instant) for tests and demos. */
  now?: Date;
  version: string;
  /** Where the demo mirror goes instead of the config's mirror.path (Electron: the user data folder). */
  demoMirrorPath?: string;
  logError?: (message: string, error: unknown) => void;
  validateResponses?: boolean;
}

export interface KioskRuntime {
  loaded: LoadedConfig;
  mirror: MirrorDatabase;
  mirrorPath: string;
  dispatch: KioskDispatch;
  now: () => Date;
  close: () => void;
}

export function defaultLogError(message: string, error: unknown): void {
  console.error(`[kiosk] ${message}:`, error);
}

/** Throws KioskConfigError for a bad config file; other errors are bugs or broken mirrors. */
export function openKioskRuntime(options: RuntimeOptions): KioskRuntime {
  const loaded = loadKioskConfig(options.configFile);
  const fixed = options.now;
  const now = fixed ? () => new Date(fixed.getTime()) : () => new Date();
  const { config } = loaded;
  const mirrorPath = config.demo && options.demoMirrorPath ? options.demoMirrorPath : loaded.mirrorPath;
  if (config.demo) {
    ensureDemoMirror(
      mirrorPath,
      {
        latitude: config.location.latitude,
        longitude: config.location.longitude,
        departmentCode: config.territory.departments[0] ?? '67',
        postalCode: /\b\d{5}\b/.exec(config.location.address)?.[0] ?? '00000',
        city: config.location.address.replace(/^.*\b\d{5}\s*/, '') || config.location.label,
      },
      now(),
    );
  }
  const mirror = openMirror(mirrorPath);
  const handlers = createKioskHandlers({ config, mirror, now, version: options.version });
  const dispatch = createDispatcher(handlers, {
    logError: options.logError ?? defaultLogError,
    validateResponses: options.validateResponses ?? false,
  });
  return { loaded, mirror, mirrorPath, dispatch, now, close: () => mirror.close() };
}
