// The JSON API, read from the same origin.

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** GET /api/<path>, with the query's empty values left out. */
export async function get(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  const url = `/api/${path}${search ? `?${search}` : ''}`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError('The server cannot be reached. Is `parley serve` still running?', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(body?.error ?? `${response.status} ${response.statusText}`, response.status);
  return body;
}

const records = new Map();

/** An article's record; kept, since an article view re-renders when only its highlight changes. */
export async function article(id) {
  if (!records.has(id)) {
    if (records.size > 20) records.delete(records.keys().next().value);
    records.set(id, get(`articles/${id}`).catch((error) => {
      records.delete(id);
      throw error;
    }));
  }
  return records.get(id);
}
