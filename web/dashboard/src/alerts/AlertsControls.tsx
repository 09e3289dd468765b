import { useState, useSyncExternalStore } from 'react';
import { useLive } from '../live/LiveContext.js';
import { BellIcon } from '../ui/icons.js';
import { toasts } from '../ui/toastStore.js';
import { alertPrefs } from './alertPrefs.js';
import { unlockSound } from './alertOutput.js';

type Permission = NotificationPermission | 'unsupported';

/** The operator's alert switches: desktop notifications (asking the browser's permission on the click) and sound. */
export function AlertsControls() {
  const { me } = useLive();
  const prefs = alertPrefs(me.id);
  const value = useSyncExternalStore(prefs.subscribe, prefs.get);
  const [permission, setPermission] = useState<Permission>(() => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission));
  const desktopOn = value.desktop && permission === 'granted';

  async function toggleDesktop(): Promise<void> {
    if (desktopOn) { prefs.update((p) => ({ ...p, desktop: false })); return; }
    if (typeof Notification === 'undefined') { toasts.push('info', 'This browser cannot show desktop notifications.'); return; }
    const result = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    setPermission(result);
    if (result === 'granted') prefs.update((p) => ({ ...p, desktop: true }));
    else toasts.push('info', 'Notifications are blocked for this site. Allow them in the browser’s site settings, then switch them on here.');
  }

  return (
    <div className="alerts-panel">
      <button type="button" role="switch" aria-checked={desktopOn} aria-label="Desktop notifications" className="alerts-toggle"
        title={desktopOn ? 'Desktop notifications are on' : 'Get a desktop notification when a customer waits or writes'} onClick={() => void toggleDesktop()}>
        <BellIcon size={16} /><span className="alerts-label">{desktopOn ? 'Notifications on' : 'Notifications off'}</span>
      </button>
      <label className="alerts-sound" title="A short chime with each alert">
        <input type="checkbox" checked={value.sound} onChange={(e) => {
          if (e.target.checked) unlockSound();
          prefs.update((p) => ({ ...p, sound: e.target.checked }));
        }} />
        <span className="alerts-sound-text">Sound</span>
      </label>
    </div>
  );
}
