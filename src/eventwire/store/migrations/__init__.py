"""Numbered schema migrations, applied in order, each in one transaction.

A migration is a file `NNN_name.sql` in this folder (`001_initial.sql`,
`002_clusters.sql`, ...). The store records each applied version in the
`schema_version` table; opening an older database applies the missing ones.
To change the schema, add the next number; never edit an applied file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import StoreError

FOLDER = Path(__file__).parent
_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations(folder: Path = FOLDER) -> list[Migration]:
    """All migrations in `folder`, checked to be numbered 1, 2, 3... without gaps."""
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise StoreError(f"{path}: migration files must be named NNN_name.sql")
        found.append(Migration(int(match.group(1)), match.group(2), path.read_text(encoding="utf-8")))
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise StoreError(f"{folder}: migration {expected:03d} is missing (found {migration.version:03d})")
    return found
