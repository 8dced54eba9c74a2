#!/usr/bin/env python3
"""Conformance of anadesk-sandbox with the live-tested community OpenAPI specs.

Starts the real sandbox on a free loopback port, logs in with Basic, then walks every API the way a client
does and validates EVERY response (2xx and errors) against the spec's schema for that method+path+status:
the Bulk API (walk_bulk.py), Transactional (walk_transactional.py), ALM (walk_alm.py), SCIM and users
(walk_scim.py), Audit (walk_audit.py) and CloudWorks with flows (walk_cloudworks.py). It also checks that
every route the sandbox serves (except its /__sandbox/ admin API) exists in some spec, and that the walk
exercised every route of the non-Bulk APIs (route_coverage.py).

Exit codes: 0 all good, 1 failures, 77 skipped (no specs: ../shared/openapi is absent).
Output: one line per response, CHECK lines for behaviour, a summary "N passed, M failed", FIGURE lines.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

try:
    import jsonschema  # noqa: F401  (imported here only to fail with a clear message)
except ImportError:
    print("FAIL: python3-jsonschema is not installed for this interpreter "
          f"({sys.executable}); install the Debian package python3-jsonschema")
    sys.exit(1)

from openapi_index import SpecIndex  # noqa: E402
from route_coverage import check_route_coverage, check_walk_coverage, fetch_routes  # noqa: E402
from sandbox_session import Client, Recorder, SandboxError, SandboxProcess  # noqa: E402
from spec_gaps import SPEC_AMENDMENTS  # noqa: E402
from walk_alm import AlmWalk  # noqa: E402
from walk_audit import AuditWalk  # noqa: E402
from walk_base import WalkContext  # noqa: E402
from walk_bulk import BulkWalk  # noqa: E402
from walk_cloudworks import CloudWorksWalk  # noqa: E402
from walk_scim import ScimWalk  # noqa: E402
from walk_transactional import TransactionalWalk  # noqa: E402

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sandbox", required=True, help="path of the anadesk-sandbox binary")
    parser.add_argument("--specs", required=True, help="directory of the OpenAPI *.json specs")
    args = parser.parse_args()

    if not os.path.isdir(args.specs) or not any(f.endswith(".json") for f in os.listdir(args.specs)):
        print(f"SKIP: no OpenAPI specs in {args.specs} (../shared/openapi is absent): the sandbox's responses "
              "cannot be checked against them")
        return SKIP
    if not os.access(args.sandbox, os.X_OK):
        print(f"FAIL: sandbox binary {args.sandbox} does not exist or is not executable; build anadesk-sandbox")
        return 1
    warnings.simplefilter("error", DeprecationWarning)  # keep the harness working on Debian's jsonschema

    # Short tasks keep the walk quick; the states and their order are the same as with the default 3 s.
    sandbox = SandboxProcess(args.sandbox, ["--task-duration", "600"])
    try:
        url = sandbox.start()
    except SandboxError as error:
        print(f"FAIL: {error}")
        return 1
    try:
        return run(args, sandbox, url)
    finally:
        sandbox.stop()



def run_walks(client: Client, recorder: Recorder) -> dict[str, float]:
    """Every API walk in a client's order; the seconds each took. The Bulk walk's model deletion and logout
    come last, so the other walks meet the seeded tenant."""
    seconds: dict[str, float] = {}
    bulk = BulkWalk(client, recorder)
    started = time.monotonic()
    if not bulk.login():
        return seconds
    bulk.auth_errors()
    ws, model, models = bulk.workspaces_and_models()
    if ws and model:
        recorder.model_workspaces.update({m["id"]: m.get("currentWorkspaceId") or ws for m in models})
        base = f"/2/0/workspaces/{ws}/models/{model}"
        bulk.model_status(ws, model)
        objects = bulk.model_objects(ws, model)
        contents = bulk.files(base, objects)
        bulk.imports(base, objects, contents)
        bulk.new_file(base, model)
        bulk.exports(base, objects)
        bulk.processes_and_actions(base, objects)
        bulk.cancel(base, objects)
        bulk.busy(ws, model, base, objects)
        bulk.state_errors(models, objects)
        bulk.task_errors(base, objects)
        seconds["bulk"] = time.monotonic() - started
        context = WalkContext(ws, model, models)
        for name, walk in (("transactional", TransactionalWalk), ("alm", AlmWalk), ("scim", ScimWalk),
                           ("audit", AuditWalk), ("cloudworks", CloudWorksWalk)):
            started = time.monotonic()
            walk(client, recorder, context).run()
            seconds[name] = time.monotonic() - started
        started = time.monotonic()
        bulk.open_close_delete(ws, model, models)
    bulk.logout()
    seconds["bulk"] = seconds.get("bulk", 0.0) + time.monotonic() - started
    return seconds


def run(args, sandbox: SandboxProcess, url: str) -> int:
    walk_started = time.monotonic()
    print(f"INFO      sandbox at {url}")
    index = SpecIndex(args.specs, url, SPEC_AMENDMENTS)
    for amendment in SPEC_AMENDMENTS:
        change = (f"+= {', '.join(amendment.add)}" if hasattr(amendment, "add") else
                  amendment.summary if hasattr(amendment, "summary") else f"pattern repaired to {amendment.fixed}")
        print(f"INFO      spec amended: {amendment.spec} {amendment.pointer} {change} ({amendment.reason})")
    bases = ", ".join(f"{name} ({base or '/'})" for name, base in index.base_paths().items())
    print(f"INFO      specs: {bases}")
    routes, source = fetch_routes(sandbox, url)
    recorder = Recorder(index, routes)
    if not recorder.check("the sandbox lists its routes (GET /__sandbox/routes or --list-routes)", bool(routes),
                          "neither is available, so route coverage cannot be checked"):
        recorder.routes = []
    else:
        print(f"INFO      {len(routes)} routes from {source}")
    in_spec, _ = check_route_coverage(index, recorder, routes)

    seconds = run_walks(Client(url, recorder), recorder)
    if not sandbox.running():
        recorder.check("the sandbox is still running after the walk", False, sandbox.stderr_tail(800))
    covered, api_total = check_walk_coverage(recorder, routes)
    for key, extras in sorted(recorder.undocumented.items()):
        print(f"EXTRA     {key}: fields not in the spec schema: {'; '.join(sorted(extras))}")

    t = recorder.tally
    validated = t.passed + t.failed + t.no_schema + t.notes
    print()
    if t.failures:
        print("Failures:")
        for failure in t.failures:
            print(f"  - {failure}")
    passed = t.passed + t.checks_passed
    failed = t.failed + t.checks_failed
    print(f"{passed} passed, {failed} failed "
          f"(schema: {t.passed} passed, {t.failed} failed, {t.no_schema} no schema, {t.notes} non-JSON; "
          f"checks: {t.checks_passed} passed, {t.checks_failed} failed)")
    print(f"FIGURE: responses_validated={validated} schema_passed={t.passed} schema_failed={t.failed} "
          f"no_schema={t.no_schema} non_json={t.notes} checks_passed={t.checks_passed}")
    print(f"FIGURE: routes_covered={covered} routes_total={api_total} routes_in_spec={in_spec}")
    print("FIGURE: walk_seconds=" + f"{time.monotonic() - walk_started:.1f} "
          + " ".join(f"{name}_s={value:.1f}" for name, value in seconds.items()))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
