"""A small HTTP JSON API for vendors: ``threatsignals serve``.

Starlette + uvicorn, installed with ``pip install 'threatsignals[service]'``; both
are imported only when :func:`create_app` or :func:`serve` is called, so
``import threatsignals`` stays light.

Endpoints (see ``docs/service.md`` and ``GET /openapi.json``)::

    POST /assess            a report (or {"report", "school", "now"}) -> Assessment
    POST /archive/reports   {"report", "school", "outcome"} -> {"id"} (201)
    GET  /health            {"status", "version", "archive"}
    GET  /schema            the JSON Schemas of report, school and assessment
    GET  /openapi.json      the OpenAPI 3.1 document

Limits and privacy: request bodies over ``max_body`` bytes are refused with 413
before they are read in full; only ``application/json`` is accepted (415); invalid
JSON or reports get 422 with a list of problems (field + code + message) that never
echoes a value. uvicorn's access log is off: one line per request goes to the
``threatsignals.service`` logger with method, route, status, duration and report id
only, never a body, a query string or an unknown path. The service has no
authentication of its own: run it on loopback behind a TLS-terminating proxy that
authenticates callers.
"""

from __future__ import annotations

import contextlib
import copy
import importlib
import json
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from threatsignals._assess import assess
from threatsignals._schema import assessment_schema, report_schema, school_schema
from threatsignals._version import __version__
from threatsignals.archive import Archive, Outcome, derive_report_id
from threatsignals.errors import (
    ArchiveError,
    ArchiveLockedError,
    InvalidInputError,
    MissingDependencyError,
    Problem,
)
from threatsignals.model import Report, School
from threatsignals.policy import Policy

if TYPE_CHECKING:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.types import ASGIApp, Message, Receive, Scope, Send
    from uvicorn import Config

__all__ = ["DEFAULT_MAX_BODY", "create_app", "serve"]

_log = logging.getLogger("threatsignals.service")

#: Default limit on a request body, in bytes (1 MiB).
DEFAULT_MAX_BODY = 1_048_576

_BODY_TIMEOUT = 30.0  # seconds to receive a whole body before answering 408
_ROUTES = ("/assess", "/archive/reports", "/health", "/schema", "/openapi.json")
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# Report ids are logged only when they look like identifiers (derived ids always do);
# anything else is replaced, so a caller-chosen id cannot smuggle text into logs.
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_STATE_KEY = "threatsignals_report_id"

_PathLike = str | os.PathLike[str]


def _require(module: str) -> Any:
    """Import an optional dependency or raise MissingDependencyError."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(module.split(".")[0], "service") from None


# ---------------------------------------------------------------------------
# errors and input parsing (pure; no framework needed)


class _HTTPError(Exception):
    """An error answer: status, machine code, message and problems."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        problems: tuple[Problem, ...] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.problems = problems
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        return {
            "error": self.code,
            "message": self.message,
            "problems": [
                {"field": p.field, "code": p.code, "message": p.message}
                for p in self.problems
            ],
        }


def _invalid(problems: tuple[Problem, ...] | list[Problem]) -> _HTTPError:
    return _HTTPError(
        422, "invalid_request", "the request has invalid fields", tuple(problems)
    )


def _is_json_type(value: str | None) -> bool:
    if not value:
        return False
    media = value.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def _reject_constant(name: str) -> Any:
    raise ValueError("NaN and Infinity are not JSON")


def _decode_json(body: bytes) -> Any:
    """Parse a JSON body; problems never quote the body."""
    if not body.strip():
        raise _invalid([Problem("body", "empty", "the request body is empty")])
    try:
        return json.loads(body, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        raise _invalid([Problem("body", "bad_json", msg)]) from None
    except UnicodeDecodeError:
        raise _invalid(
            [Problem("body", "bad_encoding", "the body is not UTF-8 text")]
        ) from None
    except RecursionError:
        raise _invalid(
            [Problem("body", "too_deep", "JSON is nested too deeply")]
        ) from None
    except ValueError:
        raise _invalid(
            [Problem("body", "bad_json", "NaN and Infinity are not allowed")]
        ) from None


def _object(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _invalid(
            [Problem(field, "wrong_type", f"expected an object, got {_kind(value)}")]
        )
    return value


def _kind(value: object) -> str:
    """JSON type name of a parsed value (never the value itself)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _unknown(data: Mapping[str, Any], allowed: set[str]) -> None:
    extra = sorted(str(k) for k in data if k not in allowed)
    if extra:
        raise _invalid(
            [Problem(k[:200], "unknown_field", "unknown field") for k in extra]
        )


def _parse_report(value: object) -> Report:
    """Build a Report from JSON; image paths are refused (no local file access)."""
    data = _object(value, "report")
    images = data.get("images")
    if isinstance(images, list):
        refused = [
            Problem(
                f"report.images[{i}]",
                "path_not_allowed",
                'image paths are not accepted over HTTP; send {"base64": ...}',
            )
            for i, item in enumerate(images)
            if isinstance(item, str) or (isinstance(item, Mapping) and "path" in item)
        ]
        if refused:
            raise _invalid(refused)
    try:
        return Report.from_dict(data)
    except InvalidInputError as exc:
        raise _invalid(exc.problems) from None
    except (TypeError, ValueError):
        raise _invalid(
            [Problem("report", "invalid", "the report is malformed")]
        ) from None


def _parse_school(value: object) -> School:
    data = _object(value, "school")
    try:
        return School.from_dict(data)
    except InvalidInputError as exc:
        raise _invalid(exc.problems) from None
    except (TypeError, ValueError):
        raise _invalid(
            [Problem("school", "invalid", "the school is malformed")]
        ) from None


def _parse_now(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _invalid(
            [Problem("now", "wrong_type", "expected an ISO 8601 datetime string")]
        )
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        raise _invalid(
            [Problem("now", "bad_datetime", "not an ISO 8601 datetime")]
        ) from None


def _parse_outcome(value: object) -> Outcome:
    if value is None:
        return Outcome.UNKNOWN
    try:
        return Outcome(str(value) if isinstance(value, str) else "")
    except ValueError:
        raise _invalid(
            [Problem("outcome", "unknown_value", "expected hoax, credible or unknown")]
        ) from None


def _assess_request(
    data: object, default_school: School | None
) -> tuple[Report, School | None, datetime | None]:
    """Read the body of ``POST /assess``: a bare report or a wrapper."""
    doc = _object(data, "body")
    if "report" not in doc:
        return _parse_report(doc), default_school, None
    _unknown(doc, {"report", "school", "now"})
    report = _parse_report(doc["report"])
    raw_school = doc.get("school")
    school = default_school if raw_school is None else _parse_school(raw_school)
    return report, school, _parse_now(doc.get("now"))


def _archive_request(
    data: object, default_school: School | None
) -> tuple[Report, School, Outcome]:
    """Read the body of ``POST /archive/reports``."""
    doc = _object(data, "body")
    _unknown(doc, {"report", "school", "outcome"})
    if "report" not in doc:
        raise _invalid([Problem("report", "missing", "required")])
    report = _parse_report(doc["report"])
    raw_school = doc.get("school")
    if raw_school is None:
        if default_school is None:
            raise _invalid(
                [
                    Problem(
                        "school",
                        "missing",
                        "required: the service has no school configured",
                    )
                ]
            )
        school = default_school
    else:
        school = _parse_school(raw_school)
    return report, school, _parse_outcome(doc.get("outcome"))


class _DropAll(logging.Filter):
    """A logger filter that drops every record (used on uvicorn's access log)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return False


def _silence_access_log() -> None:
    """Keep uvicorn's access log quiet, whatever handlers get attached to it.

    uvicorn writes the request line (with the query string) there; recent versions
    decide by whether the logger has handlers, so ``access_log=False`` alone is
    undone by any later logging setup that attaches one. A filter on the logger
    itself drops the records before any handler sees them.
    """
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, _DropAll) for f in logger.filters):
        logger.addFilter(_DropAll())


def _log_id(value: object) -> str:
    if isinstance(value, str) and _SAFE_ID.fullmatch(value):
        return value
    return "-" if value is None else "(custom)"


# ---------------------------------------------------------------------------
# schemas and the OpenAPI document


def _service_report_schema() -> dict[str, Any]:
    """The report schema with images limited to base64 (no paths over HTTP)."""
    schema = copy.deepcopy(report_schema())
    schema["properties"]["images"]["items"] = {
        "type": "object",
        "required": ["base64"],
        "properties": {"base64": {"type": "string", "contentEncoding": "base64"}},
        "additionalProperties": False,
    }
    return schema


def _schemas() -> dict[str, Any]:
    """The body of ``GET /schema``."""
    return {
        "report": _service_report_schema(),
        "school": school_schema(),
        "assessment": assessment_schema(),
    }


def _component(schema: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in schema.items() if k not in {"$schema", "$id"}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _openapi(max_body: int) -> dict[str, Any]:
    """Write the OpenAPI 3.1 document of the service."""
    school_or_null = {"anyOf": [_ref("School"), {"type": "null"}]}
    wrapper = {
        "type": "object",
        "required": ["report"],
        "additionalProperties": False,
        "properties": {
            "report": _ref("Report"),
            "school": school_or_null,
            "now": {"type": ["string", "null"], "format": "date-time"},
        },
    }
    schemas: dict[str, Any] = {
        "Report": _component(_service_report_schema()),
        "School": _component(school_schema()),
        "Assessment": _component(assessment_schema()),
        "AssessRequest": {"oneOf": [_ref("Report"), _ref("AssessWithContext")]},
        "AssessWithContext": wrapper,
        "ArchiveRequest": {
            "type": "object",
            "required": ["report"],
            "additionalProperties": False,
            "properties": {
                "report": _ref("Report"),
                "school": school_or_null,
                "outcome": {"enum": [o.value for o in Outcome], "default": "unknown"},
            },
        },
        "ArchivedId": {
            "type": "object",
            "required": ["id"],
            "additionalProperties": False,
            "properties": {"id": {"type": "string"}},
        },
        "Health": {
            "type": "object",
            "required": ["status", "version", "archive"],
            "additionalProperties": False,
            "properties": {
                "status": {"const": "ok"},
                "version": {"type": "string"},
                "archive": {
                    "oneOf": [
                        {
                            "type": "object",
                            "required": ["reports"],
                            "additionalProperties": False,
                            "properties": {
                                "reports": {"type": "integer", "minimum": 0}
                            },
                        },
                        {"type": "null"},
                    ]
                },
            },
        },
        "Schemas": {
            "type": "object",
            "required": ["report", "school", "assessment"],
            "properties": {
                "report": {"type": "object"},
                "school": {"type": "object"},
                "assessment": {"type": "object"},
            },
        },
        "Problem": {
            "type": "object",
            "required": ["field", "code", "message"],
            "additionalProperties": False,
            "properties": {
                "field": {"type": "string"},
                "code": {"type": "string"},
                "message": {"type": "string"},
            },
        },
        "Error": {
            "type": "object",
            "required": ["error", "message", "problems"],
            "additionalProperties": False,
            "properties": {
                "error": {"type": "string"},
                "message": {"type": "string"},
                "problems": {"type": "array", "items": _ref("Problem")},
            },
        },
    }

    def error(description: str) -> dict[str, Any]:
        return {
            "description": description,
            "content": {"application/json": {"schema": _ref("Error")}},
        }

    def ok(description: str, schema: str) -> dict[str, Any]:
        return {
            "description": description,
            "content": {"application/json": {"schema": _ref(schema)}},
        }

    body_errors = {
        "408": error("The body did not arrive in time."),
        "413": error(f"The body is larger than {max_body} bytes."),
        "415": error("The body is not application/json."),
        "422": error("Invalid JSON or invalid fields; `problems` lists each one."),
        "500": error("Unexpected failure (details are logged by class name only)."),
    }

    def json_body(schema: str) -> dict[str, Any]:
        return {
            "required": True,
            "description": f"JSON, at most {max_body} bytes.",
            "content": {"application/json": {"schema": _ref(schema)}},
        }

    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "threatsignals service",
            "version": __version__,
            "summary": "Triage anonymous threats to K-12 schools (CISA guidance).",
            "description": (
                "The service has no authentication: run it behind a "
                "TLS-terminating proxy that authenticates callers."
            ),
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "paths": {
            "/assess": {
                "post": {
                    "operationId": "assess",
                    "summary": "Assess one report.",
                    "description": (
                        "Send a report object, or {report, school, now}. The "
                        "service's school is used when the request has none."
                    ),
                    "requestBody": json_body("AssessRequest"),
                    "responses": {
                        "200": ok("The assessment.", "Assessment"),
                        **body_errors,
                        "503": error("The archive is locked by another writer."),
                    },
                }
            },
            "/archive/reports": {
                "post": {
                    "operationId": "archiveReport",
                    "summary": "Add a report to the archive.",
                    "requestBody": json_body("ArchiveRequest"),
                    "responses": {
                        "201": ok("Archived; its id.", "ArchivedId"),
                        "200": ok("Already archived; its id.", "ArchivedId"),
                        "403": error("The service has no writable archive."),
                        **body_errors,
                        "503": error("The archive is locked by another writer."),
                    },
                }
            },
            "/health": {
                "get": {
                    "operationId": "health",
                    "summary": "Liveness, version and archive size.",
                    "responses": {"200": ok("The service is up.", "Health")},
                }
            },
            "/schema": {
                "get": {
                    "operationId": "schema",
                    "summary": "JSON Schemas (draft 2020-12) of the documents.",
                    "responses": {"200": ok("The schemas.", "Schemas")},
                }
            },
        },
        "components": {"schemas": schemas},
    }


# ---------------------------------------------------------------------------
# ASGI pieces


class _AccessLog:
    """Log one line per request (no content) and add privacy headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from starlette.datastructures import MutableHeaders

        start = time.perf_counter()
        status = 500
        state: dict[str, Any] = scope.setdefault("state", {})

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = MutableHeaders(scope=message)
                headers.setdefault("cache-control", "no-store")
                headers.setdefault("x-content-type-options", "nosniff")
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            method = str(scope.get("method", ""))
            path = str(scope.get("path", ""))
            fields = {
                "method": method if method in _METHODS else "OTHER",
                "path": path if path in _ROUTES else "-",
                "status": status,
                "duration_ms": round((time.perf_counter() - start) * 1000, 1),
                "report_id": _log_id(state.get(_STATE_KEY)),
            }
            _log.info(
                "%s %s %d %.1fms report=%s",
                fields["method"],
                fields["path"],
                fields["status"],
                fields["duration_ms"],
                fields["report_id"],
                extra=fields,
            )


async def _read_body(request: Request, max_body: int) -> bytes:
    """Read the body, refusing wrong types (415) and big bodies early (413)."""
    from starlette.requests import ClientDisconnect

    anyio = _require("anyio")
    if not _is_json_type(request.headers.get("content-type")):
        raise _HTTPError(
            415,
            "unsupported_media_type",
            "send the body as JSON with Content-Type: application/json",
        )
    too_big = _HTTPError(
        413, "body_too_large", f"the body is larger than {max_body} bytes"
    )
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise _HTTPError(400, "bad_content_length", "invalid Content-Length")
        if int(declared) > max_body:
            raise too_big
    chunks: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(_BODY_TIMEOUT):
            async with contextlib.aclosing(request.stream()) as stream:
                async for chunk in stream:
                    size += len(chunk)
                    if size > max_body:
                        raise too_big
                    chunks.append(chunk)
    except TimeoutError:
        raise _HTTPError(
            408, "body_timeout", "the body did not arrive in time"
        ) from None
    except ClientDisconnect:
        raise _HTTPError(400, "client_disconnected", "the client went away") from None
    return b"".join(chunks)


_Handler = Callable[["Request"], Awaitable["Response"]]


def _json_response(
    body: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> Response:
    from starlette.responses import JSONResponse

    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _guarded(handler: _Handler) -> _Handler:
    """Turn every failure into a JSON error; log class names, never messages."""

    async def run(request: Request) -> Response:
        headers: dict[str, str] = {}
        try:
            return await handler(request)
        except _HTTPError as exc:
            err, headers = exc, exc.headers
            if exc.problems:
                _log.debug(
                    "rejected request: %s",
                    ",".join(sorted({p.code for p in exc.problems})),
                )
        except InvalidInputError as exc:
            err = _invalid(exc.problems)
        except ArchiveLockedError:
            err = _HTTPError(503, "archive_locked", "the archive is busy; retry")
            headers = {"Retry-After": "1"}
        except ArchiveError as exc:
            _log.error("archive error: %s", type(exc).__name__)
            err = _HTTPError(500, "archive_error", "the archive failed")
        except Exception as exc:  # never leak a message or a traceback
            _log.error("unexpected failure: %s", type(exc).__name__)
            err = _HTTPError(500, "internal_error", "unexpected failure")
        return _json_response(err.body(), err.status, headers)

    return run


_HTTP_ERRORS = {
    400: ("bad_request", "bad request"),
    404: ("not_found", "no such endpoint"),
    405: ("method_not_allowed", "method not allowed on this endpoint"),
}


# ---------------------------------------------------------------------------
# public API


def _load_archive(archive: Archive | _PathLike | None) -> tuple[Archive | None, bool]:
    if archive is None or isinstance(archive, Archive):
        return archive, False
    if isinstance(archive, str | os.PathLike):
        return Archive.open(archive), True
    raise TypeError("archive must be a threatsignals.Archive, a path or None")


def _load_school(school: School | _PathLike | None) -> School | None:
    if school is None or isinstance(school, School):
        return school
    if isinstance(school, str | os.PathLike):
        return School.from_file(school)
    raise TypeError("school must be a threatsignals.School, a path or None")


def _load_policy(policy: Policy | _PathLike | None) -> Policy | None:
    if policy is None or isinstance(policy, Policy):
        return policy
    if isinstance(policy, str | os.PathLike):
        return Policy.from_toml(policy)
    raise TypeError("policy must be a threatsignals.Policy, a path or None")


def create_app(
    *,
    archive: Archive | _PathLike | None = None,
    school: School | _PathLike | None = None,
    policy: Policy | _PathLike | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> Starlette:
    """Build the Starlette application of the service.

    Args:
        archive: An open :class:`~threatsignals.Archive`, or a path to open (the
            app then closes it on shutdown). ``POST /assess`` reads it;
            ``POST /archive/reports`` needs it writable (else 403). None: no archive.
        school: The school assessed when a request names none: a
            :class:`~threatsignals.School` or a ``.toml``/``.json`` file.
        policy: A :class:`~threatsignals.Policy` or a policy TOML file; the
            default policy when None.
        max_body: Largest request body accepted, in bytes (413 above it).

    Returns:
        A Starlette (ASGI) application; run it with uvicorn or :func:`serve`.

    Raises:
        MissingDependencyError: Starlette is not installed (extra ``service``).
        ValueError: ``max_body`` is not a positive whole number.
        InvalidInputError: The school or policy file is invalid.
        ArchiveError: The archive file cannot be opened.
    """
    _require("starlette")
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.exceptions import HTTPException
    from starlette.middleware import Middleware
    from starlette.routing import Route

    if isinstance(max_body, bool) or not isinstance(max_body, int) or max_body < 1:
        raise ValueError("max_body must be a positive number of bytes")
    the_school = _load_school(school)
    the_policy = _load_policy(policy)
    the_archive, owned = _load_archive(archive)
    openapi = _openapi(max_body)
    schemas = _schemas()

    async def read_json(request: Request) -> Any:
        return _decode_json(await _read_body(request, max_body))

    def do_assess(
        report: Report, school: School | None, now: datetime | None
    ) -> dict[str, Any]:
        result = assess(
            report, school=school, archive=the_archive, now=now, policy=the_policy
        )
        return result.to_dict()

    async def assess_endpoint(request: Request) -> Response:
        data = await read_json(request)
        report, school, now = _assess_request(data, the_school)
        result = await run_in_threadpool(do_assess, report, school, now)
        setattr(request.state, _STATE_KEY, result.get("report_id"))
        return _json_response(result)

    def do_archive(
        report: Report, school: School, outcome: Outcome
    ) -> tuple[str, bool]:
        assert the_archive is not None  # checked by the caller
        existed = derive_report_id(report, school) in the_archive
        return the_archive.add(report, school=school, outcome=outcome), existed

    async def archive_endpoint(request: Request) -> Response:
        if the_archive is None or the_archive.readonly:
            raise _HTTPError(
                403, "archive_unavailable", "this service has no writable archive"
            )
        data = await read_json(request)
        report, school, outcome = _archive_request(data, the_school)
        rid, existed = await run_in_threadpool(do_archive, report, school, outcome)
        setattr(request.state, _STATE_KEY, rid)
        return _json_response({"id": rid}, 200 if existed else 201)

    async def health_endpoint(request: Request) -> Response:
        count = (
            None if the_archive is None else await run_in_threadpool(len, the_archive)
        )
        return _json_response(
            {
                "status": "ok",
                "version": __version__,
                "archive": None if count is None else {"reports": count},
            }
        )

    async def schema_endpoint(request: Request) -> Response:
        return _json_response(schemas)

    async def openapi_endpoint(request: Request) -> Response:
        return _json_response(openapi)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        code, message = _HTTP_ERRORS.get(status, ("http_error", "request failed"))
        headers = exc.headers if isinstance(exc, HTTPException) else None
        body = _HTTPError(status, code, message).body()
        return _json_response(body, status, headers)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        _silence_access_log()
        try:
            yield
        finally:
            if owned and the_archive is not None:
                the_archive.close()

    routes = [
        Route("/assess", _guarded(assess_endpoint), methods=["POST"]),
        Route("/archive/reports", _guarded(archive_endpoint), methods=["POST"]),
        Route("/health", _guarded(health_endpoint), methods=["GET"]),
        Route("/schema", _guarded(schema_endpoint), methods=["GET"]),
        Route("/openapi.json", _guarded(openapi_endpoint), methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(_AccessLog)],
        exception_handlers={HTTPException: http_error},
        lifespan=lifespan,
    )
    app.state.archive = the_archive
    app.state.school = the_school
    app.state.max_body = max_body
    return app


def _log_config() -> dict[str, Any]:
    """Return uvicorn's logging setup plus a handler for ``threatsignals.service``."""
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["threatsignals.service"] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return config


def _config(
    app: Starlette,
    *,
    host: str,
    port: int,
    log_config: dict[str, Any] | None,
) -> Config:
    """The uvicorn configuration :func:`serve` uses (access log off)."""
    uvicorn = _require("uvicorn")
    config: Config = uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,
        log_config=log_config,
        server_header=False,
        lifespan="on",
    )
    _silence_access_log()
    return config


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    archive: Archive | _PathLike | None = None,
    school: School | _PathLike | None = None,
    policy: Policy | _PathLike | None = None,
    max_body: int = DEFAULT_MAX_BODY,
) -> None:
    """Run the service with uvicorn until interrupted (Ctrl-C).

    Binds to loopback by default: put a TLS-terminating, authenticating proxy in
    front of it. The arguments after ``port`` are those of :func:`create_app`.
    Request lines go to the ``threatsignals.service`` logger (stderr), uvicorn's
    access log is off.

    Raises:
        MissingDependencyError: Starlette or uvicorn is not installed
            (``pip install 'threatsignals[service]'``).
    """
    uvicorn = _require("uvicorn")
    app = create_app(archive=archive, school=school, policy=policy, max_body=max_body)
    server = uvicorn.Server(
        _config(app, host=host, port=port, log_config=_log_config())
    )
    server.run()
