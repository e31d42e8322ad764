-- Ranking rows have one shape everywhere (docs/api.md, "Ranking rows"): the unit nested as
-- {id, code, name, unitType}, a `standing`, and `why` the unit has its band. Council agreements and publications
-- frozen before this migration carry flat rows ({unitCode, unitName, rank, …}); they are rewritten in the new shape
-- with their frozen figures, names and codes unchanged. `why` is derived exactly as the code derives it: the band
-- the index alone reaches under the period's bands; when the frozen class is lower, the override rule that set it.
-- Only rows still in the old shape are touched, so running this again changes nothing.

CREATE FUNCTION ca_percent_text(bp numeric, locale text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN locale = 'vi' THEN replace(t, '.', ',') ELSE t END
  FROM (SELECT regexp_replace(to_char(bp / 100.0, 'FM9999990.00'), '\.?0+$', '') AS t) x
$$;--> statement-breakpoint
CREATE FUNCTION ca_ranking_why(rules jsonb, idx numeric, cls text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  WITH by_index AS (
    SELECT (
      SELECT b->>'code' FROM jsonb_array_elements(rules->'classificationBands') b
      WHERE (b->>'minIndex')::numeric <= round(idx * 100)
      ORDER BY (b->>'minIndex')::numeric DESC LIMIT 1
    ) AS band
  ),
  rule AS (
    SELECT o, band.b AS band
    FROM jsonb_array_elements(coalesce(rules->'classificationOverrides', '[]'::jsonb)) WITH ORDINALITY AS x(o, n)
    LEFT JOIN LATERAL (
      SELECT b FROM jsonb_array_elements(rules->'classificationBands') b WHERE b->>'code' = o->>'band' LIMIT 1
    ) band ON true
    WHERE o->>'band' = cls
    ORDER BY n DESC LIMIT 1
  )
  SELECT CASE
    WHEN cls IS NULL THEN NULL
    WHEN (SELECT band FROM by_index) IS NOT DISTINCT FROM cls OR NOT EXISTS (SELECT 1 FROM rule) THEN
      jsonb_build_object('basis', 'index', 'bandByIndex', (SELECT band FROM by_index), 'override', NULL)
    ELSE (
      SELECT jsonb_build_object(
        'basis', 'override',
        'bandByIndex', (SELECT band FROM by_index),
        'override', jsonb_build_object(
          'source', 'rule',
          'reason', format('Có lĩnh vực đạt dưới %s%%: không xếp loại cao hơn "%s".',
            ca_percent_text((o->>'areaIndexBelow')::numeric, 'vi'), coalesce(band->>'label', o->>'band')),
          'reasonEn', format('An area is below %s%%: no band above "%s".',
            ca_percent_text((o->>'areaIndexBelow')::numeric, 'en'), coalesce(band->>'labelEn', o->>'band')),
          'documentNumber', NULL
        )
      ) FROM rule
    )
  END
$$;--> statement-breakpoint
-- The figures every ranking row carries, from an old flat row (its frozen code and name kept).
CREATE FUNCTION ca_ranked_row(r jsonb, unit_id uuid, unit_type text, rules jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'unit', jsonb_build_object('id', unit_id, 'code', r->>'unitCode', 'name', r->>'unitName', 'unitType', unit_type),
    'standing', CASE WHEN r->'rank' IS NULL OR r->'rank' = 'null'::jsonb THEN 'unranked' ELSE 'ranked' END,
    'rank', r->'rank',
    'total', r->'total',
    'index', r->'index',
    'classification', r->'classification',
    'why', coalesce(ca_ranking_why(rules, (r->>'index')::numeric, r->>'classification'), 'null'::jsonb)
  )
$$;--> statement-breakpoint
UPDATE council_agreements a SET ranking = (
  SELECT coalesce(jsonb_agg(
    ca_ranked_row(r, u.id, ut.code, p.rules) || jsonb_build_object('dossierId', r->'dossierId')
    ORDER BY e.n), '[]'::jsonb)
  FROM jsonb_array_elements(a.ranking) WITH ORDINALITY AS e(r, n)
  JOIN dossiers d ON d.id = (r->>'dossierId')::uuid
  JOIN units u ON u.id = d.unit_id
  JOIN unit_types ut ON ut.id = u.unit_type_id
  JOIN periods p ON p.id = a.period_id
)
WHERE jsonb_typeof(a.ranking) = 'array' AND a.ranking->0 ? 'unitCode';--> statement-breakpoint
UPDATE result_publications rp SET results = jsonb_set(rp.results, '{unitTypes}', (
  SELECT coalesce(jsonb_agg(
    type - 'rows' || jsonb_build_object('rows', (
      SELECT coalesce(jsonb_agg(
        ca_ranked_row(r, u.id, type->>'code', p.rules) || jsonb_build_object(
          'max', r->'max',
          'classificationLabel', r->'classificationLabel',
          'classificationLabelEn', r->'classificationLabelEn',
          'areas', r->'areas'
        ) ORDER BY e.n), '[]'::jsonb)
      FROM jsonb_array_elements(type->'rows') WITH ORDINALITY AS e(r, n)
      JOIN units u ON u.code = r->>'unitCode'
      JOIN periods p ON p.id = rp.period_id
    ))
    ORDER BY t.n), '[]'::jsonb)
  FROM jsonb_array_elements(rp.results->'unitTypes') WITH ORDINALITY AS t(type, n)
))
WHERE rp.results->'unitTypes'->0->'rows'->0 ? 'unitCode';--> statement-breakpoint
DROP FUNCTION ca_ranked_row(jsonb, uuid, text, jsonb);--> statement-breakpoint
DROP FUNCTION ca_ranking_why(jsonb, numeric, text);--> statement-breakpoint
DROP FUNCTION ca_percent_text(numeric, text);
