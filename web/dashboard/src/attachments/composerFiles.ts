import { createObservable } from '../ui/createStore.js';
import { addFiles, removeFile, type ChosenFile, type FileLike } from './chosenFiles.js';

// The files chosen per conversation (with what was just refused), kept while the operator switches conversations
// as the text draft is. The composer shows them; the conversation pane's drop zone adds to them too.

export interface ComposerFiles {
  readonly files: readonly ChosenFile[];
  readonly refused: readonly string[];
}

const none: ComposerFiles = Object.freeze({ files: Object.freeze([]), refused: Object.freeze([]) });
const state = createObservable<ReadonlyMap<number, ComposerFiles>>(new Map());

function put(conversationId: number, next: ComposerFiles): void {
  state.update((all) => {
    const copy = new Map(all);
    if (next.files.length === 0 && next.refused.length === 0) copy.delete(conversationId);
    else copy.set(conversationId, next);
    return copy;
  });
}

export const composerFiles = {
  subscribe: state.subscribe,
  get(conversationId: number): ComposerFiles { return state.get().get(conversationId) ?? none; },
  /** Adds what fits; the refusals replace the previous ones (they describe this latest choice). */
  add(conversationId: number, incoming: readonly FileLike[], maxBytes: number, names?: (file: FileLike) => string): void {
    const result = addFiles(this.get(conversationId).files, incoming, maxBytes, names);
    put(conversationId, { files: result.files, refused: result.refused });
  },
  remove(conversationId: number, key: string): void {
    put(conversationId, { files: removeFile(this.get(conversationId).files, key), refused: [] });
  },
  dismissRefused(conversationId: number): void {
    put(conversationId, { files: this.get(conversationId).files, refused: [] });
  },
  /** The files to send, removed from the composer. */
  take(conversationId: number): readonly ChosenFile[] {
    const { files } = this.get(conversationId);
    put(conversationId, none);
    return files;
  },
  reset(): void { state.set(new Map()); },
};
