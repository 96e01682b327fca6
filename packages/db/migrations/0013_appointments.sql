CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_slots_capacity_ck" CHECK ("appointment_slots"."capacity" >= 0),
	CONSTRAINT "appointment_slots_period_ck" CHECK ("appointment_slots"."ends_at" > "appointment_slots"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"replaces_id" uuid,
	CONSTRAINT "appointments_status_ck" CHECK ("appointments"."status" in ('booked', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "counter_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"weekly_pattern" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"slot_minutes" integer DEFAULT 15 NOT NULL,
	"slot_capacity" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counter_locations_slot_minutes_ck" CHECK ("counter_locations"."slot_minutes" > 0),
	CONSTRAINT "counter_locations_slot_capacity_ck" CHECK ("counter_locations"."slot_capacity" > 0)
);
--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_location_id_counter_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."counter_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slots_location_start_uq" ON "appointment_slots" USING btree ("location_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointment_slots_tenant_start_idx" ON "appointment_slots" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_slot_idx" ON "appointments" USING btree ("slot_id","status");--> statement-breakpoint
CREATE INDEX "appointments_party_idx" ON "appointments" USING btree ("tenant_id","party_id","status");--> statement-breakpoint
CREATE INDEX "appointments_question_idx" ON "appointments" USING btree ("question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_slot_party_booked_uq" ON "appointments" USING btree ("slot_id","party_id") WHERE "appointments"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "counter_locations_tenant_idx" ON "counter_locations" USING btree ("tenant_id");