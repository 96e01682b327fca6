export { writeGroundTruth } from "./ground-truth";
export { ingestInputs, toIngestInput } from "./ingest-input";
export { type InteractionPartyRow, interactionPartyRows } from "./interaction-parties";
export { type LoadOptions, type LoadResult, loadMunicipality } from "./load";
export { DEMO_EMAIL_DOMAIN } from "./organisation";
export { createRng, forkRng, type Rng, seededUuid } from "./random";
export { DEFAULT_END_DATE, type GenerateOptions, generateMunicipality } from "./simulate";
export { channelMix, fingerprint, type MunicipalitySummary, summariseMunicipality } from "./summary";
export * from "./types";
