import { FormatError } from '@nn/tensor';

/** Exit code of a successful run. */
export const EXIT_OK = 0;
/** Exit code of a failure while running (a bug, a download that failed, a full disk…). */
export const EXIT_FAILURE = 1;
/** Exit code of a usage error: a bad flag or value, a missing or malformed input file. */
export const EXIT_USAGE = 2;

/**
 * A mistake in what the user asked for (a flag, a value, an input file): the CLI prints its one-line
 * message and exits with code 2, without a stack trace.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Node's file-system error codes that mean "the path the user gave is not usable". */
const PATH_CODES: Record<string, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a parent of this path is not a directory',
  EISDIR: 'is a directory, expected a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** The error code of a Node system error, if `error` is one. */
function systemCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs `read` on a path the user gave and turns "missing file", "is a directory", "permission
 * denied" and malformed contents (`FormatError`) into a `UsageError` naming what the file was for.
 */
export async function readUserFile<T>(what: string, path: string, read: () => Promise<T> | T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    const code = systemCode(error);
    const reason = code === undefined ? undefined : PATH_CODES[code];
    if (reason !== undefined) throw new UsageError(`${what} ${path}: ${reason}`);
    if (error instanceof FormatError) throw new UsageError(`${what} ${path} is malformed: ${stripPrefix(error.message)}`);
    throw error;
  }
}

/** `@nn` error messages start with `[@nn] `; in a CLI message that prefix is noise. */
export function stripPrefix(message: string): string {
  return message.replace(/^\[@nn\] /, '');
}

/** The exit code for an error that ended a command. */
export function exitCodeOf(error: unknown): number {
  return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILURE;
}

/** The single line printed on stderr for an error that ended a command. */
export function errorLine(error: unknown): string {
  if (error instanceof UsageError) return `error: ${error.message}`;
  if (error instanceof Error) return `error: ${stripPrefix(error.message)}`;
  return `error: ${String(error)}`;
}
