/**
 * `npm run staff-pin -- <PIN>` prints the line to put in the kiosk's config as `staff.pinHash`.
 * The PIN may also come on standard input (`echo 482913 | npm run staff-pin`), to keep it out of
 * the shell's history.
 */
import { readFileSync } from 'node:fs';
import { hashPin, PIN_PATTERN } from './staff-auth';

async function main(argv: string[]): Promise<number> {
  const pin = (argv[0] ?? readFileSync(0, 'utf8')).trim();
  if (!PIN_PATTERN.test(pin)) {
    console.error('A staff PIN is 4 to 12 digits. Usage: npm run staff-pin -- <PIN>   (or the PIN on standard input)');
    return 2;
  }
  const hash = await hashPin(pin);
  console.log(`"staff": { "pinHash": "${hash}" }`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
