import { useEffect, useState } from 'react';

// The bytes of images being sent, by clientAttachmentId, so an upload's tile shows the picture at once (the SDK's
// view carries no bytes). An entry goes once the stored image shows (or its message is cancelled).

const previews = new Map<string, Blob>();

export const uploadPreviews = {
  set(clientAttachmentId: string, image: Blob): void { previews.set(clientAttachmentId, image); },
  get(clientAttachmentId: string): Blob | undefined { return previews.get(clientAttachmentId); },
  delete(clientAttachmentId: string): void { previews.delete(clientAttachmentId); },
};

/** An object URL of `blob` while the component shows it, revoked after. */
export function useObjectUrl(blob: Blob | null | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (blob == null) return;
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [blob]);
  return url;
}
