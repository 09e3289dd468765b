// JSON comparison for the vector runner, with the semantics of System.Text.Json's JsonNode.DeepEquals.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a value looks like on the wire (undefined properties vanish, as in a serializer's output). */
export function toJson(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/**
 * The properties of `expected` that differ in `actual` (a missing property counts as null); others are not
 * compared. Nested values are compared whole.
 */
export function subsetMismatches(expected: Record<string, unknown>, actual: Json): string[] {
  const got = isObject(actual) ? actual : {};
  return Object.entries(expected)
    .filter(([key, value]) => !deepEqual(value, got[key] ?? null))
    .map(([key, value]) => `.${key} is ${JSON.stringify(got[key] ?? null)}, expected ${JSON.stringify(value)}`);
}
