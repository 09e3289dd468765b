import type { BaseApiClient, CallOptions } from '../api/apiClient.js';
import { newId } from '../sync/ids.js';
import { Fields, WireFormatError } from '../sync/wire.js';
import { parseCannedReply, type CannedReply, type CannedReplyScope } from './cannedReply.js';

/** A new canned reply; `scope` defaults to `personal` (`workspace` needs the admin role). */
export interface NewCannedReply {
  readonly shortCode: string;
  readonly title: string;
  readonly text: string;
  readonly scope?: CannedReplyScope;
}

/** A change of a canned reply: absent fields stay (the scope never changes). */
export interface CannedReplyChange {
  readonly shortCode?: string;
  readonly title?: string;
  readonly text?: string;
}

/** A write's answer: the reply as written and the seq of its event (`replayed`: a retry answered from the first time). */
export interface CannedReplyWrite {
  readonly cannedReply: CannedReply;
  readonly seq: number;
  readonly replayed: boolean;
}

/** What a write may carry besides the call options: the `mutationId` to retry it with (new when absent). */
export interface CannedReplyWriteOptions extends CallOptions {
  readonly mutationId?: string;
}

/**
 * `/api/v1/canned-replies` (team only), on the {@link ApiClient} it belongs to (`api.cannedReplies`). Refusals reject
 * with `HttpError` and the server's code (`canned_reply_code_taken`, `canned_reply_placeholder_unknown` …). The changes
 * also arrive on the stream; a live store keeps them in `cannedReplies`.
 */
export class CannedRepliesApi {
  constructor(private readonly api: BaseApiClient) {}

  /** The workspace's replies and the caller's own personal ones. */
  async list(options?: CallOptions): Promise<readonly CannedReply[]> {
    const f = Fields.of(await this.api.sendJson('GET', '/api/v1/canned-replies', undefined, options), 'page');
    return Object.freeze(f.array('items', parseCannedReply));
  }

  async create(reply: NewCannedReply, options: CannedReplyWriteOptions = {}): Promise<CannedReplyWrite> {
    const body = { mutationId: options.mutationId ?? newId(), ...reply };
    return parseWrite(await this.api.sendJson('POST', '/api/v1/canned-replies', body, options));
  }

  async update(id: number, change: CannedReplyChange, options: CannedReplyWriteOptions = {}): Promise<CannedReplyWrite> {
    const body = { mutationId: options.mutationId ?? newId(), ...change };
    return parseWrite(await this.api.sendJson('PATCH', `/api/v1/canned-replies/${id}`, body, options));
  }

  /** Deletes a reply; resolves with the seq of its event. */
  async delete(id: number, options: CannedReplyWriteOptions = {}): Promise<{ readonly id: number; readonly seq: number; readonly replayed: boolean }> {
    const f = Fields.of(await this.api.sendJson('DELETE', `/api/v1/canned-replies/${id}`, { mutationId: options.mutationId ?? newId() }, options), 'deleted');
    return Object.freeze({ id: f.int('id'), seq: f.int('seq'), replayed: f.bool('replayed') });
  }
}

function parseWrite(value: unknown): CannedReplyWrite {
  const f = Fields.of(value, 'write');
  const cannedReply = f.nullableObject('cannedReply', parseCannedReply);
  if (cannedReply === null) throw new WireFormatError('write.cannedReply', 'an object');
  return Object.freeze({ cannedReply, seq: f.int('seq'), replayed: f.bool('replayed') });
}
