-- Scoring kinds (docs/scoring-kinds.md). Each leaf says how an answer becomes points: `points` (a number on the
-- step, as before: every existing leaf), `levels` (a rubric, `levels` = [{code, label, labelEn?, description?,
-- points}]), `yesno` (two levels, yes and no) or `quantity` (figures through `quantity_rule`, either
-- {type: "bands", measure, bands: [{atLeast, points}], otherwise} or {type: "proportional", measure, fullAt,
-- rounding}). All numbers are whole hundredths: points, figures, and thresholds (a rate's 80 % is 8000).
-- Each stage of a score, and each explanation's proposal, keeps what was answered beside the points derived from
-- it: `level` (a code of the leaf's levels) or `figures` ({value} or {numerator, denominator}).
ALTER TABLE "comments" ADD COLUMN "proposed_level" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "proposed_figures" jsonb;--> statement-breakpoint
ALTER TABLE "index_items" ADD COLUMN "scoring_kind" text DEFAULT 'points' NOT NULL;--> statement-breakpoint
ALTER TABLE "index_items" ADD COLUMN "levels" jsonb;--> statement-breakpoint
ALTER TABLE "index_items" ADD COLUMN "quantity_rule" jsonb;--> statement-breakpoint
ALTER TABLE "scores" ADD COLUMN "level" text;--> statement-breakpoint
ALTER TABLE "scores" ADD COLUMN "figures" jsonb;--> statement-breakpoint
ALTER TABLE "index_items" ADD CONSTRAINT "index_items_scoring_kind_check" CHECK ("scoring_kind" IN ('points', 'levels', 'yesno', 'quantity'));
