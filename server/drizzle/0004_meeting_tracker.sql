CREATE TABLE "council_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"unit_type_id" uuid NOT NULL,
	"minutes" text NOT NULL,
	"ranking" jsonb NOT NULL,
	"agreed_by" uuid NOT NULL,
	"agreed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "focus" jsonb;--> statement-breakpoint
ALTER TABLE "council_agreements" ADD CONSTRAINT "council_agreements_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_agreements" ADD CONSTRAINT "council_agreements_unit_type_id_unit_types_id_fk" FOREIGN KEY ("unit_type_id") REFERENCES "public"."unit_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_agreements" ADD CONSTRAINT "council_agreements_agreed_by_users_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_agreements_period_type_idx" ON "council_agreements" USING btree ("period_id","unit_type_id");