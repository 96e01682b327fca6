export { registerIngestRoutes } from "./ingest.routes";
export { type IngestActor, ingestInteraction } from "./ingest-interaction";
