"""The Audit API walk (reference §10, audit spec): events by page, by type, by rolling window and by dates,
the search form, CEF text, and the 30-day limit both sources state (intervalInHours ≤ 720; a date range
over 30 days → 400)."""

from __future__ import annotations

import re
import time

from walk_base import WalkBase, WalkContext

EVENTS = "/audit/api/1/events"
SEARCH = "/audit/api/1/events/search"
DAY_MS = 24 * 3600 * 1000
CEF_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}T\S+  CEF:0\|Anaplan, Inc\.\|[^|]*\|[^|]*\|[^|]+\|")
SKEW_MS = 5 * 60 * 1000  # the sandbox's clock and ours are one machine's; a margin for slow answers


class AuditWalk(WalkBase):
    def __init__(self, client, recorder, context: WalkContext):
        super().__init__(client, recorder)
        self.ctx = context

    def run(self):
        self.paging()
        self.types()
        self.windows()
        self.search()
        self.cef_and_errors()

    def _page(self, query: str, label: str = ""):
        response, body = self.get_json(f"{EVENTS}?{query}", label=label)
        if response is None or response.status != 200 or not isinstance(body, dict):
            self.expect_status(response, (200,), f"audit events ?{query}")
            return None, []
        return (body.get("meta") or {}).get("paging") or {}, [e for e in body.get("response", []) if isinstance(e, dict)]

    def paging(self):
        r = self.r
        paging, first = self._page("limit=40&offset=0", "page 1")
        if paging is None:
            return
        total = paging.get("totalSize", 0)
        r.check("audit: the seeded tenant has events in the last 30 days", total > 40, f"totalSize {total}")
        r.check("audit page 1: currentPageSize = events returned = limit", paging.get("currentPageSize") ==
                len(first) == 40, f"paging {paging}, {len(first)} events")
        r.check("audit page 1: offSet 0 and a nextOffset of 40", paging.get("offSet") == 0 and
                paging.get("nextOffset") == 40, f"paging {paging}")
        now = int(time.time() * 1000)
        r.check("audit: every event lies in the last 30 days (both sources: 30 days of history)",
                all(now - 30 * DAY_MS - SKEW_MS <= e.get("eventDate", 0) <= now + SKEW_MS for e in first),
                str([e.get("eventDate") for e in first[:3]]))
        paging2, second = self._page("limit=40&offset=40", "page 2")
        if paging2 is not None:
            r.check("audit page 2: previousUrl present, offSet 40", "previousUrl" in paging2 and
                    paging2.get("offSet") == 40, f"paging {paging2}")
            overlap = {e.get("id") for e in first} & {e.get("id") for e in second}
            r.check("audit pages 1 and 2 share no event", not overlap, f"shared ids {sorted(overlap)[:3]}")
        paging_last, last = self._page(f"limit=40&offset={max(0, total - 5)}", "last page")
        if paging_last is not None:
            r.check("audit last page: no nextOffset, the remaining events", "nextOffset" not in paging_last and
                    len(last) == min(5, total), f"paging {paging_last}, {len(last)} events")

    def types(self):
        paging_all, _ = self._page("type=all&limit=1", "all types")
        for kind in ("user_activity", "access_control", "int", "conn_mgmt", "byok"):
            paging, events = self._page(f"type={kind}&limit=20", kind)
            if paging is None or paging_all is None:
                continue
            self.r.check(f"audit type={kind}: some, fewer than all",
                         0 < paging.get("totalSize", 0) < paging_all.get("totalSize", 0),
                         f"{paging.get('totalSize')} of {paging_all.get('totalSize')}")
            if kind == "user_activity":
                # Reference §10: USR-8 is "User login success", a user activity event.
                self.r.check("audit type=user_activity: every event is a USR- event",
                             all(str(e.get("eventTypeId", "")).startswith("USR-") for e in events),
                             str([e.get("eventTypeId") for e in events[:5]]))

    def windows(self):
        r = self.r
        now = int(time.time() * 1000)
        paging, events = self._page("intervalInHours=24&limit=500", "last 24 hours")
        if paging is not None:
            r.check("audit intervalInHours=24: events of the last day only",
                    all(e.get("eventDate", 0) >= now - DAY_MS - SKEW_MS for e in events), f"{len(events)} events")
        response, _ = self.get_json(f"{EVENTS}?intervalInHours=720&limit=1", label="30 days exactly")
        self.expect_status(response, (200,), "audit intervalInHours=720 (30 days)")
        response, _ = self.get_json(f"{EVENTS}?intervalInHours=721&limit=1", label="over 30 days")
        self.expect_status(response, (400,), "audit intervalInHours=721 (over 30 days)")
        start, end = now - 3 * DAY_MS, now - DAY_MS
        paging, events = self._page(f"dateFrom={start}&dateTo={end}&limit=500", "two-day range")
        if paging is not None:
            r.check("audit dateFrom/dateTo: every event inside the range",
                    all(start <= e.get("eventDate", 0) <= end for e in events), f"{len(events)} events")
        response, _ = self.get_json(f"{EVENTS}?dateFrom={now - 31 * DAY_MS}&dateTo={now}&limit=1",
                                    label="31-day range")
        self.expect_status(response, (400,), "audit date range of 31 days")

    def search(self):
        r = self.r
        now = int(time.time() * 1000)
        response, body = self.send("POST", f"{SEARCH}?type=user_activity&limit=20", {"interval": 48},
                                   label="interval 48 h")
        if self.expect_status(response, (200,), "audit search by interval") and isinstance(body, dict):
            events = body.get("response", [])
            r.check("audit search interval=48: events of the last two days",
                    all(e.get("eventDate", 0) >= now - 2 * DAY_MS - SKEW_MS for e in events), f"{len(events)} events")
        response, body = self.send("POST", f"{SEARCH}?limit=20",
                                   {"from": now - 2 * DAY_MS, "to": now - DAY_MS}, label="from/to")
        if self.expect_status(response, (200,), "audit search by from/to") and isinstance(body, dict):
            events = body.get("response", [])
            r.check("audit search from/to: every event inside the range",
                    all(now - 2 * DAY_MS <= e.get("eventDate", 0) <= now - DAY_MS for e in events), f"{len(events)}")
        response, _ = self.send("POST", f"{SEARCH}?limit=1", {"from": now - 40 * DAY_MS, "to": now},
                                label="40-day range")
        self.expect_status(response, (400,), "audit search over 30 days")
        response = self.c.request("POST", f"{SEARCH}?limit=1", data=b"[not an object", content_type="application/json",
                                  label="malformed body")
        self.expect_status(response, (400,), "audit search with a malformed body")

    def cef_and_errors(self):
        response = self.c.request("GET", f"{EVENTS}?intervalInHours=24", headers={"Accept": "text/plain"},
                                  label="CEF")
        if self.expect_status(response, (200,), "audit events as CEF text"):
            lines = [l for l in response.body.decode("utf-8", "replace").splitlines() if l]
            # Spec: "<ISO-8601 timestamp>  CEF:0|Anaplan, Inc.||null|<eventTypeId>|<message>|<extensions>".
            self.r.check("audit CEF: every line is '<timestamp>  CEF:0|Anaplan, Inc.|…' (spec)",
                         bool(lines) and all(CEF_LINE.match(line) for line in lines), repr(lines[:1])[:200])
        response = self.c.request("GET", f"{EVENTS}?limit=1", auth=None, label="no token")
        self.expect_status(response, (401,), "audit events without a token")
        response = self.c.request("GET", f"{EVENTS}?limit=abc", label="limit not a number")
        self.expect_status(response, (400,), "audit events with limit=abc")
