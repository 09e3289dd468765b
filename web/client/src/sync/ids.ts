/** A new idempotency id: 32 hex digits from the platform's secure random source (works outside secure contexts too). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const b of bytes) id += b.toString(16).padStart(2, '0');
  return id;
}
