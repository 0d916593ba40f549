/**
 * The kiosk's speaker: espeak-ng from the PATH, probed once on the first read-aloud (not at start,
 * so a kiosk without it starts as fast and simply says that reading aloud is not available).
 */
import { createEspeakSpeaker, findEspeak } from './espeak-speaker';
import type { Speaker } from './speaker';

export type SpeakerSource = () => Promise<Speaker | null>;

export function systemSpeaker(logError: (message: string, error: unknown) => void): SpeakerSource {
  let probe: Promise<Speaker | null> | null = null;
  return () => {
    probe ??= createEspeakSpeaker({ binary: findEspeak() }).catch((error: unknown) => {
      logError('read-aloud is off: espeak-ng does not list its voices', error);
      return null;
    });
    return probe;
  };
}

export const noSpeaker: SpeakerSource = async () => null;
