// Every error the harness throws on purpose is an SmcError with a stable code, as undici's
// errors carry `code`: scripts and tests branch on the code, never on the message. An
// SmcError means the suite could not do its job (a bad option, an unreadable file, a target
// it cannot reach, a bug of ours); a failed behaviour is a verdict about the target and is
// never thrown as one. The CLI turns any SmcError into exit 2 and its message's first line.
//
// This file imports nothing, so every room may import it, src/config included: the base
// class and the code list sit below config rather than inside it, because error codes are
// not configuration and every other room would otherwise import config just to throw.

/** Every stable code, one place; `SmcErrorCode` is this list as a type. */
export const SMC_ERROR_CODES = [
  /** A bad option value, or a file an option names that cannot be used (ConfigError). */
  "SMC_ERR_CONFIG",
  /** An option the command does not take, or a contract option not honoured yet (ConfigError). */
  "SMC_ERR_UNKNOWN_OPTION",
  /** The OpenAPI document cannot be read, parsed, validated or dereferenced (SpecLoadError). */
  "SMC_ERR_SPEC_LOAD",
  /** Code asked about an operation the loaded document does not describe (SpecLookupError). */
  "SMC_ERR_SPEC_UNKNOWN_OPERATION",
  /** The behaviour catalogue is missing or malformed (HarnessError). */
  "SMC_ERR_CATALOGUE",
  /** The target does not answer (HarnessError, from the pre-flight). */
  "SMC_ERR_UNREACHABLE",
  /** The target refuses the credentials (HarnessError, from the pre-flight). */
  "SMC_ERR_CREDENTIALS",
  /** A resource a check needs could not be made on the target, so the check cannot run. */
  "SMC_ERR_FIXTURE",
  /** Anything else the harness could not do: a bug of ours or of a tool we drive. */
  "SMC_ERR_INTERNAL",
] as const;

export type SmcErrorCode = (typeof SMC_ERROR_CODES)[number];

/** The one base: `code` says which of SMC_ERROR_CODES this is; subclasses add fields. */
export class SmcError extends Error {
  /** The codes instances of this class may carry (a test checks every code has a class). */
  static readonly codes: readonly SmcErrorCode[] = [];

  constructor(
    readonly code: SmcErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export const HARNESS_ERROR_CODES = [
  "SMC_ERR_CATALOGUE",
  "SMC_ERR_UNREACHABLE",
  "SMC_ERR_CREDENTIALS",
  "SMC_ERR_FIXTURE",
  "SMC_ERR_INTERNAL",
] as const satisfies readonly SmcErrorCode[];

export type HarnessErrorCode = (typeof HARNESS_ERROR_CODES)[number];

/**
 * The run could not be made or judged for a reason outside the options: the harness is
 * *broken*, the target has not *failed*.
 */
export class HarnessError extends SmcError {
  static override readonly codes = HARNESS_ERROR_CODES;

  constructor(code: HarnessErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export type ConfigErrorCode = "SMC_ERR_CONFIG" | "SMC_ERR_UNKNOWN_OPTION";

/**
 * A bad option, or a file an option names that cannot be used: the user can fix it.
 * It lives here rather than in src/config so that the option parser, config and the
 * readers of option files (waivers, baseline, counterexamples) share it without a cycle.
 */
export class ConfigError extends SmcError {
  static override readonly codes = ["SMC_ERR_CONFIG", "SMC_ERR_UNKNOWN_OPTION"] as const;
  declare readonly code: ConfigErrorCode;

  constructor(message: string, code: ConfigErrorCode = "SMC_ERR_CONFIG") {
    super(code, message);
  }
}

/** The first line of a message: what the CLI prints (exit 2 is one line). */
export function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
