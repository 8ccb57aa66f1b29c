/**
 * Hand-written bodies shaped as docs/behaviour-reference.md#response-properties,
 * docs/behaviour-reference.md#paging and docs/behaviour-reference.md#errors describe them; each
 * call returns a fresh copy to mutate.
 */

export const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
export const SERVICE_SID = "IS0123456789abcdef0123456789abcdef";
export const MAP_SID = "MPfedcba9876543210fedcba9876543210";

const MAP_URL = `https://sync.twilio.com/v1/Services/${SERVICE_SID}/Maps/${MAP_SID}`;

export function mapSample(): Record<string, unknown> {
  return {
    sid: MAP_SID,
    unique_name: "run-42-scores",
    account_sid: ACCOUNT_SID,
    service_sid: SERVICE_SID,
    url: MAP_URL,
    links: { items: `${MAP_URL}/Items`, permissions: `${MAP_URL}/Permissions` },
    revision: "0",
    date_expires: null,
    date_created: "2026-01-05T09:30:00Z",
    date_updated: "2026-01-05T09:30:00Z",
    created_by: "system",
  };
}

export function itemSample(): Record<string, unknown> {
  return {
    key: "player-1",
    account_sid: ACCOUNT_SID,
    service_sid: SERVICE_SID,
    map_sid: MAP_SID,
    url: `${MAP_URL}/Items/player-1`,
    revision: "1",
    data: { score: 12, tags: ["a"] },
    date_expires: "2026-01-06T09:30:00Z",
    date_created: "2026-01-05T09:30:00Z",
    date_updated: "2026-01-05T09:31:10Z",
    created_by: "system",
  };
}

export function permissionSample(): Record<string, unknown> {
  return {
    account_sid: ACCOUNT_SID,
    service_sid: SERVICE_SID,
    map_sid: MAP_SID,
    identity: "alice",
    read: true,
    write: false,
    manage: false,
    url: `${MAP_URL}/Permissions/alice`,
  };
}

export function listSample(
  key: "maps" | "items" | "permissions",
  records: unknown[],
): Record<string, unknown> {
  const listUrl = `https://sync.twilio.com/v1/Services/${SERVICE_SID}/Maps${key === "maps" ? "" : `/${MAP_SID}/${key === "items" ? "Items" : "Permissions"}`}`;
  return {
    [key]: records,
    meta: {
      first_page_url: `${listUrl}?PageSize=50&Page=0`,
      key,
      next_page_url: null,
      page: 0,
      page_size: 50,
      previous_page_url: null,
      url: `${listUrl}?PageSize=50&Page=0`,
    },
  };
}

export function errorSample(): Record<string, unknown> {
  return {
    code: 54200,
    message: "Map not found",
    more_info: "https://www.twilio.com/docs/errors/54200",
    status: 404,
  };
}
