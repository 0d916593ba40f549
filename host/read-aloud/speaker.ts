/** Offline text-to-speech as the handlers see it: one engine, the languages it has voices for. */
import type { LanguageCode } from '../../common/i18n/languages';

export interface Speaker {
  /** Whether a voice exists for this kiosk language on this machine. */
  speaks(language: LanguageCode): boolean;
  /** The text spoken in that language, as a WAV file. Rejects with a readable error on failure. */
  speak(language: LanguageCode, text: string): Promise<Buffer>;
}
