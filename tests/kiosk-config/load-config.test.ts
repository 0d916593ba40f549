import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseJsonc } from 'jsonc-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG_FILE, KioskConfigError, loadKioskConfig } from '../../kiosk-config/load-config';
import { JSON_SCHEMA_FILE, kioskConfigJsonSchema } from '../../kiosk-config/write-json-schema';

const EXAMPLE = fileURLToPath(new URL('../../kiosk-config/examples/caf-strasbourg.jsonc', import.meta.url));
// `any`: the fixtures are JSON edited freely field by field.
type Json = Record<string, any>;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The commented example, with its token file pointed at a real temporary file. */
function exampleConfig(): Json {
  const config = parseJsonc(readFileSync(EXAMPLE, 'utf8')) as Json;
  writeFileSync(join(dir, 'token'), 'eyJ-test-token\n');
  config.soliguide.token = { file: 'token' };
  config.mirror.path = 'mirror.sqlite';
  return config;
}

function write(config: unknown, name = 'kiosk.json'): string {
  const file = join(dir, name);
  writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
  return file;
}

function problemsOf(file: string, env: NodeJS.ProcessEnv = {}): KioskConfigError {
  try {
    loadKioskConfig(file, env);
  } catch (error) {
    if (error instanceof KioskConfigError) return error;
    throw error;
  }
  throw new Error('expected a KioskConfigError');
}

describe('loading a kiosk configuration', () => {
  it('accepts the embedded demo configuration, with no token and the mirror path resolved', () => {
    const loaded = loadKioskConfig(DEMO_CONFIG_FILE, {});
    expect(loaded.config.demo).toBe(true);
    expect(loaded.secrets.soliguideToken).toBeNull();
    expect(loaded.mirrorPath).toBe(fileURLToPath(new URL('../../var/demo-mirror.sqlite', import.meta.url)));
    expect(loaded.config.idleTimeoutSeconds).toBe(90);
  });

  it('accepts the commented example once its token file exists, reading the token apart from the config', () => {
    const loaded = loadKioskConfig(write(exampleConfig()), {});
    expect(loaded.secrets.soliguideToken).toBe('eyJ-test-token');
    expect(JSON.stringify(loaded.config)).not.toContain('eyJ-test-token');
    expect(loaded.mirrorPath).toBe(join(dir, 'mirror.sqlite'));
    expect(loaded.config.territory.departments).toEqual(['67', '68']);
  });

  it('reads the token from an environment variable when told so', () => {
    const config = exampleConfig();
    config.soliguide.token = { env: 'SOLIGUIDE_TOKEN' };
    expect(loadKioskConfig(write(config), { SOLIGUIDE_TOKEN: ' abc ' }).secrets.soliguideToken).toBe('abc');
  });

  it('names the field, the value and the expected type for a wrong type', () => {
    const config = exampleConfig();
    config.location.latitude = '48.58';
    const error = problemsOf(write(config));
    expect(error.problems).toEqual([
      { field: 'location.latitude', value: '48.58', kind: 'wrong-type', expected: 'a number (WGS84 latitude of the kiosk, in degrees)' },
    ]);
    expect(error.message).toContain('location.latitude: got "48.58"; expected a number');
  });

  it('names an unknown key and lists the allowed ones', () => {
    const config = exampleConfig();
    config.location.lattitude = 48.58;
    const error = problemsOf(write(config));
    expect(error.problems.map((p) => [p.field, p.kind])).toEqual([['location.lattitude', 'unknown-field']]);
    expect(error.message).toContain('allowed: latitude, longitude, address, label');
  });

  it('names a missing required field and what it must hold', () => {
    const config = exampleConfig();
    delete config.kiosk.id;
    const error = problemsOf(write(config));
    expect(error.problems.map((p) => [p.field, p.kind])).toEqual([['kiosk.id', 'missing']]);
    expect(error.message).toContain('kiosk.id: missing; expected a text string (stable identifier');
  });

  it('says which token file is missing and how to fix it', () => {
    const config = exampleConfig();
    config.soliguide.token = { file: '/nonexistent/soliguide-token' };
    const error = problemsOf(write(config));
    expect(error.problems.map((p) => [p.field, p.kind])).toEqual([['soliguide.token.file', 'token']]);
    expect(error.message).toContain('/nonexistent/soliguide-token does not exist');
    expect(error.message).toContain('chmod 600');
  });

  it('refuses a token written inline, without repeating it in full', () => {
    const config = exampleConfig();
    config.soliguide.token = 'eyJhbGciOiJIUzI1NiJ9.eyJfaWQiOiI1ZjAwMDAwMDAwMDAwMDAwMDAwMDAwMDAifQ.signature-part';
    const error = problemsOf(write(config));
    expect(error.problems[0]?.field).toBe('soliguide.token');
    expect(error.message).toContain('never the token itself');
    expect(error.message).not.toContain('signature-part');
  });

  it('says which environment variable is unset', () => {
    const config = exampleConfig();
    config.soliguide.token = { env: 'SOLIGUIDE_TOKEN' };
    expect(problemsOf(write(config), {}).message).toContain('environment variable SOLIGUIDE_TOKEN is not set');
  });

  it('requires the Soliguide settings outside demo mode', () => {
    const config = exampleConfig();
    delete config.soliguide;
    expect(problemsOf(write(config)).problems.map((p) => [p.field, p.kind])).toEqual([['soliguide', 'missing']]);
  });

  it('checks that the default language is one of the enabled ones', () => {
    const config = exampleConfig();
    config.languages = { enabled: ['fr', 'ar'], default: 'en' };
    expect(problemsOf(write(config)).message).toContain('languages.default: got "en"; expected one of the enabled languages (fr, ar)');
  });

  it.each([
    ['20', false],
    ['2A', true],
    ['974', true],
    ['67', true],
    ['00', false],
    ['977', false],
  ])('department code %s is accepted: %s', (code, accepted) => {
    const config = exampleConfig();
    config.territory.departments = [code];
    const outcome = (() => {
      try {
        loadKioskConfig(write(config), {});
        return true;
      } catch {
        return false;
      }
    })();
    expect(outcome).toBe(accepted);
  });

  it('gives the line and column of a syntax error', () => {
    const error = problemsOf(write('{\n  "kiosk": { "id": "abc" \n  "name": "x" }\n}', 'broken.jsonc'));
    expect(error.problems[0]?.kind).toBe('syntax');
    expect(error.message).toMatch(/line 3, column 3: CommaExpected/);
  });

  it('says when the file itself does not exist', () => {
    expect(problemsOf(join(dir, 'nope.jsonc')).message).toContain('the file does not exist');
  });

  it('ships a JSON Schema for admins that matches the code (run npm run config:schema when this fails)', () => {
    expect(readFileSync(JSON_SCHEMA_FILE, 'utf8')).toBe(kioskConfigJsonSchema());
    const schema = JSON.parse(kioskConfigJsonSchema()) as Json;
    expect(schema.required).toEqual(expect.arrayContaining(['kiosk', 'location', 'territory']));
    expect(schema.additionalProperties).toBe(false);
  });
});
