import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./create.behaviours.ts";

proveBehaviours("Maps: create", behaviours);
