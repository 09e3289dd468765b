import { CannedReplySet } from '../cannedReplies/cannedReplySet.js';
import { parseCannedReply, type CannedReply } from '../cannedReplies/cannedReply.js';
import { parseDeletedLabelId, parseLabel, type Label } from '../sync/labelModels.js';
import { parseSnapshot, type Snapshot } from '../sync/models.js';
import { Fields, isJsonObject, WireFormatError } from '../sync/wire.js';

/** A member's snapshot (`GET /sync/snapshot`): the store's, plus the team's labels and canned replies. */
export function parseTeamSnapshot(value: unknown, path = 'snapshot'): Snapshot {
  const f = Fields.of(value, path);
  return Object.freeze({
    ...parseSnapshot(value, path),
    labels: Object.freeze(f.array('labels', parseLabel)),
    cannedReplies: Object.freeze(f.array('cannedReplies', parseCannedReply)),
  });
}

/**
 * The live store's team-only state: the workspace's labels, the caller's canned replies and the count of team changes,
 * kept by the snapshot and the events `label.*`, `canned_reply.*`, `team.*`. Apart from the core so the widget, which
 * never shows them, does not carry them: the team's `ApiClient` brings them to the `LiveStore` (`teamParts()`), and a
 * `LiveStoreCore` takes them as its `team` option.
 */
export class TeamParts {
  // Deleted ids are remembered so a merged (not replacing) older snapshot cannot bring one back.
  readonly #labels = new Map<number, Label>();
  readonly #deletedLabels = new Set<number>();
  readonly #cannedReplies = new CannedReplySet();
  #teamsRevision = 0;

  /** The workspace's labels, by name. */
  get labels(): Label[] { return [...this.#labels.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id); }

  /** The canned replies the caller may use (the workspace's and their own), by short code. */
  get cannedReplies(): readonly CannedReply[] { return this.#cannedReplies.all; }

  /** Grows with every `team.updated` / `team.deleted`: a screen listing teams reloads on it. */
  get teamsRevision(): number { return this.#teamsRevision; }

  /** Loads a snapshot's labels and canned replies: replacing (`replace`, after a reset) or merging by version. */
  loadSnapshot(snapshot: Snapshot, replace: boolean): void {
    if (replace) {
      this.#labels.clear();
      this.#deletedLabels.clear();
    }
    for (const l of snapshot.labels ?? []) this.#upsertLabel(l);
    this.#cannedReplies.load(snapshot.cannedReplies ?? [], replace);
  }

  /** Applies a team event's data; false for any other type. Throws WireFormatError on bad data (the event is skipped). */
  apply(type: string, data: unknown): boolean {
    if (this.#cannedReplies.apply(type, data)) return true;
    // Teams are not kept here (admin screens list them): their changes are counted, for those screens to reload.
    if (type === 'team.updated' || type === 'team.deleted') this.#teamsRevision++;
    else if (type !== 'label.updated' && type !== 'label.deleted') return false;
    else if (!isJsonObject(data)) return true; // carries nothing
    else if (type === 'label.updated') this.#upsertLabel(withId(parseLabel(data, 'event.data')));
    else {
      const id = withId({ id: parseDeletedLabelId(data) }).id;
      this.#labels.delete(id);
      this.#deletedLabels.add(id);
    }
    return true;
  }

  #upsertLabel(l: Label): void {
    const known = this.#labels.get(l.id);
    if (!this.#deletedLabels.has(l.id) && (known === undefined || known.version < l.version)) this.#labels.set(l.id, l);
  }
}

function withId<T extends { readonly id: number }>(entity: T): T {
  if (entity.id <= 0) throw new WireFormatError('event.data.id', 'a positive integer');
  return entity;
}
