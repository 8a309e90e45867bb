/**
 * A bounded cache for the pure cell parsers. A 50,000-row list writes the same few unit lists and
 * deadlines on row after row; each distinct text is parsed once. Emptied when full, so a sheet of
 * all-different texts costs at most `limit` entries.
 */
export function memoize<V>(compute: (key: string) => V, limit = 4096): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value;
  };
}
