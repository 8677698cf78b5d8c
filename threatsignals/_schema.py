"""JSON Schemas of the assessment and report documents.

Written by hand and checked by tests against real output; the committed copy
lives in ``threatsignals/schema/``.
"""

from __future__ import annotations

from typing import Any

from threatsignals.model import SCHEMA_VERSION, Awareness, Channel, Level

__all__ = ["assessment_schema", "report_schema", "school_schema", "signals_schema"]

_DT = {"type": ["string", "null"], "format": "date-time"}
_STR = {"type": "string"}
_TRIPLE = {
    "type": "object",
    "required": ["code", "text", "guidance"],
    "additionalProperties": False,
    "properties": {"code": _STR, "text": _STR, "guidance": _STR},
}


def assessment_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of ``Assessment.to_dict()``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://threatsignals.invalid/schema/assessment.schema.json",
        "title": "threatsignals Assessment",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "schema_version",
            "score",
            "level",
            "imminent",
            "when",
            "findings",
            "actions",
            "open_questions",
            "conflicting",
            "analyzers",
            "policy",
            "report_id",
            "assessed_at",
        ],
        "properties": {
            "schema_version": {
                "type": "integer",
                "minimum": 1,
                "maximum": SCHEMA_VERSION,
            },
            "report_id": {"type": ["string", "null"]},
            "score": {"type": "number", "minimum": 0, "maximum": 100},
            "level": {"enum": [lv.value for lv in Level]},
            "imminent": {"type": "boolean"},
            "when": _DT,
            "conflicting": {"type": "boolean"},
            "findings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["code", "analyzer", "weight", "evidence", "guidance"],
                    "properties": {
                        "code": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
                        "analyzer": _STR,
                        "weight": {"type": "number"},
                        "evidence": _STR,
                        "guidance": _STR,
                    },
                },
            },
            "actions": {"type": "array", "items": _TRIPLE},
            "open_questions": {"type": "array", "items": _TRIPLE},
            "analyzers": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name", "version", "status", "error", "findings"],
                    "properties": {
                        "name": _STR,
                        "version": _STR,
                        "status": {"enum": ["ok", "failed", "skipped"]},
                        "error": {"type": ["string", "null"]},
                        "findings": {"type": "integer", "minimum": 0},
                    },
                },
            },
            "assessed_at": _DT,
            "policy": _STR,
        },
    }


def report_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of ``Report.to_dict()`` input."""
    opt_str = {"type": ["string", "null"]}
    opt_bool = {"type": ["boolean", "null"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://threatsignals.invalid/schema/report.schema.json",
        "title": "threatsignals Report",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "schema_version": {"type": "integer"},
            "id": opt_str,
            "text": opt_str,
            "channel": {"enum": [c.value for c in Channel]},
            "received_at": _DT,
            "caller_id": opt_str,
            "attestation": opt_str,
            "interview": {
                "type": ["object", "null"],
                "additionalProperties": False,
                "properties": {
                    "gave_name": opt_bool,
                    "gave_callback": opt_bool,
                    "gave_location": opt_bool,
                    "places_mentioned": {"type": "array", "items": _STR},
                    "voice_masked": opt_bool,
                    "hung_up": opt_bool,
                    "relay_service": opt_bool,
                },
            },
            "images": {
                "type": "array",
                "items": {
                    "oneOf": [
                        _STR,
                        {
                            "type": "object",
                            "required": ["path"],
                            "properties": {"path": _STR},
                            "additionalProperties": False,
                        },
                        {
                            "type": "object",
                            "required": ["base64"],
                            "properties": {"base64": _STR},
                            "additionalProperties": False,
                        },
                    ]
                },
            },
            "source_country": {"type": ["string", "null"], "pattern": "^[A-Za-z]{2}$"},
            "source_distance_km": {"type": ["number", "null"], "minimum": 0},
            "awareness": {"enum": [*(a.value for a in Awareness), None]},
            "target": opt_str,
            "local_media": opt_bool,
            "other_schools_reported": {"type": ["integer", "null"], "minimum": 0},
        },
    }


def signals_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of one line of a signals export file."""
    hex24 = {"type": "string", "pattern": "^[0-9a-f]{24}$"}
    header = {
        "type": "object",
        "required": ["type", "format", "version", "org", "exported_at", "count"],
        "additionalProperties": False,
        "properties": {
            "type": {"const": "header"},
            "format": {"const": "threatsignals.signals"},
            "version": {"type": "integer", "minimum": 1},
            "org": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"},
            "exported_at": {"type": "string", "format": "date-time"},
            "count": {"type": "integer", "minimum": 0},
            "text_algorithm": {"type": "string"},
        },
    }
    signal = {
        "type": "object",
        "required": [
            "type",
            "signal_id",
            "org",
            "time",
            "channel",
            "outcome",
            "school_token",
        ],
        "additionalProperties": False,
        "properties": {
            "type": {"const": "signal"},
            "signal_id": hex24,
            "org": {"type": "string"},
            "time": {
                "type": "string",
                "format": "date-time",
                "description": "received time rounded down to the hour, UTC",
            },
            "channel": {"enum": [c.value for c in Channel]},
            "outcome": {"enum": ["hoax", "credible", "unknown"]},
            "region": {"type": ["string", "null"], "maxLength": 2},
            "subdivision": {"type": ["string", "null"], "maxLength": 16},
            "school_token": hex24,
            "school": {
                "type": ["string", "null"],
                "description": "school key, only when the exporter opts in",
            },
            "text": {
                "type": ["object", "null"],
                "required": ["algorithm", "bands", "exact"],
                "additionalProperties": False,
                "properties": {
                    "algorithm": {"type": "string"},
                    "bands": {"type": "string", "pattern": "^[0-9a-f]+$"},
                    "exact": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
                },
            },
            "images": {"type": "array", "maxItems": 32, "items": {"type": "string"}},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://threatsignals.invalid/schema/signals.schema.json",
        "title": "threatsignals signals file line",
        "oneOf": [header, signal],
    }


def school_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``School.to_dict()``."""
    strings = {"type": "array", "items": {"type": "string"}}
    when = {"type": "string", "format": "date-time"}
    event = {
        "type": "object",
        "required": ["name", "start", "end"],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "start": when,
            "end": when,
            "kind": {"type": "string"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://threatsignals.invalid/schema/school.schema.json",
        "title": "threatsignals School",
        "type": "object",
        "required": ["name"],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string", "minLength": 1},
            "aliases": strings,
            "region": {"type": "string", "pattern": "^[A-Za-z]{2}$"},
            "phone_numbers": strings,
            "emergency_numbers": strings,
            "places": strings,
            "people": strings,
            "location": {
                "type": ["array", "null"],
                "prefixItems": [
                    {"type": "number", "minimum": -90, "maximum": 90},
                    {"type": "number", "minimum": -180, "maximum": 180},
                ],
                "minItems": 2,
                "maxItems": 2,
            },
            "timezone": {"type": "string", "description": "IANA time zone name"},
            "calendar": {"type": "array", "items": event},
            "subdivision": {"type": ["string", "null"]},
            "id": {"type": ["string", "null"]},
        },
    }
