"""The HTTP service, started for real with uvicorn on loopback and called over HTTP."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")

import threatsignals as ts  # noqa: E402
from threatsignals import service  # noqa: E402
from threatsignals.errors import MissingDependencyError  # noqa: E402

CANARY = "zq7svccanary93k"
NOW = "2026-03-10T10:00:00-06:00"
REPORT = {
    "text": "I will bring a gun to Maple Street tomorrow at 9am",
    "channel": "email",
    "received_at": "2026-03-10T09:00:00-06:00",
}
PATHS = ("/assess", "/archive/reports", "/health", "/schema")


def make_school(name: str = "Lincoln Heights High School") -> ts.School:
    return ts.School(
        name=name,
        id="lhhs",
        aliases=("LHHS",),
        places=("Maple Street",),
        timezone="America/Chicago",
    )


class URL(str):
    """A base URL that also knows the server thread (to tell its log records)."""

    thread_id: int | None = None


@contextmanager
def running(app: Any) -> Iterator[URL]:
    """Run ``app`` with uvicorn on a free loopback port; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = service._config(app, host="127.0.0.1", port=port, log_config=None)
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, daemon=True
    )
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("server did not start")
        time.sleep(0.01)
    url = URL(f"http://127.0.0.1:{port}")
    url.thread_id = thread.ident
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()
        assert not thread.is_alive()


def call(
    base: str,
    method: str,
    path: str,
    body: Any = None,
    *,
    content_type: str | None = "application/json",
) -> tuple[int, Any, Any]:
    """Send one request; return (status, headers, parsed JSON body)."""
    if body is None:
        data = None
    elif isinstance(body, bytes):
        data = body
    else:
        data = json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if content_type is not None and data is not None:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers, json.loads(exc.read())


def raw_exchange(base: str, request: bytes, *, body_chunks: list[bytes] = ()) -> bytes:
    """Send raw bytes on a socket and read the whole answer."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(request)
        for chunk in body_chunks:
            conn.sendall(chunk)
        out = b""
        while True:
            try:
                got = conn.recv(65536)
            except ConnectionResetError:
                break
            if not got:
                break
            out += got
    return out


@pytest.fixture(scope="module")
def archive() -> Iterator[ts.Archive]:
    with ts.Archive.open() as arch:
        yield arch


@pytest.fixture(scope="module")
def base(archive: ts.Archive) -> Iterator[str]:
    app = service.create_app(archive=archive, school=make_school(), max_body=4096)
    with running(app) as url:
        yield url


@pytest.fixture(scope="module")
def bare() -> Iterator[str]:
    """A service with no archive and no school."""
    with running(service.create_app()) as url:
        yield url


# -- GET endpoints --------------------------------------------------------------


def test_health_reports_version_and_archive_size(base, archive):
    status, headers, body = call(base, "GET", "/health")
    assert status == 200
    assert body == {
        "status": "ok",
        "version": ts.__version__,
        "archive": {"reports": len(archive)},
    }
    assert headers["Content-Type"].startswith("application/json")
    assert headers["Cache-Control"] == "no-store"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "server" not in {k.lower() for k in headers}


def test_health_without_archive_is_null(bare):
    status, _, body = call(bare, "GET", "/health")
    assert (status, body["archive"]) == (200, None)


def test_schema_lists_the_documents(base):
    jsonschema = pytest.importorskip("jsonschema")
    status, _, body = call(base, "GET", "/schema")
    assert status == 200
    assert set(body) == {"report", "school", "assessment"}
    for schema in body.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    assert body["assessment"] == ts._schema.assessment_schema()
    jsonschema.validate(REPORT, body["report"])
    jsonschema.validate(make_school().to_dict(), body["school"])
    # image paths are not accepted over HTTP, base64 is
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"images": ["/etc/passwd"]}, body["report"])
    jsonschema.validate({"images": [{"base64": "AAAA"}]}, body["report"])


def test_openapi_document(base):
    jsonschema = pytest.importorskip("jsonschema")
    status, _, doc = call(base, "GET", "/openapi.json")
    assert status == 200
    assert doc["openapi"].startswith("3.1.")
    assert doc["info"]["version"] == ts.__version__
    assert set(PATHS) <= set(doc["paths"])
    assert set(doc["paths"]["/assess"]) == {"post"}
    assert set(doc["paths"]["/health"]) == {"get"}
    for name, schema in doc["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema), name
    # every $ref points at a component that exists
    text = json.dumps(doc)
    for ref in {
        part.split('"')[0] for part in text.split('"$ref": "#/components/schemas/')[1:]
    }:
        assert ref in doc["components"]["schemas"]
    assert "4096" in doc["paths"]["/assess"]["post"]["requestBody"]["description"]


def _validator(doc: dict[str, Any], component: str) -> Any:
    import jsonschema

    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": f"#/components/schemas/{component}",
        "components": doc["components"],
    }
    return jsonschema.Draft202012Validator(schema)


def test_responses_match_the_openapi_document(base):
    pytest.importorskip("jsonschema")
    _, _, doc = call(base, "GET", "/openapi.json")
    checks = [
        ("Health", call(base, "GET", "/health")),
        ("Schemas", call(base, "GET", "/schema")),
        ("Assessment", call(base, "POST", "/assess", REPORT)),
        ("Error", call(base, "POST", "/assess", b"{")),
        ("Error", call(base, "GET", "/nowhere")),
        ("ArchivedId", call(base, "POST", "/archive/reports", {"report": REPORT})),
    ]
    for component, (_, _, body) in checks:
        errors = list(_validator(doc, component).iter_errors(body))
        assert not errors, component
    for request in (REPORT, {"report": REPORT, "now": NOW}):
        assert not list(_validator(doc, "AssessRequest").iter_errors(request))
    assert list(_validator(doc, "AssessRequest").iter_errors({"report": 1}))


# -- POST /assess ----------------------------------------------------------------


def test_assess_bare_report_uses_the_service_school(base, archive):
    status, _, body = call(
        base, "POST", "/assess", {"report": REPORT, "now": NOW, "school": None}
    )
    assert status == 200
    expected = ts.assess(
        ts.Report.from_dict(REPORT),
        school=make_school(),
        archive=archive,
        now=datetime.fromisoformat(NOW),
    )
    assert body == json.loads(expected.to_json())
    assert "text_names_place" in ts.Assessment.from_dict(body).codes


def test_assess_plain_report_object(base):
    status, _, body = call(base, "POST", "/assess", REPORT)
    assert status == 200
    a = ts.Assessment.from_dict(body)
    assert a.level in set(ts.Level)
    assert a.report_id is not None  # the service school gives a derived id


def test_assess_with_its_own_school(base, archive):
    other = ts.School(name="Oak Grove Elementary", places=("Birch Road",))
    request = {"report": REPORT, "school": other.to_dict(), "now": NOW}
    status, _, body = call(base, "POST", "/assess", request)
    assert status == 200
    expected = ts.assess(
        ts.Report.from_dict(REPORT),
        school=other,
        archive=archive,
        now=datetime.fromisoformat(NOW),
    )
    assert body == json.loads(expected.to_json())
    assert "text_names_place" not in ts.Assessment.from_dict(body).codes


def test_assess_without_any_school(bare):
    status, _, body = call(bare, "POST", "/assess", {"report": REPORT, "now": NOW})
    assert status == 200
    assert body["report_id"] is None


def test_assess_accepts_base64_images(base):
    report = {**REPORT, "images": [{"base64": "bm90IGFuIGltYWdl"}]}
    status, _, body = call(base, "POST", "/assess", report)
    assert status == 200, body


def test_concurrent_assessments_agree(base):
    request = {"report": REPORT, "now": NOW}
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(
            pool.map(lambda _: call(base, "POST", "/assess", request), range(12))
        )
    assert {r[0] for r in results} == {200}
    assert len({json.dumps(r[2], sort_keys=True) for r in results}) == 1


# -- POST /archive/reports ---------------------------------------------------------


def test_archive_adds_once(base, archive):
    report = {**REPORT, "text": "a different message for the archive test"}
    status, _, body = call(
        base, "POST", "/archive/reports", {"report": report, "outcome": "hoax"}
    )
    assert status == 201
    rid = body["id"]
    assert archive.get(rid).outcome == ts.Outcome.HOAX
    assert archive.get(rid).school == "lhhs"
    n = len(archive)
    status, _, again = call(base, "POST", "/archive/reports", {"report": report})
    assert (status, again, len(archive)) == (200, {"id": rid}, n)
    assert call(base, "GET", "/health")[2]["archive"] == {"reports": n}


def test_archive_with_request_school(base, archive):
    other = ts.School(name="Oak Grove Elementary", id="oges")
    status, _, body = call(
        base,
        "POST",
        "/archive/reports",
        {"report": REPORT, "school": other.to_dict(), "outcome": "credible"},
    )
    assert status == 201
    assert archive.get(body["id"]).school == "oges"


def test_archive_without_archive_is_forbidden(bare):
    status, _, body = call(
        bare,
        "POST",
        "/archive/reports",
        {"report": REPORT, "school": make_school().to_dict()},
    )
    assert (status, body["error"]) == (403, "archive_unavailable")


def test_archive_readonly_is_forbidden(tmp_path):
    path = tmp_path / "ro.db"
    ts.Archive.open(path).close()
    with ts.Archive.open(path, readonly=True) as ro:
        app = service.create_app(archive=ro, school=make_school())
        with running(app) as url:
            status, _, _ = call(url, "POST", "/archive/reports", {"report": REPORT})
    assert status == 403


@pytest.mark.parametrize(
    ("request_body", "field", "code"),
    [
        ({"report": REPORT, "outcome": "maybe"}, "outcome", "unknown_value"),
        ({"outcome": "hoax"}, "report", "missing"),
        ({"report": REPORT, "extra": 1}, "extra", "unknown_field"),
        ({"report": REPORT, "school": {"name": ""}}, "school.name", "empty"),
        ({"report": REPORT, "school": "lhhs"}, "school", "wrong_type"),
        ([REPORT], "body", "wrong_type"),
    ],
)
def test_archive_rejects_bad_requests(base, request_body, field, code):
    status, _, body = call(base, "POST", "/archive/reports", request_body)
    assert status == 422
    assert {"field": field, "code": code} in [
        {"field": p["field"], "code": p["code"]} for p in body["problems"]
    ]


def test_archive_needs_a_school(tmp_path):
    with ts.Archive.open() as arch, running(service.create_app(archive=arch)) as url:
        status, _, body = call(url, "POST", "/archive/reports", {"report": REPORT})
        assert status == 422
        assert body["problems"][0]["field"] == "school"
        assert len(arch) == 0


# -- limits and errors --------------------------------------------------------------


def test_body_over_limit_is_413(base):
    big = {"text": "x" * 5000, "channel": "email"}
    status, _, body = call(base, "POST", "/assess", big)
    assert (status, body["error"]) == (413, "body_too_large")
    status, _, _ = call(base, "POST", "/archive/reports", {"report": big})
    assert status == 413


def test_declared_length_over_limit_is_refused_without_reading(base):
    # Content-Length says 10 MB but no body is ever sent: the answer must come
    # from the header alone (the socket timeout would fire otherwise).
    head = (
        b"POST /assess HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/json\r\nContent-Length: 10000000\r\n\r\n"
    )
    answer = raw_exchange(base, head)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"body_too_large" in answer


def test_chunked_body_over_limit_is_413(base):
    head = (
        b"POST /assess HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b'{"text": "' + b"y" * 3000
    chunks = [b"%x\r\n%s\r\n" % (len(chunk), chunk)] * 2
    answer = raw_exchange(base, head, body_chunks=chunks)
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_chunked_body_under_limit_is_read(base):
    head = (
        b"POST /assess HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    data = json.dumps(REPORT).encode()
    chunks = [b"%x\r\n%s\r\n" % (len(data), data), b"0\r\n\r\n"]
    answer = raw_exchange(base, head, body_chunks=chunks)
    assert answer.startswith(b"HTTP/1.1 200 ")


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data"],
)
def test_wrong_content_type_is_415(base, content_type):
    for path in ("/assess", "/archive/reports"):
        status, _, body = call(
            base, "POST", path, json.dumps(REPORT).encode(), content_type=content_type
        )
        assert (status, body["error"]) == (415, "unsupported_media_type")


@pytest.mark.parametrize(
    "content_type", ["application/json; charset=utf-8", "application/report+json"]
)
def test_json_content_types_are_accepted(base, content_type):
    status, _, _ = call(base, "POST", "/assess", REPORT, content_type=content_type)
    assert status == 200


@pytest.mark.parametrize(
    ("raw", "field", "code"),
    [
        (b"", "body", "empty"),
        (b"{" + CANARY.encode(), "body", "bad_json"),
        (b'{"text": NaN}', "body", "bad_json"),
        (b"\xff\xfe" + CANARY.encode(), "body", "bad_encoding"),
        (b"[" * 2000 + b"]" * 2000, "body", "too_deep"),
        (json.dumps(CANARY).encode(), "body", "wrong_type"),
        (json.dumps({"channel": CANARY}).encode(), "report.channel", "unknown_value"),
        (json.dumps({"text": 5}).encode(), "report.text", "wrong_type"),
        (
            json.dumps({"report": REPORT, "now": CANARY}).encode(),
            "now",
            "bad_datetime",
        ),
        (
            json.dumps(
                {"report": REPORT, "school": {"name": "S", "timezone": CANARY}}
            ).encode(),
            "school.timezone",
            "unknown_timezone",
        ),
        (
            json.dumps({**REPORT, "images": [f"/etc/{CANARY}"]}).encode(),
            "report.images[0]",
            "path_not_allowed",
        ),
        (
            json.dumps({**REPORT, "images": [{"path": "/etc/passwd"}]}).encode(),
            "report.images[0]",
            "path_not_allowed",
        ),
        (
            json.dumps({**REPORT, "images": [{"base64": "%%" + CANARY}]}).encode(),
            "report.images[0]",
            "bad_base64",
        ),
    ],
)
def test_invalid_input_is_422_with_problems_and_no_echo(base, raw, field, code):
    status, _, body = call(base, "POST", "/assess", raw)
    assert status == 422
    assert body["error"] == "invalid_request"
    assert body["problems"]
    for p in body["problems"]:
        assert set(p) == {"field", "code", "message"}
    assert (body["problems"][0]["field"], body["problems"][0]["code"]) == (field, code)
    assert CANARY not in json.dumps(body)


def test_many_problems_are_listed_together(base):
    bad = {"channel": "nope", "source_distance_km": -1, "received_at": "yesterday"}
    status, _, body = call(base, "POST", "/assess", bad)
    assert status == 422
    fields = {p["field"] for p in body["problems"]}
    assert "report.received_at" in fields


def test_unknown_path_is_404_json(base):
    status, _, body = call(base, "GET", "/does-not-exist")
    assert (status, body["error"]) == (404, "not_found")


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/assess", "POST"),
        ("PUT", "/archive/reports", "POST"),
        ("POST", "/health", "GET"),
        ("DELETE", "/schema", "GET"),
    ],
)
def test_wrong_method_is_405_json(base, method, path, allow):
    body = REPORT if method in {"PUT", "POST"} else None
    status, headers, answer = call(base, method, path, body)
    assert (status, answer["error"]) == (405, "method_not_allowed")
    assert allow in headers["Allow"]


# -- privacy ------------------------------------------------------------------------


def test_no_threat_content_in_logs(caplog):
    caplog.set_level(logging.DEBUG)
    for name in ("", "threatsignals", "uvicorn", "uvicorn.error", "uvicorn.access"):
        caplog.set_level(logging.DEBUG, logger=name)
    school = make_school(name=f"School {CANARY}")
    report = {
        **REPORT,
        "text": f"{CANARY} will happen at Maple Street tomorrow {CANARY}",
        "target": f"Mr. {CANARY}",
        "caller_id": f"+1 312 555 0142 {CANARY}",
        "channel": "phone",
    }
    # A handler someone else attaches to uvicorn's access logger must get nothing.
    access_seen: list[logging.LogRecord] = []
    spy = logging.Handler()
    spy.emit = access_seen.append  # type: ignore[method-assign]
    access_logger = logging.getLogger("uvicorn.access")
    access_logger.addHandler(spy)
    try:
        with ts.Archive.open() as arch:
            app = service.create_app(archive=arch, school=school)
            with running(app) as url:
                answers = [
                    call(url, "POST", "/assess", report),
                    call(url, "POST", "/assess", {"report": report, "now": NOW}),
                    call(url, "POST", "/archive/reports", {"report": report}),
                    call(url, "POST", f"/assess?q={CANARY}", report),
                    call(url, "GET", f"/{CANARY}"),
                    call(url, "POST", "/assess", b"{" + CANARY.encode()),
                    call(url, "POST", "/assess", {"channel": CANARY}),
                    call(url, "POST", "/assess", {**report, "id": "case 17 / north"}),
                    call(url, "POST", "/assess", report, content_type="text/plain"),
                    call(url, "GET", "/health"),
                ]
    finally:
        access_logger.removeHandler(spy)
    server_thread = url.thread_id
    assert [a[0] for a in answers] == [200, 200, 201, 200, 404, 422, 422, 200, 415, 200]
    records = caplog.records
    assert records
    for rec in records:
        text = rec.getMessage() + repr(rec.args) + str(rec.exc_info)
        text += repr({k: v for k, v in vars(rec).items() if k not in {"msg", "args"}})
        assert CANARY not in text, rec.name
    # this server's request lines (the module's other server may log late)
    access = [
        r
        for r in records
        if r.name == "threatsignals.service"
        and hasattr(r, "status")
        and r.thread == server_thread
    ]
    assert len(access) == len(answers), [
        (r.threadName, r.method, r.path, r.status, r.report_id) for r in access
    ]
    assert [r.status for r in access] == [a[0] for a in answers]
    assert {r.path for r in access} <= {*PATHS, "-"}
    assert all(r.method in {"GET", "POST"} for r in access)
    assert all(isinstance(r.duration_ms, float) for r in access)
    assert access[0].report_id.startswith("r-")  # a derived id is logged
    assert access[7].report_id == "(custom)"  # a caller's free text is not
    assert any(r.name == "uvicorn.error" for r in records)  # uvicorn's are seen
    assert not [r for r in records if r.name == "uvicorn.access"]
    assert access_seen == []


# -- construction --------------------------------------------------------------------


def test_create_app_reads_files_and_closes_owned_archive(tmp_path):
    school_file = tmp_path / "school.toml"
    school_file.write_text(
        'name = "Lincoln Heights High School"\nid = "lhhs"\nplaces = ["Maple Street"]\n'
    )
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text(
        'name = "district-test"\n[weights]\ntext_names_place = 0.1\n'
    )
    db = tmp_path / "threats.db"
    app = service.create_app(archive=str(db), school=school_file, policy=policy_file)
    with running(app) as url:
        status, _, body = call(url, "POST", "/archive/reports", {"report": REPORT})
        assert status == 201
        _, _, assessed = call(url, "POST", "/assess", REPORT)
    assert assessed["policy"] == "district-test"
    named = [f for f in assessed["findings"] if f["code"] == "text_names_place"]
    assert [f["weight"] for f in named] == [0.1]  # the school file was read too
    with ts.Archive.open(db) as arch:
        assert body["id"] in arch
    with pytest.raises(ts.ArchiveError):
        len(app.state.archive)  # closed on shutdown


def test_create_app_leaves_a_given_archive_open():
    with ts.Archive.open() as arch:
        with running(service.create_app(archive=arch)):
            pass
        assert len(arch) == 0  # still usable


def test_default_body_limit_is_one_mebibyte():
    assert service.DEFAULT_MAX_BODY == 1_048_576
    assert service.create_app().state.max_body == 1_048_576


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "1"])
def test_create_app_rejects_bad_max_body(bad):
    with pytest.raises(ValueError, match="max_body"):
        service.create_app(max_body=bad)


@pytest.mark.parametrize("arg", ["archive", "school", "policy"])
def test_create_app_rejects_wrong_types(arg):
    with pytest.raises(TypeError, match=arg):
        service.create_app(**{arg: 42})


def test_missing_starlette_names_the_extra(monkeypatch):
    for name in [
        m for m in sys.modules if m == "starlette" or m.startswith("starlette.")
    ]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "starlette", None)
    with pytest.raises(MissingDependencyError) as info:
        service.create_app()
    assert info.value.extra == "service"
    assert info.value.package == "starlette"


def test_missing_uvicorn_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    with pytest.raises(MissingDependencyError) as info:
        service.serve(port=1)
    assert (info.value.package, info.value.extra) == ("uvicorn", "service")


def test_import_threatsignals_does_not_import_the_framework():
    code = (
        "import sys, threatsignals, threatsignals.service\n"
        "bad = [m for m in ('starlette', 'uvicorn', 'anyio') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_serve_runs_uvicorn_without_access_log(monkeypatch, tmp_path):
    seen: dict[str, Any] = {}

    def fake_run(self, sockets=None):
        seen["config"] = self.config

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    # keep uvicorn's logging setup out of the rest of the test session
    monkeypatch.setattr(uvicorn.Config, "configure_logging", lambda self: None)
    service.serve("127.0.0.1", 8123, school=make_school(), max_body=10)
    config = seen["config"]
    assert (config.host, config.port) == ("127.0.0.1", 8123)
    assert config.access_log is False
    assert config.server_header is False
    assert config.app.state.max_body == 10
    loggers = config.log_config["loggers"]
    assert loggers["threatsignals.service"]["level"] == "INFO"


def test_naive_now_is_read_in_school_time(base, archive):
    status, _, body = call(
        base, "POST", "/assess", {"report": REPORT, "now": "2026-03-10T10:00:00"}
    )
    assert status == 200
    assessed = datetime.fromisoformat(body["assessed_at"])
    # Chicago is on daylight time (UTC-5) from 8 March 2026
    assert assessed.astimezone(UTC) == datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
