import { useEffect } from 'react';
import type { PickedFile } from './types.ts';
import { readFiles } from './webPlatform.ts';

/**
 * Calls `onFiles` with the files dropped anywhere on the window (read like the file dialog's).
 * Dropping elsewhere than a text field would otherwise make the browser navigate to the file.
 */
export function useFileDrop(onFiles: (files: PickedFile[]) => void): void {
  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      // A drop zone of the screen (the Coders screen's merge card) took the files already.
      if (!hasFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      void readFiles(event.dataTransfer!.files).then((files) => files.length && onFiles(files));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);
}
