/**
 * Text material for one topic. Placeholders filled by the composer: {street}, {number}, {month},
 * {amount}, {plate}. `ask` is the resident in the first person, `note` an employee's summary in
 * the third person, `answer` the municipality's reply, `info` what it asks for when something is missing.
 */
export type TopicText = {
  form: string;
  ask: readonly string[];
  note: readonly string[];
  answer: readonly string[];
  info: readonly string[];
  /** What "it is still not solved" sounds like for this topic. */
  notSolved: readonly string[];
};
