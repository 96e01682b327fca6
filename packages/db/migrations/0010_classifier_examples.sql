CREATE TABLE "classification_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"topic_id" text,
	"best_topic_id" text,
	"confidence" real NOT NULL,
	"language" text NOT NULL,
	"reason" text NOT NULL,
	"explanation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"alternatives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"from_team_id" uuid,
	"to_team_id" uuid,
	"model_examples" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "classifier_examples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"question_id" uuid,
	"text" text NOT NULL,
	"topic_id" text NOT NULL,
	"previous_topic_id" text,
	"source" text DEFAULT 'correction' NOT NULL,
	"employee_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "classification_decisions_question_idx" ON "classification_decisions" USING btree ("tenant_id","question_id","created_at");--> statement-breakpoint
CREATE INDEX "classifier_examples_tenant_idx" ON "classifier_examples" USING btree ("tenant_id","created_at");