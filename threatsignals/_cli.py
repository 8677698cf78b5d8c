"""Command-line interface: ``threatsignals`` and ``python -m threatsignals``.

Exit codes: 0 done; 2 bad usage or invalid input (one line on stderr); 3 a missing
optional dependency; 1 an unexpected failure; 130 interrupted (Ctrl-C);
``--fail-on LEVEL`` adds 10 when an assessment reaches that level.
Diagnostics go to stderr only and never contain threat content.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from threatsignals._version import __version__
from threatsignals.errors import (
    InvalidInputError,
    InvalidReportError,
    MissingDependencyError,
    Problem,
    ThreatSignalsError,
)

__all__ = ["default_archive_path", "main"]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_MISSING_DEPENDENCY = 3
EXIT_LEVEL_REACHED = 10
EXIT_INTERRUPTED = 130


class _UsageError(ThreatSignalsError):
    """Bad command-line usage."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse prints usage and exits 2
        raise _UsageError(message)


def default_archive_path() -> Path:
    """Return the default archive file.

    ``$THREATSIGNALS_ARCHIVE`` if set, else the user's data directory
    (``~/.local/share/threatsignals/archive.db`` on Linux).
    """
    env = os.environ.get("THREATSIGNALS_ARCHIVE")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "threatsignals" / "archive.db"


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="threatsignals",
        description="Triage anonymous threats to schools (CISA guidance).",
    )
    p.add_argument(
        "--version", action="version", version=f"threatsignals {__version__}"
    )
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    demo = sub.add_parser("demo", help="assess the built-in example reports")
    demo.add_argument("--format", choices=("text", "json"), default="text")

    a = sub.add_parser("assess", help="assess reports from a JSON or JSON Lines file")
    a.add_argument("input", help="report file (.json or .jsonl), or - for stdin")
    _common(a)
    a.add_argument("--format", choices=("json", "text"), default="json")
    a.add_argument("--policy", help="policy TOML file")
    a.add_argument("--now", help="assessment time, ISO 8601 (default: current time)")
    a.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes for a batch (0 = every core; needs a file archive)",
    )
    a.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (shown on stderr when it is a terminal)",
    )
    a.add_argument(
        "--record",
        action="store_true",
        help="also add each report to the archive (outcome unknown)",
    )
    a.add_argument(
        "--fail-on",
        choices=("moderate", "high"),
        help=f"exit {EXIT_LEVEL_REACHED} if any report reaches this level",
    )

    ar = sub.add_parser("archive", help="manage the archive of past threats")
    asub = ar.add_subparsers(
        dest="archive_command", required=True, parser_class=_Parser
    )
    add = asub.add_parser("add", help="add reports (.json or .jsonl) to the archive")
    add.add_argument("input")
    _common(add, school_required=True)
    add.add_argument(
        "--outcome", choices=("hoax", "credible", "unknown"), default="unknown"
    )
    ls = asub.add_parser("list", help="list archived reports (metadata only)")
    _archive_opt(ls)
    ls.add_argument("--school-key", help="only this school key")
    ls.add_argument("--since", help="received at or after (ISO 8601)")
    ls.add_argument("--format", choices=("text", "json"), default="text")
    oc = asub.add_parser("outcome", help="record what a report turned out to be")
    _archive_opt(oc)
    oc.add_argument("report_id")
    oc.add_argument("outcome", choices=("hoax", "credible", "unknown"))
    st = asub.add_parser("stats", help="counts by outcome, channel and origin")
    _archive_opt(st)
    ex = asub.add_parser("export", help="write shareable signals (fingerprints only)")
    _archive_opt(ex)
    ex.add_argument("--out", required=True, help="signals file to write (.jsonl)")
    ex.add_argument("--org", required=True, help="your organisation id")
    ex.add_argument("--since", help="only reports received at or after (ISO 8601)")
    ex.add_argument("--school-key", action="append", help="only this school (repeat)")
    ex.add_argument(
        "--include-school-names",
        action="store_true",
        help="put school keys in the file (default: opaque tokens)",
    )
    im_ = asub.add_parser("import", help="import another organisation's signals file")
    _archive_opt(im_)
    im_.add_argument("input")
    bk = asub.add_parser("backup", help="copy the archive safely while it is in use")
    _archive_opt(bk)
    bk.add_argument("dest")

    im = sub.add_parser("images", help="image tools")
    isub = im.add_subparsers(dest="images_command", required=True, parser_class=_Parser)
    stock = isub.add_parser(
        "add-stock",
        help="load a folder of known stock images "
        "into the archive's stock bank (fingerprints only)",
    )
    stock.add_argument("directory")
    _archive_opt(stock)

    sv = sub.add_parser("serve", help="run the HTTP JSON API (extra: service)")
    sv.add_argument("--host", default="127.0.0.1")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--archive", help="archive file (default: none)")
    sv.add_argument("--school", help="default school file (.toml or .json)")
    sv.add_argument("--policy", help="policy TOML file")
    sv.add_argument("--max-body", type=int, default=1_048_576, help="bytes per request")

    rp = sub.add_parser(
        "report", help="write the taking-stock HTML report for an archive"
    )
    _archive_opt(rp)
    rp.add_argument("--out", required=True, help="HTML file to write")
    rp.add_argument("--since", help="received at or after (ISO 8601)")
    rp.add_argument("--until", help="received before (ISO 8601)")
    rp.add_argument("--school-key", help="only this school key")
    tr = sub.add_parser("trends", help="print the taking-stock figures as JSON")
    _archive_opt(tr)
    tr.add_argument("--since", help="received at or after (ISO 8601)")
    tr.add_argument("--until", help="received before (ISO 8601)")
    tr.add_argument("--school-key", help="only this school key")

    sc = sub.add_parser(
        "schema", help="print the JSON Schema of assessments or reports"
    )
    sc.add_argument(
        "--what",
        choices=("assessment", "report", "school", "signals"),
        default="assessment",
    )

    sub.add_parser("policy", help="print the default policy as TOML")
    return p


def _archive_opt(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--archive", help=f"archive file (default: {default_archive_path()})"
    )


def _common(p: argparse.ArgumentParser, *, school_required: bool = False) -> None:
    p.add_argument(
        "--school", required=school_required, help="school file (.toml or .json)"
    )
    _archive_opt(p)
    if not school_required:
        p.add_argument(
            "--no-archive", action="store_true", help="do not use an archive"
        )


# ---------------------------------------------------------------------------
# input


def _read_input(name: str) -> str:
    try:
        if name == "-":
            return sys.stdin.read()
        return Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(
            f"cannot read input ({type(exc).__name__})", field="input"
        ) from None


def _load_reports(text: str) -> tuple[bool, list[Any]]:
    """Parse one JSON document (a report or a list of reports) or JSON Lines.

    Returns:
        ``(single, reports)``: single is True for one report given as one object.
    """
    from threatsignals.model import Report

    stripped = text.strip()
    if not stripped:
        raise InvalidInputError("input is empty", field="input")
    docs: list[tuple[int, Any]]
    single = False
    try:
        whole = json.loads(stripped)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        docs = []
        for n, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                docs.append((n, json.loads(line)))
            except (ValueError, RecursionError):
                raise InvalidInputError(
                    [Problem(f"input line {n}", "bad_json", "not valid JSON")]
                ) from None
    else:
        single = not isinstance(whole, list)
        docs = [(1, d) for d in (whole if isinstance(whole, list) else [whole])]
    reports = []
    for n, d in docs:
        try:
            reports.append(Report.from_dict(d))
        except InvalidReportError as exc:
            raise InvalidReportError(
                [
                    Problem(f"line {n}: {p.field}", p.code, p.message)
                    for p in exc.problems
                ]
            ) from None
    return single, reports


def _school(path: str | None) -> Any:
    if path is None:
        return None
    from threatsignals.model import School

    return School.from_file(path)


def _open_archive(args: argparse.Namespace, *, readonly: bool = False) -> Any:
    from threatsignals.archive import Archive

    if getattr(args, "no_archive", False):
        return None
    path = args.archive or default_archive_path()
    if readonly and not Path(path).exists():
        return None
    return Archive.open(path, readonly=readonly)


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInputError("not an ISO 8601 datetime", field="--now") from None


# ---------------------------------------------------------------------------
# output


def _fmt_text(a: Any, label: str | None = None, out: IO[str] | None = None) -> None:
    out = out or sys.stdout
    head = f"{label}: " if label else ""
    when = a.when.isoformat() if a.when else "not stated"
    print(
        f"{head}score {a.score:.1f}  level {a.level.value.upper()}  "
        f"imminent {'YES' if a.imminent else 'no'}  when {when}"
        + ("  (conflicting signs)" if a.conflicting else ""),
        file=out,
    )
    for f in a.findings:
        print(f"  {f.weight:+.2f}  {f.code:<30} {f.evidence}", file=out)
    if a.actions:
        print("  actions:", file=out)
        for i, act in enumerate(a.actions, 1):
            print(f"    {i}. {act.text}", file=out)
    if a.open_questions:
        print("  open questions:", file=out)
        for q in a.open_questions:
            print(f"    - {q.text}", file=out)
    failed = [r.name for r in a.analyzers if r.status == "failed"]
    if failed:
        print(f"  analyzers failed: {', '.join(failed)}", file=out)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------------------
# commands


def _cmd_demo(args: argparse.Namespace) -> int:
    from threatsignals._assess import assess
    from threatsignals._examples import (
        DEMO_NOW,
        demo_archive,
        demo_reports,
        demo_school,
    )

    school = demo_school()
    with demo_archive() as archive:
        results = [
            (label, assess(r, school=school, archive=archive, now=DEMO_NOW))
            for label, r in demo_reports()
        ]
    if args.format == "json":
        for label, a in results:
            print(
                json.dumps(
                    {"case": label, "assessment": a.to_dict()}, ensure_ascii=False
                )
            )
        return EXIT_OK
    print(
        f"threatsignals {__version__} demo: {school.name} (fictional), "
        f"now = {DEMO_NOW.isoformat()}, archive = in-memory SQLite with "
        f"{len(results)} example reports to assess\n"
    )
    header = f"{'case':<28} {'score':>5}  {'level':<8} {'imminent':<8} top findings"
    print(header)
    print("-" * len(header + " " * 40))
    for label, a in results:
        top = ", ".join(f"{f.code} {f.weight:+.1f}" for f in a.findings[:3]) or "(none)"
        print(
            f"{label:<28} {a.score:>5.1f}  {a.level.value.upper():<8} "
            f"{'YES' if a.imminent else 'no':<8} {top}"
        )
        if a.actions:
            print(f"{'':<28} first action: {_shorten(a.actions[0].text, 90)}")
    print("\nDetails:")
    for label, a in results:
        print()
        _fmt_text(a, label)
    return EXIT_OK


def _cmd_assess(args: argparse.Namespace) -> int:
    from threatsignals._assess import assess
    from threatsignals._batch import assess_many
    from threatsignals.policy import Policy

    text = _read_input(args.input)
    school = _school(args.school)
    policy = Policy.from_toml(args.policy) if args.policy else None
    now = _parse_now(args.now)
    reached = False
    archive = _open_archive(args) if (args.record or not args.no_archive) else None
    try:
        if args.record and (archive is None or school is None):
            raise InvalidInputError(
                "--record needs --school and an archive", field="--record"
            )
        single, reports = _load_reports(text)
        if args.record:
            # one at a time, archiving each before the next is scored, so a wave
            # inside the batch is found
            results: Iterable[Any] = (
                assess(r, school=school, archive=archive, now=now, policy=policy)
                for r in reports
            )
        else:
            results = assess_many(
                reports,
                school=school,
                archive=archive,
                now=now,
                policy=policy,
                workers=args.workers,
                progress=False if args.no_progress else None,
            )
        for report, a in zip(reports, results, strict=True):
            if args.format == "text":
                _fmt_text(a, report.id)
            elif single:
                print(a.to_json(indent=2))
            else:
                print(a.to_json())
            if args.fail_on and (
                a.level.value == "high"
                or (args.fail_on == "moderate" and a.level.value != "low")
            ):
                reached = True
            if args.record and archive is not None:
                archive.add(report, school=school, now=now)
    finally:
        if archive is not None:
            archive.close()
    return EXIT_LEVEL_REACHED if reached else EXIT_OK


def _cmd_archive(args: argparse.Namespace) -> int:
    cmd = args.archive_command
    if cmd == "add":
        text = _read_input(args.input)
        school = _school(args.school)
        _, reports = _load_reports(text)
        with _open_archive(args) as archive:
            ids = [archive.add(r, school=school, outcome=args.outcome) for r in reports]
        for rid in ids:
            print(rid)
        print(f"added {len(ids)} report(s)", file=sys.stderr)
        return EXIT_OK
    archive = _open_archive(args, readonly=cmd in {"list", "stats", "backup"})
    if archive is None:
        raise InvalidInputError("no archive file at that path", field="--archive")
    with archive:
        if cmd == "list":
            since = _parse_now(args.since)
            rows = archive.reports(school=args.school_key, since=since)
            for r in rows:
                if args.format == "json":
                    print(json.dumps(r.to_dict()))
                else:
                    print(
                        f"{r.id}  {r.received_at.isoformat()}  {r.school:<24} "
                        f"{r.channel:<14} {r.outcome.value:<8} {r.origin}"
                    )
        elif cmd == "outcome":
            try:
                archive.set_outcome(args.report_id, args.outcome)
            except KeyError:
                raise InvalidInputError(
                    "no archived report with that id", field="report_id"
                ) from None
        elif cmd == "stats":
            print(json.dumps(archive.stats(), indent=2, sort_keys=True))
        elif cmd == "backup":
            archive.backup(args.dest)
        elif cmd == "export":
            n = archive.export_signals(
                args.out,
                org=args.org,
                since=_parse_now(args.since),
                schools=args.school_key,
                include_school_names=args.include_school_names,
            )
            print(f"exported {n} signal(s)", file=sys.stderr)
        elif cmd == "import":
            result = archive.import_signals(args.input)
            for line, reason in result.rejected:
                print(f"threatsignals: line {line}: {reason}", file=sys.stderr)
            print(json.dumps(result.to_dict(), indent=2))
    return EXIT_OK


def _cmd_images(args: argparse.Namespace) -> int:
    try:
        from threatsignals import images
    except ImportError:
        raise MissingDependencyError("threatsignals.images", "images") from None
    add_stock = getattr(images, "add_stock", None)
    if add_stock is None:
        raise MissingDependencyError("threatsignals.images.add_stock", "images")
    if not Path(args.directory).is_dir():
        raise InvalidInputError("not a directory", field="directory")
    with _open_archive(args) as archive:
        n = add_stock(archive, args.directory)
    print(f"added {n} stock fingerprint(s)", file=sys.stderr)
    return EXIT_OK


def _cmd_trends(args: argparse.Namespace) -> int:
    from threatsignals import trends

    archive = _open_archive(args, readonly=True)
    if archive is None:
        raise InvalidInputError("no archive file at that path", field="--archive")
    with archive:
        kwargs = {
            "since": _parse_now(args.since),
            "until": _parse_now(args.until),
            "school": args.school_key,
        }
        if args.command == "report":
            t = trends.html_report(archive, args.out, **kwargs)
            print(
                f"wrote report on {t.total} threat(s), {len(t.waves)} wave(s)",
                file=sys.stderr,
            )
        else:
            print(json.dumps(trends.summarize(archive, **kwargs).to_dict(), indent=2))
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    from threatsignals import service

    service.serve(
        args.host,
        args.port,
        archive=args.archive,
        school=args.school,
        policy=args.policy,
        max_body=args.max_body,
    )
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from threatsignals import _schema

    builders = {
        "assessment": _schema.assessment_schema,
        "report": _schema.report_schema,
        "school": _schema.school_schema,
        "signals": _schema.signals_schema,
    }
    print(json.dumps(builders[args.what](), indent=2))
    return EXIT_OK


def _cmd_policy(args: argparse.Namespace) -> int:
    from threatsignals.policy import WEIGHT_REASONS, Policy

    p = Policy()
    groups = ", ".join(
        "[" + ", ".join(f'"{c}"' for c in sorted(g)) + "]" for g in p.same_evidence
    )
    print(
        f'name = "{p.name}"\nprior = {p.prior}\nsame_evidence = [{groups}]\n'
        f"\n[bands]\nmoderate = {p.moderate}\n"
        f"high = {p.high}\n\n[windows]\nimminent_hours = {p.imminent_hours}\n"
        f"wave_hours = {p.wave_hours}\nrepeat_days = {p.repeat_days}\n"
        f"recent_capture_hours = {p.recent_capture_hours}\n\n[thresholds]\n"
        f"imminent_min_categories = {p.imminent_min_categories}\n"
        "# conflict_weight = 0.62  (default: derived from the bands)\n"
        f"wave_min_schools = {p.wave_min_schools}\n"
        f"repeat_min = {p.repeat_min}\nfar_km = {p.far_km}\nlocal_km = {p.local_km}\n"
        f"near_school_km = {p.near_school_km}\n\n[weights]"
    )
    for code, w in sorted(p.weights.items()):
        print(f"{code} = {w}  # {WEIGHT_REASONS.get(code, '')}")
    return EXIT_OK


_COMMANDS = {
    "demo": _cmd_demo,
    "assess": _cmd_assess,
    "archive": _cmd_archive,
    "images": _cmd_images,
    "schema": _cmd_schema,
    "report": _cmd_trends,
    "serve": _cmd_serve,
    "trends": _cmd_trends,
    "policy": _cmd_policy,
}


def _one_line(message: str) -> str:
    """Keep a diagnostic on one line whatever an input put in it."""
    return " ".join(message.splitlines())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this directly)."""
    try:
        args = _parser().parse_args(argv)
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("threatsignals: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except MissingDependencyError as exc:
        print(f"threatsignals: {exc}", file=sys.stderr)
        return EXIT_MISSING_DEPENDENCY
    except ThreatSignalsError as exc:
        print(f"threatsignals: error: {_one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # last resort: one line, no traceback, no content
        print(
            f"threatsignals: unexpected failure ({type(exc).__name__}); "
            "please report it",
            file=sys.stderr,
        )
        return EXIT_FAILURE


def run() -> None:
    """Entry point for ``python -m threatsignals``."""
    sys.exit(main())
