"""The CloudWorks walk, part 1 (reference §11, cloudworks spec): connections, integrations (ids as JSON
strings, the 250-per-page cap, sortBy), the five schedule types and schedule status, notification
configurations, with the documented 400/404/409 answers. Runs, dumps and flows: walk_cloudworks_runs.py."""

from __future__ import annotations

import copy
import datetime

from walk_base import UNKNOWN_ID32, WalkBase, WalkContext
from walk_cloudworks_runs import CloudWorksRunsWalk

CW = "/cloudworks/2/0/integrations"
PAGE_CAP = 250  # reference §13 and anaplan-sdk issue #348: the server caps CloudWorks pages at 250
SECRET = "conformance-secret-key-value"


def _day(offset: int) -> str:
    return (datetime.date.today() + datetime.timedelta(days=offset)).isoformat()


# One schedule per documented type (reference §11; spec Schedule), each valid on its own.
SCHEDULES = {
    "hourly": {"fromTime": "08:00", "toTime": "18:00", "repeatEvery": 2, "daysOfWeek": [1, 2, 3]},
    "daily": {"time": "06:30", "daysOfWeek": [0, 2, 5]},
    "weekly": {"time": "07:00", "daysOfWeek": [1]},
    "monthly_specific_day": {"time": "05:00", "dayOfMonth": 15},
    "monthly_relative_weekday": {"time": "05:00", "dayOfWeek": 1, "repeatEvery": 2},
}


class CloudWorksWalk(WalkBase):
    def __init__(self, client, recorder, context: WalkContext):
        super().__init__(client, recorder)
        self.ctx = context

    def run(self):
        self.r.secrets.add(SECRET)  # a credential sent in a connection body never reaches the output
        connection = self.connections()
        integrations = self.list_integrations()
        if not integrations:
            return
        created = self.create_integration(integrations)
        if created:
            self.schedules(created)
            self.notifications(created)
        CloudWorksRunsWalk(self.c, self.r, self.ctx, integrations, created).run()
        if created:
            self.page_cap(created)
            self.delete_integration(created, connection)
        elif connection:
            self.send("DELETE", f"{CW}/connections/{connection}", label="clean up")

    # ---- connections ---------------------------------------------------------------------------------

    def connections(self) -> str | None:
        r = self.r
        _, body = self.get_json(f"{CW}/connections")
        listed = (body or {}).get("connections", []) if isinstance(body, dict) else []
        r.check("connections listed with string connectionIds and a status", bool(listed) and all(
            isinstance(c.get("connectionId"), str) and "status" in c for c in listed), str(listed[:1])[:300])
        s3 = {"type": "AmazonS3", "body": {"name": "Conformance S3", "bucketName": "conformance-bucket",
                                           "accessKeyId": "AKIACONFORMANCE", "secretAccessKey": SECRET}}
        response, body = self.send("POST", f"{CW}/connections", s3, label="S3")
        if not self.expect_status(response, (200,), "create an S3 connection") or not isinstance(body, dict):
            return None
        # Reference §11: the reply holds one object under the plural key "connections".
        connection_id = (body.get("connections") or {}).get("connectionId")
        r.check("create connection: connections.connectionId (reference §11) and connectionId (spec), one string",
                isinstance(connection_id, str) and bool(connection_id) and body.get("connectionId") == connection_id,
                str(body)[:300])
        r.check("create connection: the secret is not echoed", SECRET.encode() not in response.body, "secret echoed")
        response, _ = self.send("POST", f"{CW}/connections", s3, label="same name")
        self.expect_status(response, (400,), "create a connection with a name in use")
        response, _ = self.send("POST", f"{CW}/connections", {"type": "Dropbox", "body": {"name": "x"}},
                                label="unknown type")
        self.expect_status(response, (400,), "create a connection of an unknown type")
        response, _ = self.send("PATCH", f"{CW}/connections/{connection_id}", {"name": "Conformance S3 (renamed)"},
                                label="rename")
        self.expect_status(response, (200,), "patch a connection")
        # Reference §11: PUT takes the connection body alone (a full replacement); spec: {type, body}.
        replacement = dict(s3["body"], name="Conformance S3 (replaced)")
        response, _ = self.send("PUT", f"{CW}/connections/{connection_id}", replacement, label="body alone")
        self.expect_status(response, (200,), "replace a connection (body alone, reference)")
        response, _ = self.send("PUT", f"{CW}/connections/{connection_id}", {"type": "AmazonS3", "body": replacement},
                                label="{type, body}")
        self.expect_status(response, (200,), "replace a connection ({type, body}, spec)")
        _, body = self.get_json(f"{CW}/connections", label="after the changes")
        mine = [c for c in (body or {}).get("connections", []) if c.get("connectionId") == connection_id] \
            if isinstance(body, dict) else []
        r.check("the replaced connection has the new name", bool(mine) and
                (mine[0].get("body") or {}).get("name") == "Conformance S3 (replaced)", str(mine)[:300])
        for method, body in (("PUT", replacement), ("PATCH", {"name": "y"}), ("DELETE", None)):
            response, _ = self.send(method, f"{CW}/connections/{UNKNOWN_ID32.lower()}", body, label="unknown")
            self.expect_status(response, (404,), f"{method} an unknown connection")
        in_use = next((c for c in listed if c.get("body", {}).get("name") == "Finance S3 Landing"), None)
        if in_use:
            response, _ = self.send("DELETE", f"{CW}/connections/{in_use['connectionId']}", label="in use")
            self.expect_status(response, (409,), "delete a connection an integration uses (spec: 409)")
        return connection_id

    # ---- integrations --------------------------------------------------------------------------------

    def list_integrations(self) -> list[dict]:
        r = self.r
        _, body = self.get_json(f"{CW}?limit=50&offset=0")
        integrations = (body or {}).get("integrations", []) if isinstance(body, dict) else []
        r.check("integrations listed with string integrationIds (reference §17.8)", bool(integrations) and all(
            isinstance(i.get("integrationId"), str) for i in integrations), str(integrations[:1])[:200])
        for order in ("name", "-name"):
            _, body = self.get_json(f"{CW}?sortBy={order}&limit=50", label=f"sortBy={order}")
            names = [i.get("name") for i in (body or {}).get("integrations", [])] if isinstance(body, dict) else []
            r.check(f"integrations sortBy={order}: sorted", names == sorted(names, reverse=order.startswith("-")) or
                    names == sorted(names, key=str.casefold, reverse=order.startswith("-")), str(names[:4]))
        response, _ = self.get_json(f"{CW}?sortBy=colour", label="unknown sort field")
        self.expect_status(response, (400,), "integrations sortBy an unknown field")
        _, mine = self.get_json(f"{CW}?myIntegrations=1&limit=50", label="mine")
        if isinstance(mine, dict):
            r.check("myIntegrations=1: a subset of all", 0 < len(mine.get("integrations", [])) <= len(integrations),
                    f"{len(mine.get('integrations', []))} of {len(integrations)}")
        for integration in integrations[:2]:
            _, body = self.get_json(f"{CW}/{integration['integrationId']}")
            single = (body or {}).get("integration") or {} if isinstance(body, dict) else {}
            r.check("a single integration has jobs (reference §11: SingleIntegration)",
                    single.get("integrationId") == integration["integrationId"] and "jobs" in single,
                    str(single)[:200])
        response, _ = self.get_json(f"{CW}/{UNKNOWN_ID32.lower()}", label="unknown")
        self.expect_status(response, (404,), "unknown integration")
        return integrations

    def _copy_of(self, integration: str | None) -> dict | None:
        """A create body with the jobs of an existing integration (its ids as the server gave them)."""
        if not integration:
            return None
        _, body = self.get_json(f"{CW}/{integration}", label="template")
        single = (body or {}).get("integration") or {} if isinstance(body, dict) else {}
        if not single:
            return None
        jobs = [{"type": job.get("type"),
                 "sources": [{k: s[k] for k in ("connectionId", "type", "file") if k in s} for s in job.get("sources", [])],
                 "targets": [{k: t[k] for k in ("type", "actionId", "fileId") if k in t} for t in job.get("targets", [])]}
                for job in single.get("jobs", [])]
        return {"name": "Conformance import", "version": "2.0", "workspaceId": single.get("workspaceId"),
                "modelId": single.get("modelId"), "nuxVisible": False, "jobs": jobs}

    def create_integration(self, integrations: list[dict]) -> str | None:
        r = self.r
        seed = next((i for i in integrations if i.get("name") == "Load Sales from S3"), {})
        template = self._copy_of(seed.get("integrationId"))
        if not r.check("a seeded S3 import integration to copy (seed: Load Sales from S3)", template is not None):
            return None
        numeric = copy.deepcopy(template)
        for job in numeric["jobs"]:
            for target in job["targets"]:
                target["actionId"] = int(target["actionId"])
        response, _ = self.send("POST", CW, numeric, label="actionId as a number")
        self.expect_status(response, (400,), "create an integration with a numeric actionId (reference §17.8)")
        response, _ = self.send("POST", CW, dict(template, version="1.0"), label="version 1.0")
        self.expect_status(response, (400,), "create an integration of version 1.0")
        response, body = self.send("POST", CW, template, label="create")
        if not self.expect_status(response, (200,), "create an integration") or not isinstance(body, dict):
            return None
        created = (body.get("integration") or {}).get("integrationId")
        r.check("create integration: integration.integrationId is a string", isinstance(created, str) and
                bool(created), str(body)[:300])
        response, _ = self.send("PUT", f"{CW}/{created}", dict(template, name="Conformance import (renamed)"),
                                label="rename")
        self.expect_status(response, (200,), "replace an integration")
        _, body = self.get_json(f"{CW}/{created}", label="after the rename")
        name = ((body or {}).get("integration") or {}).get("name") if isinstance(body, dict) else None
        r.check("the replaced integration has the new name", name == "Conformance import (renamed)", str(name))
        response, _ = self.send("PUT", f"{CW}/{UNKNOWN_ID32.lower()}", template, label="unknown")
        self.expect_status(response, (404,), "replace an unknown integration")
        return created

    # ---- schedules -----------------------------------------------------------------------------------

    def _schedule(self, integration: str, kind: str, **overrides) -> dict:
        schedule = {"name": f"conformance {kind}", "type": kind, "timezone": "Europe/Paris",
                    "startDate": _day(1), "endDate": _day(400)}
        schedule.update(copy.deepcopy(SCHEDULES[kind]))
        schedule.update(overrides)
        return {"integrationId": integration, "schedule": schedule}

    def _schedule_of(self, integration: str) -> dict:
        _, body = self.get_json(f"{CW}/{integration}", label="its schedule")
        return (((body or {}).get("integration") or {}).get("schedule") or {}) if isinstance(body, dict) else {}

    def schedules(self, integration: str):
        r = self.r
        path = f"{CW}/{integration}/schedule"
        response, _ = self.send("PUT", path, self._schedule(integration, "daily"), label="none yet")
        self.expect_status(response, (404,), "update the schedule of an integration that has none")
        response, _ = self.send("POST", path, self._schedule(integration, "daily"), label="daily")
        self.expect_status(response, (200,), "create a daily schedule")
        for kind in SCHEDULES:
            response, _ = self.send("PUT", path, self._schedule(integration, kind), label=kind)
            if self.expect_status(response, (200,), f"set a {kind} schedule"):
                schedule = self._schedule_of(integration)
                r.check(f"the integration's schedule is {kind} with its timezone", schedule.get("type") == kind and
                        schedule.get("timezone") == "Europe/Paris", str(schedule)[:300])
        for what, bad in (("an unknown type", {"type": "fortnightly"}), ("an unknown timezone", {"timezone": "Mars/Olympus"}),
                          ("a time not HH:mm", {"time": "7 o'clock"}), ("a start date in the past", {"startDate": _day(-30)})):
            response, _ = self.send("PUT", path, self._schedule(integration, "weekly", **bad), label=what)
            self.expect_status(response, (400,), f"a schedule with {what}")
        for status in ("disabled", "enabled"):
            response, _ = self.send("POST", f"{path}/status/{status}", label=status)
            self.expect_status(response, (200,), f"schedule status {status}")
        response, _ = self.send("POST", f"{path}/status/paused", label="unknown status")
        self.expect_status(response, (400, 404), "schedule status of an unknown value")
        response, _ = self.send("DELETE", path, label="delete")
        self.expect_status(response, (200,), "delete a schedule")
        r.check("a deleted schedule is gone from the integration", not self._schedule_of(integration),
                str(self._schedule_of(integration))[:200])
        response, _ = self.send("POST", f"{CW}/{UNKNOWN_ID32.lower()}/schedule",
                                self._schedule(UNKNOWN_ID32.lower(), "daily"), label="unknown integration")
        self.expect_status(response, (404,), "a schedule for an unknown integration")

    # ---- notifications -------------------------------------------------------------------------------

    def notifications(self, integration: str):
        r = self.r
        _, body = self.get_json(f"{CW}/{integration}", label="its notification")
        default = ((body or {}).get("integration") or {}).get("notificationId") if isinstance(body, dict) else None
        _, me = self.get_json("/2/0/users/me", label="my userGuid")
        me = ((me or {}).get("user") or {}).get("id") if isinstance(me, dict) else None
        if default:
            response, config = self.get_json(f"{CW}/notification/{default}", label="default")
            if self.expect_status(response, (200,), "notification configuration of a new integration"):
                self.expect_keys((config or {}).get("notifications"), ("notificationId", "integrationIds", "channels",
                                                                       "notifications"), "notification configuration")
            response, _ = self.send("DELETE", f"{CW}/notification/{default}", label="default")
            self.expect_status(response, (200,), "delete a notification configuration")
            response, _ = self.get_json(f"{CW}/notification/{default}", label="deleted")
            self.expect_status(response, (404,), "a deleted notification configuration")
        config = {"integrationIds": [integration], "channels": ["in_app", "email"],
                  "notifications": {"config": [{"type": "full_failure", "users": [me]}]}}
        response, _ = self.send("POST", f"{CW}/notification", dict(config, channels=["pigeon"]), label="bad channel")
        self.expect_status(response, (400,), "a notification configuration with an unknown channel")
        response, body = self.send("POST", f"{CW}/notification", config, label="create")
        if not self.expect_status(response, (200,), "create a notification configuration") or not isinstance(body, dict):
            return
        notification = (body.get("notification") or {}).get("notificationId") or body.get("notificationId")
        r.check("create notification: notification.notificationId (reference §11)",
                isinstance((body.get("notification") or {}).get("notificationId"), str), str(body)[:300])
        config["notifications"]["config"].append({"type": "success", "users": [me]})
        response, _ = self.send("PUT", f"{CW}/notification/{notification}", config, label="add success")
        self.expect_status(response, (200,), "update a notification configuration")
        _, body = self.get_json(f"{CW}/notification/{notification}", label="after the update")
        types = sorted(c.get("type") for c in (((body or {}).get("notifications") or {}).get("notifications") or {})
                       .get("config", [])) if isinstance(body, dict) else []
        r.check("the updated configuration has both event types", types == ["full_failure", "success"], str(types))
        response, _ = self.send("PUT", f"{CW}/notification/{UNKNOWN_ID32.lower()}", config, label="unknown")
        self.expect_status(response, (404,), "update an unknown notification configuration")
        response, _ = self.send("DELETE", f"{CW}/notification/{UNKNOWN_ID32.lower()}", label="unknown")
        self.expect_status(response, (404,), "delete an unknown notification configuration")

    # ---- the page cap, and clean-up ------------------------------------------------------------------

    def page_cap(self, template_id: str):
        """Creates integrations until the tenant has more than 250, then asks for 5,000 in one page."""
        r = self.r
        template = self._copy_of(template_id) or {}
        _, body = self.get_json(f"{CW}?limit=1", label="total before")
        total = (((body or {}).get("meta") or {}).get("paging") or {}).get("totalSize", 0) if isinstance(body, dict) else 0
        for n in range(PAGE_CAP + 5 - total):
            response, _ = self.send("POST", CW, dict(template, name=f"Conformance bulk {n:03d}"), label="toward 255")
            if response is None or response.status != 200:
                break
        response, body = self.get_json(f"{CW}?limit=5000&offset=0", label="limit=5000")
        if isinstance(body, dict):
            paging = (body.get("meta") or {}).get("paging") or {}
            r.check(f"limit=5000 gives {PAGE_CAP} integrations and currentPageSize {PAGE_CAP} (reference §13)",
                    len(body.get("integrations", [])) == PAGE_CAP == paging.get("currentPageSize") and
                    paging.get("totalSize", 0) > PAGE_CAP, f"{len(body.get('integrations', []))} listed, paging {paging}")
        _, rest = self.get_json(f"{CW}?limit={PAGE_CAP}&offset={PAGE_CAP}", label="the rest")
        if isinstance(rest, dict) and isinstance(body, dict):
            first = {i.get("integrationId") for i in body.get("integrations", [])}
            second = {i.get("integrationId") for i in rest.get("integrations", [])}
            r.check("the page after the cap holds the rest, none repeated", bool(second) and not first & second,
                    f"{len(second)} more, {len(first & second)} repeated")
        _, flows = self.get_json("/cloudworks/2/0/integrationflows?limit=5000", label="flows, limit=5000")
        if isinstance(flows, dict):
            r.check(f"flows limit=5000: at most {PAGE_CAP}", len(flows.get("integrationFlows", [])) <= PAGE_CAP,
                    str(len(flows.get("integrationFlows", []))))

    def delete_integration(self, integration: str, connection: str | None):
        self.delete_and_gone(f"{CW}/{integration}", "integration")
        if connection:
            response, _ = self.send("DELETE", f"{CW}/connections/{connection}", label="unused")
            self.expect_status(response, (200,), "delete an unused connection")
