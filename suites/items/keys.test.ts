import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./keys.behaviours.ts";

proveBehaviours("Map Items: keys", behaviours);
