"""A loopback fake of Slack for end-to-end tests: Web API, response_url sinks and the Socket Mode websocket.

Usage::

    async with FakeSlack() as slack:                 # serves http://127.0.0.1:<free port>
        settings = Settings(_env_file=None, slack_bot_token="xoxb-test", slack_api_url=slack.api_url, ...)
        slack.fail("chat.postMessage", status=429, retry_after=1)       # next call: 429 + Retry-After: 1
        slack.fail("chat.postMessage", error="channel_not_found", status=404, times=2)
        ...                                           # run the bot against it
        slack.calls("chat.postMessage")               # [Request(...)], in arrival order
        payload = slack.slash_command("nato")         # fields of a /briefing, with a fresh response_url
        await slack.wait_responses(payload["response_url"], 1)      # bodies posted to that response_url
        envelope_id = await slack.send_envelope(payload)            # Socket Mode: push to the connected bot
        await slack.wait_ack(envelope_id)

Web API: `POST /api/{method}` for auth.test, apps.connections.open (returns ws://127.0.0.1:PORT/link),
chat.postMessage, chat.postEphemeral, conversations.info; any other method answers
`{"ok": false, "error": "unknown_method"}`. Scripted failures (`fail`) are consumed first-in first-out per method.
A response_url (`POST /response/{id}`) accepts 5 bodies, as Slack does; the 6th gets 404 `used_url`.
Every request is recorded in `requests` (method, path, headers, raw body, parsed json or form, monotonic time).
"""
from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import WSMsgType, web

RESPONSE_URL_LIMIT = 5


@dataclass
class Request:
    """One recorded HTTP request."""

    method: str  # HTTP method
    path: str
    headers: dict[str, str]
    body: str
    json: Any = None
    form: dict[str, str] = field(default_factory=dict)
    time: float = 0.0  # time.monotonic()

    @property
    def data(self) -> dict:
        """The parameters, whichever way they were sent (JSON body or form)."""
        return self.json if isinstance(self.json, dict) else self.form

    @property
    def token(self) -> str:
        auth = self.headers.get("Authorization", "")
        return auth.removeprefix("Bearer ") if auth else self.form.get("token", "")


@dataclass
class Failure:
    status: int
    error: str | None
    retry_after: int | None


class FakeSlack:
    """Loopback Slack: start with `await start()` (or `async with`), stop with `await stop()`."""

    def __init__(self, *, team_id: str = "T0FAKE", bot_user_id: str = "U0BOT", app_id: str = "A0FAKE",
                 tokens: set[str] | None = None) -> None:
        self.team_id, self.bot_user_id, self.app_id = team_id, bot_user_id, app_id
        self.tokens = tokens  # when set, Web API calls with any other token get invalid_auth
        self.requests: list[Request] = []
        self.responses: dict[str, list[dict]] = {}  # response id -> bodies posted to its response_url
        self.acks: dict[str, dict] = {}  # envelope_id -> the ack message (with "time")
        self.sockets: list[web.WebSocketResponse] = []
        self.posted: list[dict] = []  # successful chat.postMessage/postEphemeral parameters
        self._failures: dict[str, list[Failure]] = {}
        self._ts = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle ---

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.add_routes([
            web.post("/api/{method}", self._api),
            web.post("/response/{id}", self._response),
            web.get("/link", self._link),
        ])
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        for ws in list(self.sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlack:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """The Web API base, for AsyncWebClient(base_url=...) / BRIEFING_SLACK_API_URL."""
        return f"{self.url}/api/"

    # --- scripting and inspection ---

    def fail(self, api_method: str, *, status: int = 200, error: str | None = None,
             retry_after: int | None = None, times: int = 1) -> None:
        """Answer the next `times` calls of `api_method` with an error (429 sets Retry-After, default 1 s)."""
        if status == 429 and retry_after is None:
            retry_after = 1
        failure = Failure(status, error or ("ratelimited" if status == 429 else "fatal_error"), retry_after)
        self._failures.setdefault(api_method, []).extend([failure] * times)

    def calls(self, api_method: str) -> list[Request]:
        """Recorded Web API requests of one method, in arrival order."""
        return [r for r in self.requests if r.path == f"/api/{api_method}"]

    def response_url(self) -> str:
        """A fresh response_url whose bodies land in `responses[id]`."""
        rid = uuid.uuid4().hex[:12]
        self.responses[rid] = []
        return f"{self.url}/response/{rid}"

    def responses_to(self, response_url: str) -> list[dict]:
        return self.responses.get(response_url.rstrip("/").rsplit("/", 1)[-1], [])

    def slash_command(self, text: str, *, command: str = "/briefing", channel_id: str = "C0GENERAL",
                      user_id: str = "U0ASKER", team_id: str | None = None) -> dict[str, str]:
        """The fields Slack sends for a slash command (form fields over HTTP, `payload` in Socket Mode)."""
        return {
            "token": "verification-token-unused",
            "team_id": team_id or self.team_id,
            "team_domain": "fake",
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": "asker",
            "command": command,
            "text": text,
            "api_app_id": self.app_id,
            "is_enterprise_install": "false",
            "response_url": self.response_url(),
            "trigger_id": f"{next(self._ts)}.{uuid.uuid4().int % 10**12}",
        }

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait until predicate() is truthy (re-checked on every request the fake sees); its value."""
        async def until() -> Any:
            async with self._changed:
                while not (value := predicate()):
                    await self._changed.wait()
                return value
        return await asyncio.wait_for(until(), timeout)

    async def wait_responses(self, response_url: str, count: int = 1, timeout: float = 5.0) -> list[dict]:
        await self.wait_for(lambda: len(self.responses_to(response_url)) >= count, timeout)
        return self.responses_to(response_url)

    # --- Socket Mode ---

    async def wait_connected(self, timeout: float = 5.0) -> web.WebSocketResponse:
        return await self.wait_for(lambda: self.sockets[-1] if self.sockets else None, timeout)

    async def send_envelope(self, payload: dict, *, type: str = "slash_commands") -> str:
        """Push an envelope to the newest Socket Mode connection; returns its envelope_id."""
        ws = await self.wait_connected()
        envelope_id = str(uuid.uuid4())
        await ws.send_str(json.dumps({
            "envelope_id": envelope_id, "type": type, "payload": payload, "accepts_response_payload": True,
            "retry_attempt": 0, "retry_reason": "",
        }))
        return envelope_id

    async def wait_ack(self, envelope_id: str, timeout: float = 5.0) -> dict:
        return await self.wait_for(lambda: self.acks.get(envelope_id), timeout)

    # --- handlers ---

    async def _record(self, request: web.Request) -> Request:
        body = await request.text()
        parsed: Any = None
        form: dict[str, str] = {}
        if request.content_type == "application/json" and body:
            parsed = json.loads(body)
        elif body:
            form = dict(parse_qsl(body, keep_blank_values=True))
        record = Request(request.method, request.path, dict(request.headers), body, parsed, form, time.monotonic())
        self.requests.append(record)
        await self._notify()
        return record

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _api(self, request: web.Request) -> web.Response:
        record = await self._record(request)
        method = request.match_info["method"]
        queue = self._failures.get(method)
        if queue:
            failure = queue.pop(0)
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after is not None else {}
            return web.json_response({"ok": False, "error": failure.error}, status=failure.status, headers=headers)
        if self.tokens is not None and record.token not in self.tokens:
            return web.json_response({"ok": False, "error": "invalid_auth"})
        answer = self._answer(method, record.data)
        if answer.get("ok") and method.startswith("chat.post"):
            self.posted.append({"method": method, **record.data})
            await self._notify()
        return web.json_response(answer)

    def _answer(self, method: str, data: dict) -> dict:
        ts = f"{1_700_000_000 + next(self._ts)}.000100"
        if method == "auth.test":
            return {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "briefing",
                    "team_id": self.team_id, "user_id": self.bot_user_id, "bot_id": "B0FAKE",
                    "is_enterprise_install": False}
        if method == "apps.connections.open":
            return {"ok": True, "url": f"ws://127.0.0.1:{self.port}/link"}
        if method == "chat.postMessage":
            return {"ok": True, "channel": data.get("channel"), "ts": ts,
                    "message": {"type": "message", "text": data.get("text", ""), "ts": ts}}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method == "conversations.info":
            return {"ok": True, "channel": {"id": data.get("channel"), "name": "general", "is_channel": True,
                                            "is_member": True, "is_archived": False}}
        return {"ok": False, "error": "unknown_method"}

    async def _response(self, request: web.Request) -> web.Response:
        record = await self._record(request)
        bodies = self.responses.setdefault(request.match_info["id"], [])
        if len(bodies) >= RESPONSE_URL_LIMIT:
            return web.Response(status=404, text="used_url")
        bodies.append(record.json if record.json is not None else record.form)
        await self._notify()
        return web.Response(text="ok")

    async def _link(self, request: web.Request) -> web.WebSocketResponse:
        await self._record(request)
        ws = web.WebSocketResponse(autoping=True)  # answers the SDK's pings with pongs
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_str(json.dumps({"type": "hello", "num_connections": len(self.sockets),
                                      "debug_info": {"host": "fake"}, "connection_info": {"app_id": self.app_id}}))
        await self._notify()
        try:
            async for msg in ws:
                if msg.type == WSMsgType.TEXT:
                    data = json.loads(msg.data)
                    if "envelope_id" in data:
                        self.acks[data["envelope_id"]] = {**data, "time": time.monotonic()}
                        await self._notify()
        finally:
            self.sockets.remove(ws)
            await self._notify()
        return ws
