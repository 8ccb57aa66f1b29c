import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./http.behaviours.ts";

proveBehaviours("The HTTP layer: media types and empty answers", behaviours);
