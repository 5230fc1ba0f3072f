"""One error family: every failure the user should see is a BriefingError carrying its exit status."""
from __future__ import annotations


class BriefingError(Exception):
    """A failure with a one-line message for the user; `exit_code` is what the CLI exits with."""

    exit_code = 1


class UsageError(BriefingError):
    """Bad usage or unreadable input (documents folder, target, topic)."""

    exit_code = 2


class ConfigError(BriefingError):
    """A setting or profile that cannot be used; the message names the file or variable and the key."""

    exit_code = 2


class ScheduleError(UsageError):
    """A schedule the user gave is invalid; the message names the bad part."""


class DuplicateSubscriptionError(UsageError):
    """The channel already has a subscription with this topic and schedule (`existing` is its id)."""

    def __init__(self, message: str, existing: int | None = None) -> None:
        super().__init__(message)
        self.existing = existing


class DeliveryError(BriefingError):
    """A post failed after bounded retries; the slot is marked failed and the next slot tries again."""


class DeliveryInterrupted(DeliveryError):
    """Shutdown stopped a post midway (e.g. in a 429 wait): `posted` of its messages went out, and `repeatable`
    says whether sending the whole post again shows nothing twice (Discord drops a repeated nonce)."""

    def __init__(self, message: str, posted: int, repeatable: bool) -> None:
        super().__init__(message)
        self.posted, self.repeatable = posted, repeatable


class PermanentDeliveryError(DeliveryError):
    """The channel is gone, access was lost or the token is invalid: pause the subscription."""


class ClockLockedError(BriefingError):
    """Another clock holds this store's scheduler lock (or took it over from us)."""

    exit_code = 3
