"""Portable SQL shared by the stores: aware UTC datetimes, and columns added to tables an older version made."""
from __future__ import annotations

from datetime import timezone

from sqlalchemy import DateTime, Table, TypeDecorator, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

UTC = timezone.utc


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in, aware UTC out; stored naive UTC (SQLite keeps no offsets)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.astimezone(UTC).replace(tzinfo=None) if value is not None else None

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=UTC) if value is not None else None


def add_missing_columns(engine: Engine, table: Table) -> list[str]:
    """ALTER TABLE … ADD COLUMN for each column of `table` the database lacks (a store made by an older
    version); a NOT NULL column needs a server_default so existing rows get it. Returns the columns added."""
    present = {c["name"] for c in inspect(engine).get_columns(table.name)}
    preparer = engine.dialect.identifier_preparer
    added = []
    for column in table.columns:
        if column.name in present:
            continue
        kind = column.type.compile(dialect=engine.dialect)
        default = f" DEFAULT {_default(column, engine)}" if column.server_default is not None else ""
        null = " NOT NULL" if not column.nullable and default else ""
        statement = (f"ALTER TABLE {preparer.quote(table.name)} ADD COLUMN {preparer.quote(column.name)} "
                     f"{kind}{default}{null}")
        try:
            with engine.begin() as conn:
                conn.execute(text(statement))
            added.append(column.name)
        except (OperationalError, ProgrammingError):  # another process added it at the same moment
            if column.name not in {c["name"] for c in inspect(engine).get_columns(table.name)}:
                raise
    return added


def _default(column, engine: Engine) -> str:
    """The column's server default as SQL of this database (false() is 0 on SQLite, false on PostgreSQL)."""
    arg = column.server_default.arg
    if isinstance(arg, str):
        return "'" + arg.replace("'", "''") + "'"
    return str(arg.compile(dialect=engine.dialect))
