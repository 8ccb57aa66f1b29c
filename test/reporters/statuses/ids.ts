/** A MUST the planted fault FAULT_ID makes the target fail. */
export const FAILING_ID = "MAP-TTL-ALIAS-CREATE";
export const FAULT_ID = "map-ttl-alias-wins-on-create";
/** A MUST whose definition, in the fixture, throws before it judges anything. */
export const BROKEN_ID = "AUTH-REQUIRED";
