import { Fields } from '../sync/wire.js';
import { queryString, type BaseApiClient, type CallOptions } from './apiClient.js';
import { parseInbox, type Inbox } from './apiContracts.js';

/**
 * A team (docs/api.md, "Teams"): a name unique in the workspace regardless of case, its members and the inboxes it
 * owns. Operators see the conversations of their teams' inboxes and of inboxes with no team; admins see all.
 */
export interface Team {
  readonly id: number;
  readonly name: string;
  readonly memberIds: readonly number[];
  readonly inboxIds: readonly number[];
  /** Entity version: a `team.updated` with a lower one than held is stale. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const minDate = '0001-01-01T00:00:00+00:00';

export function parseTeam(value: unknown, path = 'team'): Team {
  const f = Fields.of(value, path);
  return Object.freeze({
    id: f.int('id'), name: f.string('name'),
    memberIds: Object.freeze(f.ids('memberIds')), inboxIds: Object.freeze(f.ids('inboxIds')),
    version: f.int('version'), createdAt: f.date('createdAt', minDate), updatedAt: f.date('updatedAt', minDate),
  });
}

/**
 * Teams: everyone on the team lists them, admins change them. Every change is a `team.updated` / `team.deleted` event;
 * an operator's streams end with a `reset` at it (their scope may have changed), which the live store answers by
 * reloading its snapshot, so their lists converge by themselves. `LiveStore.teamsRevision` grows with each team event.
 */
export class TeamsApi {
  constructor(private readonly api: BaseApiClient) {}

  async list(options?: CallOptions): Promise<readonly Team[]> {
    return Object.freeze(Fields.of(await this.api.sendJson('GET', '/api/v1/teams', undefined, options), 'page').array('items', parseTeam));
  }

  /** Admins only. 409 `team_name_taken`; 400 `name_invalid`, `member_ids_invalid`. */
  async create(team: { name: string; memberIds?: readonly number[] }, mutationId?: string, options?: CallOptions): Promise<{ readonly data: Team; readonly seq: number }> {
    return parseTeamWrite(await this.api.sendJson('POST', '/api/v1/teams', { ...team, ...(mutationId === undefined ? {} : { mutationId }) }, options));
  }

  /** Admins only: rename and/or set the members (the whole list). */
  async update(id: number, change: { name?: string; memberIds?: readonly number[] }, mutationId?: string, options?: CallOptions): Promise<{ readonly data: Team; readonly seq: number }> {
    return parseTeamWrite(await this.api.sendJson('PATCH', `/api/v1/teams/${id}`, { ...change, ...(mutationId === undefined ? {} : { mutationId }) }, options));
  }

  /** Admins only: its inboxes are left without a team (every operator sees them again). */
  async delete(id: number, mutationId?: string, options?: CallOptions): Promise<{ readonly seq: number; readonly inboxesCleared: number }> {
    const f = Fields.of(await this.api.sendJson('DELETE', `/api/v1/teams/${id}${queryString({ mutationId })}`, undefined, options), 'answer');
    return Object.freeze({ seq: f.int('seq'), inboxesCleared: f.int('inboxesCleared') });
  }

  /** Admins only: puts an inbox in a team, or in none (`null`). */
  async setInboxTeam(inboxId: number, teamId: number | null, mutationId?: string, options?: CallOptions): Promise<{ readonly data: Inbox; readonly seq: number }> {
    const f = Fields.of(await this.api.sendJson('PUT', `/api/v1/inboxes/${inboxId}/team`, { teamId, ...(mutationId === undefined ? {} : { mutationId }) }, options), 'answer');
    return Object.freeze({ data: parseInbox(f.raw('data'), 'answer.data'), seq: f.int('seq') });
  }
}

function parseTeamWrite(value: unknown): { readonly data: Team; readonly seq: number } {
  const f = Fields.of(value, 'answer');
  return Object.freeze({ data: parseTeam(f.raw('data'), 'answer.data'), seq: f.int('seq') });
}
