// What can go wrong with a GraphQL call, classified once so pages show one clear banner and keep their form state.

export interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; argument?: string; [key: string]: unknown };
}

export type FailureKind =
  | 'network' // the server could not be reached
  | 'unauthenticated' // 401: no, a bad or an expired token
  | 'forbidden'
  | 'rate-limited' // 429
  | 'bad-input' // BAD_USER_INPUT: shown next to the field named by extensions.argument
  | 'not-found'
  | 'server' // 5xx, INTERNAL, an unreadable answer
  | 'other';

export class RequestFailure extends Error {
  readonly kind: FailureKind;
  readonly status: number | undefined;
  readonly errors: GraphQLErrorEntry[];

  constructor(kind: FailureKind, message: string, errors: GraphQLErrorEntry[] = [], status?: number) {
    super(message);
    this.name = 'RequestFailure';
    this.kind = kind;
    this.errors = errors;
    this.status = status;
  }

  /** Messages of BAD_USER_INPUT errors keyed by extensions.argument (e.g. "input.minNodes"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const arg = e.extensions?.argument;
      if (e.extensions?.code === 'BAD_USER_INPUT' && typeof arg === 'string') {
        out[arg] = out[arg] ? `${out[arg]} ${e.message}` : e.message;
      }
    }
    return out;
  }
}

export function kindOf(code: string | undefined, status: number): FailureKind {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'unauthenticated';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'RATE_LIMITED':
      return 'rate-limited';
    case 'BAD_USER_INPUT':
      return 'bad-input';
    case 'NOT_FOUND':
      return 'not-found';
    case 'INTERNAL':
      return 'server';
    default:
      if (status === 401) return 'unauthenticated';
      if (status === 429) return 'rate-limited';
      if (status >= 500) return 'server';
      return 'other';
  }
}

/** A sentence for the banner: what happened and what the user can do; their input is kept in every case. */
export function describe(failure: unknown): string {
  if (!(failure instanceof RequestFailure)) return `Unexpected error: ${String(failure)}`;
  switch (failure.kind) {
    case 'network':
      return 'The Recommender service cannot be reached. Check that it is running, then try again; what you typed is kept.';
    case 'unauthenticated':
      return `Your token was refused (${failure.message}). Sign in again or clear the token; what you typed is kept.`;
    case 'forbidden':
      return `Not allowed: ${failure.message}`;
    case 'rate-limited':
      return `Too many requests: ${failure.message} Try again shortly.`;
    case 'server':
      return `The service failed (${failure.status ?? 'error'}): ${failure.message} Try again; what you typed is kept.`;
    case 'not-found':
      return `Not found: ${failure.message}`;
    default:
      switch (failure.errors[0]?.extensions?.code) {
        case 'CONFLICT':
          return `Conflict: ${failure.message}`;
        case 'SECRETS_UNAVAILABLE':
          return `The secret store is unavailable (${failure.message}). Nothing was read or written; try again shortly, what you typed is kept.`;
        default:
          return failure.message;
      }
  }
}
