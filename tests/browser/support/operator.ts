import type { Role } from './visitor';

/**
 * The operator's side of a scenario. Two implementations: the dashboard (`/app`, driven through the roles and names of
 * ui-contract.md) and the REST API (for checking the widget before the dashboard exists, and as a second opinion after).
 */
export interface Operator {
  readonly kind: 'dashboard' | 'api';
  /** Finds the visitor's conversation by contact name and opens it (the API operator also marks it read, as an open view does). */
  openConversation(contactName: string): Promise<void>;
  /** Waits until a message with exactly this text is shown exactly once. */
  expectMessage(role: Role, text: string): Promise<void>;
  /** Waits until one of the operator's own messages shows this status. */
  expectOwnStatus(text: string, status: string): Promise<void>;
  send(text: string): Promise<void>;
  /** Texts of the customer's and the operators' messages, in conversation order. */
  texts(): Promise<string[]>;
  /** Waits until the bot has handed the conversation off (queued, with a reason). */
  expectHandoff(): Promise<void>;
  claim(): Promise<void>;
  /** Starts typing (without sending) and waits until the operator sees the visitor typing. */
  startTyping(): Promise<void>;
  expectVisitorTyping(): Promise<void>;
  close(): Promise<void>;
}
