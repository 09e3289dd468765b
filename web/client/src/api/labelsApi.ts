import { parseLabel, type Label } from '../sync/labelModels.js';
import { Fields } from '../sync/wire.js';
import { queryString, type BaseApiClient, type CallOptions } from './apiClient.js';
import { parseConversationWriteResult, type ConversationWriteResult } from './apiContracts.js';

/** A change of a label: absent fields stay; an empty `description` clears it. */
export interface LabelChange {
  readonly name?: string;
  readonly colour?: string;
  readonly description?: string;
}

/** One label's conversations over a period (`GET /stats/labels`). */
export interface LabelStats {
  readonly labelId: number;
  readonly name: string;
  readonly colour: string;
  /** Created in the period (by the labels they carry now). */
  readonly opened: number;
  /** Resolved in the period (distinct conversations). */
  readonly resolved: number;
  /** Not resolved, now. */
  readonly openNow: number;
}

export interface LabelStatsReport {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly items: readonly LabelStats[];
}

/**
 * Labels (docs/api.md, "Labels"): the workspace's set (the team reads it, admins change it), a conversation's labels
 * (any team member) and the conversations per label. The live store keeps the set and each conversation's `labelIds`
 * live from the stream; these calls are the triggers.
 */
export class LabelsApi {
  constructor(private readonly api: BaseApiClient) {}

  async list(options?: CallOptions): Promise<readonly Label[]> {
    return Object.freeze(Fields.of(await this.api.sendJson('GET', '/api/v1/labels', undefined, options), 'page').array('items', parseLabel));
  }

  /** Admins only. 409 `label_name_taken` when another label has the name in any case. */
  async create(label: { name: string; colour: string; description?: string }, mutationId?: string, options?: CallOptions): Promise<{ readonly data: Label; readonly seq: number }> {
    return parseLabelWrite(await this.api.sendJson('POST', '/api/v1/labels', { ...label, ...(mutationId === undefined ? {} : { mutationId }) }, options));
  }

  /** Admins only: rename, recolour, describe. */
  async update(id: number, change: LabelChange, mutationId?: string, options?: CallOptions): Promise<{ readonly data: Label; readonly seq: number }> {
    return parseLabelWrite(await this.api.sendJson('PATCH', `/api/v1/labels/${id}`, { ...change, ...(mutationId === undefined ? {} : { mutationId }) }, options));
  }

  /** Admins only: deletes the label and takes it off every conversation. */
  async delete(id: number, mutationId?: string, options?: CallOptions): Promise<{ readonly seq: number; readonly conversationsChanged: number }> {
    const f = Fields.of(await this.api.sendJson('DELETE', `/api/v1/labels/${id}${queryString({ mutationId })}`, undefined, options), 'answer');
    return Object.freeze({ seq: f.int('seq'), conversationsChanged: f.int('conversationsChanged') });
  }

  /**
   * Adds and removes labels on a conversation in one change. Adding one it has or removing one it lacks changes
   * nothing; retry with the same `mutationId` and the first answer comes back.
   */
  async changeConversation(conversationId: number, change: { add?: readonly number[]; remove?: readonly number[] }, mutationId: string,
    options?: CallOptions): Promise<ConversationWriteResult> {
    return parseConversationWriteResult(await this.api.sendJson('POST', `/api/v1/conversations/${conversationId}/labels`,
      { mutationId, add: change.add ?? [], remove: change.remove ?? [] }, options));
  }

  /** Conversations per label over local days `from`..`to` (yyyy-MM-dd; default the last 7 days). */
  async stats(range: { from?: string; to?: string } = {}, options?: CallOptions): Promise<LabelStatsReport> {
    const f = Fields.of(await this.api.sendJson('GET', `/api/v1/stats/labels${queryString(range)}`, undefined, options), 'stats');
    return Object.freeze({
      from: f.string('from'), to: f.string('to'), timeZone: f.string('timeZone'),
      items: Object.freeze(f.array('items', parseLabelStats)),
    });
  }
}

function parseLabelWrite(value: unknown): { readonly data: Label; readonly seq: number } {
  const f = Fields.of(value, 'answer');
  return Object.freeze({ data: parseLabel(f.raw('data'), 'answer.data'), seq: f.int('seq') });
}

function parseLabelStats(value: unknown, path: string): LabelStats {
  const f = Fields.of(value, path);
  return Object.freeze({
    labelId: f.int('labelId'), name: f.string('name'), colour: f.string('colour'),
    opened: f.int('opened'), resolved: f.int('resolved'), openNow: f.int('openNow'),
  });
}
