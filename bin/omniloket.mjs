#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npm start` needs no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../apps/server/src/cli/main.ts");
await main(process.argv);
