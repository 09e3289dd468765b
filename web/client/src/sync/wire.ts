/**
 * Reading untrusted JSON at the wire boundary. Every reader either returns a value of the declared type
 * or throws {@link WireFormatError}; nothing half-typed gets into the store.
 */

/** A JSON value that is not what the protocol says. The message names the field, never its value. */
export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';

  constructor(
    /** Where in the document, such as `event.data.message.ordinal`. */
    readonly path: string,
    /** What was expected there. */
    readonly expected: string,
  ) {
    super(`${path}: expected ${expected}`);
  }
}

/** A parsed JSON object. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ISO 8601 as System.Text.Json writes and reads DateTimeOffset: a date, optionally a time and an offset.
const isoDate = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Typed access to the fields of one JSON object. As in the .NET SDK, a missing field takes its default
 * and unknown fields are ignored; a field of the wrong type (or null where null is not allowed) throws.
 */
export class Fields {
  private constructor(
    private readonly obj: JsonObject,
    private readonly path: string,
  ) {}

  static of(value: unknown, path: string): Fields {
    if (!isJsonObject(value)) throw new WireFormatError(path, 'an object');
    return new Fields(value, path);
  }

  /** The raw value, or undefined when the field is missing. */
  raw(name: string): unknown {
    return Object.hasOwn(this.obj, name) ? this.obj[name] : undefined;
  }

  has(name: string): boolean {
    return Object.hasOwn(this.obj, name);
  }

  int(name: string, fallback = 0): number {
    return this.intOrNull(name, fallback, false) ?? fallback;
  }

  nullableInt(name: string): number | null {
    return this.intOrNull(name, null, true);
  }

  string(name: string, fallback = ''): string {
    return this.stringOrNull(name, fallback, false) ?? fallback;
  }

  nullableString(name: string): string | null {
    return this.stringOrNull(name, null, true);
  }

  bool(name: string, fallback = false): boolean {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') throw this.error(name, 'a boolean');
    return v;
  }

  /** A finite number or null (missing gives null). */
  nullableNumber(name: string): number | null {
    const v = this.raw(name);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw this.error(name, 'a number or null');
    return v;
  }

  /** An array of strings (missing, or null where `allowNull`, gives an empty array). */
  strings(name: string, allowNull = false): string[] {
    const v = this.raw(name);
    if (v === undefined || (v === null && allowNull)) return [];
    if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) throw this.error(name, 'an array of strings');
    return v;
  }

  /** An array of positive integer ids (missing or null gives an empty array). */
  ids(name: string): number[] {
    const v = this.raw(name);
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x): x is number => Number.isSafeInteger(x) && (x as number) > 0)) throw this.error(name, 'an array of positive integers');
    return v;
  }

  /** An ISO 8601 date-time string (kept as text, as the server sent it). */
  date(name: string, fallback: string): string {
    return this.nullableDate(name, false) ?? fallback;
  }

  nullableDate(name: string, allowNull = true): string | null {
    const v = this.stringOrNull(name, null, allowNull);
    if (v !== null && (!isoDate.test(v) || Number.isNaN(Date.parse(v)))) throw this.error(name, 'an ISO 8601 date');
    return v;
  }

  /** A nested object (null or missing gives null), parsed by `parse`. */
  nullableObject<T>(name: string, parse: (value: unknown, path: string) => T): T | null {
    const v = this.raw(name);
    return v === undefined || v === null ? null : parse(v, `${this.path}.${name}`);
  }

  /** An array of objects (missing gives an empty array), each parsed by `parse`. */
  array<T>(name: string, parse: (value: unknown, path: string) => T): T[] {
    const v = this.raw(name);
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw this.error(name, 'an array');
    return v.map((item: unknown, i) => parse(item, `${this.path}.${name}[${i}]`));
  }

  private intOrNull(name: string, fallback: number | null, allowNull: boolean): number | null {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (v === null && allowNull) return null;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw this.error(name, allowNull ? 'an integer or null' : 'an integer');
    return v;
  }

  private stringOrNull(name: string, fallback: string | null, allowNull: boolean): string | null {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if (v === null && allowNull) return null;
    if (typeof v !== 'string') throw this.error(name, allowNull ? 'a string or null' : 'a string');
    return v;
  }

  private error(name: string, expected: string): WireFormatError {
    return new WireFormatError(`${this.path}.${name}`, expected);
  }
}
