"""The model's answers in the store (the same database as subscriptions), so a source sentence is paid for once
across briefings, restarts and processes (SQLite by default, PostgreSQL alike). The writer checks every stored
answer with the faithfulness guard again before it shows one; a rejected answer stays stored so that the same
question is not asked again."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, MetaData, String, Table, create_engine, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

metadata = MetaData()

model_lines = Table(
    "model_lines", metadata,
    Column("key", String(64), primary_key=True),  # sha256 of (source sentences, party, topic, model)
    Column("model", String(200), nullable=False),
    Column("line", String(1000), nullable=False),
    Column("created_at", DateTime, nullable=False),  # naive UTC
)


class SqlLineCache:
    """LineCache port over SQLAlchemy; blocking, short transactions (the writer calls it from threads)."""

    def __init__(self, url_or_engine: str | Engine) -> None:
        if isinstance(url_or_engine, Engine):
            self.engine = url_or_engine
        else:
            args = {"timeout": 30} if url_or_engine.startswith("sqlite") else {}
            self.engine = create_engine(url_or_engine, connect_args=args, pool_pre_ping=True)
        metadata.create_all(self.engine)

    def get(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(model_lines.c.line).where(model_lines.c.key == key)).scalar()

    def put(self, key: str, model: str, line: str) -> None:
        """Store a line; the first writer of a key wins (another process may have stored it meanwhile)."""
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(model_lines).values(key=key, model=model, line=line, created_at=now))
        except IntegrityError:
            pass

    def count(self) -> int:
        """How many lines are stored (for tests and the operator)."""
        with self.engine.connect() as conn:
            return len(conn.execute(select(model_lines.c.key)).all())
