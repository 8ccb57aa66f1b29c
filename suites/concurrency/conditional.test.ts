import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./conditional.behaviours.ts";

proveBehaviours("Concurrency: conditional writes", behaviours);
