"""The model client: any OpenAI-compatible chat completions server (a hosted API, Ollama, vLLM, llama.cpp's
server) through the official `openai` client. Failures become ModelError with a status and nothing else:
the API key is never logged and never part of an error."""
from __future__ import annotations

import email.utils
import time
from types import ModuleType

from bot.app.ports import ModelError

MAX_TOKENS = 96  # one line of at most 20 words, with room for a tokenizer's appetite


def _openai() -> ModuleType:
    # Imported on first use: the client library takes about as long to import as a whole offline briefing
    # takes to run, and most deployments configure no model.
    import openai

    return openai


class OpenAICompatibleModel:
    """LineModel adapter: one short, low-temperature completion per call, no client-side retries (the writer
    decides about 429s, within its deadline)."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: float = 10.0) -> None:
        self.name = model
        self._base_url = base_url
        self._api_key = api_key
        self._timeout = timeout
        self._openai = _openai()  # now, not inside a briefing's deadline

    def __repr__(self) -> str:
        return f"OpenAICompatibleModel(base_url={self._base_url!r}, model={self.name!r})"

    async def complete(self, system: str, user: str) -> str:
        """The answer's text; ModelError('HTTP 429', retry_after), ('HTTP 500'), ('timeout'), ... otherwise."""
        # One client per call: an AsyncOpenAI client belongs to the event loop it first ran on, and callers
        # run each briefing in its own loop (asyncio.run from worker threads).
        openai = self._openai
        client = openai.AsyncOpenAI(base_url=self._base_url, api_key=self._api_key or "unused",
                                    timeout=self._timeout, max_retries=0)
        try:
            async with client:
                response = await client.chat.completions.create(
                    model=self.name, temperature=0.0, max_tokens=MAX_TOKENS,
                    messages=[{"role": "system", "content": system}, {"role": "user", "content": user}],
                )
        except openai.APITimeoutError:
            raise ModelError("timeout") from None
        except openai.APIStatusError as exc:
            retry = _retry_after(exc.response.headers.get("retry-after")) if exc.status_code == 429 else None
            raise ModelError(f"HTTP {exc.status_code}", retry) from None
        except openai.APIConnectionError:
            raise ModelError("connection failed") from None
        except (openai.OpenAIError, ValueError, TypeError, KeyError):
            raise ModelError("malformed answer") from None
        return _text(response)


def _text(response) -> str:
    """The first choice's message text; ModelError when the answer has none."""
    choices = getattr(response, "choices", None) or []
    message = getattr(choices[0], "message", None) if choices else None
    content = getattr(message, "content", None)
    if not isinstance(content, str):
        raise ModelError("malformed answer (no message text)")
    return content


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, parsed.timestamp() - time.time())
