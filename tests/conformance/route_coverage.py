"""The route checks of the conformance test: which routes the sandbox serves, that each is a spec operation
(or a documented gap), which API each belongs to, and that the walk exercised every route of the APIs
whose walk must be complete (a new route without a walk step fails the test)."""

from __future__ import annotations

import json
import re

from openapi_index import SpecIndex
from sandbox_session import Recorder, SandboxProcess
from spec_gaps import KNOWN_SPEC_GAPS, alias_gap

ADMIN_PREFIX = "/__sandbox/"

# The path segment after /2/0/[workspaces/{ws}/]models/{m}/ that belongs to the Bulk API (reference §7);
# every other segment there is a Transactional or ALM route (reference §8, §9).
_BULK_MODEL_SEGMENTS = {"files", "imports", "exports", "processes", "actions", "optimizeActions", "status",
                        "open", "close"}
_MODEL_PATH = re.compile(r"^/2/0/(?:workspaces/[^/]+/)?models/[^/]+(?:/([^/]+))?")

# APIs whose every served route must be exercised by a walk step (issue #5); the others only print
# "route not exercised".
STRICT_APIS = ("transactional", "alm", "scim", "users", "audit", "cloudworks")


def api_of(route: str) -> str:
    """The API a served route belongs to: bulk, transactional, alm, users, scim, audit, cloudworks, auth,
    admin (the sandbox's own), or other."""
    pattern = route.partition(" ")[2]
    if pattern.startswith(ADMIN_PREFIX):
        return "admin"
    for prefix, api in (("/scim/", "scim"), ("/audit/", "audit"), ("/cloudworks/", "cloudworks"),
                        ("/token/", "auth"), ("/oauth/", "auth"), ("/auth/", "auth"), ("/2/0/users", "users")):
        if pattern.startswith(prefix):
            return api
    found = _MODEL_PATH.match(pattern)
    if found:
        segment = found.group(1)
        if segment is None or segment in _BULK_MODEL_SEGMENTS:
            return "bulk"
        return "alm" if segment in ("alm", "onlineStatus") else "transactional"
    return "bulk" if pattern.startswith("/2/0/") else "other"


def fetch_routes(sandbox: SandboxProcess, url: str) -> tuple[list[str], str]:
    """The sandbox's routes as "METHOD pattern": GET /__sandbox/routes, else --list-routes."""
    import urllib.request
    try:
        with urllib.request.urlopen(url + "/__sandbox/routes", timeout=15) as reply:
            data = json.loads(reply.read().decode("utf-8"))
        routes = data.get("routes", data) if isinstance(data, dict) else data
        if isinstance(routes, list) and routes and all(isinstance(r, str) for r in routes):
            return routes, "GET /__sandbox/routes"
    except Exception:  # noqa: BLE001 - any failure: try the next source
        pass
    routes = sandbox.list_routes_by_flag()
    if routes:
        return routes, "anadesk-sandbox --list-routes"
    return [], ""


def check_route_coverage(index: SpecIndex, recorder: Recorder, routes: list[str]) -> tuple[int, int]:
    """Every served route (admin API aside) must be a method+path of some spec. Known gaps (documented by
    Anaplan and reference/anaplan-api.md but absent from the specs) are listed, not failed."""
    api_routes = [r for r in routes if not r.partition(" ")[2].startswith(ADMIN_PREFIX)]
    in_spec = 0
    for route in sorted(api_routes):
        method, _, pattern = route.partition(" ")
        found = index.find_route(method, pattern)
        if found:
            in_spec += 1
            recorder.check(f"route in spec: {route}", True)
            continue
        gap = next((g.reason for g in KNOWN_SPEC_GAPS if g.matches(method, pattern)), None)
        gap = gap or alias_gap(index, method, pattern)
        if gap:
            recorder.info(f"KNOWN-GAP {route}: not in the specs; {gap}")
            continue
        path_match = index.match(method, pattern.replace("{", "x").replace("}", "x"))
        detail = "path in no spec"
        if path_match is not None:
            detail = (f"path is {path_match.full_template} [{path_match.spec_name}], which documents only "
                      f"{', '.join(path_match.methods)}")
        recorder.check(f"route in spec: {route}", False, detail)
    return in_spec, len(api_routes)


# ---- the walk ---------------------------------------------------------------------------------------

def check_walk_coverage(recorder: Recorder, routes: list[str]) -> tuple[int, int]:
    """Every route of the STRICT_APIS must have been exercised (a failing check names each one that was not);
    the other APIs' unexercised routes are listed. (covered, total) over all API routes."""
    api_routes = sorted(r for r in routes if api_of(r) != "admin")
    for route in api_routes:
        if route in recorder.covered:
            continue
        api = api_of(route)
        if api in STRICT_APIS:
            recorder.check(f"the walk exercises {route}", False,
                           f"no step of walk_{'scim' if api == 'users' else api}.py sends this "
                           f"{api} route: add one (issue #5)")
        else:
            recorder.info(f"route not exercised by the walk: {route}")
    return len([r for r in api_routes if r in recorder.covered]), len(api_routes)
