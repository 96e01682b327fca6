CREATE TABLE "question_status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"interaction_id" uuid,
	"employee_id" uuid
);
--> statement-breakpoint
ALTER TABLE "question_status_changes" ADD CONSTRAINT "question_status_changes_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_status_changes_question_idx" ON "question_status_changes" USING btree ("tenant_id","question_id","at");--> statement-breakpoint
-- The history before this table: an employee's status changes are in the audit log (question.change
-- with fromStatus and toStatus in its details), one row per question it names. A contact's reopening
-- was never recorded, so it cannot be recovered here.
INSERT INTO "question_status_changes" ("tenant_id", "question_id", "from_status", "to_status", "at", "employee_id")
SELECT q."tenant_id", q."id", a."details"->>'fromStatus', a."details"->>'toStatus', a."at",
       CASE WHEN a."actor_type" = 'employee' AND a."actor_id" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            THEN a."actor_id"::uuid END
  FROM "audit_events" a
  CROSS JOIN LATERAL unnest(a."object_ids") AS o("question_id")
  JOIN "questions" q ON q."id"::text = o."question_id" AND q."tenant_id" = a."tenant_id"
 WHERE a."action" = 'question.change'
   AND jsonb_typeof(a."details"->'fromStatus') = 'string'
   AND jsonb_typeof(a."details"->'toStatus') = 'string'
   AND a."details"->>'fromStatus' <> a."details"->>'toStatus'
 ORDER BY a."at", a."id";--> statement-breakpoint
-- Everything one evaluation of the signal rules reads for some residents, as one JSON document (see
-- apps/server/src/features/signals/signal-inputs.ts). A function, so its plan is kept per connection:
-- planning this statement took longer than running it. The audit actions are written out, not passed,
-- so the partial index audit_events_question_history_idx serves that lookup. Migration 0015 adds the
-- questions' status history ('statusChanges', from question_status_changes); the rest is as in 0014.
CREATE OR REPLACE FUNCTION signal_inputs(p_tenant uuid, p_parties uuid[], p_since timestamptz, p_purpose text)
RETURNS json LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN (
    WITH c AS (
      SELECT ip.timeline_party_id AS "partyId", i.id, i.question_id AS "questionId", i.channel,
             i.direction, i.occurred_at AS "occurredAt", i.subject, i.text
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
