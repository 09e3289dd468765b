// @switchboard/client: the live store core. The network shell (HTTP writes, SSE/WebSocket/poll streams)
// drives it and comes later.
export { LiveStoreCore, type LiveStoreLogger, type LiveStoreOptions, type SendMessageOptions } from './sync/liveStoreCore.js';
export { RetryPolicy } from './sync/retryPolicy.js';
export type { ConversationPatch } from './sync/conversationPatch.js';
export type { OutgoingRequest } from './sync/pending.js';
export type { StoreError } from './sync/storeError.js';
export type { MessageView } from './sync/view.js';
export {
  minDate, parseContact, parseConversation, parseMember, parseMessage, parseSnapshot, parseStreamEvent,
  type Contact, type Conversation, type Member, type Message, type Snapshot, type StreamEvent,
} from './sync/models.js';
export { WireFormatError } from './sync/wire.js';
