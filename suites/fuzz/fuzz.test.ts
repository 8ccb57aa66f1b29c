import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./fuzz.behaviours.ts";

proveBehaviours("Every operation: schema-derived fuzzing", behaviours);
