import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runTs, startUntil, stop, TSX } from '../support/processes';
import { ALL_CATEGORIES } from './stand-in-test-support';

const CLI = fileURLToPath(new URL('./stand-in-cli.ts', import.meta.url));
const SEARCH_ITEMS = fileURLToPath(new URL('../../../shared/soliguide/fixtures/places.json', import.meta.url));

describe('the stand-in command line', () => {
  it('serves places given in the search-item shape, as ONLINE/ALL/LIEU, with the given token and fault', async () => {
    const { child, match, done } = await startUntil(
      TSX,
      [CLI, '--port', '0', '--from', SEARCH_ITEMS, '--token', 'cli-token', '--departments', '75', '--fault', 'status=503@page=2'],
      /Stand-in Soliguide API on (http:\/\/127\.0\.0\.1:\d+) \(token cli-token/,
    );
    try {
      const url = match[1] ?? '';
      const call = (page: number): Promise<Response> =>
        fetch(`${url}/new-search`, {
          method: 'POST',
          headers: { Authorization: 'JWT cli-token', 'Content-Type': 'application/json' },
          body: JSON.stringify({ location: { geoType: 'inconnu' }, categories: ALL_CATEGORIES, options: { page, limit: 20, sortBy: 'lieu_id', sortValue: 1 } }),
        });
      const first = (await (await call(1)).json()) as { nbResults: number; places: { lieu_id: number }[] };
      // The 28 search items minus itinerary 29 (Gironde); itinerary 39 now counts as a LIEU.
      expect(first.nbResults).toBe(27);
      expect((await call(2)).status).toBe(503);
    } finally {
      stop(child);
      await done;
    }
  });

  it('explains a missing --port or a wrong --fault and exits with 2', async () => {
    const missing = await runTs(CLI, ['--from', SEARCH_ITEMS]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('--port is missing') as unknown]);
    const fault = await runTs(CLI, ['--port', '0', '--from', SEARCH_ITEMS, '--fault', 'explode']);
    expect([fault.code, fault.stderr]).toEqual([2, expect.stringContaining('--fault: fault "explode"') as unknown]);
  });
});
