/**
 * Who is calling, as the API's global middlewares decide it (API.md §1.2, in their order:
 * `getCurrentUser` → `handleRequest` → `handleApiRight`).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { StandInAccount } from './stand-in-server';

export type Caller =
  | { kind: 'api-user'; account: StandInAccount }
  /** No token but a Soliguide site as origin: the website's behaviour, which the stand-in does not serve. */
  | { kind: 'website' };

export type AuthResult = { ok: true; caller: Caller } | { ok: false; status: 401 | 403; message: string };

/** `canUserHaveAccessRights`: a prefix match on the URL, so `/placeholder` passes and then 404s (§1.1). */
const API_USER_PREFIXES = ['/new-search', '/place', '/v2/categories'];

/** Soliguide's own front ends (France, Spain, Catalonia, Andorra) and their sub-domains (§1.2, `handleOrigin`). */
const SOLIGUIDE_HOST = /(^|\.)(soliguide\.fr|soliguia\.(es|cat|ad))$/i;
const SOLIGUIDE_USER_AGENTS = ['Soliguide Webview App', 'Soliguide WebApp'];

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function fromSoliguideSite(headers: IncomingHttpHeaders): boolean {
  const host = hostOf(headers.origin) ?? hostOf(headers.referer);
  if (host && SOLIGUIDE_HOST.test(host)) return true;
  const agent = headers['user-agent'] ?? '';
  return SOLIGUIDE_USER_AGENTS.some((prefix) => agent.startsWith(prefix));
}

export function authenticate(headers: IncomingHttpHeaders, accounts: readonly StandInAccount[], path: string): AuthResult {
  const authorization = headers.authorization;
  if (authorization) {
    // The API takes `authorization.slice(4)` without looking at the scheme (§1.2, §6.1): `JWT x`
    // works, `Bearer x` leaves `er x`, an unverifiable token.
    const token = authorization.slice(4);
    const account = accounts.find((candidate) => candidate.token === token);
    if (!account) return { ok: false, status: 401, message: 'INVALID_TOKEN' };
    if (account.verified === false) return { ok: false, status: 401, message: 'USER_NOT_VERIFIED' };
    if (account.blocked) return { ok: false, status: 403, message: 'FORBIDDEN_ACCESS' };
    if (!API_USER_PREFIXES.some((prefix) => path.startsWith(prefix))) return { ok: false, status: 403, message: 'FORBIDDEN_ACCESS' };
    return { ok: true, caller: { kind: 'api-user', account } };
  }
  if (!fromSoliguideSite(headers)) return { ok: false, status: 403, message: 'FORBIDDEN_API_USER' };
  return { ok: true, caller: { kind: 'website' } };
}

/** The account's GET /place and postal-code scope: `territories`, defaulting to the search departments. */
export function territoriesOf(account: StandInAccount): string[] {
  return account.territories ?? account.departments;
}
