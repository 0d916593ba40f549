/**
 * Offline read-aloud with espeak-ng: the text never leaves the kiosk.
 *
 * Voices in Debian 12's espeak-ng 1.51 (checked with `espeak-ng --voices`), for the 14 kiosk
 * languages: fr (fr-fr), en (en-gb), ar, es, pt, ro, ru, uk, ka, fa (Persian, also used for Dari),
 * tr have one. ps (Pashto), ti (Tigrinya) and so (Somali) have none, so `speaks()` is false for
 * them. The table still names them: should a later espeak-ng ship one, the probe picks it up.
 */
import { spawn } from 'node:child_process';
import type { LanguageCode } from '../../common/i18n/languages';
import { findOnPath } from '../find-programs';
import type { Speaker } from './speaker';

export const ESPEAK_INSTALL_HINT = 'apt-get install -y espeak-ng';

/** The contract caps texts at this length too; a longer one would tie the kiosk up for minutes. */
export const MAX_TEXT_LENGTH = 4000;

const DEFAULT_TIMEOUT_MS = 15_000;

/** Words per minute. espeak-ng's default (175) is hard to follow for people who read little. */
const SPEECH_RATE = 150;

/**
 * Kiosk language → espeak-ng voice, spelled as the Language column of `espeak-ng --voices`
 * (French is listed as fr-fr, not fr). Typed by string so it compiles whatever KIOSK_LANGUAGES holds.
 */
const VOICES: Partial<Record<string, string>> = {
  fr: 'fr-fr',
  en: 'en-gb',
  ar: 'ar',
  es: 'es',
  pt: 'pt',
  ro: 'ro',
  ru: 'ru',
  uk: 'uk',
  ka: 'ka',
  fa: 'fa',
  ps: 'ps',
  tr: 'tr',
  ti: 'ti',
  so: 'so',
};

export interface EspeakOptions {
  /** Path to espeak-ng (see findEspeak); null gives a speaker with no voice at all. */
  binary: string | null;
  /** How long one run of espeak-ng may take before it is killed. */
  timeoutMs?: number;
}

export function findEspeak(env: NodeJS.ProcessEnv = process.env): string | null {
  return findOnPath(process.platform === 'win32' ? ['espeak-ng.exe'] : ['espeak-ng'], env);
}

/**
 * Lists the installed voices once, then speaks with them. Rejects when espeak-ng cannot list
 * its voices; a host that would rather run silent can fall back to `{ binary: null }`.
 */
export async function createEspeakSpeaker(options: EspeakOptions): Promise<Speaker> {
  const { binary, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (binary === null) return silentSpeaker;

  const installed = parseVoiceLanguages((await run(binary, ['--voices'], '', timeoutMs)).toString('utf8'));
  const voiceFor = (language: string): string | undefined => {
    const voice = VOICES[language];
    return voice !== undefined && installed.has(voice) ? voice : undefined;
  };

  return {
    speaks: (language) => voiceFor(language) !== undefined,
    async speak(language, text) {
      const voice = voiceFor(language);
      if (voice === undefined) throw new Error(`No espeak-ng voice for language "${language}" on this machine.`);
      if (text.trim() === '') throw new Error('There is no text to read aloud.');
      if (text.length > MAX_TEXT_LENGTH) {
        throw new Error(`The text is too long to read aloud (${text.length} characters, at most ${MAX_TEXT_LENGTH}).`);
      }
      // The text goes through stdin (--stdin reads it whole), never argv: nothing in it can be
      // taken for an option. -b 1: the input is UTF-8 whatever the host's locale.
      const args = ['-v', voice, '-s', String(SPEECH_RATE), '-b', '1', '--stdout', '--stdin'];
      return fixStreamedWavSizes(await run(binary, args, text, timeoutMs));
    },
  };
}

const silentSpeaker: Speaker = {
  speaks: () => false,
  speak: (language: LanguageCode) => Promise.reject(new Error(`espeak-ng is not installed, so "${language}" cannot be read aloud.`)),
};

/** The Language column (second) of `espeak-ng --voices`, header line skipped. */
export function parseVoiceLanguages(listing: string): Set<string> {
  const languages = new Set<string>();
  for (const line of listing.split('\n').slice(1)) {
    const language = line.trim().split(/\s+/)[1];
    if (language) languages.add(language);
  }
  return languages;
}

/**
 * espeak-ng cannot seek back into a pipe, so a WAV on stdout carries placeholder sizes
 * (0x7ffff000). Writing the real ones makes the file's duration right for every player.
 */
function fixStreamedWavSizes(wav: Buffer): Buffer {
  if (wav.length < 12 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('espeak-ng did not return WAV audio.');
  }
  wav.writeUInt32LE(wav.length - 8, 4);
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    if (id === 'data') {
      wav.writeUInt32LE(wav.length - offset - 8, offset + 4);
      return wav;
    }
    offset += 8 + wav.readUInt32LE(offset + 4);
  }
  throw new Error('espeak-ng returned a WAV file without audio data.');
}

/** Runs the program without a shell, feeds it `input`, resolves with its stdout. */
function run(binary: string, args: readonly string[], input: string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };

    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new Error(`espeak-ng took longer than ${timeoutMs} ms and was stopped.`)));
    }, timeoutMs);

    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => settle(() => reject(new Error(`Could not run espeak-ng (${binary}): ${error.message}`))));
    child.on('close', (code, signal) =>
      settle(() => {
        if (code === 0) return resolve(Buffer.concat(stdout));
        const firstLine = Buffer.concat(stderr).toString('utf8').trim().split('\n')[0] ?? '';
        const status = code === null ? `was killed by ${signal}` : `exited with status ${code}`;
        reject(new Error(`espeak-ng ${status}${firstLine ? `: ${firstLine}` : ''}`));
      }),
    );
    // A program that dies before reading its input breaks the pipe; its exit status says why.
    child.stdin.on('error', () => {});
    child.stdin.end(input, 'utf8');
  });
}
