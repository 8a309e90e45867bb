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

/**
 * One shared copy per distinct short text (labels, units, 70万人): a long list repeats the same
 * few on row after row, and 100,000 targets then hold a few hundred strings instead of 300,000.
 */
export function interner(limit = 4096): (text: string) => string {
  const texts = new Map<string, string>();
  return (text) => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    if (texts.size >= limit) texts.clear();
    texts.set(text, text);
    return text;
  };
}
