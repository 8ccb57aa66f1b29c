// What a behaviour found: failures with their reproduction, and the readings the
// target follows where the documents disagree.
import type { Failure } from "../checks/failure.ts";
import { toCurl } from "../http/curl.ts";
import { describeAnswer, renderRequest, renderResponse, type Exchange } from "../http/exchange.ts";

export interface Reading {
  /** Where the documents disagree, e.g. "map not-found code". */
  readonly topic: string;
  /** What this target does, e.g. "54200". */
  readonly reading: string;
}

export class Recorder {
  readonly failures: Failure[] = [];
  readonly readings: Reading[] = [];

  /** The account the curl reproductions authenticate as. */
  constructor(private readonly accountSid: string) {}

  /** A failure found on an exchange carries its curl reproduction and the exchange as text. */
  record(found: Failure, exchange: Exchange | undefined): void {
    if (exchange === undefined) {
      this.failures.push(found);
      return;
    }
    const curl = toCurl(exchange, { accountSid: this.accountSid });
    const reproduction = `${curl}\n# answered: ${describeAnswer(exchange)}`;
    this.failures.push({ ...found, reproduction, evidence: evidenceOf(exchange) });
  }

  /** A failure whose reproduction the behaviour wrote itself (a shrunk script, a seed). */
  recordWith(
    found: Omit<Failure, "reproduction">,
    reproduction: string,
    exchange?: Exchange,
  ): void {
    const evidence = exchange === undefined ? {} : { evidence: evidenceOf(exchange) };
    this.failures.push({ ...found, reproduction, ...evidence });
  }

  /** Notes what the target does where the documents disagree; each reading once. */
  reading(topic: string, reading: string): void {
    const known = this.readings.some((seen) => seen.topic === topic && seen.reading === reading);
    if (!known) this.readings.push({ topic, reading });
  }
}

function evidenceOf(exchange: Exchange): { request: string; response: string } {
  return { request: renderRequest(exchange), response: renderResponse(exchange) };
}
