import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./items.behaviours.ts";

proveBehaviours("Sequences: items", behaviours);
