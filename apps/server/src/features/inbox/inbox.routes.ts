import { createRoute, z } from "@hono/zod-openapi";
import { CHANNELS } from "@omniloket/domain";
import type { Role } from "../../platform/auth/roles";
import type { AppDeps } from "../../platform/deps";
import { purposeOf, requirePrincipal } from "../../platform/http/access";
import { problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { countInbox } from "./count-inbox";
import { INBOX_STATUSES, listInbox } from "./list-inbox";

/** Who works an inbox. */
export const INBOX_ROLES: readonly Role[] = ["agent", "back-office", "case-guide", "supervisor"];
/** Purposes of an inbox read; the first is the default (Omniloket-Purpose header narrows it). */
export const INBOX_PURPOSES = [
  "contact-handling",
  "case-handling",
  "case-guidance",
  "quality-supervision",
] as const;

const purposeHeader = z.object({
  "omniloket-purpose": z
    .string()
    .optional()
    .openapi({ description: "Narrow the declared purpose of this read." }),
});

const inboxItemSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    topicId: z.string().nullable(),
    status: z.enum(INBOX_STATUSES),
    confidential: z.boolean(),
    teamId: z.uuid().nullable(),
    employeeId: z.uuid().nullable(),
    dueAt: z.string().nullable().openapi({ format: "date-time" }),
    openedAt: z.string().openapi({ format: "date-time" }),
    lastActivityAt: z.string().openapi({ format: "date-time" }),
    lastChannel: z.string().nullable(),
    channels: z.array(z.string()),
    residentPartyId: z.uuid().nullable(),
    residentName: z.string().nullable(),
  })
  .openapi("InboxItem");

const listRoute = createRoute({
  method: "get",
  path: "/inbox",
  tags: ["Inbox"],
  summary: "Questions waiting, due time first (overdue on top), that the caller may see",
  request: {
    query: z.object({
      teamId: z.uuid().optional(),
      topicId: z.string().max(100).optional(),
      channel: z.enum(CHANNELS).optional(),
      status: z
        .enum(INBOX_STATUSES)
        .optional()
        .openapi({ description: "Absent: every status except resolved." }),
      cursor: z.string().max(300).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    headers: purposeHeader,
  },
  responses: {
    200: {
      description: "One page of the inbox",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(inboxItemSchema), nextCursor: z.string().nullable() })
            .openapi("InboxPage"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const countsRoute = createRoute({
  method: "get",
  path: "/inbox/counts",
  tags: ["Inbox"],
  summary: "Unresolved questions per team and status the caller may see, and how many are overdue",
  request: { headers: purposeHeader },
  responses: {
    200: {
      description: "Counts per queue",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              items: z.array(
                z.object({
                  teamId: z.uuid().nullable(),
                  teamName: z.string().nullable(),
                  status: z.enum(INBOX_STATUSES),
                  count: z.number().int(),
                  overdue: z.number().int(),
                }),
              ),
            })
            .openapi("InboxCounts"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerInboxRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(countsRoute, async (c) => {
    const principal = requirePrincipal(c, INBOX_ROLES);
    const result = await countInbox(useCaseDeps, { principal, purpose: purposeOf(c, INBOX_PURPOSES) });
    return c.json(result, 200);
  });
  app.openapi(listRoute, async (c) => {
    const principal = requirePrincipal(c, INBOX_ROLES);
    const { cursor, limit, ...filter } = c.req.valid("query");
    const result = await listInbox(useCaseDeps, {
      principal,
      purpose: purposeOf(c, INBOX_PURPOSES),
      filter,
      cursor,
      limit,
    });
    return c.json(result, 200);
  });
}
