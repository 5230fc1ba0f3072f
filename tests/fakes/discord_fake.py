"""A loopback fake of Discord (REST + gateway websocket) for driving the real discord.py in tests.

Usage::

    fake = await FakeDiscord().start()          # serves on 127.0.0.1, a free port
    fake.api_base      # "http://127.0.0.1:PORT/api/v10"  -> BRIEFING_DISCORD_API_BASE / discord.http.Route.BASE
    fake.gateway_url   # "ws://127.0.0.1:PORT/gateway"    -> BRIEFING_DISCORD_GATEWAY_URL
    fake.token         # the bot token it accepts (any other gets 401)
    ...
    await fake.stop()

Identities (plain ints/strings, change them before start() if needed): `application_id`, `bot_id`, `guild_id`,
`channel_id`, `user_id` (the member who runs commands), `token`.

REST, under /api/v10 (answers with a raw body and exactly `Content-Type: application/json`, because discord.py
parses JSON only for that exact header):
  GET  /users/@me, /oauth2/applications/@me, /gateway, /gateway/bot
  PUT|GET /applications/{app}/commands, /applications/{app}/guilds/{guild}/commands  (stored in `commands`)
  POST /interactions/{id}/{token}/callback                (with or without ?with_response=1)
  POST /webhooks/{app}/{token}[?wait=true]                (follow-ups; 204 unless wait=true)
  GET|PATCH|DELETE /webhooks/{app}/{token}/messages/{id|@original}
  POST /channels/{id}/messages                            (what a scheduler posts)
  anything else: 404 {"code": 0}
Every REST request is recorded as a `Recorded` in `fake.requests` (method, path without /api/v10, query, json,
time from time.monotonic(), status answered). Find them with `fake.find(method, glob)` or wait for one with
`await fake.wait_for(method, glob, timeout=...)`; `glob` is an fnmatch pattern such as "/webhooks/*".
`fake.messages()` lists the accepted message-creating requests (follow-ups, original-response edits, channel posts);
`fake.commands[guild_id or None]` holds what the last PUT registered.

Failure injection: `fake.fail("POST", "/channels/*/messages", status=429, times=2, retry_after=0.05)` answers the
next 2 matching requests with 429 (JSON body with retry_after, `Retry-After` and `Via` headers: without `Via`
discord.py takes a 429 for a Cloudflare ban and raises at once) or with any other status (403 -> code 50001
Missing Access, 5xx -> Internal Server Error). Failed requests are recorded too, with their status.

Gateway (GET /gateway, websocket, plain JSON frames; discord.py accepts them although it asks for zlib-stream):
HELLO(op 10) -> client IDENTIFY(op 2) -> READY -> GUILD_CREATE; heartbeat op 1 -> op 11; RESUME(op 6) -> RESUMED.
`await fake.wait_ready(timeout)` waits until a client identified; `fake.identify` holds its IDENTIFY payload.
`await fake.inject_command({"topic": "nato"})` sends an INTERACTION_CREATE for /briefing (returns the interaction
id and token, whose callback and follow-ups you can then wait for); `await fake.inject_autocomplete("topic", "na")`
sends the autocomplete interaction (the choices come back in the callback's json["data"]["choices"]).
"""
from __future__ import annotations

import asyncio
import fnmatch
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

API = "/api/v10"
JSON = "application/json"  # exactly this: discord.py ignores bodies with "; charset=utf-8"
EPHEMERAL = 64
PERMISSIONS_ALL = str((1 << 50) - 1)


@dataclass
class Recorded:
    """One REST request the fake received."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    time: float
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _Failure:
    method: str
    glob: str
    status: int
    times: int
    retry_after: float
    accept: bool = False  # do what was asked, then answer `status` (a reply lost after the post was made)


class FakeDiscord:
    """Discord REST + gateway on 127.0.0.1; records requests, injects interactions, scripts failures."""

    def __init__(self, token: str = "fake-bot-token.NOT-A-REAL-ONE.xyz") -> None:
        self.token = token
        self.application_id = 111000000000000001
        self.bot_id = 111000000000000001
        self.guild_id = 222000000000000002
        self.channel_id = 333000000000000003
        self.user_id = 444000000000000004
        self.requests: list[Recorded] = []
        self.commands: dict[int | None, list[dict]] = {}  # guild id (None: global) -> registered commands
        self.identify: dict | None = None
        self.frames: list[dict] = []  # every gateway frame received from the client
        self._failures: list[_Failure] = []
        self.channel_posts: list[dict] = []  # messages created by POST /channels/{id}/messages, once each
        self._by_nonce: dict[tuple[str, str], dict] = {}  # (channel, nonce) -> the message it created
        self._ids = itertools.count(900000000000000001)
        self._sockets: list[web.WebSocketResponse] = []
        self._seq = 0
        self._changed = asyncio.Event()
        self._ready = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ---- lifecycle -------------------------------------------------------------------------------------------
    async def start(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> FakeDiscord:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        return self.base_url + API

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # ---- test API --------------------------------------------------------------------------------------------
    def fail(self, method: str, glob: str, status: int, times: int = 1, retry_after: float = 0.05,
             accept: bool = False) -> None:
        """Answer the next `times` requests matching `method` and fnmatch `glob` with `status` (with `accept`:
        after doing what they asked, as when Discord made the post but the answer never arrived)."""
        self._failures.append(_Failure(method.upper(), glob, status, times, retry_after, accept))

    def find(self, method: str, glob: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method.upper() and fnmatch.fnmatchcase(r.path, glob)]

    async def wait_for(self, method: str, glob: str, timeout: float = 5.0, count: int = 1, where=None) -> Recorded:
        """The `count`-th recorded request matching method, glob and predicate `where` (waits up to `timeout`)."""
        async def poll() -> Recorded:
            while True:
                self._changed.clear()
                found = [r for r in self.find(method, glob) if where is None or where(r)]
                if len(found) >= count:
                    return found[count - 1]
                await self._changed.wait()

        return await asyncio.wait_for(poll(), timeout)

    async def wait_ready(self, timeout: float = 5.0) -> None:
        """Until a client has identified and received READY and GUILD_CREATE."""
        await asyncio.wait_for(self._ready.wait(), timeout)

    async def inject_command(
        self, options: dict[str, Any] | None = None, *, name: str = "briefing", permissions: str = PERMISSIONS_ALL
    ) -> tuple[int, str]:
        """Send INTERACTION_CREATE for a slash command; returns (interaction id, interaction token)."""
        opts = [{"name": k, "type": 5 if isinstance(v, bool) else 3, "value": v} for k, v in (options or {}).items()]
        return await self._interaction(2, {"id": str(self._command_id(name)), "name": name, "type": 1,
                                           "options": opts, "guild_id": str(self.guild_id)}, permissions)

    async def inject_autocomplete(self, option: str, typed: str, *, name: str = "briefing") -> tuple[int, str]:
        """Send the autocomplete INTERACTION_CREATE (type 4) for `option` with `typed` so far."""
        opts = [{"name": option, "type": 3, "value": typed, "focused": True}]
        return await self._interaction(4, {"id": str(self._command_id(name)), "name": name, "type": 1,
                                           "options": opts, "guild_id": str(self.guild_id)}, PERMISSIONS_ALL)

    def messages(self) -> list[Recorded]:
        """Every accepted message-creating request: follow-ups, original-response edits, channel posts."""
        return [r for r in self.requests if r.status < 300 and (
            (r.method == "POST" and fnmatch.fnmatchcase(r.path, "/webhooks/*"))
            or (r.method == "PATCH" and fnmatch.fnmatchcase(r.path, "/webhooks/*/messages/*"))
            or (r.method == "POST" and fnmatch.fnmatchcase(r.path, "/channels/*/messages")))]

    # ---- payloads --------------------------------------------------------------------------------------------
    def user(self, user_id: int | None = None, bot: bool = False) -> dict:
        uid = user_id or self.user_id
        return {"id": str(uid), "username": "briefing-bot" if bot else "analyst", "discriminator": "0",
                "global_name": None, "avatar": None, "bot": bot, "public_flags": 0}

    def guild(self) -> dict:
        channel = {"id": str(self.channel_id), "type": 0, "name": "briefings", "position": 0,
                   "guild_id": str(self.guild_id), "permission_overwrites": [], "nsfw": False, "parent_id": None}
        return {"id": str(self.guild_id), "name": "Fake Guild", "icon": None, "owner_id": str(self.user_id),
                "roles": [{"id": str(self.guild_id), "name": "@everyone", "permissions": PERMISSIONS_ALL,
                           "position": 0, "color": 0, "hoist": False, "managed": False, "mentionable": False}],
                "channels": [channel], "threads": [], "members": [], "emojis": [], "stickers": [],
                "features": [], "member_count": 2, "large": False, "unavailable": False,
                "joined_at": "2026-01-01T00:00:00+00:00", "verification_level": 0,
                "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0,
                "premium_tier": 0, "preferred_locale": "en-US", "nsfw_level": 0, "voice_states": [],
                "presences": [], "stage_instances": [], "guild_scheduled_events": [], "system_channel_flags": 0}

    def message(self, channel_id: int | str, body: dict) -> dict:
        return {"id": str(next(self._ids)), "channel_id": str(channel_id), "type": 0,
                "content": body.get("content") or "", "embeds": body.get("embeds") or [],
                "author": self.user(self.bot_id, bot=True), "attachments": [], "mentions": [],
                "mention_roles": [], "mention_everyone": False, "pinned": False, "tts": False,
                "timestamp": "2026-01-01T00:00:00+00:00", "edited_timestamp": None,
                "flags": body.get("flags") or 0, "components": [], "webhook_id": str(self.application_id)}

    def _command_id(self, name: str) -> int:
        for commands in self.commands.values():
            for command in commands:
                if command["name"] == name:
                    return int(command["id"])
        return 555000000000000005

    async def _interaction(self, itype: int, data: dict, permissions: str) -> tuple[int, str]:
        interaction_id = next(self._ids)
        token = f"interaction-token-{interaction_id}"
        payload = {
            "id": str(interaction_id), "application_id": str(self.application_id), "type": itype, "data": data,
            "guild_id": str(self.guild_id), "guild": {"id": str(self.guild_id), "locale": "en-US", "features": []},
            "channel_id": str(self.channel_id),
            "channel": {"id": str(self.channel_id), "type": 0, "guild_id": str(self.guild_id), "name": "briefings"},
            "member": {"user": self.user(), "roles": [], "joined_at": "2026-01-01T00:00:00+00:00", "deaf": False,
                       "mute": False, "flags": 0, "pending": False, "nick": None, "permissions": permissions},
            "token": token, "version": 1, "app_permissions": PERMISSIONS_ALL, "locale": "en-US",
            "guild_locale": "en-US", "entitlements": [], "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,  # discord.py 2.7 raises KeyError without it
        }
        await self._dispatch("INTERACTION_CREATE", payload)
        return interaction_id, token

    # ---- gateway ---------------------------------------------------------------------------------------------
    async def _dispatch(self, event: str, data: dict) -> None:
        if not self._sockets:
            raise RuntimeError("no gateway client connected")
        self._seq += 1
        await self._sockets[-1].send_str(json.dumps({"op": 0, "t": event, "s": self._seq, "d": data}))

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(msg.data)
                self.frames.append(frame)
                await self._on_frame(ws, frame)
        finally:
            self._sockets.remove(ws)
        return ws

    async def _on_frame(self, ws: web.WebSocketResponse, frame: dict) -> None:
        op = frame.get("op")
        if op == 1:
            await ws.send_str(json.dumps({"op": 11}))
        elif op == 2:
            self.identify = frame["d"]
            if frame["d"].get("token") != self.token:
                await ws.close(code=4004, message=b"Authentication failed.")
                return
            await self._dispatch("READY", {
                "v": 10, "user": self.user(self.bot_id, bot=True), "guilds": [{"id": str(self.guild_id),
                                                                               "unavailable": True}],
                "session_id": "fake-session", "resume_gateway_url": self.gateway_url,
                "application": {"id": str(self.application_id), "flags": 0}, "private_channels": [],
                "relationships": [], "presences": [], "guild_join_requests": [], "geo_ordered_rtc_regions": [],
            })
            await self._dispatch("GUILD_CREATE", self.guild())
            self._ready.set()
        elif op == 6:
            await self._dispatch("RESUMED", {})

    # ---- REST ------------------------------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        raw = await request.text()
        try:
            body = json.loads(raw) if raw and request.content_type == JSON else (raw or None)
        except ValueError:
            body = raw
        record = Recorded(request.method, path, dict(request.query), body, time.monotonic(),
                          headers=dict(request.headers))
        self.requests.append(record)
        try:
            scripted = self._scripted(record)
            if scripted is None or scripted[0] is None:
                answer = self._answer(request, record)
                scripted = answer if scripted is None else scripted[1]
            record.status, payload, headers = scripted
        finally:
            self._changed.set()
        if record.status == 204:
            return web.Response(status=204, headers=headers)
        return web.Response(status=record.status, body=json.dumps(payload).encode(),
                            headers={"Content-Type": JSON, **headers})

    def _scripted(self, record: Recorded) -> Any:
        """A scripted answer; (None, answer) when the request is to be carried out first."""
        for failure in self._failures:
            if failure.times > 0 and failure.method == record.method and fnmatch.fnmatchcase(record.path, failure.glob):
                failure.times -= 1
                if failure.accept:
                    return None, (failure.status, {"message": "Bad Gateway", "code": 0}, {})
                if failure.status == 429:
                    return 429, {"message": "You are being rate limited.", "retry_after": failure.retry_after,
                                 "global": False}, {"Retry-After": str(failure.retry_after), "Via": "1.1 google",
                                                    "X-RateLimit-Scope": "user"}
                if failure.status == 403:
                    return 403, {"message": "Missing Access", "code": 50001}, {}
                if failure.status == 404:
                    return 404, {"message": "Unknown Channel", "code": 10003}, {}
                return failure.status, {"message": "Internal Server Error", "code": 0}, {}
        return None

    def _answer(self, request: web.Request, record: Recorded) -> tuple[int, Any, dict]:
        if request.headers.get("Authorization") not in (f"Bot {self.token}", None):
            return 401, {"message": "401: Unauthorized", "code": 0}, {}
        method, parts, body = record.method, record.path.strip("/").split("/"), record.json
        if parts == ["users", "@me"]:
            return 200, self.user(self.bot_id, bot=True), {}
        if parts == ["oauth2", "applications", "@me"]:
            return 200, {"id": str(self.application_id), "name": "Briefing", "description": "", "icon": None,
                         "bot_public": False, "bot_require_code_grant": False, "owner": self.user(),
                         "verify_key": "00" * 32, "flags": 0, "team": None, "summary": ""}, {}
        if parts == ["gateway"]:
            return 200, {"url": self.gateway_url}, {}
        if parts == ["gateway", "bot"]:
            return 200, {"url": self.gateway_url, "shards": 1, "session_start_limit": {
                "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}}, {}
        if parts[0] == "applications" and parts[-1] == "commands":
            guild = int(parts[3]) if len(parts) == 5 else None
            if method == "PUT":
                self.commands[guild] = [self._registered(c, guild) for c in body or []]
            return 200, self.commands.get(guild, []), {}
        if parts[0] == "interactions" and parts[-1] == "callback":
            return self._callback(record, int(parts[1]))
        if parts[0] == "webhooks" and len(parts) == 3 and method == "POST":
            if request.query.get("wait") in ("true", "1", "True"):
                return 200, self.message(self.channel_id, body or {}), {}
            return 204, None, {}
        if parts[0] == "webhooks" and len(parts) == 5 and parts[3] == "messages":
            if method == "DELETE":
                return 204, None, {}
            return 200, self.message(self.channel_id, body or {}), {}
        if parts[0] == "channels" and parts[-1] == "messages" and method == "POST":
            return 200, self._channel_post(parts[1], body or {}), {}
        return 404, {"message": "404: Not Found", "code": 0}, {}

    def _channel_post(self, channel: str, body: dict) -> dict:
        """Create a message; with `enforce_nonce`, a nonce seen before in this channel returns that message
        instead of a second one (as Discord does for a few minutes)."""
        key = (channel, str(body.get("nonce")))
        if body.get("enforce_nonce") and body.get("nonce") is not None and key in self._by_nonce:
            return self._by_nonce[key]
        created = self.message(channel, body)
        self.channel_posts.append(created)
        if body.get("nonce") is not None:
            self._by_nonce[key] = created
        return created

    def _registered(self, command: dict, guild: int | None) -> dict:
        out = {"type": 1, "options": [], "default_member_permissions": None, "dm_permission": True,
               "nsfw": False, "contexts": None, "integration_types": [0], **command}
        out.update(id=str(next(self._ids)), application_id=str(self.application_id), version=str(next(self._ids)))
        if guild is not None:
            out["guild_id"] = str(guild)
        return out

    def _callback(self, record: Recorded, interaction_id: int) -> tuple[int, Any, dict]:
        body = record.json or {}
        if record.query.get("with_response") not in ("1", "true"):
            return 204, None, {}
        flags = (body.get("data") or {}).get("flags") or 0
        return 200, {"interaction": {
            "id": str(interaction_id), "type": 2, "activity_instance_id": None, "response_message_id": None,
            "response_message_loading": body.get("type") == 5, "response_message_ephemeral": bool(flags & EPHEMERAL),
        }, "resource": {"type": body.get("type")}}, {}
