/**
 * Runs the stand-in Soliguide API from the command line (development and manual tests):
 *
 *     npx tsx tests/stand-in/stand-in-cli.ts --port 4010 [--places 500] [--seed 1] [--token t]
 *         [--departments 67,68] [--now 2026-11-24T09:30:00Z] [--from places.json] [--fault "status=500@page=3"]
 *
 * Places come from `--from` (a JSON array of stored places, or of search items — then missing
 * `status`, `visibility`, `placeType` mean ONLINE, ALL, LIEU) or else from the place generator.
 * Prints one line once listening; stops on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { FaultSyntaxError, parseFaultSpec } from './faults';
import { startStandIn, type StandInFaults, type StoredPlace, type StoredTranslation } from './stand-in-server';
import { onStopSignal } from '../../host/stop-signals';

class UsageError extends Error {}

const USAGE =
  'usage: stand-in-cli --port <p> [--places <n>] [--seed <s>] [--token <t>] [--departments 67,68] [--now <ISO date>] [--from <file.json>] [--fault <spec>]';

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`--${name} is "${text}"; expected a non-negative integer`);
  return value;
}

/** Just enough to key places; the rest is served as found. */
const fromFileSchema = z.array(z.looseObject({ _id: z.string(), lieu_id: z.number().int() }));

function placesFromFile(file: string): StoredPlace[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--from ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = fromFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--from ${file}: at [${issue?.path.join('].') ?? ''}]: ${issue?.message ?? 'invalid'}; expected an array of places with "_id" (string) and "lieu_id" (integer)`);
  }
  // Search items carry no placeType and only ONLINE/ALL places ever appear in search (API.md §1.7).
  return parsed.data.map((place) => ({ status: 'ONLINE', visibility: 'ALL', placeType: 'LIEU', ...place }));
}

async function generated(count: number, seed: number, departments: string[], now: Date): Promise<{ places: StoredPlace[]; translations: StoredTranslation[] }> {
  // Loaded only when used, so that `--from` works whatever state the generator is in.
  const { generateDirectory } = await import('../../sync/generator/generate-directory');
  return generateDirectory({ count, seed, departments, now });
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      places: { type: 'string' },
      seed: { type: 'string' },
      token: { type: 'string' },
      departments: { type: 'string' },
      now: { type: 'string' },
      from: { type: 'string' },
      fault: { type: 'string' },
    },
    strict: true,
  });
  if (values.port === undefined) throw new UsageError('--port is missing (0 picks a free port)');
  const port = integer('port', values.port, 0);
  const token = values.token ?? 'stand-in-token';
  const departments = (values.departments ?? '67').split(',').map((code) => code.trim()).filter((code) => code !== '');
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now is "${values.now ?? ''}"; expected an ISO date such as 2026-11-24T09:30:00Z`);
  let faults: StandInFaults = {};
  if (values.fault !== undefined) {
    try {
      faults = parseFaultSpec(values.fault);
    } catch (error) {
      if (error instanceof FaultSyntaxError) throw new UsageError(`--fault: ${error.message}`);
      throw error;
    }
  }

  const directory =
    values.from !== undefined
      ? { places: placesFromFile(values.from), translations: [] }
      : await generated(integer('places', values.places, 500), integer('seed', values.seed, 1), departments, now);
  const standIn = await startStandIn({ port, places: directory.places, translations: directory.translations, accounts: [{ token, departments }], faults });
  // Ready means warm: search items are serialised before the first client comes (benches time the client).
  standIn.warm();
  console.log(`Stand-in Soliguide API on ${standIn.url} (token ${token}, departments ${departments.join(',')}, ${directory.places.length} places)`);

  const stop = (): void => {
    void standIn.close().then(() => process.exit(0));
  };
  onStopSignal(stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`stand-in: ${error.message}\n${USAGE}`);
  } else {
    console.error('stand-in:', error);
  }
  process.exit(2);
});
