import { toasts } from '../ui/toastStore.js';
import { failure } from './adminText.js';

/** Asks first, deletes, then reloads the list; a refusal from the server becomes an error toast. */
export async function confirmDelete(question: string, remove: () => Promise<void>, reload: () => void): Promise<void> {
  if (!confirm(question)) return;
  try {
    await remove();
    reload();
  } catch (error) {
    toasts.push('error', failure(error));
  }
}
