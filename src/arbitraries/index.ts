export { jsonDataArbitrary } from "./jsonData.ts";
export { itemKeyArbitrary } from "./itemKey.ts";
export { uniqueNameArbitrary } from "./uniqueName.ts";
export { sampleSeeded, mixSeed } from "./seeded.ts";
