from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from threatsignals._cli import EXIT_LEVEL_REACHED, main

REPORT = {
    "text": "hello",
    "channel": "email",
    "received_at": "2026-03-10T09:00:00-06:00",
    "id": "r1",
}


@pytest.fixture(autouse=True)
def _archive_env(tmp_path, monkeypatch):
    monkeypatch.setenv("THREATSIGNALS_ARCHIVE", str(tmp_path / "default.db"))


@pytest.fixture
def school_file(tmp_path):
    p = tmp_path / "school.toml"
    p.write_text(
        'name = "Lincoln Heights High School"\nid = "lhhs"\n'
        'timezone = "America/Chicago"\nplaces = ["Maple Street"]\n'
    )
    return p


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_assess_single_json(tmp_path, capsys, school_file):
    p = tmp_path / "r.json"
    p.write_text(json.dumps(REPORT))
    code, out, err = run(
        capsys,
        "assess",
        str(p),
        "--school",
        str(school_file),
        "--now",
        "2026-03-10T10:00:00-06:00",
    )
    assert code == 0 and err == ""
    d = json.loads(out)
    assert d["report_id"] == "r1" and d["level"] in {"low", "moderate", "high"}


def test_assess_jsonl_and_stdin(tmp_path, capsys, monkeypatch):
    lines = "\n".join(json.dumps({**REPORT, "id": f"r{i}"}) for i in range(3)) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    code, out, _ = run(capsys, "assess", "-", "--no-archive")
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["report_id"] for r in rows] == ["r0", "r1", "r2"]


def test_assess_text_format(tmp_path, capsys):
    p = tmp_path / "r.json"
    p.write_text(json.dumps(REPORT))
    code, out, _ = run(capsys, "assess", str(p), "--format", "text", "--no-archive")
    assert code == 0 and "score" in out and "actions:" in out


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"channel": "fax"}', "", '{"text": 1}\n{"text": "x"}', "[1, 2]"],
)
def test_invalid_input_exits_2_with_one_line(tmp_path, capsys, content):
    p = tmp_path / "r.json"
    p.write_text(content)
    code, out, err = run(capsys, "assess", str(p), "--no-archive")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "fax" not in err


def test_usage_errors_exit_2(capsys):
    code, _, err = run(capsys, "frobnicate")
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _, _ = run(capsys, "assess", "/nonexistent/file.json")
    assert code == 2


def test_fail_on(tmp_path, capsys):
    p = tmp_path / "r.json"
    p.write_text(json.dumps(REPORT))
    code, _, _ = run(capsys, "assess", str(p), "--no-archive", "--fail-on", "moderate")
    assert code == EXIT_LEVEL_REACHED
    code, _, _ = run(capsys, "assess", str(p), "--no-archive", "--fail-on", "high")
    assert code == 0


def test_archive_commands(tmp_path, capsys, school_file):
    db = tmp_path / "a.db"
    p = tmp_path / "r.jsonl"
    p.write_text(json.dumps(REPORT) + "\n" + json.dumps({**REPORT, "id": "r2"}) + "\n")
    code, out, err = run(
        capsys,
        "archive",
        "add",
        str(p),
        "--school",
        str(school_file),
        "--archive",
        str(db),
        "--outcome",
        "hoax",
    )
    assert code == 0 and out.split() == ["r1", "r2"] and "added 2" in err
    code, out, _ = run(
        capsys, "archive", "list", "--archive", str(db), "--format", "json"
    )
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["outcome"] for r in rows] == ["hoax", "hoax"]
    code, _, _ = run(
        capsys, "archive", "outcome", "r1", "credible", "--archive", str(db)
    )
    assert code == 0
    code, out, _ = run(capsys, "archive", "stats", "--archive", str(db))
    assert json.loads(out)["by_outcome"] == {"credible": 1, "hoax": 1}
    code, _, err = run(
        capsys, "archive", "outcome", "zzz", "hoax", "--archive", str(db)
    )
    assert code == 2 and "no archived report" in err
    code, _, _ = run(
        capsys, "archive", "backup", str(tmp_path / "b.db"), "--archive", str(db)
    )
    assert code == 0 and (tmp_path / "b.db").exists()
    code, out, _ = run(
        capsys,
        "assess",
        str(p),
        "--archive",
        str(db),
        "--school",
        str(school_file),
        "--record",
    )
    assert code == 0


def test_damaged_archive_exits_2(tmp_path, capsys):
    db = tmp_path / "bad.db"
    db.write_bytes(b"garbage" * 100)
    p = tmp_path / "r.json"
    p.write_text(json.dumps(REPORT))
    code, _, err = run(capsys, "assess", str(p), "--archive", str(db))
    assert code == 2 and "not a SQLite database" in err
    assert db.read_bytes() == b"garbage" * 100


def test_schema_policy_demo(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["title"] == "threatsignals Assessment"
    code, out, _ = run(capsys, "schema", "--what", "report")
    assert json.loads(out)["title"] == "threatsignals Report"
    code, out, _ = run(capsys, "policy")
    import tomllib

    assert tomllib.loads(out)["weights"]["caller_id_blocked"] < 0
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "harmless control" in out and "score" in out
    code, out, _ = run(capsys, "demo", "--format", "json")
    assert len(out.splitlines()) == 4


def test_python_dash_m(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "threatsignals", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and "threatsignals" in proc.stdout


def test_images_add_stock(tmp_path, capsys):
    from PIL import Image, ImageDraw

    folder = tmp_path / "stock"
    folder.mkdir()
    for i in range(3):
        im = Image.new("RGB", (120, 90), (20 * i, 90, 160))
        ImageDraw.Draw(im).rectangle(
            (10 + 10 * i, 10, 60 + 15 * i, 70), fill=(250, 240, 10)
        )
        im.save(folder / f"stock{i}.png")
    db = tmp_path / "a.db"
    code, _, err = run(capsys, "images", "add-stock", str(folder), "--archive", str(db))
    assert code == 0 and "added 3" in err
    code, _, err = run(
        capsys, "images", "add-stock", str(tmp_path / "nope"), "--archive", str(db)
    )
    assert code == 2


def test_serve_is_wired(monkeypatch, capsys):
    pytest.importorskip("starlette")
    from threatsignals import service

    seen = {}
    monkeypatch.setattr(
        service,
        "serve",
        lambda host, port, **kw: seen.update(host=host, port=port, **kw),
    )
    code, _, _ = run(capsys, "serve", "--port", "8123", "--max-body", "1000")
    assert code == 0
    assert seen == {
        "host": "127.0.0.1",
        "port": 8123,
        "archive": None,
        "school": None,
        "policy": None,
        "max_body": 1000,
    }


def test_assess_batch_with_workers(tmp_path, capsys, school_file):
    db = tmp_path / "a.db"
    p = tmp_path / "r.jsonl"
    p.write_text(
        "\n".join(json.dumps({**REPORT, "id": f"r{i}"}) for i in range(6)) + "\n"
    )
    args = [
        "assess",
        str(p),
        "--school",
        str(school_file),
        "--archive",
        str(db),
        "--now",
        "2026-03-10T10:00:00-06:00",
        "--no-progress",
    ]
    assert run(capsys, *args)[0] == 0  # creates the archive file
    code, one, _ = run(capsys, *args)
    code2, two, _ = run(capsys, *args, "--workers", "2")
    assert code == code2 == 0 and one == two
    assert [json.loads(x)["report_id"] for x in two.splitlines()] == [
        f"r{i}" for i in range(6)
    ]


def test_exit_codes_for_missing_dependency_interrupt_and_crash(monkeypatch, capsys):
    import threatsignals._cli as cli

    monkeypatch.setitem(sys.modules, "starlette", None)
    monkeypatch.setitem(sys.modules, "starlette.applications", None)
    code, _, err = run(capsys, "serve")
    assert code == 3 and "pip install" in err and len(err.strip().splitlines()) == 1

    def interrupted(args):
        raise KeyboardInterrupt

    def crashed(args):
        raise RuntimeError("secret content 0142")

    monkeypatch.setitem(cli._COMMANDS, "schema", interrupted)
    assert run(capsys, "schema")[0] == 130
    monkeypatch.setitem(cli._COMMANDS, "schema", crashed)
    code, _, err = run(capsys, "schema")
    assert code == 1 and "RuntimeError" in err and "secret" not in err


def test_policy_output_loads_back_as_the_default(tmp_path, capsys):
    import threatsignals as ts

    code, out, _ = run(capsys, "policy")
    assert code == 0
    (tmp_path / "p.toml").write_text(out)
    p = ts.Policy.from_toml(tmp_path / "p.toml")
    assert p.weights == ts.Policy().weights
    assert p.same_evidence == ts.Policy().same_evidence
