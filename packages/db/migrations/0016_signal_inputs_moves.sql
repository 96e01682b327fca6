DROP INDEX "audit_events_question_history_idx";--> statement-breakpoint
CREATE INDEX "audit_events_question_moves_idx" ON "audit_events" USING gin ("object_ids") WITH (fastupdate=false) WHERE "audit_events"."action" IN ('question.change', 'question.transfer', 'question.classify') AND ("audit_events"."action" = 'question.transfer' OR ("audit_events"."details" ->> 'fromTeamId') IS DISTINCT FROM ("audit_events"."details" ->> 'toTeamId'));--> statement-breakpoint
-- Everything one evaluation of the signal rules reads for some residents, as one JSON document (see
-- apps/server/src/features/signals/signal-inputs.ts). A function, so its plan is kept per connection:
-- planning this statement took longer than running it. The audit actions are written out, not passed,
-- with the same condition as the partial index audit_events_question_moves_idx, so that index serves the
-- lookup. Migration 0016: only moves between teams or employees are read from the audit log (status
-- changes come from question_status_changes since 0015), and a contact's subject and text only when it
-- is inbound (the rules read only the resident's own words; the municipality's replies were half of
-- what a rescan carried over the wire).
CREATE OR REPLACE FUNCTION signal_inputs(p_tenant uuid, p_parties uuid[], p_since timestamptz, p_purpose text)
RETURNS json LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN (
    WITH c AS (
      SELECT ip.timeline_party_id AS "partyId", i.id, i.question_id AS "questionId", i.channel,
             i.direction, i.occurred_at AS "occurredAt",
             CASE WHEN i.direction = 'inbound' THEN i.subject END AS subject,
             CASE WHEN i.direction = 'inbound' THEN i.text ELSE '' END AS text
        FROM interaction_parties ip JOIN interactions i ON i.id = ip.interaction_id
       WHERE ip.tenant_id = p_tenant AND ip.timeline_party_id = ANY(p_parties) AND ip.occurred_at >= p_since
    ), q AS (
      SELECT id, reference, resident_party_id AS "residentPartyId", topic_id AS "topicId", status,
             opened_at AS "openedAt", resolved_at AS "resolvedAt", due_at AS "dueAt", team_id AS "teamId"
        FROM questions
       WHERE merged_into_id IS NULL
         AND id IN (SELECT qq.id FROM questions qq WHERE qq.tenant_id = p_tenant AND qq.resident_party_id = ANY(p_parties)
                    UNION SELECT c."questionId" FROM c)
    )
    SELECT json_build_object(
      'contacts', (SELECT coalesce(json_agg(c), '[]'::json) FROM c),
      'questions', (SELECT coalesce(json_agg(q), '[]'::json) FROM q),
      'tasks', (SELECT coalesce(json_agg(t), '[]'::json) FROM (
         SELECT tk.id, tk.question_id AS "questionId", tk.kind, tk.status, tk.due_at AS "dueAt",
                tk.created_at AS "createdAt", tk.completed_at AS "completedAt"
           FROM tasks tk WHERE tk.tenant_id = p_tenant AND tk.question_id IN (SELECT q.id FROM q)) t),
      'statusChanges', (SELECT coalesce(json_agg(sc ORDER BY sc.at, sc.id), '[]'::json) FROM (
         SELECT qsc.id::text AS id, qsc.question_id AS "questionId", qsc.from_status AS "from",
                qsc.to_status AS "to", qsc.at
           FROM question_status_changes qsc
          WHERE qsc.tenant_id = p_tenant AND qsc.question_id IN (SELECT q.id FROM q)) sc),
      'audit', (SELECT coalesce(json_agg(a), '[]'::json) FROM (
         SELECT ae.id::text AS id, ae.at, ae.action, ae.object_ids AS "objectIds", ae.details
           FROM audit_events ae
          WHERE ae.tenant_id = p_tenant AND ae.action IN ('question.change', 'question.transfer', 'question.classify')
            AND (ae.action = 'question.transfer' OR (ae.details ->> 'fromTeamId') IS DISTINCT FROM (ae.details ->> 'toTeamId'))
            AND ae.object_ids && ARRAY(SELECT q.id::text FROM q)) a),
      'decided', (SELECT coalesce(json_agg(d ORDER BY d."createdAt" DESC), '[]'::json) FROM (
         SELECT cd.question_id AS "questionId", cd.topic_id AS "topicId", cd.created_at AS "createdAt"
           FROM classification_decisions cd
          WHERE cd.tenant_id = p_tenant AND cd.question_id IN (SELECT q.id FROM q WHERE q."topicId" IS NULL)) d),
      'consents', (SELECT coalesce(json_agg(k ORDER BY k."recordedAt" DESC, k.id DESC), '[]'::json) FROM (
         SELECT cs.party_id AS "partyId", cs.given, cs.recorded_at AS "recordedAt", cs.id
           FROM consents cs
          WHERE cs.tenant_id = p_tenant AND cs.purpose = p_purpose AND cs.party_id = ANY(p_parties)) k),
      'existing', (SELECT coalesce(json_agg(s), '[]'::json) FROM (
         SELECT sg.party_id AS "partyId", sg.rule_id AS "ruleId", sg.rule_version AS "ruleVersion", sg.key,
                sg.evidence, sg.explanation, sg.status
           FROM signals sg WHERE sg.tenant_id = p_tenant AND sg.party_id = ANY(p_parties)) s),
      'settings', (SELECT tn.settings FROM tenants tn WHERE tn.id = p_tenant),
      'modelState', (SELECT json_build_object('n', count(*), 'latest', max(ce.created_at))
         FROM classifier_examples ce WHERE ce.tenant_id = p_tenant)
    )
  );
END
$fn$;
--> statement-breakpoint
-- The same for a few residents (the evaluation after a contact), with one generic plan kept per
-- connection: signal_inputs on its own makes a new plan for every call, because the planner's guess for
-- an unknown number of residents looks worse than a plan for the actual number, and for one resident
-- planning takes longer than running (about 1.0 against 1.5 ms in all on the demo). A rescan's batches
-- call signal_inputs itself and get a plan for their size.
CREATE OR REPLACE FUNCTION signal_inputs_few(p_tenant uuid, p_parties uuid[], p_since timestamptz, p_purpose text)
RETURNS json LANGUAGE sql STABLE SET plan_cache_mode = force_generic_plan AS $fn$
  SELECT signal_inputs(p_tenant, p_parties, p_since, p_purpose)
$fn$;
--> statement-breakpoint
-- Stores signal findings (new, or with changed evidence, explanation or rule version) in one statement,
-- leaving an employee's decision (status) alone. Findings are derived data: should the server stop just
-- after the commit, the next evaluation writes them again, so unless p_durable the commit does not wait
-- for the disk (synchronous_commit off for this transaction only). An evaluation that also removes the
-- signals of a resident who withdrew consent passes p_durable: those must not come back.
CREATE OR REPLACE FUNCTION store_signal_findings(p_tenant uuid, p_now timestamptz, p_findings json, p_durable boolean)
RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  written integer;
BEGIN
  IF NOT p_durable THEN
    PERFORM set_config('synchronous_commit', 'off', true);
  END IF;
  INSERT INTO signals (tenant_id, party_id, rule_id, rule_version, key, evidence, explanation, detected_at,
                       created_at, updated_at)
  SELECT p_tenant, f."partyId", f."ruleId", f."ruleVersion", f.key, f.evidence, f.explanation, f."detectedAt",
         p_now, p_now
    FROM json_to_recordset(p_findings)
         AS f("partyId" uuid, "ruleId" text, "ruleVersion" integer, key text, evidence jsonb, explanation text,
              "detectedAt" timestamptz)
  ON CONFLICT (tenant_id, party_id, rule_id, key) DO UPDATE
     SET rule_version = excluded.rule_version, evidence = excluded.evidence,
         explanation = excluded.explanation, updated_at = excluded.updated_at
   WHERE signals.evidence IS DISTINCT FROM excluded.evidence
      OR signals.explanation IS DISTINCT FROM excluded.explanation
      OR signals.rule_version IS DISTINCT FROM excluded.rule_version;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$fn$;
