-- Version 4: what each statement is and how its speaker was found.
-- act: speech | belief | intention | perception (from the cue's verb class);
-- speaker_via: name | alias | descriptor | pronoun | continuity | document;
-- speakers: every coordinated speaker (JSON list of speaker records; speaker_* is the first).
-- Rows written before this version are speech, as the quotes stage then kept only cues of saying.

ALTER TABLE quotes ADD COLUMN act VARCHAR DEFAULT 'speech';
ALTER TABLE quotes ADD COLUMN speaker_via VARCHAR;
ALTER TABLE quotes ADD COLUMN speakers JSON;
CREATE INDEX quotes_act ON quotes (act);
