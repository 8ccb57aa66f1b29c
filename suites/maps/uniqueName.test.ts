import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./uniqueName.behaviours.ts";

proveBehaviours("Maps: unique name", behaviours);
