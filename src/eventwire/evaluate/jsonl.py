"""Reading the JSONL gold and judged files under eval/: one JSON object per line.

Every problem is an `InputError` naming the file and line, so a broken hand-edited
gold file says where it broke.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError


def read_jsonl(path: str | Path, required: Iterable[str] = (), nonempty: bool = False) -> list[dict[str, Any]]:
    """The objects of `path` (blank lines skipped); each must have the `required` keys (and, with
    `nonempty`, non-empty values for them)."""
    path = Path(path)
    required = tuple(required)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}", f"not valid JSON: {exc}") from exc
        if not isinstance(row, dict):
            raise InputError(f"{path}:{n}", "expected a JSON object")
        missing = [k for k in required if k not in row or (nonempty and not row[k])]
        if missing:
            raise InputError(f"{path}:{n}", f"missing field(s) {missing}; each line needs {list(required)}")
        rows.append(row)
    return rows
