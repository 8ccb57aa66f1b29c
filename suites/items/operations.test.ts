import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./operations.behaviours.ts";

proveBehaviours("Map Items: every operation as documented", behaviours);
