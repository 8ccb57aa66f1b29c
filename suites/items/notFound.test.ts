import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./notFound.behaviours.ts";

proveBehaviours("Map Items: not found", behaviours);
