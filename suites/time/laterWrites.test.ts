import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./laterWrites.behaviours.ts";

proveBehaviours("Time: a write seconds after another", behaviours);
