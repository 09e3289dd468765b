import { useCallback, useEffect, useState } from 'react';
import { useAttachmentEnv } from './attachmentContext.js';
import type { AttachmentLink } from './attachmentTypes.js';

/** Renewed this long before the link's expiry (the SDK's cache renews a minute before, too). */
const renewBeforeMs = 60_000;

export type LinkState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly link: AttachmentLink }
  | { readonly kind: 'failed' };

/**
 * A signed link of a stored attachment (`id` null: not stored yet, nothing to fetch). With `keepFresh` the link is
 * renewed before it expires, so a card's href or the viewer's download always works; an inline image keeps the URL
 * it loaded (a new URL would load it again) and calls `renew` only when loading failed.
 */
export function useAttachmentLink(attachmentId: number | null, keepFresh: boolean): [LinkState, () => void] {
  const { link } = useAttachmentEnv();
  const [state, setState] = useState<LinkState>({ kind: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (attachmentId === null) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    link(attachmentId).then((value) => {
      if (cancelled) return;
      setState({ kind: 'ready', link: value });
      const renewIn = Date.parse(value.expiresAt) - Date.now() - renewBeforeMs;
      if (keepFresh && Number.isFinite(renewIn)) timer = setTimeout(() => setRound((r) => r + 1), Math.max(1_000, renewIn));
    }, () => { if (!cancelled) setState({ kind: 'failed' }); });
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [link, attachmentId, keepFresh, round]);

  return [state, useCallback(() => setRound((r) => r + 1), [])];
}

/** Whether a link is about to expire (checked again when the reader is about to use it). */
export function isStale(link: AttachmentLink, now: number): boolean {
  return Date.parse(link.expiresAt) - now < renewBeforeMs;
}
