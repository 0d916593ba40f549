import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageCode } from '../../common/i18n/languages';
import { createEspeakSpeaker, ESPEAK_INSTALL_HINT, findEspeak, MAX_TEXT_LENGTH } from '../../host/read-aloud/espeak-speaker';
import type { Speaker } from '../../host/read-aloud/speaker';
import { requireProgram } from '../support/system';

// Typed as strings: the voice table covers languages KIOSK_LANGUAGES may not list yet.
const as = (code: string): LanguageCode => code as LanguageCode;

interface WavFacts {
  sampleRate: number;
  seconds: number;
}

/** Sample rate and duration as a player would read them from the header. */
function readWav(wav: Buffer): WavFacts {
  expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
  expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
  expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
  let sampleRate = 0;
  let byteRate = 0;
  for (let offset = 12; offset + 8 <= wav.length; ) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      sampleRate = wav.readUInt32LE(offset + 12);
      byteRate = wav.readUInt32LE(offset + 16);
    }
    if (id === 'data') {
      expect(offset + 8 + size).toBe(wav.length);
      return { sampleRate, seconds: size / byteRate };
    }
    offset += 8 + size;
  }
  throw new Error('no data chunk in the WAV');
}

/** A stand-in for espeak-ng: lists one French voice, then runs `body` when asked to speak. */
function fakeEspeak(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  const listing = 'Pty Language       Age/Gender VoiceName          File                 Other Languages\\n 5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)\\n';
  writeFileSync(path, `#!/bin/sh\nif [ "$1" = "--voices" ]; then printf '${listing}'; exit 0; fi\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

let realSpeaker: Promise<Speaker> | undefined;

/**
 * The speaker on the real espeak-ng, made on first use. Asked for inside each test rather than in
 * beforeAll, so a missing espeak-ng fails each of them with the install command (vitest would
 * report them as skipped).
 */
function espeak(): Promise<Speaker> {
  realSpeaker ??= Promise.resolve().then(() => createEspeakSpeaker({ binary: requireProgram('espeak-ng', ESPEAK_INSTALL_HINT) }));
  return realSpeaker;
}

describe('reading aloud with espeak-ng', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'espeak-'));
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('speaks French as a WAV whose length grows with the text', async () => {
    const speaker = await espeak();
    const sentence = 'Bonjour, bienvenue. Touchez le bouton pour continuer. ';
    const short = readWav(await speaker.speak(as('fr'), sentence));
    const long = readWav(await speaker.speak(as('fr'), sentence.repeat(3)));
    expect(short.sampleRate).toBeGreaterThanOrEqual(8000);
    expect(short.sampleRate).toBeLessThanOrEqual(48000);
    expect(short.seconds).toBeGreaterThan(1);
    expect(long.seconds / short.seconds).toBeGreaterThan(2.5);
  });

  it('speaks Arabic too', async () => {
    const speaker = await espeak();
    const wav = readWav(await speaker.speak(as('ar'), 'مرحبا بكم في مكتب الاستقبال'));
    expect(wav.seconds).toBeGreaterThan(0.5);
  });

  it('has a voice for every kiosk language that Debian’s espeak-ng covers, and none for an unknown one', async () => {
    const speaker = await espeak();
    for (const code of ['fr', 'en', 'ar', 'es', 'pt', 'ro', 'ru', 'uk', 'ka', 'fa', 'tr']) {
      expect(speaker.speaks(as(code)), code).toBe(true);
    }
    expect(speaker.speaks(as('xx'))).toBe(false);
  });

  it('refuses a language without a voice, an empty text and a text over the length cap', async () => {
    const speaker = await espeak();
    await expect(speaker.speak(as('xx'), 'hello')).rejects.toThrow('No espeak-ng voice for language "xx"');
    await expect(speaker.speak(as('fr'), '  ')).rejects.toThrow('no text to read aloud');
    await expect(speaker.speak(as('fr'), 'a'.repeat(MAX_TEXT_LENGTH + 1))).rejects.toThrow('too long');
  });

  it('reads options, shell syntax and quotes as plain words, without running anything', async () => {
    const speaker = await espeak();
    const marker = join(dir, 'ran');
    const text = `--help; touch ${marker} $(touch ${marker}) \`touch ${marker}\` "quoted" 'single' -v xx`;
    const wav = readWav(await speaker.speak(as('fr'), text));
    expect(wav.seconds).toBeGreaterThan(1);
    expect(existsSync(marker)).toBe(false);
  });

  it('stops espeak-ng when it takes too long, with a readable error', async () => {
    const slow = await createEspeakSpeaker({ binary: fakeEspeak(dir, 'slow', 'exec sleep 10'), timeoutMs: 200 });
    await expect(slow.speak(as('fr'), 'bonjour')).rejects.toThrow('espeak-ng took longer than 200 ms and was stopped.');
  });

  it('reports the first line of what a failing espeak-ng wrote', async () => {
    const broken = await createEspeakSpeaker({
      binary: fakeEspeak(dir, 'broken', 'echo "Error: voice data is damaged" >&2; echo "more detail" >&2; exit 3'),
    });
    await expect(broken.speak(as('fr'), 'bonjour')).rejects.toThrow(/^espeak-ng exited with status 3: Error: voice data is damaged$/);
  });

  it('rejects output that is not a WAV', async () => {
    const chatty = await createEspeakSpeaker({ binary: fakeEspeak(dir, 'chatty', 'echo "usage: espeak-ng [options]"') });
    await expect(chatty.speak(as('fr'), 'bonjour')).rejects.toThrow('did not return WAV audio');
  });

  it('speaks nothing when espeak-ng is not installed', async () => {
    const silent = await createEspeakSpeaker({ binary: null });
    expect(silent.speaks(as('fr'))).toBe(false);
    await expect(silent.speak(as('fr'), 'bonjour')).rejects.toThrow('espeak-ng is not installed');
  });

  it('finds espeak-ng on PATH only', () => {
    const bin = mkdtempSync(join(dir, 'bin-'));
    writeFileSync(join(bin, 'espeak-ng'), '');
    expect(findEspeak({ PATH: bin })).toBe(join(bin, 'espeak-ng'));
    expect(findEspeak({ PATH: join(dir, 'nowhere') })).toBeNull();
  });
});
