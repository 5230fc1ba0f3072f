"""Bringing a store made by an older version up to the current tables (SQLite and PostgreSQL alike).

Only additive changes: a nullable column the table lacks is added with ALTER TABLE, an index that replaced
another is made and the old one dropped. Several processes may start at once on one database, so each step
tolerates another process having done it first.
"""
from __future__ import annotations

from sqlalchemy import Index, Table, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.schema import CreateIndex
from sqlalchemy.sql.expression import Executable

RACES = (IntegrityError, OperationalError, ProgrammingError)  # another process made the same change first


def add_missing_columns(engine: Engine, table: Table) -> list[str]:
    """ALTER TABLE ... ADD COLUMN for each nullable column of `table` the database lacks; their names."""
    present = {column["name"] for column in inspect(engine).get_columns(table.name)}
    added = []
    for column in table.columns:
        if column.name in present or not column.nullable:
            continue
        kind = column.type.compile(dialect=engine.dialect)
        preparer = engine.dialect.identifier_preparer
        statement = (f"ALTER TABLE {preparer.quote(table.name)} "
                     f"ADD COLUMN {preparer.quote(column.name)} {kind}")
        tolerant(engine, text(statement))
        added.append(column.name)
    return added


def replace_index(engine: Engine, index: Index, old_names: tuple[str, ...] = ()) -> None:
    """Make `index` if missing, then drop the indexes it replaces (a unique key that gained a column)."""
    quote = engine.dialect.identifier_preparer.quote
    tolerant(engine, CreateIndex(index, if_not_exists=True),
             *(text(f"DROP INDEX IF EXISTS {quote(name)}") for name in old_names))


def tolerant(engine: Engine, *statements: Executable) -> None:
    """Run each statement in its own transaction; one that another process already ran (or that an older
    store's duplicates refuse) is skipped."""
    for statement in statements:
        try:
            with engine.begin() as conn:
                conn.execute(statement)
        except RACES:
            pass
