import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./update.behaviours.ts";

proveBehaviours("Permissions: update and fetch", behaviours);
