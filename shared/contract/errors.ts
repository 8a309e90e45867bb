/** Error codes the core answers with. Messages are Chinese and say where. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'bad_file'
  | 'database_from_future'
  | 'internal';

/** A failure the user should read: the message is shown as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** One schema problem: the field path and a Chinese message. */
export interface InputIssue {
  readonly path: string;
  readonly message: string;
}

/** What every call answers: a value, or an error the UI can show. */
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly error: { readonly code: ErrorCode; readonly message: string; readonly issues?: readonly InputIssue[] };
    };
