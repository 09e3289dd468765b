import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n/index.js';
import { isRetryableError, RetryPolicy } from '@switchboard/client';
import { useLive, useMembers } from '../live/LiveContext.js';
import { toasts } from '../ui/toastStore.js';
import { useDisconnected } from './ConnectionIndicator.js';

type Presence = 'online' | 'away';

/**
 * The member's own presence (PUT /presence). Shown at once; the choice stays until the stream's member.updated
 * carries it (the cursor reached the answer's seq), or the server refuses it.
 */
export function PresenceSelect() {
  const { api, store, me } = useLive();
  const members = useMembers();
  const disconnected = useDisconnected();
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

  // Disconnected, the team does not see this member as online (the server turns idle members away), and a change could
  // not be sent: say so instead of a stale "Online".
  return (
    <label className={`presence presence-${disconnected ? 'offline' : shown}`} title={disconnected ? t.shell.offlineTitle : undefined}>
      <span className="presence-dot" aria-hidden="true" />
      <span className="visually-hidden">{t.shell.presence}</span>
      <select aria-label={t.shell.presence} value={disconnected ? 'offline' : shown} disabled={disconnected} onChange={(e) => void choose(e.target.value === 'away' ? 'away' : 'online')}>
        <option value="online">{t.shell.online}</option>
        <option value="away">{t.shell.away}</option>
        {disconnected && <option value="offline">{t.shell.offlineOption}</option>}
      </select>
    </label>
  );
}
