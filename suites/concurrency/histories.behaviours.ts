import { behaviour } from "../../src/behaviours/define.ts";
import { proveConcurrentHistories } from "../../src/concurrency/index.ts";

export default [behaviour("SEQ-CONCURRENT", (t) => proveConcurrentHistories(t))];
