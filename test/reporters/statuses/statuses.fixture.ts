// Proven by drive.ts through vitest (not part of any project's include): one behaviour
// the planted fault makes fail, and one whose definition has a bug of ours.
import { behaviour } from "../../../src/behaviours/define.ts";
import { proveBehaviours } from "../../../src/vitest/prove.ts";
import { allBehaviours } from "../../../suites/index.ts";
import { BROKEN_ID, FAILING_ID } from "./ids.ts";

const failing = allBehaviours.find((definition) => definition.id === FAILING_ID);
if (failing === undefined) throw new Error(`${FAILING_ID} has no definition any more`);

const withPlantedBug = behaviour(BROKEN_ID, () => {
  throw new TypeError("planted harness bug: cannot read properties of undefined");
});

proveBehaviours("statuses", [failing, withPlantedBug]);
