"""A loopback fake of an OpenAI-compatible chat completions server (what Ollama, vLLM and llama.cpp serve).

Usage::

    async with FakeOpenAI() as llm:                     # serves http://127.0.0.1:<free port>/v1
        llm.answer = lambda request: "Wants NATO membership ..."     # the default behaviour, per request
        llm.script(Reply(status=429, headers={"Retry-After": "1"}), Reply(content="..."))  # next requests first
        ...                                               # point the real `openai` client at llm.base_url
        llm.requests                                      # [Call(...)], in arrival order
        llm.max_in_flight                                 # the most requests it was serving at once

`POST /v1/chat/completions` answers with a scripted Reply when one is queued (first in, first out), else with
`answer(call)` as the message content. A Reply can set the status, headers, a delay, the content, or a raw body
(for malformed answers). Anything else answers 404.
"""
from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Reply:
    """One scripted answer: content becomes a well-formed completion; `body` is sent as is instead."""

    content: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    body: str | None = None


@dataclass
class Call:
    """One recorded request."""

    headers: dict[str, str]
    json: Any
    time: float

    @property
    def user(self) -> str:
        """The user message (the prompt with the fenced sources)."""
        return next((m["content"] for m in self.json.get("messages", []) if m.get("role") == "user"), "")

    @property
    def system(self) -> str:
        return next((m["content"] for m in self.json.get("messages", []) if m.get("role") == "system"), "")

    @property
    def party(self) -> str:
        match = re.search(r"^Party: (.+)$", self.user, re.MULTILINE)
        return match.group(1) if match else ""

    @property
    def draft(self) -> str:
        match = re.search(r"^Draft line to improve \(from the sources\): (.+)$", self.user, re.MULTILINE)
        return match.group(1) if match else ""


def completion(content: str | None, model: str = "fake-model") -> dict:
    """A chat completion object as the OpenAI API returns it."""
    return {
        "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()), "model": model,
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


class FakeOpenAI:
    """Loopback model server: start with `await start()` (or `async with`), stop with `await stop()`."""

    def __init__(self, answer: Callable[[Call], str] | None = None) -> None:
        self.answer: Callable[[Call], str] = answer or (lambda call: call.draft)
        self.requests: list[Call] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._script: list[Reply] = []
        self._runner: web.AppRunner | None = None
        self.port = 0

    async def start(self) -> FakeOpenAI:
        app = web.Application()
        app.add_routes([web.post("/v1/chat/completions", self._completions)])
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeOpenAI:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """What BRIEFING_LLM_BASE_URL would say."""
        return f"http://127.0.0.1:{self.port}/v1"

    def script(self, *replies: Reply) -> None:
        """Answer the next requests with these replies, in order, before falling back to `answer`."""
        self._script.extend(replies)

    async def _completions(self, request: web.Request) -> web.StreamResponse:
        try:
            payload = await request.json()
        except json.JSONDecodeError:
            return web.json_response({"error": {"message": "bad json"}}, status=400)
        call = Call(dict(request.headers), payload, time.monotonic())
        self.requests.append(call)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            reply = self._script.pop(0) if self._script else Reply(content=self.answer(call))
            if reply.delay:
                await asyncio.sleep(reply.delay)
            if reply.body is not None:
                return web.Response(text=reply.body, status=reply.status, headers=reply.headers,
                                    content_type="application/json")
            if reply.status != 200:
                error = {"error": {"message": f"fake error {reply.status}", "type": "fake", "code": None}}
                return web.json_response(error, status=reply.status, headers=reply.headers)
            return web.json_response(completion(reply.content, payload.get("model", "")), headers=reply.headers)
        finally:
            self.in_flight -= 1
