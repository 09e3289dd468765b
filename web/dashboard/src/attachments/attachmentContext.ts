import { createContext, useContext } from 'react';
import type { AttachmentLink, AttachmentView } from './attachmentTypes.js';

/**
 * What a message's attachments need from the conversation around them: its id, the workspace limit (for reasons),
 * signed links (the SDK caches them), cancelling an upload, and the one image viewer of the pane. Provided by the
 * conversation view, so the memoised message rows need no new props; tests provide their own.
 */
export interface AttachmentEnv {
  readonly conversationId: number;
  readonly maxBytes: number;
  readonly link: (attachmentId: number) => Promise<AttachmentLink>;
  readonly cancel: (clientMessageId: string) => void;
  readonly openImage: (attachment: AttachmentView, opener: HTMLElement) => void;
}

export const AttachmentContext = createContext<AttachmentEnv | null>(null);

export function useAttachmentEnv(): AttachmentEnv {
  const env = useContext(AttachmentContext);
  if (env === null) throw new Error('Attachments outside a conversation');
  return env;
}
