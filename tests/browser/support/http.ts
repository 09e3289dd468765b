/** One REST call with a bearer token: the status and the parsed JSON body (undefined when empty). */
export async function callApi(baseURL: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const answer = await fetch(`${baseURL}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await answer.text();
  return { status: answer.status, json: text === '' ? undefined : JSON.parse(text) };
}
