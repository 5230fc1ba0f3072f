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

    def bind_processor(self, dialect):
        """The bound value of the last datetime object seen is kept: an ingest writes one `now` into thousands
        of rows (first sightings), each otherwise converted and formatted again. Datetimes are immutable."""
        convert = super().bind_processor(dialect)
        last: tuple = (None, None)

        def process(value):
            nonlocal last
            seen = last  # one tuple, swapped whole: threads sharing the processor never mix two values
            if value is not None and value is seen[0]:
                return seen[1]
            out = convert(value) if convert is not None else value
            last = (value, out)
            return out
        return process

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=UTC) if value is not None else None
