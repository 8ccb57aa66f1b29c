import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./operations.behaviours.ts";

proveBehaviours("Permissions: every operation as documented", behaviours);
