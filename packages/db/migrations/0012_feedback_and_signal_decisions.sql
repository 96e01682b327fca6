CREATE TABLE "question_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"helped" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "snoozed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signals" ADD COLUMN "outreach_task_id" uuid;--> statement-breakpoint
ALTER TABLE "question_feedback" ADD CONSTRAINT "question_feedback_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "question_feedback_question_party_uq" ON "question_feedback" USING btree ("question_id","party_id");--> statement-breakpoint
CREATE INDEX "question_feedback_tenant_idx" ON "question_feedback" USING btree ("tenant_id","created_at");--> statement-breakpoint
-- Signals decided before these columns existed: the decision time is the row's last update, the snooze
-- date and the outreach task come from the decision's audit row (the latest one per signal).
UPDATE "signals" SET "decided_at" = "updated_at" WHERE "status" <> 'open';--> statement-breakpoint
UPDATE "signals" s SET "snoozed_until" = (
	SELECT (a."details"->>'until')::timestamptz FROM "audit_events" a
	WHERE a."tenant_id" = s."tenant_id" AND a."action" = 'signal.snooze' AND s."id"::text = ANY(a."object_ids")
	ORDER BY a."at" DESC, a."id" DESC LIMIT 1
) WHERE s."status" = 'snoozed';--> statement-breakpoint
UPDATE "signals" s SET "outreach_task_id" = (
	SELECT (a."details"->>'taskId')::uuid FROM "audit_events" a
	WHERE a."tenant_id" = s."tenant_id" AND a."action" = 'signal.accept' AND s."id"::text = ANY(a."object_ids")
	ORDER BY a."at" DESC, a."id" DESC LIMIT 1
) WHERE s."status" = 'accepted';
