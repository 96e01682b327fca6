CREATE TABLE "employee_presence" (
	"employee_id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"presence" text DEFAULT 'offline' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_assigned_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "skill_topic_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "employees" ADD COLUMN "languages" text[] DEFAULT '{nld}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "employee_presence_tenant_idx" ON "employee_presence" USING btree ("tenant_id","presence");