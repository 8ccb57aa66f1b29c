import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./creates.behaviours.ts";

proveBehaviours("Concurrency: creates", behaviours);
