import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A media upload the fake received (multipart), and the media id it answered. */
export interface GraphUpload { type: string | null; fileName: string | null; bytes: Buffer; id: string }

/**
 * The WhatsApp Cloud API as far as media goes, on a loopback port: media lookups and bytes (both need the inbox's
 * token), media uploads and message sends, recorded for the test. Meta's documented shapes; nothing else.
 */
export class FakeGraph {
  readonly uploads: GraphUpload[] = [];
  readonly sends: any[] = [];
  private readonly media = new Map<string, { bytes: Buffer; mimeType: string }>();

  private constructor(private readonly server: Server, readonly token: string) {}

  get baseUrl(): string { return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v21.0`; }

  static async start(): Promise<FakeGraph> {
    let fake: FakeGraph | undefined;
    const server = createServer((request, response) => { void fake!.handle(request).then(({ status, body }) => {
      response.writeHead(status, { 'Content-Type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json' });
      response.end(Buffer.isBuffer(body) ? body : JSON.stringify(body));
    }); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeGraph(server, `token-${randomUUID()}`);
    return fake;
  }

  /** Serves `bytes` for `mediaId`, as a customer's phone would have uploaded them to Meta. */
  addMedia(mediaId: string, bytes: Buffer, mimeType: string): void { this.media.set(mediaId, { bytes, mimeType }); }

  stop(): Promise<void> { return new Promise((resolve) => this.server.close(() => resolve())); }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const body = await read(request);
    if (request.headers.authorization !== `Bearer ${this.token}`) return { status: 401, body: { error: { code: 190, message: 'Invalid OAuth access token.' } } };
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const bytesOf = /^\/media\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && bytesOf !== null) {
      const found = this.media.get(decodeURIComponent(bytesOf[1]!));
      return found === undefined ? { status: 404, body: {} } : { status: 200, body: found.bytes };
    }
    const lookup = /^\/v21\.0\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && lookup !== null) {
      const id = decodeURIComponent(lookup[1]!);
      const found = this.media.get(id);
      if (found === undefined) return { status: 400, body: { error: { code: 100, message: '(#100) Unsupported get request.' } } };
      return { status: 200, body: { messaging_product: 'whatsapp', url: this.baseUrl.replace(/\/v21\.0$/, `/media/${encodeURIComponent(id)}`), mime_type: found.mimeType,
        sha256: createHash('sha256').update(found.bytes).digest('hex'), file_size: found.bytes.length, id } };
    }
    if (request.method === 'POST' && /^\/v21\.0\/[^/]+\/media$/.test(path)) {
      const upload = parseUpload(body, request.headers['content-type'] ?? '');
      if (upload === null) return { status: 400, body: { error: { code: 100, message: '(#100) messaging_product, type and file are required' } } };
      const id = String(9_000_000 + this.uploads.length + 1);
      this.uploads.push({ ...upload, id });
      return { status: 200, body: { id } };
    }
    if (request.method === 'POST' && /^\/v21\.0\/[^/]+\/messages$/.test(path)) {
      const message = JSON.parse(body.toString('utf8'));
      this.sends.push(message);
      return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: message.to, wa_id: message.to }], messages: [{ id: `wamid.${randomUUID()}` }] } };
    }
    return { status: 404, body: {} };
  }
}

function read(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => resolve(Buffer.concat(parts)));
    request.on('error', reject);
  });
}

/** The fields of a multipart/form-data body: `messaging_product` must be whatsapp, `type` and `file` present. */
function parseUpload(body: Buffer, contentType: string): Omit<GraphUpload, 'id'> | null {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (boundary === undefined) return null;
  const fields = new Map<string, { fileName: string | null; value: Buffer }>();
  const separator = Buffer.from(`--${boundary}`);
  let at = body.indexOf(separator);
  while (at >= 0) {
    const next = body.indexOf(separator, at + separator.length);
    if (next < 0) break;
    const part = body.subarray(at + separator.length + 2, next - 2); // past CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="?([^";\r\n]+)"?/.exec(head)?.[1];
    if (name !== undefined) fields.set(name, { fileName: /filename\*?=(?:UTF-8'')?"?([^";\r\n]+)"?/.exec(head)?.[1] ?? null, value: part.subarray(split + 4) });
    at = next;
  }
  const file = fields.get('file');
  if (fields.get('messaging_product')?.value.toString() !== 'whatsapp' || file === undefined) return null;
  return { type: fields.get('type')?.value.toString() ?? null, fileName: file.fileName === null ? null : decodeURIComponent(file.fileName), bytes: file.value };
}

/** A webhook POST as Meta signs it: `X-Hub-Signature-256` is the HMAC-SHA256 of the raw body with the app secret. */
export async function deliverWebhook(baseURL: string, webhookPath: string, appSecret: string, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  const signature = createHmac('sha256', appSecret).update(body).digest('hex');
  const answer = await fetch(`${baseURL}${webhookPath}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': `sha256=${signature}` }, body });
  return answer.status;
}
