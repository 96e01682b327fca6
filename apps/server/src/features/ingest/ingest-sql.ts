// The ingest hot path in plain SQL, as named prepared statements: one round trip per step, so a
// contact costs about six round trips whatever it holds (see docs/decisions/0007-ingest-round-trips.md).

/** Takes the receipt (idempotency) and a reference number for a question this contact may open. */
export const takeReceipt = `
WITH taken AS (
  INSERT INTO receipts (tenant_id, channel, external_id, created_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT DO NOTHING RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM taken) AS taken, nextval('question_reference_seq')::text AS sequence`;

export const firstResult = `SELECT result FROM receipts WHERE tenant_id = $1 AND channel = $2 AND external_id = $3`;

/** Who owns these normalised identifiers, and whether that party was merged into another. */
export const findIdentifiers = `
SELECT pi.kind, pi.value, pi.party_id::text AS party_id, p.merged_into_id::text AS merged_into_id
  FROM party_identifiers pi JOIN parties p ON p.id = pi.party_id
 WHERE pi.tenant_id = $1 AND pi.value = ANY($2::text[])`;

export const mergedInto = `SELECT merged_into_id::text AS merged_into_id FROM parties WHERE id = $1`;

export const insertParty = `
INSERT INTO parties (id, tenant_id, kind, identity_level, display_name, given_name, family_name_prefix, family_name,
                     organisation_name, street, house_number, postcode, city, created_at, updated_at)
VALUES ($1, $2, $3, 'address-based', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`;

/**
 * A new address-based party with its identifiers in one statement. The unique index on identifiers
 * decides races: when a concurrent ingest took them first, nothing is inserted and `created` is 0.
 * (Foreign keys are checked at the end of the statement, after both inserts.)
 */
export const createPartyWithIdentifiers = `
WITH ident AS (
  INSERT INTO party_identifiers (tenant_id, party_id, kind, value, verification, created_at)
  SELECT $2::uuid, $1::uuid, kind, value, 'asserted-by-channel', $13::timestamptz
    FROM unnest($14::text[], $15::text[]) AS u(kind, value)
  ON CONFLICT DO NOTHING RETURNING 1
), party AS (
  INSERT INTO parties (id, tenant_id, kind, identity_level, display_name, given_name, family_name_prefix, family_name,
                       organisation_name, street, house_number, postcode, city, created_at, updated_at)
  SELECT $1::uuid, $2::uuid, $3::text, 'address-based', $4::text, $5::text, $6::text, $7::text, $8::text, $9::text,
         $10::text, $11::text, $12::text, $13::timestamptz, $13::timestamptz
   WHERE EXISTS (SELECT 1 FROM ident)
  RETURNING 1
)
SELECT count(*)::int AS created FROM party`;

export const addIdentifiers = `
INSERT INTO party_identifiers (tenant_id, party_id, kind, value, verification, created_at)
SELECT $1::uuid, $2::uuid, kind, value, 'asserted-by-channel', $3::timestamptz
  FROM unnest($4::text[], $5::text[]) AS u(kind, value)
ON CONFLICT DO NOTHING`;

export const representedBy = `
SELECT p.id::text AS id, p.display_name, r.kind
  FROM representations r JOIN parties p ON p.id = r.represented_party_id
 WHERE r.tenant_id = $1 AND r.representative_party_id = $2 AND r.valid_until IS NULL`;

/**
 * Everything threading and routing need, in one round trip: the tenant's teams and settings, the
 * explicit question, the question a thread key points at, quoted questions with who may quote them, and
 * the resident's open questions on the same topic within the suggestion window.
 */
export const threadingFacts = `
SELECT
  (SELECT coalesce(json_agg(json_build_object('id', t.id, 'topicIds', t.topic_ids, 'isGeneral', t.is_general)
                            ORDER BY t.created_at, t.id), '[]'::json)
     FROM teams t WHERE t.tenant_id = $1) AS teams,
  (SELECT settings FROM tenants WHERE id = $1) AS settings,
  (SELECT json_build_object('id', q.id, 'reference', q.reference, 'teamId', q.team_id)
     FROM questions q WHERE q.id = $2::uuid AND q.tenant_id = $1) AS explicit_question,
  (SELECT json_build_object('id', q.id, 'reference', q.reference, 'teamId', q.team_id)
     FROM interactions i JOIN questions q ON q.id = i.question_id
    WHERE i.tenant_id = $1 AND i.thread_key = ANY($3::text[])
    ORDER BY i.occurred_at DESC LIMIT 1) AS thread_key_question,
  (SELECT coalesce(json_agg(json_build_object(
            'id', coalesce(q.merged_into_id, q.id),
            'members', array_remove(array[q.resident_party_id], NULL) || array(
               SELECT r.representative_party_id FROM representations r
                WHERE r.represented_party_id = q.resident_party_id AND r.valid_until IS NULL))
            ORDER BY q.sequence), '[]'::json)
     FROM questions q WHERE q.tenant_id = $1 AND q.reference = ANY($4::text[])) AS quoted,
  (SELECT coalesce(json_agg(json_build_object('id', q.id, 'lastActivityAt', q.last_activity_at)), '[]'::json)
     FROM questions q
    WHERE q.tenant_id = $1 AND q.resident_party_id = $5::uuid AND q.topic_id = $6 AND q.status <> 'resolved'
      AND q.merged_into_id IS NULL AND q.last_activity_at >= $7) AS open_same_topic`;

export const questionById = `SELECT id::text, reference, team_id::text AS team_id FROM questions WHERE id = $1`;

/**
 * The contact itself, in one statement: a new question (or the existing one touched), the interaction,
 * its involvements, the outbox row, the receipt's result and the NOTIFY that live streams hear after
 * commit. Data-modifying CTEs all run; foreign keys are checked at the end of the statement. An inbound
 * contact reopens a resolved question and puts one waiting on the resident back to open; the existing
 * question is locked first (current_question), so the status history row it writes (status_change)
 * holds the status it really had, also when another contact or an employee changes it at the same time.
 */
export const writeContact = `
WITH new_question AS (
  INSERT INTO questions (id, tenant_id, reference, sequence, resident_party_id, topic_id, status, confidential,
                         due_at, team_id, opened_at, last_activity_at)
  SELECT $3::uuid, $1::uuid, $4::text, $5::bigint, $6::uuid, $7::text, 'open', $8::boolean, $9::timestamptz,
         $10::uuid, $11::timestamptz, $11::timestamptz
   WHERE $2::boolean
  RETURNING id
), current_question AS (
  SELECT id, status FROM questions WHERE id = $3 AND NOT $2::boolean FOR UPDATE
), touched AS (
  UPDATE questions q
     SET last_activity_at = GREATEST(q.last_activity_at, $11),
         status = CASE WHEN $12 = 'inbound' AND c.status = 'resolved' THEN 'reopened'
                       WHEN $12 = 'inbound' AND c.status = 'waiting-on-resident' THEN 'open' ELSE c.status END,
         resolved_at = CASE WHEN $12 = 'inbound' THEN NULL ELSE q.resolved_at END
    FROM current_question c
   WHERE q.id = c.id
  RETURNING q.id, c.status AS from_status, q.status AS to_status
), status_change AS (
  INSERT INTO question_status_changes (tenant_id, question_id, from_status, to_status, at, interaction_id)
  SELECT $1::uuid, id, from_status, to_status, $11::timestamptz, $13::uuid FROM touched
   WHERE from_status <> to_status
), interaction AS (
  INSERT INTO interactions (id, tenant_id, question_id, channel, direction, occurred_at, received_at, subject, text,
                            language, external_id, thread_key, employee_id, bot_id)
  VALUES ($13, $1, $3, $14, $12, $11, $15, $16, $17, $18, $19, $20, $21, $22)
  RETURNING id
), involvement AS (
  INSERT INTO interaction_parties (tenant_id, interaction_id, party_id, timeline_party_id, role, initiator, contact_name,
                                   occurred_at)
  SELECT $1::uuid, $13::uuid, party_id, timeline_party_id, role, initiator, contact_name, $11::timestamptz
    FROM unnest($23::uuid[], $24::uuid[], $25::text[], $26::boolean[], $27::text[])
         AS u(party_id, timeline_party_id, role, initiator, contact_name)
), event AS (
  INSERT INTO outbox (tenant_id, type, payload, created_at)
  VALUES ($1, 'interaction.received', json_build_object('interactionId', $13::text, 'questionId', $3::text), $15)
  RETURNING id
), receipt AS (
  UPDATE receipts SET result = $28::jsonb WHERE tenant_id = $1 AND channel = $14 AND external_id = $19
)
SELECT pg_notify('omniloket_events', json_build_object(
         'eventId', event.id::text, 'tenantId', $1::text, 'type', 'interaction.created', 'questionId', $3::text,
         'interactionId', $13::text, 'teamId', $29::text)::text) AS notified,
       (SELECT count(*) FROM new_question) + (SELECT count(*) FROM touched) AS questions,
       (SELECT count(*) FROM interaction) AS interactions
  FROM event`;

export const insertSubjectLinks = `
INSERT INTO subject_links (tenant_id, interaction_id, object_type, object_id, register, object_id_kind)
SELECT $1::uuid, $2::uuid, t, i, r, k FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS u(t, i, r, k)`;

export const insertAttachments = `
INSERT INTO attachments (tenant_id, interaction_id, file_name, content_type, size_bytes, sha256, quarantined)
SELECT $1::uuid, $2::uuid, n, c, s, h, q FROM unnest($3::text[], $4::text[], $5::int[], $6::text[], $7::boolean[]) AS u(n, c, s, h, q)`;

export const insertSuggestions = `
INSERT INTO threading_suggestions (tenant_id, interaction_id, question_id, reason)
SELECT $1::uuid, $2::uuid, q, r FROM unnest($3::uuid[], $4::text[]) AS u(q, r)`;
