/**
 * Read-aloud: the main content of the screen, as the person sees it, spoken by the kiosk's own
 * offline engine (espeak-ng on the host; see README). Only one reading at a time; stopping or
 * the idle reset silences it.
 */
import type { KioskApi } from '../../common/contract/kiosk-api';
import type { LanguageCode } from '../../common/i18n/languages';

let playing: { audio: HTMLAudioElement; url: string } | null = null;

/** What a screen says: its main landmark's visible text, minus what is marked not to be read. */
export function screenText(root: ParentNode = document): string {
  const main = root.querySelector('main');
  if (!main) return '';
  const copy = main.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('[data-no-read], svg, .visually-hidden').forEach((node) => node.remove());
  const blocks: string[] = [];
  copy.querySelectorAll('h1, h2, h3, p, li, th, td, button, figcaption, dt, dd').forEach((node) => {
    // Only the innermost blocks, so that nested text is read once.
    if (node.querySelector('h1, h2, h3, p, li, th, td, button, figcaption, dt, dd')) return;
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  });
  return blocks.join('. \n').slice(0, 4_000);
}

export function stopReading(): void {
  if (!playing) return;
  playing.audio.pause();
  URL.revokeObjectURL(playing.url);
  playing = null;
}

export function isReading(): boolean {
  return playing !== null;
}

/** Resolves when the reading starts; rejects when the kiosk has no voice for the language. */
export async function readAloud(api: KioskApi, language: LanguageCode, text: string, onEnd: () => void): Promise<void> {
  stopReading();
  const { audio: base64, mimeType } = await api.speak({ language, text });
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const audio = new Audio(url);
  playing = { audio, url };
  audio.addEventListener('ended', () => {
    if (playing?.audio === audio) stopReading();
    onEnd();
  });
  await audio.play();
}
