CREATE TABLE "quarantined_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid,
	"channel" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"raw_sha256" text,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reply_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"interaction_id" uuid,
	"suggested_channel" text,
	"suggestion_reason" text NOT NULL,
	"chosen_channel" text NOT NULL,
	"override_reason" text,
	"employee_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "delivery_error" text;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "reply_channel" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE INDEX "quarantined_messages_tenant_idx" ON "quarantined_messages" USING btree ("tenant_id","received_at");--> statement-breakpoint
CREATE INDEX "reply_decisions_question_idx" ON "reply_decisions" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "interactions_external_id_idx" ON "interactions" USING btree ("tenant_id","channel","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_idempotency_key_uq" ON "outbox" USING btree ("idempotency_key");