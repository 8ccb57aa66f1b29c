import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./ttl.behaviours.ts";

proveBehaviours("Map Items: ttl and expiry", behaviours);
