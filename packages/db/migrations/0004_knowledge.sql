CREATE TABLE "canned_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"topic_id" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "canned_texts_tenant_name_uq" ON "canned_texts" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "knowledge_answers_search_idx" ON "knowledge_answers" USING gin (to_tsvector('dutch', "title" || ' ' || "body"));--> statement-breakpoint
CREATE INDEX "knowledge_answers_tenant_topic_idx" ON "knowledge_answers" USING btree ("tenant_id","topic_id");