import { Fields, WireFormatError } from '../sync/wire.js';

// The widget's public configuration and an inbox's widget settings (docs/api.md, issue 19), each with its parse
// function: a complete frozen object or a WireFormatError naming the field.

/** Whether the pre-chat form asks for a field. */
export type PreChatMode = 'off' | 'optional' | 'required';
/** `online`: in business hours with someone online; `away`: in hours, no one online; `closed`: outside hours. */
export type AvailabilityState = 'online' | 'away' | 'closed';

export interface PreChat {
  readonly name: PreChatMode;
  readonly email: PreChatMode;
}

export interface Availability {
  readonly state: AvailabilityState;
  /** When the team is next in business hours (ISO 8601), or null when unknown or open now. */
  readonly nextOpenAt: string | null;
  readonly timeZone: string | null;
  /** The bot keeps answering now. */
  readonly botAnswers: boolean;
}

/** The widget's look and behaviour, shared by its public config and the admin's settings. */
export interface WidgetLook {
  readonly teamName: string;
  readonly avatarUrl: string | null;
  readonly color: string;
  readonly position: 'left' | 'right';
  readonly launcherText: string;
  readonly greeting: string;
  /** The inbox's language override (`en de fr es pt ar`), or null: the page and browser choose. */
  readonly language: string | null;
  readonly preChat: PreChat;
  readonly identityVerification: string;
}

/** What a widget shows, for anyone (`GET /widget/config?inboxToken=`). */
export interface WidgetPublicConfig extends WidgetLook {
  readonly inboxId: number;
  readonly availability: Availability;
  /** The largest file the server takes (bytes), so the widget refuses a larger one early; 25 MB when the server does not say. */
  readonly attachmentMaxBytes: number;
}

/** A verified identity: `hash` is the hex HMAC-SHA256 of `userId` with the inbox's identity secret. */
export interface WidgetIdentity {
  readonly userId: string;
  readonly hash: string;
  readonly name?: string;
  readonly email?: string;
}

/** Custom attributes of the visitor's contact: string, number or boolean values. */
export type WidgetAttributes = Readonly<Record<string, string | number | boolean>>;

export interface WeeklyHours {
  /** 0 = Sunday … 6 = Saturday. */
  readonly day: number;
  /** `HH:mm`. */
  readonly open: string;
  readonly close: string;
}

export interface BusinessHours {
  readonly enabled: boolean;
  /** null: the workspace's time zone. */
  readonly timeZone: string | null;
  readonly weekly: readonly WeeklyHours[];
  /** `yyyy-MM-dd` dates. */
  readonly holidays: readonly string[];
}

/** An inbox's widget settings (`GET`/`PUT /inboxes/{id}/widget`, admins). */
export interface WidgetSettings extends WidgetLook {
  readonly allowedOrigins: readonly string[];
  readonly businessHours: BusinessHours;
  readonly botOutsideHours: boolean;
}

// The server sends null for a text the team left empty (the widget's own text, in the visitor's language): ''.
const text = (f: Fields, name: string): string => f.nullableString(name) ?? '';

function oneOf<T extends string>(f: Fields, path: string, name: string, allowed: readonly T[], fallback: T): T {
  const v = f.nullableString(name) ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new WireFormatError(`${path}.${name}`, allowed.join(' | '));
  return v as T;
}

const modes = ['off', 'optional', 'required'] as const;
const positions = ['right', 'left'] as const;

function parsePreChat(value: unknown, path: string): PreChat {
  const f = Fields.of(value, path);
  return Object.freeze({ name: oneOf(f, path, 'name', modes, 'off'), email: oneOf(f, path, 'email', modes, 'off') });
}

function parseAvailability(value: unknown, path: string): Availability {
  const f = Fields.of(value, path);
  return Object.freeze({
    state: oneOf(f, path, 'state', ['online', 'away', 'closed'] as const, 'online'), nextOpenAt: f.nullableDate('nextOpenAt'),
    timeZone: f.nullableString('timeZone'), botAnswers: f.bool('botAnswers'),
  });
}

const noPreChat: PreChat = Object.freeze({ name: 'off', email: 'off' });

export function parseWidgetPublicConfig(value: unknown, path = 'config'): WidgetPublicConfig {
  const f = Fields.of(value, path);
  return Object.freeze({
    inboxId: f.int('inboxId'), teamName: text(f, 'teamName'), avatarUrl: f.nullableString('avatarUrl'), color: text(f, 'color'),
    position: oneOf(f, path, 'position', positions, 'right'), launcherText: text(f, 'launcherText'), greeting: text(f, 'greeting'),
    language: f.nullableString('language'), preChat: f.nullableObject('preChat', parsePreChat) ?? noPreChat,
    identityVerification: oneOf(f, path, 'identityVerification', modes, 'off'),
    availability: f.nullableObject('availability', parseAvailability)
      ?? Object.freeze({ state: 'online', nextOpenAt: null, timeZone: null, botAnswers: false }),
    attachmentMaxBytes: f.int('attachmentMaxBytes', 26_214_400),
  });
}

function parseWeekly(value: unknown, path: string): WeeklyHours {
  const f = Fields.of(value, path);
  return Object.freeze({ day: f.int('day'), open: text(f, 'open'), close: text(f, 'close') });
}

function parseBusinessHours(value: unknown, path: string): BusinessHours {
  const f = Fields.of(value, path);
  return Object.freeze({
    enabled: f.bool('enabled'), timeZone: f.nullableString('timeZone'), weekly: Object.freeze(f.array('weekly', parseWeekly)),
    holidays: Object.freeze(f.strings('holidays', true)),
  });
}

export function parseWidgetSettings(value: unknown, path = 'settings'): WidgetSettings {
  const f = Fields.of(value, path);
  return Object.freeze({
    allowedOrigins: Object.freeze(f.strings('allowedOrigins', true)), teamName: text(f, 'teamName'), avatarUrl: f.nullableString('avatarUrl'),
    color: text(f, 'color'), position: oneOf(f, path, 'position', positions, 'right'), launcherText: text(f, 'launcherText'),
    greeting: text(f, 'greeting'), language: f.nullableString('language'), preChat: f.nullableObject('preChat', parsePreChat) ?? noPreChat,
    identityVerification: oneOf(f, path, 'identityVerification', modes, 'off'),
    businessHours: f.nullableObject('businessHours', parseBusinessHours)
      ?? Object.freeze({ enabled: false, timeZone: null, weekly: Object.freeze([]), holidays: Object.freeze([]) }),
    botOutsideHours: f.bool('botOutsideHours'),
  });
}

export function parseIdentitySecret(value: unknown): { readonly secret: string } {
  const secret = Fields.of(value, 'answer').string('secret');
  if (secret === '') throw new WireFormatError('answer.secret', 'a non-empty string');
  return Object.freeze({ secret });
}
