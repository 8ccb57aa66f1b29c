import { proveBehaviours } from "../../src/vitest/prove.ts";
import behaviours from "./addressing.behaviours.ts";

proveBehaviours("Permissions: addressing and identities", behaviours);
