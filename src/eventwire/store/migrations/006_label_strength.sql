-- Version 6: how evaluative a loaded-language label is, in [0, 1] (NULL for
-- the other label kinds), written by the framing stage's loaded-language model.

ALTER TABLE labels ADD COLUMN strength DOUBLE;
