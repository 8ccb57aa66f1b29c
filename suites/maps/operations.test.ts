import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./operations.behaviours.ts";

proveBehaviours("Maps: every operation as documented", behaviours);
