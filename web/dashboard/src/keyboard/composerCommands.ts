// Shortcuts that act on the composer (focus it, open its canned replies) are heard anywhere on the inbox page, while
// the composer lives deep in the open conversation: it listens here instead of being reached through props.

export type ComposerCommand = 'focus' | 'cannedReplies';

const listeners = new Set<(command: ComposerCommand) => void>();

/** Asks the open conversation's composer to act; false when no composer is there to hear it. */
export function requestComposer(command: ComposerCommand): boolean {
  for (const l of [...listeners]) l(command);
  return listeners.size > 0;
}

/** Called by the composer; returns the function that stops listening. */
export function onComposerCommand(listener: (command: ComposerCommand) => void): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}
