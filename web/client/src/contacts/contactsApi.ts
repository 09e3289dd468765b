import { queryString, type BaseApiClient, type CallOptions } from '../api/apiClient.js';
import type { ItemsPage } from '../api/apiContracts.js';
import { Fields } from '../sync/wire.js';
import { parseContactDetails, type ContactDetails } from './contactModels.js';

/** The contact after a write and the seq at which it is confirmed. */
export interface ContactWrite {
  readonly contact: ContactDetails;
  readonly seq: number;
  /** A retry of an earlier write (same mutationId, or a merge already done). */
  readonly replayed: boolean;
}

/** A change of a contact: absent fields stay; an empty `email` clears it. */
export interface ContactChange {
  readonly name?: string;
  readonly email?: string;
}

/**
 * Contacts (docs/api.md, "Contacts"), team only: read, search, edit and merge. The changes come back on the stream as
 * `contact.updated` and `contact.merged` (feed them to a {@link ContactSet}); the conversations of a contact are
 * `ApiClient.listConversations({ contactId, snoozed: 'any' })`. Refusals are `HttpError`s with the server's code
 * (`email_invalid`, `contact_email_taken` with `contactId`, `merge_self`, `contact_merged` …).
 */
export class ContactsApi {
  constructor(private readonly api: BaseApiClient) {}

  async get(id: number, options?: CallOptions): Promise<ContactDetails> {
    return parseContactDetails(await this.api.sendJson('GET', `/api/v1/contacts/${id}`, undefined, options));
  }

  /** Contacts whose name or email contains `q` (not merged-away ones), newest first. */
  async list(query: { q?: string; limit?: number; before?: number } = {}, options?: CallOptions): Promise<ItemsPage<ContactDetails>> {
    const f = Fields.of(await this.api.sendJson('GET', `/api/v1/contacts${queryString({ q: query.q, limit: query.limit, before: query.before })}`, undefined, options), 'page');
    return Object.freeze({ items: Object.freeze(f.array('items', parseContactDetails)), next: f.nullableString('next') });
  }

  /** Edit the name or email (the email is stored lower-case). */
  async update(id: number, change: ContactChange, mutationId: string, options?: CallOptions): Promise<ContactWrite> {
    return parseContactWrite(await this.api.sendJson('PATCH', `/api/v1/contacts/${id}`, { ...change, mutationId }, options));
  }

  /** Merge `duplicateId` into `keptId`: its conversations, identities and missing attributes move over, in one step. */
  async merge(keptId: number, duplicateId: number, mutationId: string, options?: CallOptions): Promise<ContactWrite> {
    return parseContactWrite(await this.api.sendJson('POST', `/api/v1/contacts/${keptId}/merge`, { duplicateId, mutationId }, options));
  }
}

function parseContactWrite(value: unknown): ContactWrite {
  const f = Fields.of(value, 'answer');
  return Object.freeze({ contact: parseContactDetails(f.raw('contact'), 'answer.contact'), seq: f.int('seq'), replayed: f.bool('replayed') });
}
