// The console's only way to the service: POST /graphql with a typed document, the session's bearer token and
// errors classified into RequestFailure.
import type { TypedDocumentString } from '../gql/graphql';
import { getToken } from '../session';
import { kindOf, RequestFailure, type GraphQLErrorEntry } from './errors';

export const endpoint = '/graphql';

interface Response<T> {
  data?: T | null;
  errors?: GraphQLErrorEntry[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: globalThis.Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables }),
      signal: signal ?? null,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new RequestFailure('network', 'The service could not be reached.');
  }
  let body: Response<TResult> | undefined;
  try {
    body = (await response.json()) as Response<TResult>;
  } catch {
    body = undefined;
  }
  const errors = body?.errors ?? [];
  if (errors.length > 0 && (body?.data === null || body?.data === undefined || !response.ok)) {
    const first = errors[0]!;
    const kind = kindOf(first.extensions?.code, response.status);
    throw new RequestFailure(kind, errors.map((e) => e.message).join(' '), errors, response.status);
  }
  if (!response.ok || !body || body.data === null || body.data === undefined) {
    const kind = response.status === 401 ? 'unauthenticated' : response.status === 429 ? 'rate-limited' : 'server';
    throw new RequestFailure(kind, `HTTP ${response.status} ${response.statusText}`.trim(), [], response.status);
  }
  if (errors.length > 0) {
    // Partial data: a nullable field failed. Pages get the data; the first error is logged for the curious.
    console.warn('GraphQL partial errors', errors);
  }
  return body.data;
}
