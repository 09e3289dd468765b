import { useRef, useState, type DragEvent } from 'react';
import { filesOf, type FileLike } from './chosenFiles.js';

/**
 * Drag and drop of files onto an area (the conversation pane): `over` while files are dragged over it (the drop zone
 * shows), `onFiles` with what was dropped. Counted enter/leave, because moving across the pane's children fires a
 * leave for each; text or links dragged around are left alone.
 */
export function useFileDrop(onFiles: (files: FileLike[]) => void) {
  const depth = useRef(0);
  const [over, setOver] = useState(false);
  const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return {
    over,
    handlers: {
      onDragEnter: (e: DragEvent) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      },
      onDragOver: (e: DragEvent) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: (e: DragEvent) => {
        if (!carriesFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      },
      onDrop: (e: DragEvent) => {
        const files = filesOf(e.dataTransfer);
        depth.current = 0;
        setOver(false);
        if (files === null) return;
        e.preventDefault();
        onFiles(files);
      },
    },
  };
}
