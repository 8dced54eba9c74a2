"""The Transactional API walk (reference §8, integration spec), in both URL forms (/2/0/models/{m}/… and
/2/0/workspaces/{ws}/models/{m}/…, reference §8): modules, line items, views and their data, lists and
their items (insert/update/delete counts, the 100,000-item limit, resetIndex), cell writes read back,
dimension items and lookups, current period and model calendar, and the documented 400/404 answers."""

from __future__ import annotations

import datetime
import calendar

from walk_base import WalkBase, WalkContext

UNKNOWN_OBJECT = "102999999999"
ITEM_LIMIT = 100_000  # list items per add/update/delete request (reference §13, spec)
CELL_LIMIT = 1_000_000  # cells per view read (reference §8, spec: more → 400)


def _by_name(items, name: str) -> dict | None:
    return next((i for i in items if isinstance(i, dict) and i.get("name") == name), None)


class TransactionalWalk(WalkBase):
    def __init__(self, client, recorder, context: WalkContext):
        super().__init__(client, recorder)
        self.ctx = context
        self.forms = [f"/2/0/models/{context.model}", f"/2/0/workspaces/{context.ws}/models/{context.model}"]

    def run(self):
        found = self.metadata()
        if found is None:
            return
        module, line_item, view, lists = found
        self.view_data(module, view)
        self.cells(module, line_item, view)
        self.dimensions(lists)
        self.list_items(lists)
        self.calendar()

    # ---- metadata ------------------------------------------------------------------------------------

    def metadata(self):
        r = self.r
        found = None
        for base in self.forms:
            _, body = self.get_json(f"{base}/modules")
            modules = (body or {}).get("modules", []) if isinstance(body, dict) else []
            module = _by_name(modules, "Sales") or (modules[0] if modules else None)
            if not r.check(f"{base}/modules lists modules with string ids", bool(modules) and
                           all(isinstance(m.get("id"), str) for m in modules), str(body)[:200]):
                return None
            _, body = self.get_json(f"{base}/modules/{module['id']}/lineItems?includeAll=true")
            items = (body or {}).get("items", []) if isinstance(body, dict) else []
            r.check("module line items: key 'items', each with moduleId = the module (reference §8)",
                    bool(items) and all(i.get("moduleId") == module["id"] for i in items), str(body)[:200])
            self.get_json(f"{base}/modules/{module['id']}/views")
            _, body = self.get_json(f"{base}/lineItems?includeAll=true")
            all_items = (body or {}).get("items", []) if isinstance(body, dict) else []
            r.check("model line items include the module's", {i.get("id") for i in items} <=
                    {i.get("id") for i in all_items}, f"{len(all_items)} line items")
            self.get_json(f"{base}/lineItems", label="short form")
            line_item = _by_name(items, "Units") or (items[0] if items else {})
            _, body = self.get_json(f"{base}/lineItems/{line_item.get('id')}/dimensions")
            dims = (body or {}).get("dimensions", []) if isinstance(body, dict) else []
            r.check("line item dimensions listed", bool(dims), str(body)[:200])
            for dim in dims[:1]:
                self.get_json(f"{base}/lineItems/{line_item.get('id')}/dimensions/{dim['id']}/items")
            _, body = self.get_json(f"{base}/views?includesubsidiaryviews=true")
            views = (body or {}).get("views", []) if isinstance(body, dict) else []
            # Reference §8.1: a View needs `code` (the library requires it); the spec lists it too.
            r.check("views: each has id, name, code and moduleId", bool(views) and all(
                {"id", "name", "code", "moduleId"} <= set(v) for v in views), str(views[:2])[:200])
            view = next((v for v in views if v.get("id") == module["id"]), views[0] if views else {})
            _, info = self.get_json(f"{base}/views/{view.get('id')}")
            if isinstance(info, dict):
                r.check("view info: viewId and viewName (reference §8)", info.get("viewId") == view.get("id")
                        and info.get("viewName") == view.get("name"), str(info)[:200])
                for axis in ("rows", "pages", "columns"):
                    for dim in (info.get(axis) or [])[:1]:
                        self.get_json(f"{base}/views/{view.get('id')}/dimensions/{dim['id']}/items", label=axis)
            _, body = self.get_json(f"{base}/lists")
            lists = (body or {}).get("lists", []) if isinstance(body, dict) else []
            for lst in lists[:1]:
                _, meta = self.get_json(f"{base}/lists/{lst['id']}")
                if isinstance(meta, dict):
                    self.expect_keys(meta.get("metadata"), ("id", "name", "itemCount", "productionData"),
                                     f"list {lst['id']} metadata (reference §8.1)")
                self.get_json(f"{base}/lists/{lst['id']}/items?includeAll=true")
            for path in (f"modules/{UNKNOWN_OBJECT}/lineItems", f"modules/{UNKNOWN_OBJECT}/views",
                         f"views/{UNKNOWN_OBJECT}", f"lists/{UNKNOWN_OBJECT}", f"lineItems/{UNKNOWN_OBJECT}/dimensions"):
                response, _ = self.get_json(f"{base}/{path}", label="unknown id")
                self.expect_status(response, (404,), f"{path.split('/')[0]} with an unknown id")
            found = (module, line_item, view, lists)
        return found

    # ---- views ---------------------------------------------------------------------------------------

    def view_data(self, module: dict, view: dict):
        r = self.r
        for base in self.forms:
            path = f"{base}/views/{view.get('id')}/data"
            csv = self.c.request("GET", path, headers={"Accept": "text/csv"}, label="CSV")
            if self.expect_status(csv, (200,), "view data as CSV"):
                r.check("view data CSV: text/csv with a header line and rows",
                        csv.content_type.startswith("text/csv") and len(csv.body.splitlines()) > 2,
                        f"{csv.content_type}, {len(csv.body)} B")
            response, body = self.get_json(f"{path}?format=v1", label="JSON v1")
            if self.expect_status(response, (200,), "view data as JSON v1") and isinstance(body, dict):
                r.check("view data JSON v1 has rows", bool(body.get("rows")), str(body)[:200])
            _, info = self.get_json(f"{base}/views/{view.get('id')}", label="for pages")
            pages = (info or {}).get("pages") or [] if isinstance(info, dict) else []
            if pages:
                _, items = self.get_json(f"{base}/views/{view.get('id')}/dimensions/{pages[0]['id']}/items",
                                         label="page items")
                last = ((items or {}).get("items") or [{}])[-1] if isinstance(items, dict) else {}
                response = self.c.request("GET", f"{path}?pages={pages[0]['id']}:{last.get('id')}",
                                          headers={"Accept": "text/csv"}, label="one page")
                if self.expect_status(response, (200,), "view data of a chosen page"):
                    r.check("view data of a chosen page names that page first",
                            response.body.splitlines()[0].decode("utf-8", "replace").strip() == last.get("name"),
                            repr(response.body[:80]))
            response = self.c.request("GET", f"{base}/views/{UNKNOWN_OBJECT}/data", headers={"Accept": "text/csv"},
                                      label="unknown view")
            self.expect_status(response, (404,), "data of an unknown view")
        # A view over 1,000,000 cells answers 400, never a partial result (spec and reference §8).
        _, views = self.get_json(f"{self.forms[0]}/views", label="for a large view")
        big = _by_name((views or {}).get("views", []) if isinstance(views, dict) else [], "DAT01 Store Sales")
        if big:
            response = self.c.request("GET", f"{self.forms[0]}/views/{big['id']}/data", headers={"Accept": "text/csv"},
                                      label="over 1,000,000 cells")
            self.expect_status(response, (400,), f"data of a view over {CELL_LIMIT:,} cells")

    def cells(self, module: dict, line_item: dict, view: dict):
        r = self.r
        base = self.forms[0]
        _, dims = self.get_json(f"{base}/lineItems/{line_item.get('id')}/dimensions", label="for a cell")
        dims = (dims or {}).get("dimensions", []) if isinstance(dims, dict) else []
        coordinates = []
        for dim in dims:
            _, items = self.get_json(f"{base}/dimensions/{dim['id']}/items", label="for a cell")
            first = ((items or {}).get("items") or [{}])[0] if isinstance(items, dict) else {}
            coordinates.append({"dimensionId": dim["id"], "itemId": first.get("id"), "name": first.get("name")})
        write = [{"lineItemId": line_item.get("id"),
                  "dimensions": [{"dimensionId": c["dimensionId"], "itemId": c["itemId"]} for c in coordinates],
                  "value": 4321}]
        for i, path_base in enumerate(self.forms):
            write[0]["value"] = 4321 + i
            response, body = self.send("POST", f"{path_base}/modules/{module['id']}/data", write, label="one cell")
            if self.expect_status(response, (200,), "cell write") and isinstance(body, dict):
                r.check("cell write: numberOfCellsChanged 1 (reference §8)", body.get("numberOfCellsChanged") == 1,
                        str(body)[:200])
        # The written value shows in the view, on the page of the cell's item of the page dimension.
        _, info = self.get_json(f"{base}/views/{view.get('id')}", label="for the cell's page")
        page_dims = {d.get("id") for d in ((info or {}).get("pages") or [])} if isinstance(info, dict) else set()
        pages = ",".join(f"{c['dimensionId']}:{c['itemId']}" for c in coordinates if c["dimensionId"] in page_dims)
        csv = self.c.request("GET", f"{base}/views/{view.get('id')}/data" + (f"?pages={pages}" if pages else ""),
                             headers={"Accept": "text/csv"}, label="read the cell back")
        if csv is not None and csv.status == 200:
            rows = [line for line in csv.body.decode("utf-8", "replace").splitlines()
                    if any(line.startswith(c["name"] + ",") for c in coordinates if c["dimensionId"] not in page_dims)]
            r.check("the written cell reads back in the view", any("4322" in line for line in rows), str(rows)[:200])
        bad = [dict(write[0], lineItemName="No Such Line Item", lineItemId=None)]
        bad[0].pop("lineItemId")
        response, body = self.send("POST", f"{base}/modules/{module['id']}/data", bad, label="unknown line item")
        if self.expect_status(response, (200,), "cell write with an unknown line item") and isinstance(body, dict):
            r.check("cell write failure: nothing changed, failures reported (reference §8)",
                    body.get("numberOfCellsChanged") == 0 and bool(body.get("failures")), str(body)[:200])
        response, _ = self.send("POST", f"{base}/modules/{UNKNOWN_OBJECT}/data", write, label="unknown module")
        self.expect_status(response, (404,), "cell write to an unknown module")

    # ---- dimensions ----------------------------------------------------------------------------------

    def dimensions(self, lists: list[dict]):
        r = self.r
        regions = _by_name(lists, "Regions") or (lists[0] if lists else None)
        if regions is None:
            return
        for base in self.forms:
            response, body = self.get_json(f"{base}/dimensions/{regions['id']}/items")
            items = (body or {}).get("items", []) if isinstance(body, dict) else []
            r.check("dimension items listed with id and name", bool(items) and all("id" in i and "name" in i
                                                                                   for i in items), str(body)[:200])
            wanted = items[0]["name"] if items else "North"
            response, body = self.send("POST", f"{base}/dimensions/{regions['id']}/items",
                                       {"names": [wanted], "codes": []}, label="lookup by name")
            if self.expect_status(response, (200,), "dimension item lookup") and isinstance(body, dict):
                r.check("dimension lookup by name finds that item",
                        [i.get("name") for i in body.get("items", [])] == [wanted], str(body)[:200])
            response, _ = self.send("POST", f"{base}/dimensions/{regions['id']}/items", {"names": [], "codes": []},
                                    label="nothing to look up")
            self.expect_status(response, (400,), "dimension lookup with neither names nor codes")
            response, _ = self.get_json(f"{base}/dimensions/101000099999/items", label="unknown dimension")
            self.expect_status(response, (404,), "items of an unknown dimension")

    # ---- list items ----------------------------------------------------------------------------------

    def list_items(self, lists: list[dict]):
        r = self.r
        target = _by_name(lists, "Customers")
        if not r.check("an empty list to write list items into (seed: Customers)", target is not None,
                       str([l.get("name") for l in lists])):
            return
        model_form, ws_form = self.forms
        items_path = f"{model_form}/lists/{target['id']}/items"
        add = {"items": [{"name": "Conformance A", "code": "CONF-A"}, {"name": "Conformance B", "code": "CONF-B"},
                         {"name": "Conformance A", "code": "CONF-A"}]}
        response, body = self.send("POST", f"{items_path}?action=add", add, label="add 3 (one repeated)")
        if self.expect_status(response, (200,), "list items add") and isinstance(body, dict):
            failures = body.get("failures") or []
            r.check("list items add: added 2, ignored 1, total 3, one failure at requestIndex 2 (reference §8)",
                    (body.get("added"), body.get("ignored"), body.get("total")) == (2, 1, 3) and
                    [f.get("requestIndex") for f in failures] == [2], str(body)[:300])
        for base in self.forms:
            _, listing = self.get_json(f"{base}/lists/{target['id']}/items?includeAll=true")
            names = sorted(i.get("name") for i in (listing or {}).get("listItems", [])) if isinstance(listing, dict) else []
            r.check("list items read back: both added items", names == ["Conformance A", "Conformance B"], str(names))
        csv = self.c.request("GET", f"{ws_form}/lists/{target['id']}/items", headers={"Accept": "text/csv"},
                             label="CSV")
        if self.expect_status(csv, (200,), "list items as CSV"):
            r.check("list items CSV holds the added items", b"Conformance B" in csv.body, repr(csv.body[:200]))
        update = {"items": [{"code": "CONF-A", "name": "Conformance A2"}, {"code": "NO-SUCH", "name": "x"}]}
        response, body = self.send("PUT", f"{ws_form}/lists/{target['id']}/items", update, label="update")
        if self.expect_status(response, (200,), "list items update") and isinstance(body, dict):
            r.check("list items update: updated 1, ignored 1, total 2 (spec)",
                    (body.get("updated"), body.get("ignored"), body.get("total")) == (1, 1, 2), str(body)[:300])
        self.send("PUT", f"{model_form}/lists/{target['id']}/items", {"items": []}, label="update nothing")
        response, body = self.send("POST", f"{ws_form}/lists/{target['id']}/items?action=delete",
                                   {"items": [{"code": "CONF-A"}]}, label="delete one")
        if self.expect_status(response, (200,), "list items delete") and isinstance(body, dict):
            r.check("list items delete: deleted 1 (reference §8)", body.get("deleted") == 1, str(body)[:300])
        response, body = self.send("POST", f"{items_path}?action=delete",
                                   {"items": [{"code": "CONF-B"}, {"code": "NO-SUCH"}]}, label="delete two, one unknown")
        if self.expect_status(response, (200,), "list items delete with an unknown code") and isinstance(body, dict):
            r.check("list items delete: deleted 1 and one failure", body.get("deleted") == 1 and
                    len(body.get("failures") or []) == 1, str(body)[:300])
        too_many = {"items": [{"name": f"n{i}"} for i in range(ITEM_LIMIT + 1)]}
        response, _ = self.send("POST", f"{items_path}?action=add", too_many, label=f"{ITEM_LIMIT + 1:,} items")
        self.expect_status(response, (400,), f"list items add over {ITEM_LIMIT:,} items")
        _, meta = self.get_json(f"{model_form}/lists/{target['id']}", label="after the writes")
        if isinstance(meta, dict):
            r.check("the list is empty again (the over-limit add changed nothing)",
                    (meta.get("metadata") or {}).get("itemCount") == 0, str(meta.get("metadata"))[:200])
        # resetIndex: 200 on an empty list, 400 on a list with items (spec's two 400 causes).
        response = self.c.request("POST", f"{ws_form}/lists/{target['id']}/resetIndex", label="empty list")
        self.expect_status(response, (200,), "resetIndex of an empty list")
        full = _by_name(lists, "Regions")
        if full:
            response = self.c.request("POST", f"{model_form}/lists/{full['id']}/resetIndex", label="list with items")
            self.expect_status(response, (400,), "resetIndex of a list that holds items")
            response = self.c.request("POST", f"{model_form}/lists/{target['id']}/resetIndex", label="again, model form")
            self.expect_status(response, (200,), "resetIndex of an empty list (model form)")
            response = self.c.request("POST", f"{ws_form}/lists/{full['id']}/resetIndex", label="list with items")
            self.expect_status(response, (400,), "resetIndex of a list that holds items (workspace form)")
        response, _ = self.send("POST", f"{model_form}/lists/{UNKNOWN_OBJECT}/items?action=add", add, label="unknown")
        self.expect_status(response, (404,), "list items of an unknown list")

    # ---- calendar ------------------------------------------------------------------------------------

    def calendar(self):
        r = self.r
        today = datetime.date.today()
        last_day = today.replace(day=calendar.monthrange(today.year, today.month)[1]).isoformat()
        for base in self.forms:
            _, body = self.get_json(f"{base}/currentPeriod")
            if isinstance(body, dict):
                self.expect_keys(body.get("currentPeriod"), ("periodText", "lastDay", "calendarType"),
                                 "currentPeriod (reference §8.1)")
            response, body = self.send("PUT", f"{base}/currentPeriod", {"date": today.isoformat()}, label="today")
            if self.expect_status(response, (200,), "set the current period") and isinstance(body, dict):
                r.check("current period set to today: lastDay is the month's last day (reference §14)",
                        (body.get("currentPeriod") or {}).get("lastDay") == last_day, str(body)[:200])
            response, _ = self.send("PUT", f"{base}/currentPeriod", {"date": "2020/01/31"}, label="bad date")
            self.expect_status(response, (400,), "set the current period to a malformed date (spec)")
            _, body = self.get_json(f"{base}/modelCalendar")
            model_calendar = (body or {}).get("modelCalendar") or {} if isinstance(body, dict) else {}
            self.expect_keys(model_calendar, ("calendarType", "currentPeriod", "fiscalYear"), "modelCalendar")
            year = (model_calendar.get("fiscalYear") or {}).get("year") or f"FY{today.year % 100:02d}"
            response, body = self.send("PUT", f"{base}/modelCalendar/fiscalYear", {"year": year}, label=year)
            if self.expect_status(response, (200,), "set the fiscal year") and isinstance(body, dict):
                r.check("set fiscal year echoes it (reference §14)",
                        ((body.get("modelCalendar") or {}).get("fiscalYear") or {}).get("year") == year, str(body)[:200])
