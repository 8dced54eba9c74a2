"""The CloudWorks walk, part 2 (reference §11, cloudworks spec): integration runs from start to end (run
status, run history, run errors, import and process error dumps, cancel) and integration flows (list, get,
create, update, run, delete), with the documented 400/404/409 answers."""

from __future__ import annotations

from walk_base import UNKNOWN_ID32, WalkBase, WalkContext

CW = "/cloudworks/2/0/integrations"
FLOWS = "/cloudworks/2/0/integrationflows"
UNKNOWN = UNKNOWN_ID32.lower()
# Reference §11 RunStatus / RunSummary: the keys every run carries (endDate only once it ended).
RUN_KEYS = ("id", "integrationId", "traceId", "startDate", "success", "message", "triggerSource")
SUMMARY_KEYS = ("id", "triggeredBy", "startDate", "success", "message", "traceId", "triggerSource")


def _ended(run: dict) -> bool:
    return bool(run.get("endDate"))


class CloudWorksRunsWalk(WalkBase):
    def __init__(self, client, recorder, context: WalkContext, integrations: list[dict], created: str | None):
        super().__init__(client, recorder)
        self.ctx = context
        self.by_name = {i.get("name"): i.get("integrationId") for i in integrations}
        self.created = created

    def run(self):
        self.runs()
        self.cancel()
        self.unknowns()
        self.flows()

    def _start(self, integration: str, what: str) -> str | None:
        response, body = self.send("POST", f"{CW}/{integration}/run", label=what)
        if not self.expect_status(response, (200,), f"run {what}") or not isinstance(body, dict):
            return None
        run_id = (body.get("run") or {}).get("id")
        self.r.check(f"run {what}: run.id is a string (reference §11)", isinstance(run_id, str) and bool(run_id),
                     str(body)[:200])
        return run_id

    def _wait(self, run_id: str, what: str) -> dict:
        return self.poll(f"{CW}/run/{run_id}", _ended, f"run of {what}", pick=lambda b: b.get("run") or {}) or {}

    def runs(self):
        r = self.r
        plan = {"clean": self.created or self.by_name.get("Load Products from Azure"),
                "partial": self.by_name.get("Load Sales with Errors (S3)"),
                "process": self.by_name.get("Load Sales with Errors (process)"),
                "refused": self.by_name.get("Legacy Regions Load (expired keys)")}
        if not r.check("seeded integrations for every run outcome", all(plan.values()), str(plan)):
            return
        started = {what: self._start(integration, what) for what, integration in plan.items()}
        if started["clean"]:
            _, body = self.get_json(f"{CW}/run/{started['clean']}", label="running")
            running = (body or {}).get("run") or {} if isinstance(body, dict) else {}
            self.expect_keys(running, RUN_KEYS, "a running run (reference §11 RunStatus)")
            response, _ = self.send("POST", f"{CW}/{plan['clean']}/run", label="while it runs")
            self.expect_status(response, (409,), "run an integration that is running (spec: 409)")
        finished = {what: self._wait(run_id, what) for what, run_id in started.items() if run_id}
        clean = finished.get("clean", {})
        r.check("a clean run ends successful", clean.get("success") is True, str(clean)[:300])
        self.expect_keys(clean, RUN_KEYS + ("endDate",), "an ended run")
        partial = finished.get("partial", {})
        r.check("a run with rejected rows: partial success, executionErrorCode 38 (spec)",
                partial.get("success") is True and partial.get("executionErrorCode") == 38, str(partial)[:300])
        refused = finished.get("refused", {})
        r.check("a run over refused credentials fails", refused.get("success") is False, str(refused)[:300])
        if started.get("partial"):
            self.import_dump(started["partial"])
        if started.get("process"):
            self.process_dump(started["process"])
        if started.get("refused"):
            _, body = self.get_json(f"{CW}/runerror/{started['refused']}", label="refused")
            errors = (((body or {}).get("runs") or {}).get("errorMessages") or []) if isinstance(body, dict) else []
            r.check("the refused run's error names no dump", bool(errors) and
                    not any(e.get("failureDumpGenerated") for e in errors), str(errors)[:300])
            response = self.c.request("GET", f"{CW}/run/{started['refused']}/dumps", headers={"Accept": "*/*"},
                                      label="no dump")
            self.expect_status(response, (404,), "dump of a run that produced none")
        if started["clean"]:
            _, body = self.get_json(f"{CW}/runs/{plan['clean']}", label="history")
            runs = (((body or {}).get("history_of_runs") or {}).get("runs") or []) if isinstance(body, dict) else []
            mine = [x for x in runs if x.get("id") == started["clean"]]
            r.check("run history (history_of_runs.runs, reference §11) lists the run", bool(mine), f"{len(runs)} runs")
            for run in runs[:3]:
                self.expect_keys(run, SUMMARY_KEYS, "a run history entry (reference §11 RunSummary)")

    def import_dump(self, run_id: str):
        r = self.r
        _, body = self.get_json(f"{CW}/runerror/{run_id}", label="partial")
        errors = (((body or {}).get("runs") or {}).get("errorMessages") or []) if isinstance(body, dict) else []
        r.check("run error of rows rejected: failureDumpGenerated", any(e.get("failureDumpGenerated") for e in errors),
                str(body)[:300])
        spec = self.c.request("GET", f"{CW}/run/{run_id}/dumps", headers={"Accept": "*/*"}, label="spec path")
        library = self.c.request("GET", f"{CW}/run/{run_id}/dump", headers={"Accept": "*/*"}, label="library path")
        if self.expect_status(spec, (200,), "import error dump (/dumps, spec)") and \
                self.expect_status(library, (200,), "import error dump (/dump, reference §11)"):
            r.check("both dump paths give the same non-empty CSV", spec.body and spec.body == library.body,
                    f"{len(spec.body)} B vs {len(library.body)} B")

    def process_dump(self, run_id: str):
        r = self.r
        _, body = self.get_json(f"{CW}/runerror/{run_id}", label="process")
        errors = (((body or {}).get("runs") or {}).get("errorMessages") or []) if isinstance(body, dict) else []
        dumped = [e.get("actionId") for e in errors if e.get("failureDumpGenerated")]
        if not r.check("process run error names the import with a dump (actionId, reference §11)", bool(dumped),
                       str(body)[:300]):
            return
        response = self.c.request("GET", f"{CW}/run/{run_id}/process/import/{dumped[0]}/dumps",
                                  headers={"Accept": "*/*"}, label="process import dump")
        if self.expect_status(response, (200,), "process import error dump"):
            r.check("process import dump is not empty", bool(response.body), "empty")
        response = self.c.request("GET", f"{CW}/run/{run_id}/process/import/112999999999/dumps",
                                  headers={"Accept": "*/*"}, label="import not in the run")
        self.expect_status(response, (404,), "process dump of an import the run did not run")

    def cancel(self):
        integration = self.created or self.by_name.get("Load Products from Azure")
        if not integration:
            return
        response, _ = self.send("POST", f"{CW}/{integration}/cancel", label="not running")
        self.expect_status(response, (409,), "cancel an integration that is not running (spec: 409)")
        run_id = self._start(integration, "to cancel")
        if not run_id:
            return
        response, _ = self.send("POST", f"{CW}/{integration}/cancel", label="running")
        self.expect_status(response, (200,), "cancel a running integration")
        run = self._wait(run_id, "the cancelled run")
        self.r.check("a cancelled run ends unsuccessful", run.get("success") is False, str(run)[:300])

    def unknowns(self):
        for path in (f"run/{UNKNOWN}", f"runerror/{UNKNOWN}", f"runs/{UNKNOWN}", f"run/{UNKNOWN}/dumps"):
            response = self.c.request("GET", f"{CW}/{path}", headers={"Accept": "*/*"}, label="unknown")
            self.expect_status(response, (404,), f"GET {path.split('/')[0]} of an unknown id")
        for action in ("run", "cancel"):
            response, _ = self.send("POST", f"{CW}/{UNKNOWN}/{action}", label="unknown")
            self.expect_status(response, (404,), f"{action} an unknown integration")

    # ---- flows ---------------------------------------------------------------------------------------

    def flows(self):
        r = self.r
        _, body = self.get_json(f"{FLOWS}?myIntegrations=0&limit=50&offset=0")
        flows = (body or {}).get("integrationFlows", []) if isinstance(body, dict) else []
        r.check("flows listed with string ids and stepsCount", bool(flows) and all(
            isinstance(f.get("id"), str) and isinstance(f.get("stepsCount"), int) for f in flows), str(flows[:1])[:200])
        for flow in flows[:1]:
            _, body = self.get_json(f"{FLOWS}/{flow['id']}")
            steps = ((body or {}).get("integrationFlow") or {}).get("steps", []) if isinstance(body, dict) else []
            r.check("a flow's steps have referrer, type, isSkipped and exceptionBehavior (reference §11)",
                    len(steps) == flow.get("stepsCount") and all({"referrer", "type", "isSkipped", "exceptionBehavior"}
                                                                  <= set(s) for s in steps), str(steps[:1])[:300])
        response, _ = self.get_json(f"{FLOWS}/{UNKNOWN}", label="unknown")
        self.expect_status(response, (404,), "unknown flow")
        first = self.created or self.by_name.get("Load Sales from S3")
        second = self.by_name.get("Load Products from Azure")
        if not first or not second:
            return
        behaviour = [{"type": "failure", "strategy": "stop"}, {"type": "partial_success", "strategy": "continue"}]
        flow = {"name": "Conformance flow", "version": "2.0", "type": "IntegrationFlow", "steps": [
            {"type": "Integration", "referrer": first, "isSkipped": False, "exceptionBehavior": behaviour},
            {"type": "Integration", "referrer": second, "dependsOn": [first], "isSkipped": False,
             "exceptionBehavior": behaviour}]}
        response, _ = self.send("POST", FLOWS, dict(flow, steps=flow["steps"][:1]), label="one step")
        self.expect_status(response, (400,), "create a flow of one step (reference §11: 2–100 steps)")
        response, body = self.send("POST", FLOWS, flow, label="create")
        if not self.expect_status(response, (200,), "create a flow") or not isinstance(body, dict):
            return
        flow_id = (body.get("integrationFlow") or {}).get("integrationFlowId")
        if not r.check("create flow: integrationFlow.integrationFlowId (reference §11)", isinstance(flow_id, str)
                       and bool(flow_id), str(body)[:300]):
            return
        response, _ = self.send("PUT", f"{FLOWS}/{flow_id}", dict(flow, name="Conformance flow (renamed)"),
                                label="rename")
        self.expect_status(response, (200,), "replace a flow")
        response, _ = self.send("PUT", f"{FLOWS}/{UNKNOWN}", flow, label="unknown")
        self.expect_status(response, (404,), "replace an unknown flow")
        response, _ = self.send("POST", f"{FLOWS}/{flow_id}/run", {"stepsToRun": [UNKNOWN]}, label="unknown step")
        self.expect_status(response, (400,), "run a flow with an unknown step")
        response, body = self.send("POST", f"{FLOWS}/{flow_id}/run", label="run")
        run_id = ((body or {}).get("run") or {}).get("id") if isinstance(body, dict) else None
        if self.expect_status(response, (200,), "run a flow") and r.check("flow run: run.id", isinstance(run_id, str)):
            response, _ = self.send("POST", f"{FLOWS}/{flow_id}/run", label="while it runs")
            self.expect_status(response, (409,), "run a flow that is running (spec: 409)")
            run = self._wait(run_id, "the flow")
            r.check("the flow run ends successful", run.get("success") is True, str(run)[:300])
        response, _ = self.send("POST", f"{FLOWS}/{UNKNOWN}/run", label="unknown")
        self.expect_status(response, (404,), "run an unknown flow")
        self.delete_and_gone(f"{FLOWS}/{flow_id}", "flow")
