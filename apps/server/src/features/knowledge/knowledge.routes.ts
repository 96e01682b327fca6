import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../platform/deps";
import { requirePrincipal } from "../../platform/http/access";
import { jsonBody, problemResponses, versionHeaders } from "../../platform/http/openapi";
import type { App } from "../../platform/http/types";
import { createCannedText } from "./create-canned-text";
import { listCannedTexts } from "./list-canned-texts";
import { listKnowledgeAnswers } from "./list-knowledge-answers";
import { renderCannedText } from "./render-canned-text";
import { createKnowledgeAnswer, updateKnowledgeAnswer } from "./save-knowledge-answer";
import { searchKnowledgeAnswers } from "./search-knowledge-answers";
import { updateCannedText } from "./update-canned-text";

const readers = ["agent", "back-office", "case-guide", "supervisor", "admin"] as const;
const personalDataReaders = ["agent", "back-office", "case-guide", "supervisor"] as const;
const editors = ["admin", "supervisor"] as const;

const answerSchema = z
  .object({
    id: z.uuid(),
    topicId: z.string().nullable(),
    title: z.string(),
    body: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("KnowledgeAnswer");

const answerInput = z
  .object({
    title: z.string().min(1).max(300),
    body: z.string().min(1).max(20_000),
    topicId: z.string().max(100).nullable().optional(),
  })
  .openapi("KnowledgeAnswerInput");

const searchRoute = createRoute({
  method: "post",
  path: "/knowledge-answers/_search",
  tags: ["Knowledge"],
  summary: "Search the knowledge base (Dutch full-text search; the question's topic first)",
  request: {
    body: jsonBody(
      z
        .object({ query: z.string().min(1).max(500), topicId: z.string().max(100).optional() })
        .openapi("KnowledgeSearch"),
    ),
  },
  responses: {
    200: {
      description: "At most 10 answers, best first",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({
              items: z.array(
                z.object({
                  id: z.uuid(),
                  topicId: z.string().nullable(),
                  title: z.string(),
                  body: z.string(),
                  rank: z.number(),
                }),
              ),
            })
            .openapi("KnowledgeSearchResult"),
        },
      },
    },
    ...problemResponses(400, 401, 403),
  },
});

const createAnswerRoute = createRoute({
  method: "post",
  path: "/knowledge-answers",
  tags: ["Knowledge"],
  summary: "Add an answer to the knowledge base",
  request: { body: jsonBody(answerInput) },
  responses: {
    201: {
      description: "Added",
      headers: versionHeaders,
      content: { "application/json": { schema: answerSchema } },
    },
    ...problemResponses(400, 401, 403),
  },
});

const updateAnswerRoute = createRoute({
  method: "put",
  path: "/knowledge-answers/{id}",
  tags: ["Knowledge"],
  summary: "Replace a knowledge-base answer",
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(answerInput) },
  responses: {
    200: {
      description: "Saved",
      headers: versionHeaders,
      content: { "application/json": { schema: answerSchema } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
});

const listAnswersRoute = createRoute({
  method: "get",
  path: "/knowledge-answers",
  tags: ["Knowledge"],
  summary: "Every answer in the knowledge base, by title (for editors)",
  responses: {
    200: {
      description: "The answers",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z.object({ items: z.array(answerSchema) }).openapi("KnowledgeAnswers"),
        },
      },
    },
    ...problemResponses(401, 403),
  },
});

const cannedTextSchema = z.object({ id: z.uuid(), name: z.string(), body: z.string() }).openapi("CannedText");

const cannedTextInput = z
  .object({
    name: z.string().trim().min(2, "Een naam van minstens 2 tekens.").max(200),
    body: z.string().min(1, "Vul de tekst in.").max(20_000),
  })
  .openapi("CannedTextInput");

const createCannedRoute = createRoute({
  method: "post",
  path: "/canned-texts",
  tags: ["Knowledge"],
  summary: "Add a canned text; variables: {{voornaam}}, {{kenmerk}}, {{onderwerp}}",
  request: { body: jsonBody(cannedTextInput) },
  responses: {
    201: {
      description: "Added",
      headers: versionHeaders,
      content: { "application/json": { schema: cannedTextSchema } },
    },
    ...problemResponses(400, 401, 403, 409),
  },
});

const updateCannedRoute = createRoute({
  method: "put",
  path: "/canned-texts/{id}",
  tags: ["Knowledge"],
  summary: "Replace a canned text's name and body",
  request: { params: z.object({ id: z.uuid() }), body: jsonBody(cannedTextInput) },
  responses: {
    200: {
      description: "Saved",
      headers: versionHeaders,
      content: { "application/json": { schema: cannedTextSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const listCannedRoute = createRoute({
  method: "get",
  path: "/canned-texts",
  tags: ["Knowledge"],
  summary: "Canned texts with variables such as {{voornaam}}, {{kenmerk}} and {{onderwerp}}",
  responses: {
    200: {
      description: "The canned texts",
      headers: versionHeaders,
      content: {
        "application/json": {
          schema: z
            .object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), body: z.string() })) })
            .openapi("CannedTexts"),
        },
      },
    },
    ...problemResponses(401, 403),
  },
});

const renderRoute = createRoute({
  method: "post",
  path: "/questions/{questionId}/canned-texts/{cannedTextId}/_render",
  tags: ["Knowledge"],
  summary: "A canned text filled from the question and its resident (audited)",
  request: { params: z.object({ questionId: z.uuid(), cannedTextId: z.uuid() }) },
  responses: {
    200: {
      description: "The filled text",
      headers: versionHeaders,
      content: {
        "application/json": { schema: z.object({ text: z.string() }).openapi("RenderedCannedText") },
      },
    },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const serialise = (row: { updatedAt: Date } & Omit<z.infer<typeof answerSchema>, "updatedAt">) => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

export function registerKnowledgeRoutes(app: App, deps: AppDeps) {
  const useCaseDeps = { db: deps.database.db, clock: deps.clock };
  app.openapi(searchRoute, async (c) => {
    const principal = requirePrincipal(c, readers);
    return c.json(await searchKnowledgeAnswers(useCaseDeps, { principal, ...c.req.valid("json") }), 200);
  });
  app.openapi(createAnswerRoute, async (c) => {
    const principal = requirePrincipal(c, editors);
    const row = await createKnowledgeAnswer(useCaseDeps, { principal, answer: c.req.valid("json") });
    return c.json(serialise(row), 201);
  });
  app.openapi(updateAnswerRoute, async (c) => {
    const principal = requirePrincipal(c, editors);
    const row = await updateKnowledgeAnswer(useCaseDeps, {
      principal,
      id: c.req.valid("param").id,
      answer: c.req.valid("json"),
    });
    return c.json(serialise(row), 200);
  });
  app.openapi(listAnswersRoute, async (c) => {
    const principal = requirePrincipal(c, editors);
    const { items } = await listKnowledgeAnswers(useCaseDeps, { principal });
    return c.json({ items: items.map(serialise) }, 200);
  });
  app.openapi(createCannedRoute, async (c) => {
    const principal = requirePrincipal(c, editors);
    return c.json(await createCannedText(useCaseDeps, { principal, text: c.req.valid("json") }), 201);
  });
  app.openapi(updateCannedRoute, async (c) => {
    const principal = requirePrincipal(c, editors);
    const text = await updateCannedText(useCaseDeps, {
      principal,
      id: c.req.valid("param").id,
      text: c.req.valid("json"),
    });
    return c.json(text, 200);
  });
  app.openapi(listCannedRoute, async (c) => {
    const principal = requirePrincipal(c, readers);
    return c.json(await listCannedTexts(useCaseDeps, { principal }), 200);
  });
  app.openapi(renderRoute, async (c) => {
    const principal = requirePrincipal(c, personalDataReaders);
    return c.json(await renderCannedText(useCaseDeps, { principal, ...c.req.valid("param") }), 200);
  });
}
