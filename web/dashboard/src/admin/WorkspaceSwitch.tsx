import { useCallback } from 'react';
import type { WorkspaceChange } from '@switchboard/client';
import { useLive } from '../live/LiveContext.js';
import { toasts } from '../ui/toastStore.js';
import { failure } from './adminText.js';
import { useResource } from './useResource.js';

type SwitchField = 'botEnabled' | 'csatEnabled';

/** One on/off setting of the workspace (`PATCH /workspace`) as a setting row with a switch; admins change it. */
export function WorkspaceSwitch({ field, label, help }: { readonly field: SwitchField; readonly label: string; readonly help: string }) {
  const { isAdmin, api } = useLive();
  const load = useCallback(() => api.admin.getWorkspace(), [api]);
  const [workspace, reload] = useResource(load);
  const on = workspace.kind === 'ready' ? workspace.value.settings[field] : null;
  if (on === null) return null;

  async function set(value: boolean) {
    try {
      await api.admin.updateWorkspace({ [field]: value } satisfies WorkspaceChange);
      reload();
    } catch (error) {
      toasts.push('error', failure(error));
    }
  }

  return (
    <div className="setting-row">
      <div><strong>{label}</strong><p className="muted">{help}</p></div>
      <button type="button" role="switch" aria-checked={on} aria-label={label} className="switch" disabled={!isAdmin} onClick={() => void set(!on)}>
        <span className="switch-track" aria-hidden="true"><span className="switch-thumb" /></span>
      </button>
    </div>
  );
}
