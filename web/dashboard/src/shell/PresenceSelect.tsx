import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n/index.js';
import { isRetryableError, RetryPolicy } from '@switchboard/client';
import { useLive, useMembers } from '../live/LiveContext.js';
import { toasts } from '../ui/toastStore.js';

type Presence = 'online' | 'away';

/**
 * The member's own presence (PUT /presence). Shown at once; the choice stays until the stream's member.updated
 * carries it (the cursor reached the answer's seq), or the server refuses it.
 */
export function PresenceSelect() {
  const { api, store, me } = useLive();
  const members = useMembers();
  const confirmed = members.find((m) => m.id === me.id)?.presence ?? me.presence;
  const [pending, setPending] = useState<{ value: Presence; seq: number | null } | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    if (pending?.seq != null && store.cursor >= pending.seq) setPending(null);
  });

  const shown: Presence = pending?.value ?? (confirmed === 'away' ? 'away' : 'online');

  async function choose(value: Presence) {
    const attempt = ++latest.current;
    setPending({ value, seq: null });
    for (let retry = 1; ; retry++) {
      try {
        const result = await api.setPresence(value);
        if (attempt === latest.current) setPending({ value, seq: result.seq });
        return;
      } catch (error) {
        if (attempt !== latest.current) return;
        if (!isRetryableError(error)) {
          setPending(null);
          toasts.push('error', t.shell.presenceRefused);
          return;
        }
        const delay = RetryPolicy.default.delayBefore(retry, Math.random);
        if (delay === undefined) {
          setPending(null);
          toasts.push('error', t.shell.presenceUnreachable);
          return;
        }
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  return (
    <label className={`presence presence-${shown}`}>
      <span className="presence-dot" aria-hidden="true" />
      <span className="visually-hidden">Presence</span>
      <select aria-label={t.shell.presence} value={shown} onChange={(e) => void choose(e.target.value === 'away' ? 'away' : 'online')}>
        <option value="online">{t.shell.online}</option>
        <option value="away">{t.shell.away}</option>
      </select>
    </label>
  );
}
