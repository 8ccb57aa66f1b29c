import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./histories.behaviours.ts";

proveBehaviours("Concurrency: generated histories", behaviours);
