"""What every API walk of the conformance test shares: the demo account, polling deadlines, the facts the
Bulk walk discovers (workspace, models) for the others, and small request/check helpers.

A walk sends requests through Client (every response is validated against the spec operation of its
method+path+status by the Recorder) and adds CHECK lines for behaviour both sources agree on."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field

from sandbox_session import Client, Recorder

DEMO_USER = "demo@anadesk.test"
DEMO_PASSWORD = "Sandbox-Demo-1"
TASK_DEADLINE_S = 90.0   # a task of the sandbox takes ~3 s; generous so a loaded machine never flakes
POLL_INTERVAL_S = 0.25   # the sandbox derives task state from its clock: fast polling is harmless there
TERMINAL = ("COMPLETE", "CANCELLED")
UNKNOWN_ID32 = "0123456789ABCDEF0123456789ABCDEF"  # well-formed, never seeded


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass
class WalkContext:
    """What the Bulk walk found, handed to the other APIs' walks."""
    ws: str
    model: str                       # the UNLOCKED model the walk works in (the demo model)
    models: list[dict] = field(default_factory=list)

    def model_named(self, state: str) -> dict | None:
        return next((m for m in self.models if m.get("activeState") == state), None)


class WalkBase:
    def __init__(self, client: Client, recorder: Recorder):
        self.c = client
        self.r = recorder

    def get_json(self, path, **kw):
        response = self.c.request("GET", path, **kw)
        return response, (response.json() if response is not None else None)

    def send(self, method: str, path: str, body=None, **kw):
        """A request with an optional JSON body; (response, parsed JSON or None)."""
        response = self.c.request(method, path, json_body=body, **kw)
        return response, (response.json() if response is not None else None)

    def expect_status(self, response, wanted: tuple[int, ...], what: str) -> bool:
        if response is None:
            return False
        return self.r.check(f"{what}: status {'/'.join(map(str, wanted))}", response.status in wanted,
                            f"{response.method} {response.path} answered {response.status}: "
                            f"{response.body[:200]!r}")

    def expect_keys(self, obj, keys, what: str) -> bool:
        """obj is a dict holding every key (values may be null)."""
        missing = sorted(set(keys) - set(obj)) if isinstance(obj, dict) else sorted(keys)
        return self.r.check(f"{what}: has {', '.join(sorted(keys))}", not missing, f"missing {missing}")

    def delete_and_gone(self, path: str, what: str):
        """DELETE path answers 200; then GET and a second DELETE of it answer 404."""
        response, _ = self.send("DELETE", path, label="delete")
        self.expect_status(response, (200,), f"delete {what}")
        response, _ = self.get_json(path, label="deleted")
        self.expect_status(response, (404,), f"GET a deleted {what}")
        response, _ = self.send("DELETE", path, label="again")
        self.expect_status(response, (404,), f"delete a deleted {what}")

    def poll(self, path: str, done, what: str, pick=lambda body: body) -> dict | None:
        """GET path until done(pick(body)) is true; every poll is validated. pick(body) (None when never done
        within TASK_DEADLINE_S or a poll fails). Also returns the states seen via self.last_states."""
        deadline = time.monotonic() + TASK_DEADLINE_S
        self.last_states: list = []
        while time.monotonic() < deadline:
            response, body = self.get_json(path, label=f"poll {what}")
            if response is None or response.status != 200 or not isinstance(body, dict):
                self.r.check(f"{what}: poll answers 200", False, f"{response.status if response else 'not sent'}")
                return None
            item = pick(body)
            self.last_states.append(item)
            if done(item):
                return item
            time.sleep(POLL_INTERVAL_S)
        self.r.check(f"{what}: ends within {TASK_DEADLINE_S:.0f} s", False, f"last seen {self.last_states[-1:]}")
        return None
