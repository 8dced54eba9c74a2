"""The ALM walk (reference §9, alm spec): online status, revisions (list, latest, syncable, applied-to
models, create), comparison and summary report tasks from IN_PROGRESS to COMPLETE with their reports at the
target-before-source URL, and a sync task that moves the target to the source revision; with the
documented 400/404/422 answers. The target is the tenant's PRODUCTION model, the source the demo model."""

from __future__ import annotations

from walk_base import UNKNOWN_ID32, WalkBase, WalkContext


class AlmWalk(WalkBase):
    def __init__(self, client, recorder, context: WalkContext):
        super().__init__(client, recorder)
        self.ctx = context
        self.dev = context.model

    def alm(self, model: str) -> str:
        return f"/2/0/models/{model}/alm"

    def run(self):
        prod = self.ctx.model_named("PRODUCTION")
        if not self.r.check("a PRODUCTION model to sync into (seed)", prod is not None,
                            str([m.get("activeState") for m in self.ctx.models])):
            return
        self.prod = prod["id"]
        self.online_status()
        revisions = self.revisions()
        if revisions is None:
            return
        target, source = revisions
        self.reports(target, source)
        self.sync(target, source)
        self.create_revision()

    def online_status(self):
        path = f"/2/0/models/{self.prod}/onlineStatus"
        response, _ = self.send("POST", path, {"status": "offline"}, label="offline")
        self.expect_status(response, (204,), "take the production model offline")
        _, body = self.get_json(f"/2/0/models/{self.prod}?modelDetails=true", label="offline state")
        state = ((body or {}).get("model") or {}).get("activeState") if isinstance(body, dict) else None
        self.r.check("an offline production model is in PRODUCTION_MAINTENANCE", state == "PRODUCTION_MAINTENANCE",
                     f"activeState {state!r}")
        response, _ = self.send("PUT", path, {"status": "online"}, label="online")
        self.expect_status(response, (204,), "bring the production model online")
        _, body = self.get_json(f"/2/0/models/{self.prod}?modelDetails=true", label="online again")
        state = ((body or {}).get("model") or {}).get("activeState") if isinstance(body, dict) else None
        self.r.check("back online: PRODUCTION", state == "PRODUCTION", f"activeState {state!r}")
        response, _ = self.send("PUT", path, {"status": "sleepy"}, label="unknown status")
        self.expect_status(response, (400,), "onlineStatus with an unknown status")
        archived = self.ctx.model_named("ARCHIVED")
        if archived:
            response, _ = self.send("POST", f"/2/0/models/{archived['id']}/onlineStatus", {"status": "offline"},
                                    label="archived model")
            self.expect_status(response, (422,), "onlineStatus of an archived model (reference §9: 422)")

    def revisions(self) -> tuple[str, str] | None:
        r = self.r
        for model in (self.dev, self.prod):
            _, body = self.get_json(f"{self.alm(model)}/revisions")
            revisions = (body or {}).get("revisions", []) if isinstance(body, dict) else []
            r.check("revisions: each has id, name, createdOn, createdBy, creationMethod, appliedOn, appliedBy "
                    "(reference §9)", bool(revisions) and all({"id", "name", "createdOn", "createdBy", "creationMethod",
                                                               "appliedOn", "appliedBy"} <= set(v) for v in revisions),
                    str(revisions[:1])[:300])
        self.get_json(f"{self.alm(self.dev)}/revisions?sort=-createdOn", label="sorted")
        _, body = self.get_json(f"{self.alm(self.prod)}/latestRevision")
        latest = ((body or {}).get("revisions") or [{}])[0].get("id") if isinstance(body, dict) else None
        _, body = self.get_json(f"{self.alm(self.prod)}/syncableRevisions?sourceModelId={self.dev}")
        syncable = (body or {}).get("revisions", []) if isinstance(body, dict) else []
        if not r.check("the demo model has a revision syncable to production (seed)", bool(syncable) and
                       bool(latest), f"latest {latest!r}, syncable {syncable!r}"[:300]):
            return None
        response, _ = self.get_json(f"{self.alm(self.prod)}/syncableRevisions", label="no sourceModelId")
        self.expect_status(response, (400,), "syncableRevisions without sourceModelId")
        _, body = self.get_json(f"{self.alm(self.prod)}/revisions/{latest}/appliedToModels")
        applied = (body or {}).get("appliedToModels", []) if isinstance(body, dict) else []
        r.check("the target's latest revision is applied to the target", self.prod in
                [a.get("modelId") for a in applied], str(applied)[:300])
        response, _ = self.get_json(f"{self.alm(self.prod)}/revisions/{UNKNOWN_ID32}/appliedToModels",
                                    label="unknown revision")
        self.expect_status(response, (404,), "appliedToModels of an unknown revision")
        response, _ = self.get_json(f"/2/0/models/{UNKNOWN_ID32}/alm/revisions", label="unknown model")
        self.expect_status(response, (404,), "revisions of an unknown model")
        archived = self.ctx.model_named("ARCHIVED")
        if archived:
            response, _ = self.get_json(f"{self.alm(archived['id'])}/revisions", label="archived model")
            self.expect_status(response, (422,), "revisions of an archived model (reference §13: 422)")
        self.get_json(f"{self.alm(self.prod)}/syncTasks", label="before any sync")
        return latest, syncable[0]["id"]

    def _start(self, collection: str, target: str, source: str, label: str, wanted=(201,)):
        body = {"sourceRevisionId": source, "sourceModelId": self.dev, "targetRevisionId": target}
        response, reply = self.send("POST", f"{self.alm(self.prod)}/{collection}", body, label=label)
        if not self.expect_status(response, wanted, f"start {collection} ({label})") or wanted != (201,):
            return None
        task = (reply or {}).get("task") or {} if isinstance(reply, dict) else {}
        # Reference §9: a pending ALM task carries currentStep (the library requires it); spec: IN_PROGRESS.
        self.r.check(f"{collection}: a new task is NOT_STARTED/IN_PROGRESS with taskId and currentStep",
                     task.get("taskState") in ("NOT_STARTED", "IN_PROGRESS") and bool(task.get("taskId"))
                     and "currentStep" in task, str(task)[:300])
        return task.get("taskId")

    def _wait(self, collection: str, task_id: str) -> dict | None:
        task = self.poll(f"{self.alm(self.prod)}/{collection}/{task_id}", lambda t: t.get("taskState") == "COMPLETE",
                         collection, pick=lambda body: body.get("task") or {})
        pending = [t for t in self.last_states if t.get("taskState") != "COMPLETE"]
        self.r.check(f"{collection}: every pending poll has currentStep (reference §9)",
                     all("currentStep" in t for t in pending), str(pending[:1])[:200])
        return task

    def reports(self, target: str, source: str):
        r = self.r
        started = {c: self._start(c, target, source, "syncable revision")
                   for c in ("comparisonReportTasks", "summaryReportTasks")}
        for collection, task_id in started.items():
            if not task_id:
                continue
            task = self._wait(collection, task_id)
            result = (task or {}).get("result") or {}
            url = str(result.get("reportFileUrl", ""))
            kind = "comparisonReports" if collection.startswith("comparison") else "summaryReports"
            r.check(f"{collection}: COMPLETE, successful, reportFileUrl names the target revision first "
                    "(reference §9, spec)", result.get("successful") is True and
                    url.endswith(f"/{kind}/{target}/{source}"), str(result)[:300])
            response = self.c.request("GET", f"{self.alm(self.prod)}/{kind}/{target}/{source}",
                                      headers={"Accept": "*/*"}, label="target first")
            self.expect_status(response, (200,), f"{kind} at target/source")
            if response is not None and kind == "summaryReports" and response.status == 200:
                summary = (response.json() or {}).get("summaryReport") or {}
                self.expect_keys(summary, ("targetRevisionId", "sourceRevisionId", "totals", "differences"),
                                 "summaryReport (reference §9)")
                r.check("summary report: created totals > 0 (the source adds a list and a module)",
                        (summary.get("totals") or {}).get("created", 0) > 0, str(summary.get("totals")))
            elif response is not None and response.status == 200:
                r.check("comparison report: a non-empty file", len(response.body) > 0, f"{len(response.body)} B")
            response = self.c.request("GET", f"{self.alm(self.prod)}/{kind}/{source}/{target}",
                                      headers={"Accept": "*/*"}, label="source first")
            self.expect_status(response, (404,), f"{kind} with the revisions swapped")
            response, _ = self.get_json(f"{self.alm(self.prod)}/{collection}/{UNKNOWN_ID32}", label="unknown task")
            self.expect_status(response, (404,), f"unknown {collection} task")
        self._start("comparisonReportTasks", UNKNOWN_ID32, source, "unknown target revision", wanted=(400, 404))

    def sync(self, target: str, source: str):
        r = self.r
        self._start("syncTasks", source, source, "target revision is not the target's latest", wanted=(400,))
        task_id = self._start("syncTasks", target, source, "syncable revision")
        if not task_id:
            return
        task = self._wait("syncTasks", task_id)
        result = (task or {}).get("result") or {}
        r.check("sync task: COMPLETE, successful, source and target revisions in the result (reference §9)",
                result.get("successful") is True and result.get("sourceRevisionId") == source and
                result.get("targetRevisionId") == target, str(result)[:300])
        _, body = self.get_json(f"{self.alm(self.prod)}/latestRevision", label="after the sync")
        latest = ((body or {}).get("revisions") or [{}])[0].get("id") if isinstance(body, dict) else None
        r.check("after the sync the target's latest revision is the source revision", latest == source,
                f"latest {latest!r}")
        _, body = self.get_json(f"{self.alm(self.prod)}/syncTasks", label="after the sync")
        ids = [t.get("taskId") for t in (body or {}).get("tasks", [])] if isinstance(body, dict) else []
        r.check("syncTasks lists the finished sync (48 hours)", task_id in ids, str(ids))
        _, body = self.get_json(f"{self.alm(self.dev)}/revisions/{source}/appliedToModels", label="after the sync")
        applied = [a.get("modelId") for a in (body or {}).get("appliedToModels", [])] if isinstance(body, dict) else []
        r.check("the synced revision is applied to the target", self.prod in applied, str(applied))

    def create_revision(self):
        r = self.r
        response, body = self.send("POST", f"{self.alm(self.dev)}/revisions",
                                   {"name": "Conformance walk", "description": "made by the conformance test"},
                                   label="create")
        if self.expect_status(response, (201,), "create a revision") and isinstance(body, dict):
            revision = body.get("revision") or (body.get("revisions") or [{}])[0]
            r.check("created revision: the name given", revision.get("name") == "Conformance walk", str(body)[:300])
        response, _ = self.send("POST", f"{self.alm(self.dev)}/revisions", {"name": "x" * 61}, label="name too long")
        self.expect_status(response, (400,), "create a revision with a 61-character name")
        response, _ = self.send("POST", f"{self.alm(self.prod)}/revisions", {"name": "On production"},
                                label="deployed model")
        self.expect_status(response, (400,), "create a revision in a deployed (production) model")
