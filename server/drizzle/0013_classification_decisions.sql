-- Classification beyond bands (docs/periods-and-classification.md): the council's band caps and its decisions on
-- ties straddling a quota's cut, and the predecessors of a unit (communes merged into it) for period mapping.
ALTER TABLE "units" ADD COLUMN "predecessor_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE TABLE "council_band_caps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"max_band" text NOT NULL,
	"reason" text NOT NULL,
	"document_number" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quota_tie_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"unit_type_id" uuid NOT NULL,
	"band" text NOT NULL,
	"unit_ids" uuid[] NOT NULL,
	"reason" text NOT NULL,
	"document_number" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "council_band_caps" ADD CONSTRAINT "council_band_caps_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_band_caps" ADD CONSTRAINT "council_band_caps_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_band_caps" ADD CONSTRAINT "council_band_caps_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_tie_decisions" ADD CONSTRAINT "quota_tie_decisions_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_tie_decisions" ADD CONSTRAINT "quota_tie_decisions_unit_type_id_unit_types_id_fk" FOREIGN KEY ("unit_type_id") REFERENCES "public"."unit_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quota_tie_decisions" ADD CONSTRAINT "quota_tie_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_band_caps_idx" ON "council_band_caps" USING btree ("period_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quota_tie_decisions_idx" ON "quota_tie_decisions" USING btree ("period_id","unit_type_id","band");
