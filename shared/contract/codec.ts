/**
 * The one JSON codec of the HTTP transport: Uint8Array survives as {"$bytes": base64}.
 */
const TAG = '$bytes';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Serialises a value, tagging byte arrays. */
export function encode(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? { [TAG]: toBase64(v) } : v));
}

/** Parses what `encode` wrote. */
export function decode<T = unknown>(text: string): T {
  return JSON.parse(text, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const rec = v as Record<string, unknown>;
      if (typeof rec[TAG] === 'string' && Object.keys(rec).length === 1) return fromBase64(rec[TAG]);
    }
    return v;
  }) as T;
}
