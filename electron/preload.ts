/**
 * Runs sandboxed, with context isolation: exposes `window.kiosk` (one function per contract
 * method, each invoking its `kiosk:<method>` channel) and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createKioskBridge } from '../common/contract/bridge';

contextBridge.exposeInMainWorld(
  'kiosk',
  createKioskBridge((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
