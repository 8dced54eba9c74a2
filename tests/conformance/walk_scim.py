"""The SCIM walk (reference §12, scim spec) and the Integration API's users (reference §10, integration spec;
the sandbox serves both from app/sandbox/scim): discovery documents, 1-based startIndex/count ≤ 100 paging,
Anaplan's filter subset, create / replace / patch with their documented errors."""

from __future__ import annotations

import json
import urllib.parse

from walk_base import DEMO_USER, WalkBase, WalkContext

SCIM = "/scim/1/0/v2"
USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User"
PATCH_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
UNKNOWN_USER = "0" * 32
NEW_USER = "conformance.walker@anadesk.test"


def _q(text: str) -> str:
    return urllib.parse.quote(text, safe="")


class ScimWalk(WalkBase):
    def __init__(self, client, recorder, context: WalkContext):
        super().__init__(client, recorder)
        self.ctx = context

    def run(self):
        me = self.users()
        self.discovery()
        self.paging()
        self.filters()
        self.single(me)
        created = self.create()
        if created:
            self.replace(created)
            self.patch(created)
        response = self.c.request("GET", f"{SCIM}/Users?count=1", auth=None, label="no token")
        self.expect_status(response, (401,), "SCIM without a token")

    # ---- /2/0/users (Integration API) ----------------------------------------------------------------

    def users(self) -> str | None:
        r = self.r
        _, me = self.get_json("/2/0/users/me", label="me")
        my_id = ((me or {}).get("user") or {}).get("id") if isinstance(me, dict) else None
        response, body = self.get_json("/2/0/users?limit=20&offset=0", label="page 1")
        if self.expect_status(response, (200,), "users list") and isinstance(body, dict):
            paging = (body.get("meta") or {}).get("paging") or {}
            r.check("users: limit=20 gives 20 users and currentPageSize 20",
                    len(body.get("users", [])) == 20 and paging.get("currentPageSize") == 20, f"paging {paging}")
            r.check("users: totalSize counts every user", paging.get("totalSize", 0) > 20, f"paging {paging}")
        response, body = self.get_json("/2/0/users?limit=50&sort=%2BlastName", label="sorted by lastName")
        if isinstance(body, dict):
            names = [u.get("lastName", "") for u in body.get("users", [])]
            r.check("users sort=+lastName: ascending", names == sorted(names, key=str.casefold) or
                    names == sorted(names), str(names[:5]))
        if my_id:
            response, body = self.get_json(f"/2/0/users/{my_id}", label="by id")
            if self.expect_status(response, (200,), "user by id") and isinstance(body, dict):
                r.check("users/{id} of me: my e-mail", (body.get("user") or {}).get("email") == DEMO_USER,
                        str(body.get("user"))[:200])
        response, _ = self.get_json(f"/2/0/users/{UNKNOWN_USER}", label="unknown user")
        self.expect_status(response, (404,), "unknown user")
        return my_id

    # ---- SCIM -----------------------------------------------------------------------------------------

    def discovery(self):
        _, config = self.get_json(f"{SCIM}/ServiceProviderConfig")
        if isinstance(config, dict):
            self.r.check("ServiceProviderConfig: patch and filter supported",
                         (config.get("patch") or {}).get("supported") is True and
                         (config.get("filter") or {}).get("supported") is True, str(config)[:200])
        _, types = self.get_json(f"{SCIM}/ResourceTypes")
        if isinstance(types, dict):
            self.r.check("ResourceTypes lists the User resource at /Users",
                         any(t.get("endpoint") == "/Users" for t in types.get("Resources", [])), str(types)[:200])
        _, schemas = self.get_json(f"{SCIM}/Schemas")
        if isinstance(schemas, dict):
            self.r.check("Schemas describes the core User schema",
                         any(s.get("id") == USER_URN for s in schemas.get("Resources", [])), str(schemas)[:200])

    def _list(self, query: str, label: str = ""):
        response, body = self.get_json(f"{SCIM}/Users?{query}", label=label)
        if response is None or response.status != 200 or not isinstance(body, dict):
            return response, None
        return response, body

    def paging(self):
        r = self.r
        response, first = self._list("startIndex=1&count=100", "page 1")
        if not self.expect_status(response, (200,), "SCIM users page 1") or first is None:
            return
        total = first.get("totalResults", 0)
        r.check("SCIM page 1: startIndex 1, itemsPerPage 100, 100 Resources",
                first.get("startIndex") == 1 and first.get("itemsPerPage") == 100 and
                len(first.get("Resources", [])) == 100, f"startIndex {first.get('startIndex')}, "
                f"itemsPerPage {first.get('itemsPerPage')}, {len(first.get('Resources', []))} resources")
        _, second = self._list("startIndex=101&count=100", "page 2 (1-based: startIndex 101)")
        if second is not None:
            ids1 = {u.get("id") for u in first.get("Resources", [])}
            ids2 = {u.get("id") for u in second.get("Resources", [])}
            r.check("SCIM page 2 (startIndex 101): 100 users, none of page 1", len(ids2) == 100 and not ids1 & ids2,
                    f"{len(ids2)} users, {len(ids1 & ids2)} shared")
        _, last = self._list(f"startIndex={total}&count=100", "last user")
        if last is not None:
            r.check("SCIM startIndex = totalResults gives the last user", len(last.get("Resources", [])) == 1,
                    f"{len(last.get('Resources', []))} resources")
        _, default = self._list("", "no paging parameters")
        if default is not None:
            r.check("SCIM without count: at most 100 users", len(default.get("Resources", [])) <= 100,
                    f"{len(default.get('Resources', []))}")
        response, _ = self._list("startIndex=1&count=101", "count over 100")
        self.expect_status(response, (400,), "SCIM count=101 (over 100)")

    def filters(self):
        r = self.r
        _, one = self._list("filter=" + _q(f'userName eq "{DEMO_USER}"'), "userName eq")
        if one is not None:
            names = [u.get("userName") for u in one.get("Resources", [])]
            r.check("SCIM filter userName eq: exactly that user", names == [DEMO_USER] and one.get("totalResults") == 1,
                    str(names))
        _, inactive = self._list(f"filter={_q('active eq false')}&count=100", "active eq false")
        _, everyone = self._list("count=1", "total")
        if inactive is not None and everyone is not None:
            r.check("SCIM filter active eq false: only inactive users, fewer than all",
                    all(u.get("active") is False for u in inactive.get("Resources", [])) and
                    0 < inactive.get("totalResults", 0) < everyone.get("totalResults", 0),
                    f"{inactive.get('totalResults')} of {everyone.get('totalResults')}")
        expression = 'name.familyName eq "Planner" and active eq true'
        _, both = self._list(f"filter={_q(expression)}", "and")
        if both is not None:
            r.check("SCIM filter with and: every match satisfies both",
                    bool(both.get("Resources")) and all((u.get("name") or {}).get("familyName") == "Planner" and
                                                        u.get("active") is True for u in both.get("Resources", [])),
                    str([u.get("userName") for u in both.get("Resources", [])])[:200])
        _, present = self._list(f"filter={_q('externalId pr')}&count=1", "pr")
        if present is not None and everyone is not None:
            r.check("SCIM filter externalId pr: some users, not all (seed: ~85 % have one)",
                    0 < present.get("totalResults", 0) < everyone.get("totalResults", 0), f"{present.get('totalResults')}")
        response, _ = self._list(f"filter={_q('userName eq')}", "malformed filter")
        self.expect_status(response, (400,), "SCIM malformed filter")
        response, _ = self._list("filter=" + _q('userName co "anadesk"'), "co (not in Anaplan's subset)")
        self.expect_status(response, (400,), "SCIM filter operator co (reference §12: eq ne gt ge lt le pr only)")

    def single(self, my_id: str | None):
        if my_id:
            response, body = self.get_json(f"{SCIM}/Users/{my_id}", label="me")
            if self.expect_status(response, (200,), "SCIM user by id") and isinstance(body, dict):
                self.r.check("SCIM user: same id as /2/0/users/me, userName is the login", body.get("id") == my_id
                             and body.get("userName") == DEMO_USER, str(body)[:200])
        response, _ = self.get_json(f"{SCIM}/Users/{UNKNOWN_USER}", label="unknown")
        self.expect_status(response, (404,), "SCIM unknown user")

    def create(self) -> str | None:
        r = self.r
        body = {"schemas": [USER_URN], "userName": NEW_USER, "externalId": "CONF-1",
                "name": {"familyName": "Walker", "givenName": "Conformance"}}
        response, created = self.send("POST", f"{SCIM}/Users", body, label="create")
        if not self.expect_status(response, (201,), "SCIM create user") or not isinstance(created, dict):
            return None
        r.check("SCIM created user: userName, name and a 32-hex id", created.get("userName") == NEW_USER and
                (created.get("name") or {}).get("familyName") == "Walker" and len(str(created.get("id"))) == 32,
                str(created)[:200])
        response, _ = self.send("POST", f"{SCIM}/Users", body, label="same userName again")
        self.expect_status(response, (409,), "SCIM create a user whose userName exists")
        response, _ = self.send("POST", f"{SCIM}/Users", {"schemas": [USER_URN], "userName": "x@anadesk.test"},
                                label="no name")
        self.expect_status(response, (400,), "SCIM create a user without name")
        response = self.c.request("POST", f"{SCIM}/Users", data=b"{oops", content_type="application/json",
                                  label="malformed JSON")
        self.expect_status(response, (400,), "SCIM create with a malformed body")
        return created.get("id")

    def replace(self, user_id: str):
        body = {"schemas": [USER_URN], "id": user_id, "userName": NEW_USER, "externalId": "CONF-2",
                "name": {"familyName": "Walker", "givenName": "Replaced"}, "active": True,
                "entitlements": [{"value": self.ctx.ws, "type": "WORKSPACE"}]}
        response, user = self.send("PUT", f"{SCIM}/Users/{user_id}", body, label="replace")
        if self.expect_status(response, (200,), "SCIM replace user") and isinstance(user, dict):
            self.r.check("SCIM replace: new givenName, externalId and the workspace entitlement",
                         (user.get("name") or {}).get("givenName") == "Replaced" and user.get("externalId") == "CONF-2"
                         and any(e.get("value") == self.ctx.ws for e in user.get("entitlements", [])),
                         json.dumps(user)[:300])
        response, _ = self.send("PUT", f"{SCIM}/Users/{UNKNOWN_USER}", dict(body, id=UNKNOWN_USER), label="unknown")
        self.expect_status(response, (404,), "SCIM replace an unknown user")
        response, _ = self.send("PUT", f"{SCIM}/Users/{user_id}", {"schemas": [USER_URN], "userName": NEW_USER},
                                label="no name")
        self.expect_status(response, (400,), "SCIM replace without name")

    def patch(self, user_id: str):
        body = {"schemas": [PATCH_URN], "Operations": [{"op": "replace", "path": "active", "value": False}]}
        response, user = self.send("PATCH", f"{SCIM}/Users/{user_id}", body, label="deactivate")
        if self.expect_status(response, (200,), "SCIM patch active") and isinstance(user, dict):
            self.r.check("SCIM patch replace active=false: the user is inactive", user.get("active") is False,
                         str(user.get("active")))
        _, found = self._list("filter=" + _q(f'userName eq "{NEW_USER}" and active eq false'), "patched user")
        if found is not None:
            self.r.check("SCIM filter finds the patched user as inactive", found.get("totalResults") == 1,
                         f"totalResults {found.get('totalResults')}")
        response, _ = self.send("PATCH", f"{SCIM}/Users/{user_id}",
                                {"schemas": [PATCH_URN], "Operations": [{"op": "explode", "path": "active"}]},
                                label="unknown op")
        self.expect_status(response, (400,), "SCIM patch with an unknown op")
        response, _ = self.send("PATCH", f"{SCIM}/Users/{UNKNOWN_USER}", body, label="unknown user")
        self.expect_status(response, (404,), "SCIM patch an unknown user")
