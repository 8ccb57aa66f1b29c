// What a map answer must show, as the model holds the map.
import type { Exchange } from "../../../http/exchange.ts";
import type { ModelMap } from "../../model.ts";
import type { RealSystem } from "../../real.ts";
import { expectEqual, expectExpiry, expectExpiryMoved, type Json } from "../expect.ts";

export function expectMapAnswer(
  real: RealSystem,
  exchange: Exchange,
  body: Json,
  map: ModelMap,
): void {
  expectEqual(
    exchange,
    `sid of map#${map.ref}`,
    body.sid,
    real.sidOf(map.ref),
    "the map the address names",
  );
  const uniqueName = `unique_name of map#${map.ref}`;
  expectEqual(
    exchange,
    uniqueName,
    body.unique_name,
    map.uniqueName,
    "the UniqueName it was created with, or null",
  );
  expectExpiry(real, exchange, `map#${map.ref}`, body.date_expires, map.expiry);
}

/** After a write that set a ttl: expiry moved as the time between the writes says; remember it. */
export function expectExpiryFromThisWrite(
  real: RealSystem,
  exchange: Exchange,
  body: Json,
  map: ModelMap,
): void {
  const previous = real.observedExpiry.get(map.ref);
  const expiry = map.expiry;
  if (expiry === undefined || typeof body.date_expires !== "string") {
    real.observedExpiry.delete(map.ref);
    return;
  }
  const current = { dateExpires: body.date_expires, write: expiry.write, ttl: expiry.ttl };
  if (previous !== undefined)
    expectExpiryMoved(real, exchange, `map#${map.ref}`, previous, current);
  real.observedExpiry.set(map.ref, current);
}
