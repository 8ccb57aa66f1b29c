import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./maps.behaviours.ts";

proveBehaviours("Sequences: maps", behaviours);
