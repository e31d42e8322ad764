CREATE TABLE "result_publications" (
	"period_id" uuid PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"results" jsonb NOT NULL,
	"document_number" text NOT NULL,
	"leadership_at" timestamp with time zone NOT NULL,
	"units_at" timestamp with time zone,
	"public_at" timestamp with time zone,
	"published_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "result_publications" ADD CONSTRAINT "result_publications_period_id_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_publications" ADD CONSTRAINT "result_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;