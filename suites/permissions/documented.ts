// Values the documents fix for Map Permissions: all shared with the other resources.
export { DEFAULT_PAGE_SIZE, MAP_NOT_FOUND_CODES, MAX_PAGE_SIZE_ALL_READINGS, servicePath, unknownMapSid } from "../shared/documented.ts";
