"""The model's answers in the store (the same database as subscriptions), so a source sentence is paid for once
across briefings, restarts and processes (SQLite by default, PostgreSQL alike). The writer checks every stored
answer with the faithfulness guard again before it shows one; a rejected answer stays stored so that the same
question is not asked again."""
from __future__ import annotations

from datetime import datetime, timezone
from functools import cache
from types import ModuleType, SimpleNamespace


def _sqlalchemy() -> ModuleType:
    # Imported on first use: `brief` in the terminal starts without SQLAlchemy unless a model is configured.
    import sqlalchemy

    return sqlalchemy


@cache
def schema() -> SimpleNamespace:
    """The `model_lines` table (key: sha256 of source sentences, party, topic, model) and its metadata."""
    sa = _sqlalchemy()
    metadata = sa.MetaData()
    table = sa.Table(
        "model_lines", metadata,
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("line", sa.String(1000), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),  # naive UTC
    )
    return SimpleNamespace(metadata=metadata, table=table)


class SqlLineCache:
    """LineCache port over SQLAlchemy; blocking, short transactions (the writer calls it from threads)."""

    def __init__(self, url: str) -> None:
        self._sa = _sqlalchemy()
        args = {"timeout": 30} if url.startswith("sqlite") else {}
        self.engine = self._sa.create_engine(url, connect_args=args, pool_pre_ping=True)
        self._table = schema().table
        schema().metadata.create_all(self.engine)

    def get(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(self._sa.select(self._table.c.line).where(self._table.c.key == key)).scalar()

    def put(self, key: str, model: str, line: str) -> None:
        """Store an answer; the first writer of a key wins (another process may have stored it meanwhile)."""
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        try:
            with self.engine.begin() as conn:
                conn.execute(self._sa.insert(self._table).values(key=key, model=model, line=line, created_at=now))
        except self._sa.exc.IntegrityError:
            pass

    def count(self) -> int:
        """How many answers are stored (for tests and the operator)."""
        with self.engine.connect() as conn:
            return len(conn.execute(self._sa.select(self._table.c.key)).all())
