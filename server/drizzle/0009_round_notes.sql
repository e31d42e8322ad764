-- A council review's comment is a `comments` row (kind internal, or request for explanation). Until now the
-- review also copied it into the round's score row as `note`, which the dossier presented beside the score: an
-- internal note reached the agency once the round was released (issue 13). The score rows of the council's
-- stages no longer carry a note; the copies already written are cleared (the comments and the audit log keep them).
UPDATE scores SET note = '' WHERE stage IN ('round1', 'round2', 'agreed') AND note <> '';
