"""Index of the community OpenAPI specs (../shared/openapi/*.json) for conformance tests.

Loads every spec, maps each spec's `servers` base path onto the sandbox's single-origin layout, matches
concrete requests ("GET /2/0/workspaces/abc/models") to spec operations, and validates response bodies
against the operation's response schema with python3-jsonschema (Debian 12 ships 4.10; newer works too).

OpenAPI 3.0 schemas are not JSON Schema: `nullable` is translated, `$ref`s into `#/components/...` are
resolved by embedding the spec's components in the root schema, and the schema dialect is Draft 4
(OpenAPI 3.0's base). Formats are checked for the few the specs rely on (uuid, date-time).
"""

from __future__ import annotations

import copy
import json
import os
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Callable

import jsonschema

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

# Verdicts of one validated response.
PASS = "PASS"          # the body validated against the spec's schema
FAIL = "FAIL"          # schema errors, wrong success status, or JSON where the spec wants none (or vice versa)
NO_SCHEMA = "NO-SCHEMA"  # the spec documents no schema for this method+path+status: nothing to check
NOTE = "NOTE"          # non-JSON body (file bytes, CSV); status and content type checked, nothing more


def _segments(path: str) -> list[str]:
    """Path split on '/', empty segments (leading, trailing, doubled slashes) dropped."""
    return [s for s in path.split("/") if s]


def is_param(segment: str) -> bool:
    return len(segment) > 2 and segment.startswith("{") and segment.endswith("}")


def normalize_template(path: str) -> str:
    """'/2/0/workspaces/{ws}/models/' -> '/2/0/workspaces/{}/models': parameter names and trailing
    slashes do not matter when comparing a route with a spec path."""
    return "/" + "/".join("{}" if is_param(s) else s for s in _segments(path))


def is_json_media(media_type: str) -> bool:
    essence = media_type.split(";")[0].strip().lower()
    return essence == "application/json" or essence.endswith("+json")


def _media_essence(media_type: str) -> str:
    return media_type.split(";")[0].strip().lower()


def base_path_of(spec: dict) -> str:
    """The path prefix a spec's operations live under on the sandbox's single origin.

    Every server URL of a spec is one host plus a base path; most specs use one base path on many
    regional hosts. CloudWorks has two (primary host with /2/0, and /cloudworks/2/0 on api.anaplan.com):
    on one origin the longer, prefixed form is the one that does not collide with the Integration API,
    so the base path with the most segments wins."""
    paths = {urllib.parse.urlsplit(s.get("url", "")).path.rstrip("/") for s in spec.get("servers", [])}
    if not paths:
        return ""
    return max(sorted(paths), key=lambda p: len(_segments(p)))


def spec_origins(spec: dict) -> set[str]:
    """Every scheme://host of a spec's servers (for rewriting host-bound URL enums to the sandbox)."""
    origins = set()
    for server in spec.get("servers", []):
        parts = urllib.parse.urlsplit(server.get("url", ""))
        if parts.scheme and parts.netloc:
            origins.add(f"{parts.scheme}://{parts.netloc}")
    return origins


def _openapi_to_jsonschema(node, origin_map: dict[str, str] | None):
    """Copy of an OpenAPI 3.0 schema tree as Draft 4 JSON Schema.

    - `nullable: true` adds "null" to `type` (and None to `enum`).
    - URL values in `enum` on an Anaplan host also accept the same URL on the sandbox's origin
      (e.g. meta.validationUrl), because one local origin stands in for all of Anaplan's hosts."""
    if isinstance(node, list):
        return [_openapi_to_jsonschema(v, origin_map) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k in ("example", "examples"):
            continue  # documentation only; may hold anything
        if k in ("properties", "patternProperties", "schemas", "definitions") and isinstance(v, dict):
            # Maps of names to schemas: keep every name, even "example" or "nullable".
            out[k] = {name: _openapi_to_jsonschema(sub, origin_map) for name, sub in v.items()}
        elif k in ("enum", "default", "const"):
            out[k] = copy.deepcopy(v)  # values, not schemas
        else:
            out[k] = _openapi_to_jsonschema(v, origin_map)
    if out.get("nullable") is True:
        if "type" in out:
            types = out["type"] if isinstance(out["type"], list) else [out["type"]]
            if "null" not in types:
                out["type"] = types + ["null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = out["enum"] + [None]
    if origin_map and isinstance(out.get("enum"), list):
        extra = []
        for value in out["enum"]:
            if isinstance(value, str):
                for anaplan_origin, local_origin in origin_map.items():
                    if value.startswith(anaplan_origin + "/") or value == anaplan_origin:
                        extra.append(local_origin + value[len(anaplan_origin):])
        out["enum"] = out["enum"] + [v for v in extra if v not in out["enum"]]
    return out


def _strictify(node, in_combinator: bool = False):
    """Copy of a JSON Schema tree where every object schema that lists `properties` and says nothing
    about `additionalProperties` refuses unknown keys — used only to name undocumented fields. Schemas
    under allOf/anyOf/oneOf are left open, since each branch sees only part of the object."""
    if isinstance(node, list):
        return [_strictify(v, in_combinator) for v in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k in ("allOf", "anyOf", "oneOf"):
            out[k] = _strictify(v, True)
        elif k in ("properties", "patternProperties", "definitions"):
            out[k] = {name: _strictify(sub) for name, sub in v.items()} if isinstance(v, dict) else v
        else:
            out[k] = _strictify(v)
    if "properties" in out and "additionalProperties" not in out and not in_combinator:
        out["additionalProperties"] = False
    return out


_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _format_checker() -> jsonschema.FormatChecker:
    """Only the formats the specs use for response fields, checked without optional dependencies.
    date-time also accepts Anaplan's '+0000' offsets (no colon), which the live-tested specs document."""
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("date-time")
    def _is_date_time(value):  # noqa: ANN001 - jsonschema passes any instance
        return not isinstance(value, str) or bool(_DATE_TIME.match(value))

    @checker.checks("uuid")
    def _is_uuid(value):  # noqa: ANN001
        return not isinstance(value, str) or bool(_UUID.match(value))

    return checker


@dataclass(frozen=True)
class SpecAmendment:
    """A documented widening of one spec enum, applied before validation: values the other source
    (reference/anaplan-api.md, Anaplan's docs) documents but the live-tested spec's enum lacks."""
    spec: str                  # spec name, e.g. "integration"
    pointer: str               # JSON pointer of the enum list, e.g. "/components/schemas/Model/properties/activeState/enum"
    add: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class SpecPatternFix:
    """A documented repair of one spec `pattern` that no valid value can match (e.g. over-escaped
    backslashes: the JSON text "\\\\." decodes to the regex \\. = a literal backslash, then any character)."""
    spec: str
    pointer: str               # JSON pointer of the pattern string
    broken: str                # the pattern as the spec has it (so a changed spec is noticed)
    fixed: str
    reason: str


@dataclass(frozen=True)
class SpecFix:
    """A documented change of one node of a spec where it disagrees with reference/anaplan-api.md and the
    reference wins (a type, nullability, a media type, a wrong $ref). `applies` confirms the node is still
    what the fix was written against (so a changed spec is noticed); `change` returns the new node."""
    spec: str
    pointer: str               # JSON pointer (RFC 6901: ~1 is '/', ~0 is '~')
    summary: str               # what the change does, printed at start
    applies: Callable[[Any], bool]
    change: Callable[[Any], Any]
    reason: str


def _resolve_pointer(name: str, document: dict, pointer: str):
    parent, key = None, None
    target = document
    for raw in pointer.strip("/").split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if not isinstance(target, dict) or part not in target:
            raise ValueError(f"spec amendment for {name} no longer applies: {pointer} is not in the "
                             f"spec (it changed?); update tests/conformance/spec_gaps.py")
        parent, key, target = target, part, target[part]
    return parent, key, target


def _apply_amendment(name: str, document: dict, amendment):
    parent, key, target = _resolve_pointer(name, document, amendment.pointer)
    if isinstance(amendment, SpecFix):
        if not amendment.applies(target):
            raise ValueError(f"spec fix for {name}: {amendment.pointer} changed; review spec_gaps.py")
        parent[key] = amendment.change(copy.deepcopy(target))
        return
    if isinstance(amendment, SpecPatternFix):
        if target != amendment.broken:
            raise ValueError(f"spec pattern fix for {name}: {amendment.pointer} changed; review spec_gaps.py")
        parent[key] = amendment.fixed
        return
    if not isinstance(target, list):
        raise ValueError(f"spec amendment for {name}: {amendment.pointer} is not an enum list")
    target.extend(v for v in amendment.add if v not in target)


@dataclass
class Operation:
    spec_name: str        # e.g. "integration"
    method: str           # upper case
    template: str         # spec path as written ("/workspaces/{workspaceId}/models")
    full_template: str    # with the sandbox base path ("/2/0/workspaces/{workspaceId}/models")
    op: dict              # the operation object of the spec

    def key(self) -> str:
        return f"{self.method} {self.full_template} [{self.spec_name}]"


@dataclass
class PathMatch:
    spec_name: str
    full_template: str
    params: dict[str, str]
    operation: Operation | None  # None: the path is in the spec, but not with this method
    methods: list[str]           # methods the spec documents on that path


@dataclass
class Verdict:
    verdict: str          # PASS / FAIL / NO_SCHEMA / NOTE
    detail: str           # one-line reason
    errors: list[str] = field(default_factory=list)
    # Fields the body has but the spec's schema does not name (informational: the specs do not forbid
    # extra fields, but an unknown key often means a naming disagreement, e.g. "tasks" vs "task").
    undocumented: list[str] = field(default_factory=list)


@dataclass
class _Spec:
    name: str
    document: dict
    base: str
    components_js: dict   # components translated to JSON Schema, for $ref resolution
    components_strict: dict  # the same with unknown properties refused (see _strictify)
    templates: list[tuple[list[str], str, dict]]  # (segments with base, spec path, path item)


class SpecIndex:
    def __init__(self, specs_dir: str, local_origin: str | None = None,
                 amendments: list[SpecAmendment] | None = None):
        """Loads every *.json spec in specs_dir. local_origin ("http://127.0.0.1:1234") is accepted in
        place of Anaplan's hosts inside URL enums; amendments widen named enums (see SpecAmendment)."""
        self.specs: list[_Spec] = []
        self._checker = _format_checker()
        self._local_origin = local_origin
        names = sorted(f for f in os.listdir(specs_dir) if f.endswith(".json"))
        if not names:
            raise FileNotFoundError(f"no OpenAPI *.json spec in {specs_dir}")
        for file_name in names:
            with open(os.path.join(specs_dir, file_name), encoding="utf-8") as f:
                document = json.load(f)
            if not str(document.get("openapi", "")).startswith("3."):
                raise ValueError(f"{file_name}: not an OpenAPI 3 document")
            name = file_name[: -len("-openapi.json")] if file_name.endswith("-openapi.json") else file_name[:-5]
            for amendment in amendments or []:
                if amendment.spec == name:
                    _apply_amendment(name, document, amendment)
            base = base_path_of(document)
            origin_map = {o: local_origin for o in spec_origins(document)} if local_origin else None
            components_js = _openapi_to_jsonschema(document.get("components", {}), origin_map)
            templates = []
            for spec_path, item in document.get("paths", {}).items():
                templates.append((_segments(base) + _segments(spec_path), spec_path, item))
            self.specs.append(_Spec(name, document, base, components_js, _strictify(components_js), templates))
        self._validator_cache: dict[tuple[int, bool], jsonschema.Draft4Validator] = {}

    # ---- spec facts ---------------------------------------------------------------------------

    def spec_names(self) -> list[str]:
        return [s.name for s in self.specs]

    def base_paths(self) -> dict[str, str]:
        return {s.name: s.base for s in self.specs}

    def operations(self) -> list[Operation]:
        out = []
        for spec in self.specs:
            for segs, spec_path, item in spec.templates:
                for method in HTTP_METHODS:
                    if method in item:
                        out.append(Operation(spec.name, method.upper(), spec_path,
                                             spec.base + spec_path, item[method]))
        return out

    # ---- matching ------------------------------------------------------------------------------

    def match(self, method: str, path: str) -> PathMatch | None:
        """The spec path a concrete request path belongs to (query string ignored). Literal segments
        beat parameters ("/users/me" over "/users/{userId}"); None when no spec has the path."""
        path = urllib.parse.urlsplit(path).path
        concrete = [urllib.parse.unquote(s) for s in _segments(path)]
        best = None
        best_score = -1
        for spec in self.specs:
            for segs, spec_path, item in spec.templates:
                if len(segs) != len(concrete):
                    continue
                score = 0
                params = {}
                for t, c in zip(segs, concrete):
                    if is_param(t):
                        params[t[1:-1]] = c
                    elif t == c:
                        score += 1
                    else:
                        break
                else:
                    if score > best_score:
                        best_score = score
                        best = (spec, segs, spec_path, item, params)
        if best is None:
            return None
        spec, _segs, spec_path, item, params = best
        methods = [m.upper() for m in HTTP_METHODS if m in item]
        operation = None
        if method.lower() in item:
            operation = Operation(spec.name, method.upper(), spec_path, spec.base + spec_path,
                                  item[method.lower()])
        return PathMatch(spec.name, spec.base + spec_path, params, operation, methods)

    def find_route(self, method: str, pattern: str) -> list[Operation]:
        """Spec operations with the same method and path template as a sandbox route pattern
        ("GET /2/0/workspaces/{ws}"), comparing templates with parameter names erased."""
        wanted = normalize_template(pattern)
        return [op for op in self.operations()
                if op.method == method.upper() and normalize_template(op.full_template) == wanted]

    # ---- responses -------------------------------------------------------------------------------

    def _spec(self, name: str) -> _Spec:
        return next(s for s in self.specs if s.name == name)

    def _deref(self, spec: _Spec, node: dict) -> dict:
        """Follows non-schema $refs (responses, parameters) inside one spec document."""
        seen = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if ref in seen or not ref.startswith("#/"):
                raise ValueError(f"{spec.name}: cannot resolve {ref}")
            seen.add(ref)
            target = spec.document
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def response_object(self, operation: Operation, status: int) -> tuple[str | None, dict | None]:
        """(the responses key that applies, the resolved response object) — exact code, then '4XX',
        then 'default'; (None, None) when the spec does not document the status."""
        responses = operation.op.get("responses", {})
        spec = self._spec(operation.spec_name)
        for key in (str(status), f"{str(status)[0]}XX", f"{str(status)[0]}xx", "default"):
            if key in responses:
                return key, self._deref(spec, responses[key])
        return None, None

    def _validator(self, spec: _Spec, schema: dict, strict: bool = False) -> jsonschema.Draft4Validator:
        key = (id(schema), strict)
        if key not in self._validator_cache:
            origin_map = {o: self._local_origin for o in spec_origins(spec.document)} if self._local_origin else None
            translated = _openapi_to_jsonschema(schema, origin_map)
            if strict:
                root = {"components": spec.components_strict, "allOf": [_strictify(translated)]}
            else:
                root = {"components": spec.components_js, "allOf": [translated]}
            self._validator_cache[key] = jsonschema.Draft4Validator(root, format_checker=self._checker)
        return self._validator_cache[key]

    def validate(self, operation: Operation, status: int, content_type: str, body: bytes) -> Verdict:
        """Checks one response against the spec operation. See PASS/FAIL/NO_SCHEMA/NOTE above."""
        key, response = self.response_object(operation, status)
        if response is None:
            documented = sorted(operation.op.get("responses", {}))
            other_success = [k for k in documented if k.startswith("2")]
            if 200 <= status < 300 and other_success:
                return Verdict(FAIL, f"status {status} not in spec; the spec's success status is "
                                     f"{', '.join(other_success)}")
            return Verdict(NO_SCHEMA, f"status {status} not documented (spec documents {', '.join(documented)})")
        content = response.get("content") or {}
        got_json = is_json_media(content_type) if content_type else False
        if not content:
            if body.strip():
                return Verdict(NO_SCHEMA, f"spec documents no body for {key}; got {len(body)} bytes "
                                          f"({content_type or 'no content type'})")
            return Verdict(PASS, f"{key}: no body, as documented")
        # The media type entry that applies: the same essence, else any JSON one for a JSON reply.
        essence = _media_essence(content_type) if content_type else ""
        media = content.get(essence)
        if media is None:
            media = next((v for k, v in content.items() if _media_essence(k) == essence), None)
        spec_json = [k for k in content if is_json_media(k)]
        if media is None and got_json and spec_json:
            media = content[spec_json[0]]
        if media is None:
            if got_json != bool(spec_json) and (got_json or not any(k.startswith("*/") for k in content)):
                want = ", ".join(sorted(content))
                if 200 <= status < 300:
                    return Verdict(FAIL, f"{key}: content type '{content_type or 'none'}' but spec documents {want}")
                return Verdict(NO_SCHEMA, f"{key}: content type '{content_type or 'none'}', spec documents {want}")
            return Verdict(NOTE, f"{key}: {content_type or 'no content type'} body ({len(body)} bytes); "
                                 f"spec documents {', '.join(sorted(content))}")
        if not got_json:
            return Verdict(NOTE, f"{key}: {content_type} body ({len(body)} bytes), as documented")
        schema = media.get("schema")
        if schema is None:
            return Verdict(NO_SCHEMA, f"{key}: spec gives an example but no schema for {essence}")
        try:
            instance = json.loads(body.decode("utf-8")) if body.strip() else None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            return Verdict(FAIL, f"{key}: body is not JSON ({error})")
        if instance is None:
            return Verdict(FAIL, f"{key}: empty body, spec documents a JSON schema")
        spec = self._spec(operation.spec_name)
        validator = self._validator(spec, schema)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        if errors:
            return Verdict(FAIL, f"{key}: {len(errors)} schema error(s)",
                           [_describe(e) for e in errors[:10]])
        undocumented = []
        for error in self._validator(spec, schema, strict=True).iter_errors(instance):
            if error.validator == "additionalProperties":
                where = "/" + "/".join(str(p) for p in error.absolute_path)
                extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
                undocumented.append(f"{where}: {', '.join(extra)}")
        return Verdict(PASS, f"{key}: body matches the schema", undocumented=sorted(set(undocumented)))


def _describe(error: jsonschema.ValidationError) -> str:
    where = "/" + "/".join(str(p) for p in error.absolute_path)
    message = error.message
    if len(message) > 300:
        message = message[:300] + "…"
    return f"at {where}: {message}"
