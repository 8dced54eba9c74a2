#!/usr/bin/env python3
"""Unit checks of openapi_index: base-path mapping, request matching and validation verdicts on known
paths of the community specs. Exit 0 on success, 1 on failure, 77 (CTest skip) without the specs."""

import argparse
import json
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from openapi_index import FAIL, NO_SCHEMA, NOTE, PASS, SpecIndex, normalize_template  # noqa: E402
from spec_gaps import SPEC_AMENDMENTS  # noqa: E402

SKIP = 77
LOCAL = "http://127.0.0.1:5555"


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, condition, detail=""):
        if condition:
            self.passed += 1
            print(f"PASS {name}")
        else:
            self.failed += 1
            print(f"FAIL {name} {detail}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--specs", required=True, help="directory of the OpenAPI *.json specs")
    args = parser.parse_args()
    if not os.path.isdir(args.specs) or not any(f.endswith(".json") for f in os.listdir(args.specs)):
        print(f"SKIP: no OpenAPI specs in {args.specs} (../shared/openapi is absent); nothing to check")
        return SKIP
    warnings.simplefilter("error")  # a deprecated jsonschema API would break on the next Debian
    index = SpecIndex(args.specs, LOCAL)
    c = Checks()

    # Base paths of the sandbox's single-origin layout.
    bases = index.base_paths()
    for name, want in {"authentication": "", "integration": "/2/0", "scim": "/scim/1/0/v2",
                       "audit": "/audit/api/1", "cloudworks": "/cloudworks/2/0", "alm": "/2/0"}.items():
        if name in bases:
            c.check(f"base path of {name} is '{want}'", bases[name] == want, f"got '{bases.get(name)}'")

    # Matching concrete paths.
    def matched(method, path):
        m = index.match(method, path)
        return (m.spec_name, m.full_template, m.operation is not None) if m else None

    c.check("users/me beats users/{userId}", matched("GET", "/2/0/users/me") ==
            ("integration", "/2/0/users/me", True), str(matched("GET", "/2/0/users/me")))
    m = index.match("GET", "/2/0/users/0123ABCD")
    c.check("users/{userId} binds the id", m is not None and m.params == {"userId": "0123ABCD"}, str(m))
    c.check("query string ignored", matched("GET", "/2/0/workspaces?tenantDetails=true&limit=1") ==
            ("integration", "/2/0/workspaces", True))
    c.check("trailing slash of spec path '/imports/' matches '/imports'",
            matched("GET", "/2/0/workspaces/w/models/m/imports") ==
            ("integration", "/2/0/workspaces/{workspaceId}/models/{modelId}/imports/", True))
    c.check("token authenticate in authentication spec",
            matched("POST", "/token/authenticate") == ("authentication", "/token/authenticate", True))
    c.check("ALM path on /2/0 goes to the alm spec",
            (matched("GET", "/2/0/models/M/alm/revisions") or ("",))[0] == "alm")
    c.check("CloudWorks under /cloudworks/2/0",
            (matched("GET", "/cloudworks/2/0/integrations") or ("",))[0] == "cloudworks")
    m = index.match("DELETE", "/2/0/workspaces/w/models/m/imports/1/tasks/T")
    c.check("known path, method not in spec -> operation None", m is not None and m.operation is None
            and m.methods == ["GET"], str(m))
    c.check("unknown path -> None", index.match("GET", "/2/0/nothing/here") is None)
    c.check("percent-encoded segment decoded", index.match("GET", "/2/0/workspaces/a%2Fb") is not None)

    # Route coverage comparison ignores parameter names.
    c.check("normalize_template", normalize_template("/2/0/workspaces/{ws}/models/") == "/2/0/workspaces/{}/models")
    c.check("find_route with other parameter names",
            len(index.find_route("GET", "/2/0/workspaces/{ws}/models/{model}/files/{f}/chunks/{n}")) == 1)
    c.check("find_route: method matters", index.find_route("PATCH", "/2/0/workspaces/{ws}") == [])

    # Validation verdicts.
    auth = index.match("POST", "/token/authenticate").operation
    good = {"meta": {"validationUrl": LOCAL + "/token/validate"}, "status": "SUCCESS",
            "statusMessage": "Login successful",
            "tokenInfo": {"tokenId": "9aa99999-1111-11a2-b333-abc11223ab12", "tokenValue": "t",
                          "expiresAt": 1, "refreshTokenId": "9aa99999-1111-11a2-b333-abc11223ab12"}}
    v = index.validate(auth, 201, "application/json", json.dumps(good).encode())
    c.check("auth 201 body validates (local origin accepted in URL enum)", v.verdict == PASS, str(v))
    bad = json.loads(json.dumps(good))
    bad["tokenInfo"]["expiresAt"] = "soon"
    bad["tokenInfo"]["tokenId"] = "not-a-uuid"
    v = index.validate(auth, 201, "application/json", json.dumps(bad).encode())
    c.check("wrong type and bad uuid are both reported", v.verdict == FAIL and len(v.errors) == 2, str(v))
    v = index.validate(auth, 200, "application/json", json.dumps(good).encode())
    c.check("200 where the spec says 201 fails", v.verdict == FAIL, str(v))
    v = index.validate(auth, 401, "application/json", b'{"status":"FAILURE_BAD_CREDENTIAL","statusMessage":"x"}')
    c.check("auth 401 error body validates", v.verdict == PASS, str(v))
    v = index.validate(auth, 401, "application/json", b'{"status":{"code":401}}')
    c.check("auth 401 with a v2 envelope fails", v.verdict == FAIL, str(v))

    task = index.match("GET", "/2/0/workspaces/w/models/m/imports/1/tasks/T").operation
    nested = {"task": {"taskId": "T", "taskState": "COMPLETE", "creationTime": 1,
                       "result": {"successful": True, "nestedResults": [{"successful": "yes"}]}}}
    v = index.validate(task, 200, "application/json;charset=UTF-8", json.dumps(nested).encode())
    c.check("recursive $ref (nestedResults) is checked", v.verdict == FAIL and "nestedResults/0" in v.errors[0], str(v))
    v = index.validate(task, 404, "application/json", b'{"status":{"code":404,"message":"Not Found"}}')
    c.check("404 via components/responses ref validates", v.verdict == PASS, str(v))
    v = index.validate(task, 404, "application/json", b'{"status":"nope"}')
    c.check("404 with a wrong envelope fails", v.verdict == FAIL, str(v))
    v = index.validate(task, 401, "application/json", b'{}')
    c.check("undocumented error status -> NO-SCHEMA", v.verdict == NO_SCHEMA, str(v))
    v = index.validate(task, 200, "text/html", b"<html/>")
    c.check("HTML where the spec documents JSON fails", v.verdict == FAIL, str(v))
    v = index.validate(task, 200, "application/json", b"{not json")
    c.check("unparseable JSON fails", v.verdict == FAIL, str(v))

    v = index.validate(task, 200, "application/json", json.dumps(
        {"tasks": [], "task": {"taskId": "T", "taskState": "COMPLETE", "surprise": 1}}).encode())
    c.check("undocumented fields are named, not failed", v.verdict == PASS and
            v.undocumented == ["/: tasks", "/task: surprise"], str(v))

    status = index.match("GET", "/2/0/models/M/status").operation
    body = {"requestStatus": {"currentStep": "Closed", "progress": -1.0, "creationTime": 5, "taskId": None,
                              "tooltip": None, "peakMemoryUsageEstimate": None}}
    v = index.validate(status, 200, "application/json", json.dumps(body).encode())
    c.check("nullable fields accept null", v.verdict == PASS, str(v))
    body["requestStatus"]["creationTime"] = None
    v = index.validate(status, 200, "application/json", json.dumps(body).encode())
    c.check("non-nullable field rejects null", v.verdict == FAIL, str(v))

    chunk = index.match("GET", "/2/0/workspaces/w/models/m/files/113000000000/chunks/0").operation
    v = index.validate(chunk, 200, "application/octet-stream", b"\x00\x01")
    c.check("binary chunk -> NOTE", v.verdict == NOTE, str(v))
    put = index.match("PUT", "/2/0/workspaces/w/models/m/files/113000000000/chunks/0").operation
    v = index.validate(put, 204, "", b"")
    c.check("204 without a body passes", v.verdict == PASS, str(v))

    # Amendments widen an enum; without them the spec's own enum applies.
    amended = SpecIndex(args.specs, LOCAL, SPEC_AMENDMENTS)
    models = {"models": [{"id": "D4E5F6A1B2C3D4E5F6A1B2C3D4E5F6A1", "activeState": "ACTIVE"}]}
    body = json.dumps(models).encode()
    plain_op = index.match("GET", "/2/0/models").operation
    amended_op = amended.match("GET", "/2/0/models").operation
    c.check("activeState ACTIVE fails the plain spec", index.validate(plain_op, 200, "application/json",
                                                                      body).verdict == FAIL)
    c.check("activeState ACTIVE passes the amended spec", amended.validate(amended_op, 200, "application/json",
                                                                           body).verdict == PASS)
    models["models"][0]["activeState"] = "SLEEPING"
    c.check("amended spec still rejects unknown states", amended.validate(
        amended_op, 200, "application/json", json.dumps(models).encode()).verdict == FAIL)

    spec_fixes(c, index, amended)
    route_coverage_checks(c, index)

    print(f"{c.passed} passed, {c.failed} failed")
    print(f"FIGURE: openapi_index_checks={c.passed + c.failed} specs={len(index.spec_names())} "
          f"operations={len(index.operations())}")
    return 0 if c.failed == 0 else 1


def spec_fixes(c: Checks, index: SpecIndex, amended: SpecIndex):
    """SpecFix amendments (the reference wins): each changes exactly what it names."""
    task = {"task": {"taskId": "A" * 32, "taskState": "IN_PROGRESS", "creationTime": 1700000000000}}
    path = "/2/0/models/" + "A" * 32 + "/alm/syncTasks/" + "B" * 32
    for name, spec_index, wanted in (("plain", index, FAIL), ("amended", amended, PASS)):
        op = spec_index.match("GET", path).operation
        v = spec_index.validate(op, 200, "application/json", json.dumps(task).encode())
        c.check(f"ALM creationTime as epoch ms: {wanted} with the {name} spec", v.verdict == wanted, str(v))
    runerror = {"runs": {"taskId": None, "modifiedBy": None, "errorMessages": [{"actionId": "112000000001",
                                                                               "failureDumpGenerated": True}]}}
    op = amended.match("GET", "/cloudworks/2/0/integrations/runerror/abc").operation
    c.check("runerror: one RunError object with null taskId passes the amended spec",
            amended.validate(op, 200, "application/json", json.dumps(runerror).encode()).verdict == PASS)
    c.check("runerror: a number for runs still fails",
            amended.validate(op, 200, "application/json", b'{"runs": 5}').verdict == FAIL)
    op = amended.match("GET", "/cloudworks/2/0/integrations/run/abc/dumps").operation
    c.check("CloudWorks dump as text/csv is documented once amended",
            amended.validate(op, 200, "text/csv", b"a,b\n").verdict == NOTE)
    op = amended.match("GET", "/scim/1/0/v2/Schemas").operation
    schemas = {"schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], "totalResults": 1,
               "Resources": [{"id": "urn:ietf:params:scim:schemas:core:2.0:User", "name": "User",
                              "attributes": [{"name": "userName", "type": "string"}]}]}
    c.check("SCIM /Schemas of schema documents passes the amended spec",
            amended.validate(op, 200, "application/scim+json", json.dumps(schemas).encode()).verdict == PASS)
    del schemas["Resources"][0]["attributes"]
    c.check("SCIM /Schemas without attributes fails the amended spec",
            amended.validate(op, 200, "application/scim+json", json.dumps(schemas).encode()).verdict == FAIL)


def route_coverage_checks(c: Checks, index: SpecIndex):
    """api_of() sorts routes into APIs; an unexercised route of a strict API is a failing check."""
    from route_coverage import api_of, check_walk_coverage
    from sandbox_session import Recorder

    for route, api in (("GET /2/0/workspaces/{ws}/models/{m}/imports", "bulk"), ("GET /2/0/models/{m}/status", "bulk"),
                       ("GET /2/0/models/{m}/lists/{l}/items", "transactional"),
                       ("GET /2/0/workspaces/{ws}/models/{m}/versions", "transactional"),
                       ("PUT /2/0/models/{m}/onlineStatus", "alm"), ("GET /2/0/models/{m}/alm/revisions", "alm"),
                       ("GET /2/0/users/me", "users"), ("GET /scim/1/0/v2/Users", "scim"),
                       ("GET /audit/api/1/events", "audit"), ("POST /cloudworks/2/0/integrationflows", "cloudworks"),
                       ("POST /token/authenticate", "auth"), ("GET /__sandbox/routes", "admin")):
        c.check(f"api_of({route}) is {api}", api_of(route) == api, api_of(route))
    routes = ["GET /2/0/workspaces", "GET /audit/api/1/events", "GET /__sandbox/routes"]
    recorder = Recorder(index, routes)
    recorder.covered.add("GET /audit/api/1/events")
    check_walk_coverage(recorder, routes)
    c.check("a walked audit route and an unwalked bulk route: no failing check", recorder.tally.checks_failed == 0)
    recorder.covered.clear()
    check_walk_coverage(recorder, routes)
    c.check("an unwalked audit route is a failing check", recorder.tally.checks_failed == 1)


if __name__ == "__main__":
    sys.exit(main())
