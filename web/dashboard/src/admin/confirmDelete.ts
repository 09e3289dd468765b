import { toasts } from '../ui/toastStore.js';
import { failure, request } from './adminApi.js';

/** Asks first, deletes, then reloads the list; a refusal from the server becomes an error toast. */
export async function confirmDelete(question: string, path: string, reload: () => void): Promise<void> {
  if (!confirm(question)) return;
  try {
    await request('DELETE', path);
    reload();
  } catch (error) {
    toasts.push('error', failure(error));
  }
}
