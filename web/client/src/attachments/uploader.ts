import { TransportError } from '../api/httpError.js';

/** One upload as the uploader sends it: `PUT url` with the file as the body (not multipart). */
export interface UploadRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Blob;
  readonly credentials: RequestCredentials | undefined;
  /** Hears the share of the bytes sent, 0..1 (only where the platform reports it). */
  readonly onProgress?: (fraction: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Sends an upload and returns its status and the answer's text, whatever the status; rejects with TransportError
 * when no answer came, or with the signal's reason when aborted. Injectable (`ApiClientOptions.uploader`) for tests.
 */
export type Uploader = (request: UploadRequest) => Promise<{ readonly status: number; readonly text: string }>;

/** The platform's uploader: XMLHttpRequest where there is one (it reports upload progress), else `fetch` (no progress). */
export function platformUploader(fetchUpload: (url: string, init: RequestInit) => Promise<Response>): Uploader {
  if (typeof XMLHttpRequest === 'undefined') {
    return async ({ url, headers, body, credentials, signal }) => {
      let response: Response;
      try {
        response = await fetchUpload(url, { method: 'PUT', headers, body, ...(credentials === undefined ? {} : { credentials }), ...(signal === undefined ? {} : { signal }) });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw new TransportError('PUT upload failed', false, { cause: error });
      }
      return { status: response.status, text: await response.text() };
    };
  }
  return (request) => new Promise((resolve, reject) => {
    const { signal } = request;
    if (signal?.aborted) { reject(signal.reason); return; }
    const xhr = new XMLHttpRequest();
    const abort = (): void => xhr.abort();
    xhr.open('PUT', request.url);
    for (const [name, value] of Object.entries(request.headers)) xhr.setRequestHeader(name, value);
    xhr.withCredentials = request.credentials === 'include';
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && e.total > 0) request.onProgress?.(e.loaded / e.total); };
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new TransportError('PUT upload failed', false));
    xhr.onabort = () => reject(signal?.reason ?? new TransportError('PUT upload aborted', false));
    xhr.onloadend = () => signal?.removeEventListener('abort', abort);
    signal?.addEventListener('abort', abort, { once: true });
    xhr.send(request.body);
  });
}
