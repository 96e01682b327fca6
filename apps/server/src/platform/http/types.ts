import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AuthVariables } from "../auth/authenticate";

export type AppEnv = { Variables: AuthVariables };
export type App = OpenAPIHono<AppEnv>;
export type AppContext = Context<AppEnv>;
