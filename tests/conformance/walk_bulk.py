"""The Bulk API walk (reference §7, integration spec): login and token life cycle, workspaces and models,
model objects, file up/downloads by chunks, import/export/process/action tasks with dumps, cancels,
busy/state errors, open/close and bulk delete. Steps run in the order a client would take them."""

from __future__ import annotations

import gzip
import time

from walk_base import (DEMO_PASSWORD, DEMO_USER, POLL_INTERVAL_S, TASK_DEADLINE_S, TERMINAL, WalkBase, sha)


class BulkWalk(WalkBase):
    def chunks(self, path: str, accept: str) -> tuple[list, bytes]:
        """GET path/chunks, then every chunk it lists: (chunk ids, the chunks' bytes joined)."""
        _, listing = self.get_json(f"{path}/chunks")
        ids = [ch.get("id") for ch in (listing or {}).get("chunks", [])] if isinstance(listing, dict) else []
        parts = []
        for chunk_id in ids:
            response = self.c.request("GET", f"{path}/chunks/{chunk_id}", headers={"Accept": accept})
            parts.append(response.body if response is not None else b"")
        return ids, b"".join(parts)

    def poll_task(self, task_path: str, what: str) -> dict | None:
        """GET the task until COMPLETE/CANCELLED; every poll is validated; None when it never ends."""
        deadline = time.monotonic() + TASK_DEADLINE_S
        seen_states = []
        while time.monotonic() < deadline:
            response, body = self.get_json(task_path, label=f"poll {what}")
            if response is None or response.status != 200 or not isinstance(body, dict):
                self.r.check(f"{what}: task poll answers 200", False,
                             f"{response.status if response else 'not sent'}")
                return None
            task = body.get("task") or {}
            state = task.get("taskState")
            if not seen_states or seen_states[-1] != state:
                seen_states.append(state)
            if state not in TERMINAL:
                # Reference §7.3/§7.6: a running task carries progress and creationTime.
                if "progress" not in task or "creationTime" not in task:
                    self.r.check(f"{what}: running task has progress and creationTime", False,
                                 f"keys {sorted(task)}")
            if state in TERMINAL:
                self.r.info(f"{what}: states seen {' -> '.join(map(str, seen_states))}")
                return task
            time.sleep(POLL_INTERVAL_S)
        self.r.check(f"{what}: task reaches COMPLETE or CANCELLED within {TASK_DEADLINE_S:.0f} s", False,
                     f"states seen {seen_states}")
        return None

    def run_task(self, base: str, kind: str, object_id: str, what: str) -> tuple[str | None, dict | None]:
        """POST …/{kind}/{id}/tasks, poll it to the end, list the tasks. (task id, final task)."""
        response = self.c.request("POST", f"{base}/{kind}/{object_id}/tasks", json_body={"localeName": "en_US"},
                                  label=f"start {what}")
        if response is None:
            return None, None
        body = response.json() or {}
        # Reference §7.3: {"task": {"taskId": …}}; spec (imports, processes): TaskWithUrl at top level.
        task_id = (body.get("task") or {}).get("taskId") or body.get("taskId")
        if not self.r.check(f"{what}: start answers 2xx with a taskId", 200 <= response.status < 300 and
                            isinstance(task_id, str) and task_id != "",
                            f"status {response.status}, body keys {sorted(body)}"):
            return None, None
        task = self.poll_task(f"{base}/{kind}/{object_id}/tasks/{task_id}", what)
        _, listing = self.get_json(f"{base}/{kind}/{object_id}/tasks", label=f"{what} task list")
        if isinstance(listing, dict):
            ids = [t.get("taskId") for t in listing.get("tasks", []) if isinstance(t, dict)]
            self.r.check(f"{what}: task list names the task", task_id in ids, f"task ids listed: {ids[:5]}")
        if task and task.get("taskState") == "COMPLETE":
            result = task.get("result")
            self.r.check(f"{what}: COMPLETE task has result.successful and result.failureDumpAvailable",
                         isinstance(result, dict) and isinstance(result.get("successful"), bool)
                         and isinstance(result.get("failureDumpAvailable"), bool), f"result {result!r}"[:300])
        return task_id, task

    # the steps
    def login(self) -> bool:
        c, r = self.c, self.r
        response = c.request("POST", "/token/authenticate", auth=None, label="no credentials")
        self.expect_status(response, (400, 401), "authenticate without credentials")
        response = c.request("POST", "/token/authenticate", auth=c.basic(DEMO_USER, "wrong-password"),
                             label="wrong password")
        self.expect_status(response, (401,), "authenticate with a wrong password")
        response = c.request("POST", "/token/authenticate", auth=c.basic(DEMO_USER, DEMO_PASSWORD),
                             label="Basic login")
        body = (response.json() if response else None) or {}
        token = (body.get("tokenInfo") or {}).get("tokenValue")
        if not r.check("Basic login gives tokenInfo.tokenValue", response is not None and
                       200 <= response.status < 300 and isinstance(token, str) and token != "",
                       f"status {response.status if response else 'not sent'}"):
            return False
        c.set_token(token)
        for key in ("tokenId", "expiresAt", "refreshTokenId"):
            r.check(f"login tokenInfo has {key} (reference §6.1)", key in body.get("tokenInfo", {}),
                    f"keys {sorted(body.get('tokenInfo', {}))}")
        response = c.request("GET", "/token/validate", label="valid token")
        self.expect_status(response, (200,), "validate a fresh token")
        response = c.request("GET", "/token/validate", auth="AnaplanAuthToken not-a-token", label="bogus token")
        self.expect_status(response, (401,), "validate a bogus token")
        response = c.request("POST", "/token/refresh", label="refresh")
        if response is not None and response.status == 200:
            new = ((response.json() or {}).get("tokenInfo") or {}).get("tokenValue")
            if isinstance(new, str) and new:
                c.set_token(new)
        return True

    def logout(self):
        c = self.c
        old = c.token
        response = c.request("POST", "/token/logout", label="logout")
        if response is None:
            return
        self.expect_status(response, (204, 200), "logout")
        response = c.request("GET", "/token/validate", auth=f"AnaplanAuthToken {old}", label="after logout")
        self.expect_status(response, (401,), "validate a logged-out token")
        response = c.request("GET", "/2/0/workspaces", auth=f"AnaplanAuthToken {old}", label="after logout")
        self.expect_status(response, (401,), "API call with a logged-out token")

    def auth_errors(self):
        c = self.c
        response = c.request("GET", "/2/0/workspaces", auth=None, label="no Authorization")
        self.expect_status(response, (401,), "API call without Authorization")
        response = c.request("GET", "/2/0/workspaces", auth="AnaplanAuthToken 0000", label="bogus token")
        self.expect_status(response, (401,), "API call with a bogus token")
        response = c.request("GET", "/2/0/workspaces", auth=f"Bearer {c.token}", label="Bearer scheme")
        if response is not None:
            self.r.info(f"Integration API with 'Bearer <token>' answers {response.status} (spec README: "
                        "accepted live; reference §3.1: clients send AnaplanAuthToken)")

    def workspaces_and_models(self) -> tuple[str | None, str | None, list[dict]]:
        r = self.r
        self.get_json("/2/0/users/me")
        response, body = self.get_json("/2/0/workspaces?tenantDetails=true")
        workspaces = (body or {}).get("workspaces", []) if isinstance(body, dict) else []
        if not r.check("workspaces listed", bool(workspaces), f"body {str(body)[:200]}"):
            return None, None, []
        paging = ((body.get("meta") or {}).get("paging") or {})
        r.check("workspace list has meta.paging.totalSize/currentPageSize (reference §4.1)",
                "totalSize" in paging and "currentPageSize" in paging, f"meta {body.get('meta')}")
        r.check("workspace ids are strings", all(isinstance(w.get("id"), str) for w in workspaces))
        response, body = self.get_json("/2/0/workspaces?tenantDetails=true&limit=1&offset=0&sort=%2Bname",
                                       label="page 1 of size 1")
        if isinstance(body, dict):
            paging = (body.get("meta") or {}).get("paging") or {}
            r.check("limit=1 gives one workspace and currentPageSize 1",
                    len(body.get("workspaces", [])) == 1 and paging.get("currentPageSize") == 1, f"paging {paging}")
        ws = workspaces[0]["id"]
        self.get_json(f"/2/0/workspaces/{ws}?tenantDetails=true")
        response, _ = self.get_json("/2/0/workspaces/00000000000000000000000000000000", label="unknown workspace")
        self.expect_status(response, (404,), "unknown workspace")
        self.get_json(f"/2/0/workspaces/{ws}/admins")

        # The models of every workspace, and the tenant-wide list.
        models = []
        for w in workspaces:
            _, body = self.get_json(f"/2/0/workspaces/{w['id']}/models?modelDetails=true")
            if isinstance(body, dict):
                models += [m for m in body.get("models", []) if isinstance(m, dict)]
        _, body = self.get_json("/2/0/models?modelDetails=true")
        if isinstance(body, dict):
            listed = {m.get("id") for m in body.get("models", [])}
            r.check("tenant-wide model list includes every workspace's models",
                    {m.get("id") for m in models} <= listed, f"{len(listed)} listed")
        if not r.check("models listed", bool(models)):
            return ws, None, []
        for m in models:
            self.get_json(f"/2/0/models/{m['id']}?modelDetails=true")
        response, _ = self.get_json("/2/0/models/0000000000000000000000000000000A", label="unknown model")
        self.expect_status(response, (404,), "unknown model")
        # Walk an UNLOCKED model: archived and locked ones refuse work (checked in state_errors).
        chosen = next((m for m in models if m.get("activeState") == "UNLOCKED"), models[0])
        return chosen.get("currentWorkspaceId") or ws, chosen["id"], models

    def model_status(self, ws: str, model: str):
        for path in (f"/2/0/models/{model}/status", f"/2/0/workspaces/{ws}/models/{model}/status"):
            for method in ("GET", "POST"):
                response = self.c.request(method, path, unrouted_ok=False)
                if response is not None and response.status == 200:
                    status = (response.json() or {}).get("requestStatus")
                    keys = {"peakMemoryUsageEstimate", "peakMemoryUsageTime", "progress", "currentStep",
                            "tooltip", "exportTaskType", "creationTime", "taskId"}
                    self.r.check(f"{method} {path}: requestStatus has all eight keys (reference §8)",
                                 isinstance(status, dict) and keys <= set(status),
                                 f"keys {sorted(status) if isinstance(status, dict) else status}")

    def model_objects(self, ws: str, model: str) -> dict:
        base = f"/2/0/workspaces/{ws}/models/{model}"
        found = {}
        for kind in ("files", "imports", "exports", "processes", "actions"):
            response, body = self.get_json(f"{base}/{kind}")
            items = body.get(kind, []) if isinstance(body, dict) else []
            found[kind] = [i for i in items if isinstance(i, dict)]
            if response is not None and response.status == 200:
                self.r.check(f"{kind}: ids are strings", all(isinstance(i.get("id"), str) for i in found[kind]))
                self.get_json(f"{base}/{kind}?sort=-name&limit=2&offset=0", label="sorted page")
            # The same list without the workspace (reference §8: both forms routed).
            self.get_json(f"/2/0/models/{model}/{kind}")
        # The spec writes the imports list with a trailing slash; clients send both.
        self.get_json(f"{base}/imports/", label="trailing slash")
        self.get_json(f"/2/0/models/{model}/imports/", label="trailing slash")
        for kind in ("imports", "exports", "processes"):
            for item in found[kind]:
                self.get_json(f"{base}/{kind}/{item['id']}")
                self.get_json(f"/2/0/models/{model}/{kind}/{item['id']}")
        for item in found["processes"][:1]:
            self.get_json(f"{base}/processes/{item['id']}?showImportDataSource=true")
        response, _ = self.get_json(f"{base}/imports/112999999999", label="unknown import")
        self.expect_status(response, (404,), "unknown import")
        response, _ = self.get_json(f"/2/0/workspaces/{ws}/models/0000000000000000000000000000000A/files",
                                    label="unknown model")
        self.expect_status(response, (404,), "files of an unknown model")
        return found

    def files(self, base: str, objects: dict) -> dict[str, bytes]:
        """Downloads the files that hold content, checks chunk lists and round-trips uploads."""
        c, r = self.c, self.r
        contents = {}
        for f in objects["files"]:
            if not f.get("chunkCount"):
                continue
            chunk_ids, joined = self.chunks(f"{base}/files/{f['id']}", "application/octet-stream")
            r.check(f"file {f['id']}: chunk list has chunkCount entries", len(chunk_ids) == f["chunkCount"],
                    f"{len(chunk_ids)} listed, chunkCount {f['chunkCount']}")
            model = base.rsplit("/", 1)[1]
            self.get_json(f"/2/0/models/{model}/files/{f['id']}/chunks", label="workspace-less form")
            whole = c.request("GET", f"{base}/files/{f['id']}", headers={"Accept": "application/octet-stream"})
            if whole is not None and whole.status == 200:
                r.check(f"file {f['id']}: whole download equals its chunks", whole.body == joined,
                        f"whole {sha(whole.body)} vs chunks {sha(joined)}")
                contents[f["id"]] = whole.body
        response = c.request("GET", f"{base}/files/113999999999", headers={"Accept": "application/octet-stream"},
                             label="unknown file")
        self.expect_status(response, (404,), "download of an unknown file")
        return contents

    def upload(self, base: str, file_id: str, content: bytes, what: str) -> bool:
        """Fixed-count upload (2 chunks, one gzip), then a streamed one (-1 + /complete); both read back."""
        c, r = self.c, self.r
        half = max(1, len(content) // 2)
        pieces = [content[:half], content[half:]] if len(content) > 1 else [content]
        response = c.request("POST", f"{base}/files/{file_id}", json_body={"chunkCount": len(pieces)},
                             label=f"{what}: set chunkCount")
        if response is None or not self.expect_status(response, (200,), f"{what}: set chunkCount"):
            return False
        r.check(f"{what}: POST file answers the same file id (reference §17.4)",
                ((response.json() or {}).get("file") or {}).get("id") == file_id, str(response.json())[:200])
        for i, piece in enumerate(pieces):
            if i == 0:
                response = c.request("PUT", f"{base}/files/{file_id}/chunks/{i}", data=piece,
                                     content_type="application/octet-stream", label=f"{what}: chunk {i}")
            else:
                response = c.request("PUT", f"{base}/files/{file_id}/chunks/{i}", data=gzip.compress(piece),
                                     content_type="application/x-gzip", label=f"{what}: gzip chunk {i}")
            self.expect_status(response, (204, 200), f"{what}: PUT chunk {i}")
        _, listing = self.get_json(f"{base}/files/{file_id}/chunks")
        if isinstance(listing, dict):
            r.check(f"{what}: chunk list after upload has {len(pieces)} chunks",
                    len(listing.get("chunks", [])) == len(pieces), str(listing.get("chunks"))[:200])
        back = c.request("GET", f"{base}/files/{file_id}", headers={"Accept": "application/octet-stream"})
        if back is not None:
            r.check(f"{what}: fixed-count upload reads back byte for byte", back.body == content,
                    f"sent {sha(content)} ({len(content)} B), got {sha(back.body)} ({len(back.body)} B)")

        # Streamed: chunkCount -1, chunks, then /complete.
        response = c.request("POST", f"{base}/files/{file_id}", json_body={"chunkCount": -1},
                             label=f"{what}: streamed upload")
        if response is None or response.status != 200:
            return True
        for i, piece in enumerate(pieces):
            c.request("PUT", f"{base}/files/{file_id}/chunks/{i}", data=piece,
                      content_type="application/octet-stream", label=f"{what}: streamed chunk {i}")
        response = c.request("POST", f"{base}/files/{file_id}/complete", json_body={"id": file_id},
                             label=f"{what}: complete")
        self.expect_status(response, (200,), f"{what}: complete a streamed upload")
        back = c.request("GET", f"{base}/files/{file_id}", headers={"Accept": "application/octet-stream"})
        if back is not None:
            r.check(f"{what}: streamed upload reads back byte for byte", back.body == content,
                    f"sent {sha(content)}, got {sha(back.body)}")
        # Single PUT of a whole small file (Anaplan docs; the library does not use it).
        response = c.request("PUT", f"{base}/files/{file_id}", data=content,
                             content_type="application/octet-stream", label=f"{what}: single PUT")
        if response is not None and 200 <= response.status < 300:
            back = c.request("GET", f"{base}/files/{file_id}", headers={"Accept": "application/octet-stream"})
            if back is not None:
                r.check(f"{what}: single-PUT upload reads back", back.body == content,
                        f"sent {sha(content)}, got {sha(back.body)}")
        return True

    def upload_errors(self, base: str, file_id: str):
        c = self.c
        response = c.request("POST", f"{base}/files/{file_id}", data=b"{not json", content_type="application/json",
                             label="malformed JSON body")
        self.expect_status(response, (400,), "chunkCount body that is not JSON")
        response = c.request("PUT", f"{base}/files/{file_id}/chunks/0", data=b"\x1f\x8b\x08\x00broken",
                             content_type="application/x-gzip", label="corrupt gzip chunk")
        self.expect_status(response, (400, 415, 422), "corrupt gzip chunk")

    def imports(self, base: str, objects: dict, contents: dict[str, bytes]):
        r = self.r
        files = {f["id"]: f for f in objects["files"]}
        candidates = [i for i in objects["imports"] if i.get("importDataSourceId") in files]
        if not r.check("an import reads an uploadable file", bool(candidates), f"imports {objects['imports']}"):
            return
        imp = next((i for i in candidates if i["importDataSourceId"] in contents), candidates[0])
        file_id = imp["importDataSourceId"]
        content = contents.get(file_id)
        if content is None:
            _, meta = self.get_json(f"{base}/imports/{imp['id']}")
            names = (((meta or {}).get("importMetadata") or {}).get("source") or {}).get("headerNames") or ["Name"]
            content = (",".join(names) + "\n").encode()
        if not self.upload(base, file_id, content, f"upload to {file_id}"):
            return
        self.upload_errors(base, file_id)
        dump_seen = False
        for other in objects["imports"]:
            task_id, task = self.run_task(base, "imports", other["id"], f"import {other['id']}")
            if task_id and task and task.get("taskState") == "COMPLETE":
                has_dump = bool((task.get("result") or {}).get("failureDumpAvailable"))
                self.dump(base, other["id"], task_id, task, expect_dump=has_dump)
                dump_seen = dump_seen or has_dump
        if dump_seen:
            return

        # A row with the wrong number of columns fails and leaves a failure dump.
        lines = content.decode("utf-8", "replace").splitlines()
        header = lines[0] if lines else "Name"
        separator = "\t" if "\t" in header else ","
        wrong_row = "only-one-field" if separator in header else f"a{separator}b{separator}c"
        bad = f"{header}\n{wrong_row}\n".encode()
        self.c.request("POST", f"{base}/files/{file_id}", json_body={"chunkCount": 1}, label="bad rows upload")
        self.c.request("PUT", f"{base}/files/{file_id}/chunks/0", data=bad, content_type="application/octet-stream",
                       label="bad rows chunk")
        task_id, task = self.run_task(base, "imports", imp["id"], f"failing import {imp['id']}")
        if task_id and task:
            result = task.get("result") or {}
            r.check("import of a bad row reports failureDumpAvailable", result.get("failureDumpAvailable") is True,
                    f"result {result}"[:300])
            self.dump(base, imp["id"], task_id, task, expect_dump=True)
        # Put the good content back so later processes that run this import succeed.
        self.c.request("PUT", f"{base}/files/{file_id}", data=content, content_type="application/octet-stream",
                       label="restore content")

    def dump(self, base: str, import_id: str, task_id: str, task: dict | None, expect_dump: bool):
        r = self.r
        path = f"{base}/imports/{import_id}/tasks/{task_id}/dump"
        whole = self.c.request("GET", path, headers={"Accept": "text/csv, text/plain, */*"})
        if whole is None:
            return
        if not expect_dump:
            r.check("no dump after a clean import: 404 or 204", whole.status in (404, 204), f"got {whole.status}")
            return
        if not r.check("dump of a failed import downloads", whole.status == 200, f"got {whole.status}"):
            return
        ids, joined = self.chunks(path, "text/csv, */*")
        if ids:
            r.check("dump chunks concatenate to the whole dump", joined == whole.body,
                    f"{sha(joined)} vs {sha(whole.body)}")
        response = self.c.request("GET", f"{path}/chunks/999", headers={"Accept": "text/csv, */*"},
                                  label="unknown dump chunk")
        self.expect_status(response, (404,), "unknown dump chunk")

    def exports(self, base: str, objects: dict):
        r = self.r
        for exp in objects["exports"]:
            task_id, task = self.run_task(base, "exports", exp["id"], f"export {exp['id']}")
            if not task or task.get("taskState") != "COMPLETE":
                continue
            _, files = self.get_json(f"{base}/files", label="after export")
            listed = {f.get("id"): f for f in (files or {}).get("files", [])} if isinstance(files, dict) else {}
            r.check(f"export {exp['id']}: output file has the export's id (reference §2)", exp["id"] in listed,
                    f"file ids {sorted(listed)}")
            whole = self.c.request("GET", f"{base}/files/{exp['id']}", headers={"Accept": "application/octet-stream"})
            ids, joined = self.chunks(f"{base}/files/{exp['id']}", "application/octet-stream")
            if whole is not None and whole.status == 200:
                r.check(f"export {exp['id']}: output non-empty and equal to its chunks",
                        whole.body and whole.body == joined, f"{len(whole.body)} B, {len(ids)} chunk(s)")

    def processes_and_actions(self, base: str, objects: dict):
        r = self.r
        for proc in objects["processes"]:
            task_id, task = self.run_task(base, "processes", proc["id"], f"process {proc['id']}")
            if task and task.get("taskState") == "COMPLETE":
                nested = (task.get("result") or {}).get("nestedResults")
                r.check(f"process {proc['id']}: result.nestedResults lists its steps",
                        isinstance(nested, list) and len(nested) > 0, f"nestedResults {nested!r}"[:200])
                for step in nested or []:
                    if step.get("failureDumpAvailable") and step.get("objectId"):
                        self.process_dump(base, proc["id"], task_id, step["objectId"])
        for action in objects["actions"]:
            task_id, task = self.run_task(base, "actions", action["id"], f"action {action['id']}")
            if task_id and action.get("actionType") == "OPTIMIZER":
                response = self.c.request("GET", f"{base}/optimizeActions/{action['id']}/tasks/{task_id}/solutionLogs",
                                          headers={"Accept": "text/plain, */*"})
                self.expect_status(response, (200,), f"optimizer {action['id']}: solution log")

    def process_dump(self, base: str, process_id: str, task_id: str, object_id: str):
        path = f"{base}/processes/{process_id}/tasks/{task_id}/dumps/{object_id}"
        whole = self.c.request("GET", path, headers={"Accept": "text/csv, text/plain, */*"})
        if whole is None or not self.expect_status(whole, (200,), f"process {process_id}: dump of {object_id}"):
            return
        ids, joined = self.chunks(path, "text/csv, */*")
        self.r.check(f"process {process_id}: dump chunks of {object_id} concatenate to the dump",
                     bool(ids) and joined == whole.body, f"{len(ids)} chunk(s)")

    def start(self, base: str, kind: str, object_id: str, label: str) -> str | None:
        response = self.c.request("POST", f"{base}/{kind}/{object_id}/tasks", json_body={"localeName": "en_US"},
                                  label=label)
        body = (response.json() if response is not None else None) or {}
        return (body.get("task") or {}).get("taskId") or body.get("taskId") if isinstance(body, dict) else None

    def cancel(self, base: str, objects: dict):
        for kind in ("imports", "exports", "actions", "processes"):
            if not objects[kind]:
                continue
            object_id = objects[kind][0]["id"]
            task_id = self.start(base, kind, object_id, "start, to cancel")
            if not task_id:
                continue
            task_path = f"{base}/{kind}/{object_id}/tasks/{task_id}"
            response = self.c.request("DELETE", task_path, label="cancel")
            if response is None:
                continue
            self.expect_status(response, (200, 204), f"cancel a running {kind[:-1]} task")
            task = self.poll_task(task_path, f"cancelled {kind[:-1]} task")
            if task:
                self.r.check(f"a cancelled {kind[:-1]} task ends CANCELLED (or COMPLETE if it finished first)",
                             task.get("taskState") in TERMINAL, str(task.get("taskState")))

    def busy(self, ws: str, model: str, base: str, objects: dict):
        """Reference §13: 409 busy/conflict — a second task, or closing the model, while a task runs."""
        if not objects["imports"]:
            return
        object_id = objects["imports"][0]["id"]
        task_id = self.start(base, "imports", object_id, "first of two")
        if not task_id:
            return
        response = self.c.request("POST", f"{base}/imports/{object_id}/tasks", json_body={"localeName": "en_US"},
                                  label="second while the first runs")
        if response is not None and response.status != 409:
            self.r.info(f"a second task while one runs answers {response.status} (the sandbox's choice)")
        response = self.c.request("POST", f"/2/0/models/{model}/close", data=b"", content_type="application/text",
                                  label="close while a task runs")
        if response is not None:
            self.expect_status(response, (409,), "close a model while a task runs")
        self.poll_task(f"{base}/imports/{object_id}/tasks/{task_id}", "first of two")

    def state_errors(self, models: list[dict], objects: dict):
        """Reference §13: 422 model archived, 423 model locked."""
        if not objects["imports"]:
            return
        import_id = objects["imports"][0]["id"]
        for state, status in (("ARCHIVED", 422), ("LOCKED", 423)):
            m = next((m for m in models if m.get("activeState") == state), None)
            if m is None or not m.get("currentWorkspaceId"):
                continue
            response = self.c.request("POST", f"/2/0/workspaces/{m['currentWorkspaceId']}/models/{m['id']}/imports/"
                                      f"{import_id}/tasks", json_body={"localeName": "en_US"}, label=f"{state} model")
            self.expect_status(response, (status,), f"start a task in a {state} model")

    def task_errors(self, base: str, objects: dict):
        response = self.c.request("POST", f"{base}/imports/112999999999/tasks", json_body={"localeName": "en_US"},
                                  label="unknown import")
        self.expect_status(response, (404,), "start a task of an unknown import")
        if objects["imports"]:
            imp = objects["imports"][0]["id"]
            response, _ = self.get_json(f"{base}/imports/{imp}/tasks/FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF",
                                        label="unknown task")
            self.expect_status(response, (404,), "poll an unknown task")
            response = self.c.request("POST", f"{base}/imports/{imp}/tasks", data=b"{broken",
                                      content_type="application/json", label="malformed body")
            self.expect_status(response, (400,), "start a task with a malformed body")
        # Spec notes: a task list of an unknown parent is an empty 200, not a 404; workspaces validate sort.
        response, body = self.get_json(f"{base}/imports/112999999999/tasks", label="unknown parent")
        if response is not None:
            self.r.check("task list of an unknown import: 200 with no tasks (spec note)", response.status == 200
                         and isinstance(body, dict) and not body.get("tasks"), f"status {response.status}")
        response, _ = self.get_json("/2/0/workspaces?sort=%2Bbogus", label="unknown sort field")
        self.expect_status(response, (400,), "workspaces sorted by an unknown field (spec: 400)")
        response = self.c.request("PATCH", "/2/0/workspaces", unrouted_ok=True, label="method not allowed")
        self.expect_status(response, (405, 404), "unsupported method on a known path")
        response = self.c.request("GET", "/2/0/no/such/path", unrouted_ok=True, label="unknown path")
        self.expect_status(response, (404,), "unknown path")

    def wait_model_step(self, model: str, wanted: str):
        deadline = time.monotonic() + TASK_DEADLINE_S
        step = None
        while time.monotonic() < deadline:
            _, body = self.get_json(f"/2/0/models/{model}/status", label=f"until {wanted}")
            step = ((body or {}).get("requestStatus") or {}).get("currentStep") if isinstance(body, dict) else None
            if step == wanted:
                break
            time.sleep(POLL_INTERVAL_S)
        self.r.check(f"model reaches currentStep {wanted}", step == wanted, f"currentStep {step!r}")

    def new_file(self, base: str, model: str):
        """Reference §17.4: chunkCount POSTed to an unknown file id creates a file with another id; then
        DELETE removes the uploaded content (Anaplan docs, spec)."""
        c, r = self.c, self.r
        asked = "113000000999"
        response = c.request("POST", f"{base}/files/{asked}", json_body={"chunkCount": 1}, label="unknown file id")
        if response is None or response.status != 200:
            if response is not None:
                r.info(f"chunkCount on an unknown file id answers {response.status}")
            return
        new_id = ((response.json() or {}).get("file") or {}).get("id")
        r.check("chunkCount on an unknown file id creates a file with a different id (reference §17.4)",
                isinstance(new_id, str) and new_id != asked, f"file id {new_id!r}")
        if not isinstance(new_id, str):
            return
        content = b"Name\nSandbox conformance\n"
        c.request("PUT", f"{base}/files/{new_id}/chunks/0", data=content, content_type="application/octet-stream")
        back = c.request("GET", f"{base}/files/{new_id}", headers={"Accept": "application/octet-stream"})
        if back is not None:
            r.check("the created file holds the uploaded chunk", back.body == content, f"{len(back.body)} B")
        response = c.request("DELETE", f"{base}/files/{new_id}", content_type="application/json")
        if response is not None:
            self.expect_status(response, (204,), "DELETE an uploaded file")
            back = c.request("GET", f"{base}/files/{new_id}", headers={"Accept": "application/octet-stream"},
                             label="after DELETE")
            self.expect_status(back, (404,), "a deleted file has no content")

    def open_close_delete(self, ws: str, model: str, models: list[dict]):
        c, r = self.c, self.r
        response = c.request("POST", f"/2/0/workspaces/{ws}/models/{model}/close", data=b"",
                             content_type="application/text")
        if response is not None and 200 <= response.status < 300:
            c.request("POST", f"/2/0/workspaces/{ws}/models/{model}/open", data=b"", content_type="application/text")
            self.wait_model_step(model, "Open")
        response = c.request("POST", f"/2/0/models/{model}/close", data=b"", content_type="application/text")
        if response is not None and 200 <= response.status < 300:
            _, body = self.get_json(f"/2/0/models/{model}/status", label="after close")
            step = ((body or {}).get("requestStatus") or {}).get("currentStep") if isinstance(body, dict) else None
            r.check("closed model reports currentStep Closed", step == "Closed", f"currentStep {step!r}")
        response = c.request("POST", f"/2/0/models/{model}/open", data=b"", content_type="application/text")
        if response is not None and 200 <= response.status < 300:
            self.wait_model_step(model, "Open")
            response = c.request("POST", f"/2/0/models/{model}/open", data=b"", content_type="application/text",
                                 label="already open")
            self.expect_status(response, (202, 424), "open an open model (spec 202; reference: 424 already awake)")
        c.request("POST", "/2/0/models/0000000000000000000000000000000A/open", data=b"",
                  content_type="application/text", label="unknown model")
        # Bulk delete: an unknown id is reported as a failure, not an HTTP error.
        response = c.request("POST", f"/2/0/workspaces/{ws}/bulkDeleteModels",
                             json_body={"modelIdsToDelete": ["0000000000000000000000000000000A"]},
                             label="unknown model id")
        if response is not None and response.status == 200:
            body = response.json() or {}
            r.check("bulk delete of an unknown model: modelsDeleted 0 and one failure",
                    body.get("modelsDeleted") == 0 and len(body.get("bulkDeleteModelsFailures", [])) == 1,
                    str(body)[:300])
        # Delete a model other than the demo model, once it is closed.
        others = [m for m in models if m.get("id") != model and m.get("currentWorkspaceId", ws) == ws]
        if others:
            victim = others[-1]["id"]
            c.request("POST", f"/2/0/models/{victim}/close", data=b"", content_type="application/text")
            response = c.request("POST", f"/2/0/workspaces/{ws}/bulkDeleteModels",
                                 json_body={"modelIdsToDelete": [victim]}, label="delete a closed model")
            if response is not None and response.status == 200:
                r.check("bulk delete of a closed model deletes it", (response.json() or {}).get("modelsDeleted") == 1,
                        str(response.json())[:300])
                response, _ = self.get_json(f"/2/0/models/{victim}", label="deleted model")
                self.expect_status(response, (404,), "a deleted model is gone")
