"""The one Settings class; built once by the composition root, never at import."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DOCUMENTS = REPO_ROOT / "seeds"


@dataclass(frozen=True)
class SlackSettings:
    """What the Slack adapter and delivery need; secrets are plain strings for the client library, never shown."""

    bot_token: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    api_url: str = "https://slack.com/api/"


@dataclass(frozen=True)
class DiscordSettings:
    """What the Discord adapter and delivery need; the token is never shown."""

    token: str | None = field(default=None, repr=False)
    api_base: str = "https://discord.com/api/v10"
    gateway_url: str | None = None


@dataclass(frozen=True)
class ModelSettings:
    """What the optional model writer needs; the API key is never shown."""

    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 10.0
    max_calls: int = 30


def _env(name: str, *aliases: str) -> AliasChoices:
    return AliasChoices(f"BRIEFING_{name}", *aliases)


class Settings(BaseSettings):
    """Deployment settings from the environment or a `.env` file (a contract: docs/architecture.md)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    documents: Path = Field(DEFAULT_DOCUMENTS, validation_alias=_env("DOCUMENTS"))
    profile: Path | None = Field(None, validation_alias=_env("PROFILE"))
    database_url: str = Field(
        f"sqlite:///{REPO_ROOT / 'briefing.sqlite3'}", validation_alias=_env("DATABASE_URL")
    )
    timezone: str = Field("UTC", validation_alias=_env("TIMEZONE"))

    discord_token: SecretStr | None = Field(None, validation_alias=_env("DISCORD_TOKEN", "DISCORD_TOKEN"))
    discord_api_base: str = Field(
        "https://discord.com/api/v10", validation_alias=_env("DISCORD_API_BASE")
    )
    discord_gateway_url: str | None = Field(None, validation_alias=_env("DISCORD_GATEWAY_URL"))

    slack_bot_token: SecretStr | None = Field(
        None, validation_alias=_env("SLACK_BOT_TOKEN", "SLACK_BOT_TOKEN")
    )
    slack_app_token: SecretStr | None = Field(
        None, validation_alias=_env("SLACK_APP_TOKEN", "SLACK_APP_TOKEN")
    )
    slack_signing_secret: SecretStr | None = Field(
        None, validation_alias=_env("SLACK_SIGNING_SECRET", "SLACK_SIGNING_SECRET")
    )
    slack_api_url: str = Field("https://slack.com/api/", validation_alias=_env("SLACK_API_URL"))

    llm_base_url: str | None = Field(None, validation_alias=_env("LLM_BASE_URL"))
    llm_model: str | None = Field(None, validation_alias=_env("LLM_MODEL"))
    llm_api_key: SecretStr | None = Field(None, validation_alias=_env("LLM_API_KEY"))
    llm_timeout: float = Field(10.0, gt=0, le=600, validation_alias=_env("LLM_TIMEOUT"))
    llm_max_calls: int = Field(30, ge=0, validation_alias=_env("LLM_MAX_CALLS"))

    misfire_grace_seconds: int = Field(3600, validation_alias=_env("MISFIRE_GRACE_SECONDS"))
    port: int = Field(3000, validation_alias=AliasChoices("PORT", "BRIEFING_PORT"))

    @property
    def llm(self) -> ModelSettings | None:
        """The model writer's settings; None (offline lines only) when no base URL is set."""
        if not (self.llm_base_url or "").strip():
            return None
        return ModelSettings(self.llm_base_url.strip(), (self.llm_model or "").strip(), self.secret("llm_api_key"),
                             self.llm_timeout, self.llm_max_calls)

    @property
    def discord_enabled(self) -> bool:
        return self.discord_token is not None

    @property
    def slack_enabled(self) -> bool:
        return self.slack_bot_token is not None and (
            self.slack_app_token is not None or self.slack_signing_secret is not None
        )

    @property
    def slack(self) -> SlackSettings:
        return SlackSettings(self.secret("slack_bot_token"), self.secret("slack_app_token"),
                             self.secret("slack_signing_secret"), self.slack_api_url)

    @property
    def discord(self) -> DiscordSettings:
        return DiscordSettings(self.secret("discord_token"), self.discord_api_base, self.discord_gateway_url)

    def secrets(self) -> list[str]:
        """Every secret value that is set (for log redaction)."""
        names = ("discord_token", "slack_bot_token", "slack_app_token", "slack_signing_secret", "llm_api_key")
        return [value for value in map(self.secret, names) if value]

    def secret(self, name: str) -> str | None:
        """The plain value of a secret field (only for handing to a client library)."""
        value = getattr(self, name)
        return value.get_secret_value() if value is not None else None
