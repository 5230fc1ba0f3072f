"""HTTP GET for feeds and pages: a named User-Agent, timeouts, conditional GET, a size cap, no binaries."""
from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

USER_AGENT = "briefing-bot/0.1 (news briefing bot; fetches feeds and articles it is configured with)"
MAX_BYTES = 3 * 1024 * 1024  # a news page or feed is far smaller; anything bigger is not worth reading
TIMEOUT = 15.0
_TEXT_TYPES = ("text/", "application/xml", "application/rss", "application/atom", "application/xhtml",
               "application/rdf", "application/json", "application/feed")


class FetchError(Exception):
    """A source could not be read; the message is one line and names the source."""


@dataclass(frozen=True, slots=True)
class Validators:
    """What the server gave us to ask 'changed since?' next time (ETag, Last-Modified)."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    charset: str | None
    validators: Validators

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One pooled HTTP client for a refresh; every failure becomes a FetchError naming the URL."""

    def __init__(self, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, user_agent: str = USER_AGENT) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=5,
                                    headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"})

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str, validators: Validators | None = None, accept: str = "*/*") -> Response:
        """The body of `url` (empty on 304); raises FetchError for network errors, HTTP errors, big or binary bodies."""
        if not url.startswith(("http://", "https://")):
            raise FetchError(f"{url}: not an http(s) address")
        headers = {"Accept": accept, **(validators.headers() if validators else {})}
        try:
            with self._client.stream("GET", url, headers=headers) as reply:
                return self._read(url, reply)
        except httpx.TimeoutException:
            raise FetchError(f"{url}: timed out after {self.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: unreachable ({exc.__class__.__name__}: {_short(exc)})") from None

    def _read(self, url: str, reply: httpx.Response) -> Response:
        validators = Validators(reply.headers.get("etag"), reply.headers.get("last-modified"))
        content_type = reply.headers.get("content-type", "").split(";")[0].strip().lower()
        if reply.status_code == 304:
            return Response(str(reply.url), 304, b"", content_type, None, validators)
        if reply.status_code >= 400:
            raise FetchError(f"{url}: HTTP {reply.status_code} {reply.reason_phrase}".rstrip())
        if content_type and not content_type.startswith(_TEXT_TYPES):
            raise FetchError(f"{url}: not text ({content_type})")
        declared = reply.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: {int(declared) // 1024} KB is over the {self.max_bytes // 1024} KB limit")
        body = self._body(url, reply)
        if b"\x00" in body[:8192]:
            raise FetchError(f"{url}: binary content")
        return Response(str(reply.url), reply.status_code, body, content_type, reply.charset_encoding, validators)

    def _body(self, url: str, reply: httpx.Response) -> bytes:
        deadline = time.monotonic() + 2 * self.timeout  # a server dripping bytes must not hold a refresh forever
        chunks, size = [], 0
        for chunk in reply.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: over the {self.max_bytes // 1024} KB limit")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: timed out while reading")
            chunks.append(chunk)
        return b"".join(chunks)


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text[:120] or "no answer"
