import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./ttl.behaviours.ts";

proveBehaviours("Maps: ttl and expiry", behaviours);
