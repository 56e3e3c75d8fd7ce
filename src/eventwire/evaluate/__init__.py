"""Scoring stages against gold data: one module per stage, each a plain function plus `format_report`."""
