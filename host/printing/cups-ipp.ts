/**
 * A few IPP operations against the local CUPS scheduler (RFC 8011, plus CUPS's own
 * CUPS-Get-Default and CUPS-Get-Printers): the printers, a printer's state and reasons, a job's state, cancelling and purging a
 * job. Encoding is ipp-encoder's; the transport is plain HTTP to the scheduler's local socket (or
 * `CUPS_SERVER`, as for `lp`). Locale-proof, unlike parsing `lpstat`.
 */
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { userInfo } from 'node:os';
import ipp, { type IppAttribute, type IppResponse } from 'ipp-encoder';

const C = ipp.CONSTANTS as Record<string, number>;
const OPERATION = C.OPERATION_ATTRIBUTES_TAG as number;
const CUPS_GET_DEFAULT = 0x4001;
const CUPS_GET_PRINTERS = 0x4002;
const NOT_FOUND = 0x0406;

/** Where the scheduler listens: `CUPS_SERVER` (host[:port] or a socket path), else its socket, else localhost:631. */
export interface CupsAddress {
  socketPath?: string;
  host?: string;
  port?: number;
}

export function cupsAddress(env: NodeJS.ProcessEnv = process.env): CupsAddress {
  const server = env.CUPS_SERVER?.trim();
  if (server?.startsWith('/')) return { socketPath: server };
  if (server) {
    const [host, port] = server.split(':');
    return { host, port: port ? Number(port) : 631 };
  }
  for (const socketPath of ['/run/cups/cups.sock', '/var/run/cups/cups.sock']) if (existsSync(socketPath)) return { socketPath };
  return { host: 'localhost', port: 631 };
}

export class CupsUnreachableError extends Error {
  override readonly name = 'CupsUnreachableError';
}

export type IppValues = Map<string, unknown[]>;

export interface IppAnswer {
  status: number;
  /** The first value of each attribute name over all groups (one-object answers). */
  attributes: IppValues;
  /** Each object group on its own (CUPS-Get-Printers answers one per printer). */
  objects: IppValues[];
}

let requestIds = 0;

export class CupsIpp {
  constructor(
    private readonly address: CupsAddress = cupsAddress(),
    private readonly timeoutMs = 3_000,
  ) {}

  private send(path: string, operation: number, attributes: IppAttribute[]): Promise<IppAnswer> {
    const body = ipp.request.encode({
      version: { major: 2, minor: 0 },
      operationId: operation,
      requestId: (requestIds = (requestIds % 0x7fffffff) + 1),
      groups: [
        {
          tag: OPERATION,
          attributes: [
            { tag: C.CHARSET as number, name: 'attributes-charset', value: ['utf-8'] },
            { tag: C.NATURAL_LANG as number, name: 'attributes-natural-language', value: ['en'] },
            ...attributes,
          ],
        },
      ],
    });
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        {
          ...this.address,
          path,
          method: 'POST',
          headers: { 'Content-Type': 'application/ipp', Host: 'localhost', 'Content-Length': body.length },
          timeout: this.timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            if (response.statusCode !== 200) {
              reject(new CupsUnreachableError(`CUPS answered HTTP ${response.statusCode} to ${path}`));
              return;
            }
            try {
              const decoded: IppResponse = ipp.response.decode(Buffer.concat(chunks));
              const values: IppValues = new Map();
              const objects: IppValues[] = [];
              for (const group of decoded.groups) {
                if (group.tag === OPERATION) continue;
                objects.push(new Map(group.attributes.map((attribute) => [attribute.name, attribute.value])));
                for (const attribute of group.attributes) if (!values.has(attribute.name)) values.set(attribute.name, attribute.value);
              }
              resolve({ status: decoded.statusCode, attributes: values, objects });
            } catch (error) {
              reject(new CupsUnreachableError(`CUPS sent an IPP answer that cannot be read: ${String(error)}`));
            }
          });
        },
      );
      request.on('timeout', () => request.destroy(new CupsUnreachableError(`CUPS did not answer within ${this.timeoutMs} ms`)));
      request.on('error', (error) =>
        reject(error instanceof CupsUnreachableError ? error : new CupsUnreachableError(`CUPS cannot be reached: ${error.message}`)),
      );
      request.end(body);
    });
  }

  private static printerUri(name: string): IppAttribute {
    return { tag: C.URI as number, name: 'printer-uri', value: [`ipp://localhost/printers/${encodeURIComponent(name)}`] };
  }

  private static jobUri(id: number): IppAttribute {
    return { tag: C.URI as number, name: 'job-uri', value: [`ipp://localhost/jobs/${id}`] };
  }

  private static requested(names: string[]): IppAttribute {
    return { tag: C.KEYWORD as number, name: 'requested-attributes', value: names };
  }

  private static user(): IppAttribute {
    return { tag: C.NAME_WITHOUT_LANG as number, name: 'requesting-user-name', value: [userInfo().username] };
  }

  /** The system's default destination, or null when none is set. */
  async defaultPrinter(): Promise<string | null> {
    const answer = await this.send('/', CUPS_GET_DEFAULT, [CupsIpp.requested(['printer-name'])]);
    if (answer.status === NOT_FOUND) return null;
    return (answer.attributes.get('printer-name')?.[0] as string | undefined) ?? null;
  }

  /** Every queue CUPS has: name and description (printer-info). */
  async printers(): Promise<{ name: string; info: string | null }[]> {
    const answer = await this.send('/', CUPS_GET_PRINTERS, [CupsIpp.requested(['printer-name', 'printer-info'])]);
    if (answer.status === NOT_FOUND) return [];
    return answer.objects.flatMap((printer) => {
      const name = printer.get('printer-name')?.[0];
      const info = printer.get('printer-info')?.[0];
      return typeof name === 'string' ? [{ name, info: typeof info === 'string' && info !== '' ? info : null }] : [];
    });
  }

  /** null when CUPS has no such printer. */
  async printer(name: string): Promise<IppValues | null> {
    const answer = await this.send(`/printers/${encodeURIComponent(name)}`, C.GET_PRINTER_ATTRIBUTES as number, [
      CupsIpp.printerUri(name),
      CupsIpp.requested(['printer-state', 'printer-state-reasons', 'printer-is-accepting-jobs', 'printer-state-message']),
    ]);
    return answer.status === NOT_FOUND ? null : answer.attributes;
  }

  /** IPP job-state (3 pending … 9 completed), or null when CUPS no longer knows the job. */
  async jobState(id: number): Promise<number | null> {
    const answer = await this.send('/jobs', C.GET_JOB_ATTRIBUTES as number, [CupsIpp.jobUri(id), CupsIpp.user(), CupsIpp.requested(['job-state'])]);
    if (answer.status === NOT_FOUND) return null;
    return (answer.attributes.get('job-state')?.[0] as number | undefined) ?? null;
  }

  /**
   * Cancels a job that has not finished and, with `purge`, deletes its files and its history
   * (CUPS's purge-job), finished or not: what a person printed does not stay in the spool.
   */
  async cancel(id: number, purge: boolean): Promise<void> {
    await this.send('/jobs', C.CANCEL_JOB as number, [
      CupsIpp.jobUri(id),
      CupsIpp.user(),
      ...(purge ? [{ tag: C.BOOLEAN as number, name: 'purge-job', value: [true] }] : []),
    ]);
  }
}
