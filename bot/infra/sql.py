"""Portable column types shared by the stores (subscriptions and the index)."""
from __future__ import annotations

from datetime import timezone

from sqlalchemy import DateTime, TypeDecorator

UTC = timezone.utc


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in, aware UTC out; stored naive UTC (SQLite keeps no offsets)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.astimezone(UTC).replace(tzinfo=None) if value is not None else None

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=UTC) if value is not None else None
