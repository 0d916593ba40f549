/**
 * Joins pieces into one flat string. V8 keeps `a + b` and template literals longer than 12
 * characters as ropes (one heap object per piece, all kept alive by the result); a generated
 * place holds ~60 built strings, which as ropes cost ~2 KB per place, 200 MB at 100 000 places.
 */
/**
 * Memoises a string function. Generated names and descriptions repeat a lot (a few thousand
 * distinct ones per run), so their slugs are computed once; the cache stops growing at `limit`.
 */
export function memoized(compute: (input: string) => string, limit = 20_000): (input: string) => string {
  const cache = new Map<string, string>();
  return (input) => {
    let output = cache.get(input);
    if (output === undefined) {
      output = compute(input);
      if (cache.size < limit) cache.set(input, output);
    }
    return output;
  };
}

export function text(...parts: readonly (string | number)[]): string {
  return parts.join('');
}
