"""Runs anadesk-sandbox on a free loopback port and talks to it over HTTP (stdlib urllib only), passing
every response to a Recorder that validates it against the OpenAPI specs.

Secrets (the demo password, tokens) are never printed: every line goes through Recorder.redact()."""

from __future__ import annotations

import base64
import json
import queue
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from openapi_index import FAIL, NO_SCHEMA, PASS, SpecIndex, Verdict, normalize_template
from spec_gaps import alias_request

URL_LINE = re.compile(r"anadesk-sandbox listening on (http://[0-9A-Za-z.\[\]:-]+:\d+)")
REQUEST_TIMEOUT_S = 30
WALK_BUDGET_S = 240  # below CTest's 300 s: a sandbox that answers slowly fails with a message, not a kill


class SandboxError(RuntimeError):
    pass


class SandboxProcess:
    """The real sandbox binary on port 0; its URL comes from the one line it prints once it listens."""

    def __init__(self, binary: str, extra_args: list[str] | None = None):
        self.binary = binary
        self.args = [binary, "--port", "0"] + (extra_args or [])
        self.url = ""
        self._proc: subprocess.Popen | None = None
        self._stderr = tempfile.TemporaryFile()
        self._lines: queue.Queue[str] = queue.Queue()
        self._stdout_seen: list[str] = []

    def start(self, timeout_s: float = 30.0) -> str:
        try:
            self._proc = subprocess.Popen(self.args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                          stderr=self._stderr)
        except OSError as error:
            raise SandboxError(f"cannot start {self.binary}: {error}") from error
        threading.Thread(target=self._pump, daemon=True).start()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                line = self._lines.get(timeout=max(0.05, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                break  # stdout closed: the process ended
            self._stdout_seen.append(line)
            found = URL_LINE.search(line)
            if found:
                self.url = found.group(1)
                return self.url
        code = self._proc.poll()
        self.stop()
        raise SandboxError(f"{self.binary} printed no 'anadesk-sandbox listening on http://…' line within "
                           f"{timeout_s:.0f} s (exit code {code}); stdout: {''.join(self._stdout_seen)[-800:]!r}; "
                           f"stderr: {self.stderr_tail()!r}")

    def _pump(self):
        # Keeps reading stdout so the sandbox never blocks on a full pipe.
        assert self._proc and self._proc.stdout
        for raw in self._proc.stdout:
            self._lines.put(raw.decode("utf-8", "replace"))
        self._lines.put(None)

    def stderr_tail(self, limit: int = 2000) -> str:
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")[-limit:]

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self):
        if self._proc is None or self._proc.poll() is not None:
            return
        self._proc.terminate()
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=10)

    def list_routes_by_flag(self) -> list[str] | None:
        """`anadesk-sandbox --list-routes` (one "METHOD pattern" per line), when the binary has it."""
        try:
            done = subprocess.run([self.binary, "--list-routes"], capture_output=True, timeout=30,
                                  stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if done.returncode != 0:
            return None
        routes = [l.strip() for l in done.stdout.decode("utf-8", "replace").splitlines()]
        routes = [r for r in routes if re.match(r"^[A-Z]+ /", r)]
        return routes or None


@dataclass
class Response:
    method: str
    path: str
    status: int                     # 0: no response (connection error or timeout)
    headers: dict[str, str]
    body: bytes
    verdict: Verdict | None = None
    error: str = ""

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return None

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass
class Tally:
    passed: int = 0
    failed: int = 0
    no_schema: int = 0
    notes: int = 0
    checks_passed: int = 0
    checks_failed: int = 0
    failures: list[str] = field(default_factory=list)


class Recorder:
    """Validates each response against the spec operation of its method+path, prints one line per
    response, and keeps the tallies, the served routes exercised and the undocumented fields seen."""

    def __init__(self, index: SpecIndex, routes: list[str]):
        self.index = index
        self.routes = routes  # "METHOD pattern" served by the sandbox
        self.tally = Tally()
        self.covered: set[str] = set()
        self.undocumented: dict[str, set[str]] = {}
        self.secrets: set[str] = set()
        # model id -> its workspace id (learnt by the walk): lets a workspace-less request be validated
        # against the spec's workspace form of the same operation (reference §8).
        self.model_workspaces: dict[str, str] = {}

    def redact(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret:
                text = text.replace(secret, "<redacted>")
        return text

    def route_of(self, method: str, path: str) -> str | None:
        """The served route pattern a concrete request hits (literal segments beat parameters)."""
        raw_path = urllib.parse.urlsplit(path).path
        concrete = [urllib.parse.unquote(s) for s in raw_path.split("/") if s]
        best, best_score = None, -1
        for route in self.routes:
            route_method, _, pattern = route.partition(" ")
            if route_method != method:
                continue
            segs = [s for s in pattern.split("/") if s]
            if len(segs) != len(concrete):
                continue
            # Literal segments count 2, a matching trailing slash ("…/imports/" is its own route) 1.
            score = 1 if pattern.endswith("/") == raw_path.endswith("/") else 0
            for t, c in zip(segs, concrete):
                if t.startswith("{") and t.endswith("}"):
                    continue
                if t != c:
                    break
                score += 2
            else:
                if score > best_score:
                    best, best_score = route, score
        return best

    def served(self, method: str, pattern: str) -> bool:
        wanted = normalize_template(pattern)
        return any(r.partition(" ")[0] == method and normalize_template(r.partition(" ")[2]) == wanted
                   for r in self.routes)

    def record(self, response: Response, label: str = "") -> Verdict:
        route = self.route_of(response.method, response.path)
        if route:
            self.covered.add(route)
        shown = f"{response.method} {response.path} -> {response.status or 'no response'}"
        if label:
            shown += f" ({label})"
        if response.status == 0:
            verdict = Verdict(FAIL, f"no response: {response.error}")
        else:
            match = self.index.match(response.method, response.path)
            alias_note = ""
            if match is None or match.operation is None:
                alias = alias_request(response.method, response.path, self.model_workspaces)
                alias_match = self.index.match(alias[0], alias[1]) if alias else None
                if alias_match is not None and alias_match.operation is not None:
                    match = alias_match
                    alias_note = f"(not in the specs; validated as {alias[0]} {alias_match.full_template}: {alias[2]}) "
            if match is None:
                verdict = Verdict(NO_SCHEMA, "path not in any spec")
            elif match.operation is None:
                verdict = Verdict(NO_SCHEMA, f"{match.full_template} [{match.spec_name}] has no "
                                             f"{response.method} in the spec (only {', '.join(match.methods)})")
            else:
                verdict = self.index.validate(match.operation, response.status, response.content_type,
                                              response.body)
                verdict.detail = (f"[{match.spec_name} {match.operation.method} {match.full_template}] "
                                  f"{alias_note}{verdict.detail}")
                for extra in verdict.undocumented:
                    self.undocumented.setdefault(match.operation.key() + f" {response.status}", set()).add(extra)
        response.verdict = verdict
        if verdict.verdict == PASS:
            self.tally.passed += 1
        elif verdict.verdict == FAIL:
            self.tally.failed += 1
            self.tally.failures.append(self.redact(f"{shown}: {verdict.detail} {'; '.join(verdict.errors)}"))
        elif verdict.verdict == NO_SCHEMA:
            self.tally.no_schema += 1
        else:
            self.tally.notes += 1
        print(self.redact(f"{verdict.verdict:9} {shown}  {verdict.detail}"))
        for error in verdict.errors:
            print(self.redact(f"          {error}"))
        return verdict

    def check(self, name: str, condition: bool, detail: str = "") -> bool:
        """A behaviour check of the walk itself (status expected by both sources, bytes round-trip…)."""
        if condition:
            self.tally.checks_passed += 1
            print(self.redact(f"CHECK-OK  {name}"))
        else:
            self.tally.checks_failed += 1
            self.tally.failures.append(self.redact(f"check '{name}': {detail}"))
            print(self.redact(f"CHECK-BAD {name}: {detail}"))
        return condition

    def info(self, text: str):
        print(self.redact(f"INFO      {text}"))


class Client:
    """A small API client: every response is recorded; requests to routes the sandbox does not serve
    are not sent (so a missing feature is reported as uncovered, not validated as a 404)."""

    def __init__(self, base_url: str, recorder: Recorder):
        self.base_url = base_url.rstrip("/")
        self.recorder = recorder
        self.token = ""
        self._deadline = time.monotonic() + WALK_BUDGET_S
        self._out_of_time = False

    def basic(self, user: str, password: str) -> str:
        self.recorder.secrets.add(password)
        value = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.recorder.secrets.add(value)
        return "Basic " + value

    def set_token(self, token: str):
        self.token = token
        self.recorder.secrets.add(token)

    def request(self, method: str, path: str, *, json_body=None, data: bytes | None = None,
                content_type: str | None = None, headers: dict[str, str] | None = None,
                auth: str | None = "token", label: str = "", unrouted_ok: bool = False) -> Response | None:
        """auth: "token" (AnaplanAuthToken), None (no Authorization), or a literal header value."""
        if time.monotonic() > self._deadline:
            if not self._out_of_time:
                self._out_of_time = True
                self.recorder.check(f"the walk finishes within {WALK_BUDGET_S} s", False,
                                    f"stopped before {method} {path}: the sandbox answers too slowly")
            return None
        if not unrouted_ok and self.recorder.route_of(method, path) is None:
            self.recorder.info(f"not served by the sandbox, not sent: {method} {path}")
            return None
        all_headers = {"Accept": "application/json"}
        if headers:
            all_headers.update(headers)
        if auth == "token":
            all_headers["Authorization"] = f"AnaplanAuthToken {self.token}"
        elif auth:
            all_headers["Authorization"] = auth
        if json_body is not None:
            data = json.dumps(json_body).encode()
            content_type = content_type or "application/json"
        if content_type:
            all_headers["Content-Type"] = content_type
        request = urllib.request.Request(self.base_url + path, data=data, headers=all_headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as reply:
                response = Response(method, path, reply.status, {k.lower(): v for k, v in reply.headers.items()},
                                    reply.read())
        except urllib.error.HTTPError as reply:
            body = reply.read() if reply.fp else b""
            response = Response(method, path, reply.code, {k.lower(): v for k, v in reply.headers.items()}, body)
        except (urllib.error.URLError, OSError, TimeoutError) as error:
            response = Response(method, path, 0, {}, b"", error=str(error))
        self.recorder.record(response, label)
        return response
