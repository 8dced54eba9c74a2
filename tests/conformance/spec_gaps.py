"""The documented disagreements the conformance test tolerates, each recorded with its choice in
docs/sandbox.md ("Spec disagreements"):

- KNOWN_SPEC_GAPS / alias_gap(): routes the sandbox may serve although no community spec has them, because
  Anaplan and reference/anaplan-api.md document them. The route check lists them as KNOWN-GAP; any other
  route missing from the specs fails.
- SPEC_AMENDMENTS: enum values the reference documents but a spec's enum lacks, spec patterns that no
  valid value can match (repaired, with the broken text kept to notice a changed spec), and SpecFix changes
  where a spec and reference/anaplan-api.md disagree and the reference wins (docs/sandbox.md, "New APIs").

Keep both short and justified: they are lists of disagreements, not escape hatches."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from openapi_index import SpecAmendment, SpecFix, SpecPatternFix, normalize_template

_KIND = r"(imports|exports|actions|processes)"
_WS_MODEL = r"/2/0/workspaces/\{\}/models/\{\}"


@dataclass(frozen=True)
class SpecGap:
    method: str
    pattern: str  # regular expression over the normalized template ("/2/0/workspaces/{}/…")
    reason: str

    def matches(self, method: str, route_pattern: str) -> bool:
        return method == self.method and re.fullmatch(self.pattern, normalize_template(route_pattern)) is not None


KNOWN_SPEC_GAPS = [
    SpecGap("DELETE", _WS_MODEL + r"/" + _KIND + r"/\{\}/tasks/\{\}",
            "task cancel: Anaplan docs via reference §7.3 ('DELETE on the same task URL cancels the task'); "
            "the specs document CANCELLING/CANCELLED states but no DELETE"),
    SpecGap("GET", _WS_MODEL + r"/processes/\{\}/tasks/\{\}/dumps/\{\}(/chunks(/\{\})?)?",
            "process failure dumps: reference §7.3 (…/processes/{p}/tasks/{t}/dumps/{objectId}[/chunks[/{n}]]); "
            "the integration spec has only the import dump paths"),
    SpecGap("POST", _WS_MODEL + r"/status",
            "model status as Anaplan's page documents it (reference §8, §17.9); the spec has GET /models/{m}/status"),
    SpecGap("GET", _WS_MODEL + r"/status",
            "workspace-prefixed model status: the integration spec's own description of GET /models/{m}/status "
            "says this form 'returns the same body', but lists no such path"),
    SpecGap("GET", r"/cloudworks/2/0/integrations/run/\{\}/dump",
            "CloudWorks run dump (singular): the path the anaplan-sdk library calls (reference §11); the "
            "CloudWorks spec documents only the per-object error dumps"),
]


def alias_gap(index, method: str, route_pattern: str) -> str | None:
    """Reference §8: Anaplan accepts both /2/0/models/{m}/… and /2/0/workspaces/{ws}/models/{m}/…. A
    route in one form whose other form is in a spec (same method) is a known gap, with that reason."""
    template = normalize_template(route_pattern)
    model_form = re.fullmatch(r"/2/0/models/\{\}(/.*)?", template)
    ws_form = re.fullmatch(_WS_MODEL + r"(/.*)?", template)
    if model_form:
        other = "/2/0/workspaces/{}/models/{}" + (model_form.group(1) or "")
    elif ws_form:
        other = "/2/0/models/{}" + (ws_form.group(1) or "")
    else:
        return None
    if index.find_route(method, other):
        return (f"same operation as the spec's {method} {other} in the other URL form; reference §8: Anaplan "
                "accepts both /2/0/models/{m}/… and /2/0/workspaces/{ws}/models/{m}/…")
    return None


# Enum values Anaplan documents (reference §7.6, from Anaplan's docs and the anaplan-sdk models) that the
# live-tested spec's enums lack: the sandbox seeds them so clients meet every documented value, and the
# conformance test accepts them (printing each amendment) instead of failing. See docs/sandbox.md, M2/O1/O2.
SPEC_AMENDMENTS = [
    SpecAmendment("integration", "/components/schemas/Model/properties/activeState/enum", ("ACTIVE",),
                  "reference §7.6 lists ACTIVE among model activeState values"),
    SpecAmendment("integration", "/components/schemas/Import/properties/importType/enum", ("VERSIONS",),
                  "reference §7.6 lists VERSIONS among importType values"),
    SpecAmendment("integration", "/components/schemas/Export/properties/exportType/enum",
                  ("TABULAR_SINGLE_COLUMN", "GRID_ALL_PAGES"),
                  "reference §7.6 lists TABULAR_SINGLE_COLUMN and GRID_ALL_PAGES among export layouts"),
]


def alias_request(method: str, path: str, model_workspaces: dict[str, str] | None = None
                  ) -> tuple[str, str, str] | None:
    """For a request whose path/method no spec has, the spec'd request whose response schema applies:
    (method, path, why). Only the documented aliases: the other URL form of a model path (reference §8),
    and the workspace-prefixed / POST forms of model status (reference §8, §17.9; spec description).
    model_workspaces (model id -> workspace id) maps a workspace-less path to its workspace form."""
    bare = path.split("?")[0]
    ws_form = re.fullmatch(r"/2/0/workspaces/[^/]+/models/([^/]+)(/.*)?", bare)
    if ws_form is None:
        model_form = re.fullmatch(r"/2/0/models/([^/]+)(/.*)?", bare)
        ws = (model_workspaces or {}).get(model_form.group(1)) if model_form else None
        if ws is None:
            return None  # the workspace of this model is unknown here: no alias
        return (method, f"/2/0/workspaces/{ws}/models/{model_form.group(1)}{model_form.group(2) or ''}",
                "the workspace form of the same operation (ref §8)")
    model, rest = ws_form.group(1), ws_form.group(2) or ""
    if rest == "/status":
        return "GET", f"/2/0/models/{model}/status", "model status in its workspace-prefixed or POST form"
    return method, f"/2/0/models/{model}{rest}", "the workspace-less URL form of the same operation (ref §8)"

# The integration spec's e-mail pattern is over-escaped: as decoded from JSON it demands a literal backslash
# before every dot, so no real address (nor Anaplan's own examples) matches. Repaired to the evident intent.
_EMAIL_BROKEN = r"^[_A-Za-z0-9-\\+]+(\\.[_A-Za-z0-9-]+)*@[A-Za-z0-9-]+(\\.[A-Za-z0-9]+)*(\\.[A-Za-z]{2,})$"
_EMAIL_FIXED = r"^[_A-Za-z0-9-\+]+(\.[_A-Za-z0-9-]+)*@[A-Za-z0-9-]+(\.[A-Za-z0-9]+)*(\.[A-Za-z]{2,})$"
SPEC_AMENDMENTS += [
    SpecPatternFix("integration", f"/components/schemas/{schema}/properties/email/pattern", _EMAIL_BROKEN, _EMAIL_FIXED,
                   "over-escaped e-mail pattern (a literal backslash before each dot); no valid address matches it")
    for schema in ("User", "Admin", "Visitor")
]


# ---- Transactional, ALM, SCIM, Audit and CloudWorks (docs/sandbox.md: "Spec disagreements of the new APIs") --

def _nullable(node: dict) -> dict:
    return dict(node, nullable=True)


def _with_media(media: str, schema: dict):
    def change(content: dict) -> dict:
        return dict(content, **{media: {"schema": schema}})
    return change


_CW_LIST = "/paths/~1integrations~1connections/get/responses/200/content/application~1json/schema/properties"
_CW_RUNERROR = "/paths/~1integrations~1runerror~1{runId}/get/responses/200/content/application~1json/schema/properties"


def _runs_object_or_array(runs: dict) -> dict:
    """Reference §11: `runs` is ONE RunError object (taskId str|null, modifiedBy str|null); the spec types it
    as an array of them. Both forms are accepted; the object form is what the sandbox sends."""
    item = copy.deepcopy(runs["items"])
    for key in ("taskId", "modifiedBy"):
        item["properties"][key] = _nullable(item["properties"][key])
    return {"description": runs.get("description", ""), "anyOf": [item, dict(runs, items=item)]}


# Reference §12: /Schemas lists schema definitions {id, name, description, attributes[], meta}; the spec's
# 200 reuses ListResponse, whose Resources are Users (userName and name required): no schema document fits.
_SCIM_SCHEMAS_LIST = {
    "type": "object", "required": ["schemas", "totalResults", "Resources"],
    "properties": {
        "schemas": {"type": "array", "items": {"type": "string"}},
        "totalResults": {"type": "integer"}, "startIndex": {"type": "integer"}, "itemsPerPage": {"type": "integer"},
        "Resources": {"type": "array", "items": {
            "type": "object", "required": ["id", "name", "attributes"],
            "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "description": {"type": "string"},
                           "meta": {"type": "object"},
                           "attributes": {"type": "array", "items": {
                               "type": "object", "required": ["name", "type"],
                               "properties": {"name": {"type": "string"}, "type": {"type": "string"},
                                              "multiValued": {"type": "boolean"}, "required": {"type": "boolean"},
                                              "subAttributes": {"type": "array"}}}}}}}}}

_IS_STRING = lambda node: node.get("type") == "string"  # noqa: E731 - a predicate table reads better
_CSV = {"type": "string"}

SPEC_AMENDMENTS += [
    SpecFix("alm", "/components/schemas/SyncTask/properties/creationTime", "date-time string -> integer (epoch ms)",
            lambda node: node.get("type") == "string", lambda node: {"type": "integer", "format": "int64"},
            "reference §9: ALM task creationTime is an int (the library's TaskSummary), as bulk tasks' (§7.6)"),
    SpecFix("scim", "/paths/~1Schemas/get/responses/200/content/application~1scim+json/schema",
            "ListResponse of Users -> ListResponse of Schema documents",
            lambda node: node.get("$ref") == "#/components/schemas/ListResponse", lambda node: _SCIM_SCHEMAS_LIST,
            "reference §12: /Schemas returns Schema documents (id, name, description, attributes[]); the spec's "
            "schema requires userName and name of each, which no schema document has"),
    SpecFix("cloudworks", _CW_RUNERROR + "/runs", "array of RunError -> one RunError object (or the array)",
            lambda node: node.get("type") == "array", _runs_object_or_array,
            "reference §11: get_run_error reads `runs` as one RunError object; taskId may be null (issue #371)"),
    SpecFix("cloudworks", "/paths/~1integrations~1run~1{runId}~1dumps/get/responses/200/content",
            "+= text/csv (the dump file)", lambda node: "text/csv" not in node, _with_media("text/csv", _CSV),
            "reference §11: the import error dump is bytes (a CSV file); the spec shows only a JSON status body"),
    SpecFix("cloudworks", "/paths/~1integrations~1run~1{runId}~1process~1import~1{actionId}~1dumps/get/responses/"
            "200/content", "+= text/csv (the dump file)", lambda node: "text/csv" not in node,
            _with_media("text/csv", _CSV),
            "reference §11: the process import error dump is bytes (a CSV file); the spec shows only JSON"),
    SpecFix("integration", "/paths/~1workspaces~1{workspaceId}~1models~1{modelId}~1lists~1{listId}~1items/get/"
            "responses/200/content", "+= text/csv (Accept: text/csv)", lambda node: "text/csv" not in node,
            _with_media("text/csv", _CSV),
            "Anaplan's 'Retrieve list items' page offers CSV with Accept: text/csv (core's GetListItemsCsvJob uses "
            "it); the spec documents only JSON and the reference is silent: sent only when asked for"),
] + [
    SpecFix("cloudworks", pointer, "modifiedBy nullable", _IS_STRING, _nullable,
            "reference §11: versioned fields have modifiedBy str|null (key required); null until a change")
    for pointer in (_CW_LIST + "/connections/items/properties/modifiedBy",
                    "/paths/~1integrations~1runs~1{integrationId}/get/responses/200/content/application~1json/"
                    "schema/properties/history_of_runs/properties/modifiedBy",
                    "/components/schemas/IntegrationSummary/properties/modifiedBy",
                    "/components/schemas/IntegrationFlowSummary/properties/modifiedBy")
]
