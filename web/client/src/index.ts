// @switchboard/client: the live store core (sans-I/O, the same algorithm as the .NET SDK), the typed REST
// client, the event stream transports, and the LiveStore shell that drives the core over them.
export { LiveStoreCore, type ClaimState, type LiveStoreLogger, type LiveStoreOptions, type SendMessageOptions } from './sync/liveStoreCore.js';
export { defaultRetryDelaysMs, isRetryable, isRetryableError, RetryPolicy } from './sync/retryPolicy.js';
export type { ConversationPatch } from './sync/conversationPatch.js';
export { isSnoozed, type SnoozeChange, type WakeReason } from './sync/snooze.js';
export type { OutgoingRequest } from './sync/pending.js';
export type { StoreError } from './sync/storeError.js';
export type { MessageView, Transcript } from './sync/view.js';
export type { LoadedPage, OrdinalRange, PageRequest } from './sync/history.js';
export {
  minDate, parseContact, parseConversation, parseMember, parseMessage, parseSnapshot, parseStreamEvent,
  type Contact, type Conversation, type Member, type Message, type Snapshot, type StreamEvent,
} from './sync/models.js';
export { WireFormatError } from './sync/wire.js';
export {
  attachmentView, parseAttachment, parseAttachmentLink,
  type Attachment, type AttachmentFile, type AttachmentLink, type AttachmentStatus, type AttachmentView,
} from './attachments/attachment.js';
export { readAttachmentUpdate, type AttachmentUpdate } from './attachments/attachmentUpdate.js';
export { platformUploader, type Uploader, type UploadRequest } from './attachments/uploader.js';
export { labelTextColour, parseLabel, type Label } from './sync/labelModels.js';
export { newId } from './sync/ids.js';
export { parseTeamSnapshot, TeamParts } from './team/teamParts.js';

export { BaseApiClient, type ApiClientOptions, type CallOptions, type UploadOptions, type ConversationFilter, type FetchLike, type RawAnswer } from './api/apiClient.js';
export type {
  ApiSnapshot, ConversationWriteResult, CurrentCaller, Inbox, ItemsPage, LoginResult, MessagePage, PostMessageResult,
  PresenceResult, QueuePage, WidgetSession,
} from './api/apiContracts.js';
export { ApiClient, type TranscriptFile, type TranscriptRequest } from './api/teamApiClient.js';
export { ContactsApi, type ContactChange, type ContactWrite } from './contacts/contactsApi.js';
export { ContactSet, contactEventTypes } from './contacts/contactSet.js';
export { parseContactDetails, parseContactMerged, parseContactPage, type ContactDetails, type ContactMerged, type ContactPage } from './contacts/contactModels.js';
export { LabelsApi, type LabelChange, type LabelStats, type LabelStatsReport } from './api/labelsApi.js';
export { TeamsApi, parseTeam, type Team } from './api/teamsApi.js';
export { parseSearchResults, type SearchContactHit, type SearchFilter, type SearchHighlight, type SearchMessageHit, type SearchResults, type SearchSnippet } from './api/searchContracts.js';
export { AdminApi, webhookEventTypes, type MemberChange, type WorkspaceChange } from './api/adminApi.js';
export type { BotConfig, BotConfigChange, CreatedMember, FaqEntry, FaqMatch, FaqSearch, MemberDetails, Webhook, WebhookDelivery, Workspace } from './api/adminContracts.js';
export type {
  Availability, AvailabilityState, BusinessHours, WidgetLook, PreChat, PreChatMode, WeeklyHours, WidgetAttributes, WidgetIdentity, WidgetPublicConfig, WidgetSettings,
} from './api/widgetContracts.js';
export { parseWidgetPublicConfig, parseWidgetSettings } from './api/widgetContracts.js';
export { HttpError, TransportError } from './api/httpError.js';

export type { EventStreamTransport, Signal, StreamItem, StreamLogger } from './streaming/streamItem.js';
export { parseFrame, parseFrameText } from './streaming/streamFrames.js';
export { SseParser, type SseMessage } from './streaming/sseParser.js';
export { SseTransport, type SseTransportOptions } from './streaming/sseTransport.js';
export { PollTransport, type PollTransportOptions } from './streaming/pollTransport.js';
export { WebSocketTransport, type WebSocketFactory, type WebSocketLike, type WebSocketTransportOptions } from './streaming/webSocketTransport.js';
export { FallbackTransport, type FallbackTransportOptions } from './streaming/fallbackTransport.js';

export { LiveStore, nextTask, type ConnectionState, type CustomerWroteMeanwhile, type LiveStoreShellOptions } from './liveStore.js';
export {
  noSignals, SignalsStore, thinkingTtlMs, typingTtlMs,
  type Actor, type BotDraft, type ConversationSignals, type SignalContext,
} from './signals/signalsStore.js';
export { draftTtlMs } from './signals/replyDrafts.js';
export { TypingSender, type TypingSenderOptions, type TypingState } from './signals/typingSender.js';
export { Alarm, systemTimers, type Timers } from './timers.js';

export { parseCannedReply, parseCannedReplyDeleted, type CannedReply, type CannedReplyDeleted, type CannedReplyScope } from './cannedReplies/cannedReply.js';
export { CannedReplySet, cannedReplyEventTypes, searchCannedReplies } from './cannedReplies/cannedReplySet.js';
export { fillPlaceholders, placeholderFallbacks, placeholderValues, unknownPlaceholders, type PlaceholderSubjects } from './cannedReplies/placeholders.js';
export { CannedRepliesApi, type CannedReplyChange, type CannedReplyWrite, type CannedReplyWriteOptions, type NewCannedReply } from './cannedReplies/cannedRepliesApi.js';

export { csatScale, parseCsat, parseCsatWriteResult, type Csat, type CsatWriteResult } from './csat/csat.js';
export { CsatSet } from './csat/csatSet.js';
export { CsatApi, type CsatDayStats, type CsatLabelStats, type CsatOperatorStats, type CsatStatsReport, type CsatSummary } from './csat/csatApi.js';
