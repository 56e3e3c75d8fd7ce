-- Version 3: one event per occurrence, and how sure each event is.
-- mentions holds every mention of the occurrence in its article
-- ([{text, start, end}], offsets into articles.text); confidence is the
-- event's calibrated confidence (NULL = not scored, counted). Events below
-- the [events] min_confidence of config.toml are kept but not counted.

ALTER TABLE events ADD COLUMN mentions JSON;
ALTER TABLE events ADD COLUMN confidence DOUBLE;
