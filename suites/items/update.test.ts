import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./update.behaviours.ts";

proveBehaviours("Map Items: update and delete", behaviours);
