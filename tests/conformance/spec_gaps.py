"""The documented disagreements the conformance test tolerates, each recorded with its choice in
docs/sandbox.md ("Spec disagreements"):

- KNOWN_SPEC_GAPS / alias_gap(): routes the sandbox may serve although no community spec has them, because
  Anaplan and reference/anaplan-api.md document them. The route check lists them as KNOWN-GAP; any other
  route missing from the specs fails.
- SPEC_AMENDMENTS: enum values the reference documents but a spec's enum lacks, and spec patterns that no
  valid value can match (repaired, with the broken text kept to notice a changed spec).

Keep both short and justified: they are lists of disagreements, not escape hatches."""

from __future__ import annotations

import re
from dataclasses import dataclass

from openapi_index import SpecAmendment, SpecPatternFix, normalize_template

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


def alias_request(method: str, path: str) -> tuple[str, str, str] | None:
    """For a request whose path/method no spec has, the spec'd request whose response schema applies:
    (method, path, why). Only the documented aliases: the other URL form of a model path (reference §8),
    and the workspace-prefixed / POST forms of model status (reference §8, §17.9; spec description)."""
    ws_form = re.fullmatch(r"/2/0/workspaces/[^/]+/models/([^/]+)(/.*)?", path.split("?")[0])
    if ws_form is None:
        return None  # a workspace-less path cannot be mapped back: its workspace id is unknown here
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
