"""Scoring policy: finding weights, level bands, windows and thresholds.

Every number the library uses to judge a threat lives here, each with its reason.
A district can override any of them from a TOML file::

    name = "springfield-2026"
    prior = 0.0
    [weights]
    caller_id_blocked = -0.3
    [bands]
    moderate = 30.0
    high = 60.0
    [windows]
    imminent_hours = 48

How the numbers fit together (see ``docs/scoring.md``): the score is
``100 * sigmoid(prior + sum(weights))``. With the prior at 0 a threat with no
findings scores 50, MODERATE: every threat starts initially credible. The bands sit
at 35 and 65, i.e. at log-odds of about -0.62 and +0.62. Single findings are kept
below 0.62 in magnitude on purpose, so that **no single sign moves a threat out of
MODERATE on its own**; two independent signs pointing the same way do. Strong
hoax/swatting signs carry about -0.4..-0.6; strong concern signs +0.4..+0.8.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from threatsignals.errors import InvalidPolicyError, Problem
from threatsignals.model import _key_name

__all__ = ["DEFAULT_WEIGHTS", "WEIGHT_REASONS", "Policy"]

# (weight, reason). Codes are stable API; see docs/findings.md.
_TABLE: dict[str, tuple[float, str]] = {
    # --- phone: swatting signs (guidance: "Blocked, unavailable, or otherwise spoofed
    # numbers (e.g. all nines or zeros) are often indicators of swatting calls").
    "caller_id_blocked": (
        -0.4,
        "blocked/withheld numbers are a named swatting sign, "
        "but many ordinary callers withhold too",
    ),
    "caller_id_spoof_pattern": (
        -0.5,
        "all-nines/zeros style numbers are the guidance's own example of spoofing",
    ),
    "caller_id_invalid": (
        -0.4,
        "a number no carrier could assign was spoofed or mistyped",
    ),
    "caller_id_fictional": (
        -0.5,
        "numbers reserved for fiction (555-01XX) are spoofed",
    ),
    "caller_id_voip": (
        -0.2,
        "VoIP lines make spoofing and anonymity cheap; weak alone",
    ),
    "caller_id_toll_free": (-0.15, "toll-free numbers rarely originate personal calls"),
    "caller_id_out_of_area": (-0.1, "a distant area code says little after porting"),
    "caller_id_international": (
        -0.4,
        "origin outside the country: the guidance says "
        "a distant origin may make a threat less concerning",
    ),
    "caller_id_matches_school": (
        -0.5,
        "the school's own number shown as caller ID is spoofed by construction",
    ),
    "caller_id_emergency_number": (
        -0.5,
        "callers do not call from 9-1-1 or the police line; the ID is spoofed",
    ),
    "attestation_failed": (
        -0.5,
        "a failed STIR/SHAKEN validation is evidence of spoofing",
    ),
    "attestation_unverified": (-0.1, "C-level or no attestation is weak context only"),
    "caller_failed_followups": (
        -0.5,
        "the guidance names failure to give name, number "
        "or location as a swatting sign",
    ),
    "caller_misnamed_local_place": (
        -0.5,
        "mispronouncing local streets or buildings suggests a caller who is not local",
    ),
    "voice_masked": (
        -0.3,
        "computer-generated or distorted voices are common in scripted swatting calls",
    ),
    "caller_hung_up": (-0.15, "hanging up when questioned is weak on its own"),
    "relay_service": (
        -0.3,
        "relay services are a documented swatting route; "
        "real relay users exist, so weak",
    ),
    # --- images
    "image_recycled": (-0.5, "material recycled from past threats lowers concern"),
    "image_matches_credible": (
        0.6,
        "reuse of an image from a threat judged credible "
        "links this report to a real case",
    ),
    "image_stock": (-0.5, "reverse image search finding stock photos lowers concern"),
    "image_original": (
        0.15,
        "an original image is slightly more concerning than a "
        "recycled one; weak since most originals are benign",
    ),
    "image_recent_capture": (
        0.3,
        "a photo taken just now suggests presence and intent",
    ),
    "image_near_school": (
        0.6,
        "visuals suggesting the threatener is close to the school increase urgency",
    ),
    "image_low_detail": (0.0, "a near-uniform image cannot be matched; recorded only"),
    "image_unreadable": (0.0, "an image that could not be decoded; recorded only"),
    # --- text
    "text_recycled": (
        -0.5,
        "recycled threats are often less concerning than unique ones",
    ),
    "text_matches_credible": (
        0.6,
        "matches a past threat judged credible: a link to a real case raises concern",
    ),
    "text_wave": (
        -0.6,
        "the same template at several schools in a short window is the "
        "signature of a hoax wave",
    ),
    "text_names_school": (0.15, "naming the school is weakly specific (waves do too)"),
    "text_names_place": (0.4, "naming local places shows specific knowledge"),
    "text_names_person": (0.5, "a personalised threat is more concerning"),
    "text_significant_event": (
        0.2,
        "ties to a significant event (a past attack, an anniversary) warrant attention",
    ),
    "text_disruption_goal": (
        -0.4,
        "a stated goal of cancelling school or exams points "
        "to disruption rather than violence",
    ),
    "text_repost": (
        -0.4,
        "a forwarded or reposted warning is someone passing a threat on",
    ),
    "text_direct_warning": (
        -0.15,
        "most attackers do not warn their target directly; never enough on its own",
    ),
    # --- imminence
    "last_resort": (0.6, "references to a last resort indicate imminence"),
    "diminishing_patience": (
        0.5,
        "statements of diminishing patience indicate imminence",
    ),
    "shrinking_opportunity": (0.5, "a shrinking opportunity indicates imminence"),
    "legacy_token": (0.6, "a manifesto or last will is a legacy token"),
    "stated_time": (0.15, "a stated time makes a threat more specific"),
    "time_imminent": (0.3, "a stated time within the window sets the response speed"),
    "stated_time_past": (-0.4, "the stated time has passed without an act"),
    # --- context (computed by assess)
    "source_far_away": (
        -0.6,
        "an origin far from the school may make the threat less concerning",
    ),
    "source_local": (0.4, "an origin close to the school raises concern"),
    "repeated_threats_same_target": (
        0.3,
        "repeated threats to one target warrant more attention",
    ),
    "during_exam_period": (
        -0.2,
        "a threat during exams may aim to disrupt the day; weak, since it also "
        "lowers every specific threat made in exam week",
    ),
    "reported_by_other_schools": (
        -0.5,
        "partners report the same message: clusters "
        "are often less concerning than one-off threats",
    ),
    "local_media_coverage": (
        0.0,
        "recorded for the response; media coverage neither "
        "confirms nor refutes a threat",
    ),
}

#: Default weight per finding code (log-odds units).
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {k: v[0] for k, v in _TABLE.items()}
)
#: Why each default weight is what it is.
WEIGHT_REASONS: Mapping[str, str] = MappingProxyType(
    {k: v[1] for k, v in _TABLE.items()}
)

_BUILTIN_PACKAGES = ("phone", "text", "imminence", "images")


#: Upper bounds of windows and distances (a century; the Earth's circumference).
_MAXIMA: dict[str, float] = {
    "imminent_hours": 876_600.0,
    "wave_hours": 876_600.0,
    "recent_capture_hours": 876_600.0,
    "repeat_days": 36_525.0,
    "far_km": 40_100.0,
    "local_km": 40_100.0,
    "near_school_km": 40_100.0,
}


def _extra_weights() -> dict[str, float]:
    """Weights for codes that analyzer packages add beyond the table above.

    Each analyzer package may define ``EXTRA_WEIGHTS`` in its light ``_rules``
    module. A package that is not present simply contributes nothing.
    """
    import importlib

    out: dict[str, float] = {}
    for pkg in _BUILTIN_PACKAGES:
        try:
            rules = importlib.import_module(f"threatsignals.{pkg}._rules")
        except ImportError:
            continue
        extra = getattr(rules, "EXTRA_WEIGHTS", None)
        if isinstance(extra, Mapping):
            for code, value in extra.items():
                w = value[0] if isinstance(value, tuple) else value
                out.setdefault(str(code), float(w))
    return out


@dataclass(frozen=True, slots=True)
class Policy:
    """Weights, bands and windows used to combine findings.

    Attributes:
        name: A label recorded in every assessment.
        prior: Starting log-odds; 0 puts a finding-free threat at score 50 (MODERATE):
            every threat is initially credible.
        weights: Weight per finding code; codes missing here keep the weight their
            analyzer gave them.
        moderate: Lowest score that is MODERATE (below is LOW).
        high: Lowest score that is HIGH.
        imminent_hours: A stated time within this many hours sets ``imminent``.
        imminent_min_categories: This many distinct imminence-marker categories
            (last resort, diminishing patience, shrinking opportunity, legacy token)
            set ``imminent`` even without a stated time.
        conflict_weight: How strong each side must be for the signs to conflict.
            ``None`` (the default) derives it from the bands: the positive weights
            must add up to enough to make the threat HIGH on their own, and the
            negative weights to enough to make it LOW on their own. A conflicting
            threat is kept at MODERATE or above.
        wave_hours: Window within which the same template at other schools is a wave.
        wave_min_schools: How many *other* schools make a wave.
        repeat_days: Window for repeated threats to the same target.
        repeat_min: How many earlier threats to the same school count as repeated.
        far_km: Traced origin at least this far from the school is "far away".
        local_km: Traced origin within this distance is "local".
        recent_capture_hours: A photo taken within this many hours of the report is a
            recent capture.
        near_school_km: GPS within this distance of the school is "near".
        same_evidence: Groups of codes that rest on the same evidence; within a
            group only the strongest finding on each side counts (see
            ``docs/scoring.md``). By default: the same message seen as recycled, as
            a wave and in partners' reports; a stock and a recycled image; an exam
            period and a stated disruption goal.
        explained_by: A positive finding that a negative one explains away: when
            any of the listed codes is present with a negative weight, the finding
            counts 0. By default naming the school is explained by a recycled or
            wave template (the school's name is the slot every copy swaps).
    """

    name: str = "default"
    prior: float = 0.0
    weights: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    moderate: float = 35.0
    high: float = 65.0
    imminent_hours: float = 72.0
    imminent_min_categories: int = 2
    conflict_weight: float | None = None
    wave_hours: float = 72.0
    wave_min_schools: int = 2
    repeat_days: float = 30.0
    repeat_min: int = 1
    far_km: float = 500.0
    local_km: float = 50.0
    recent_capture_hours: float = 24.0
    near_school_km: float = 1.0
    same_evidence: tuple[frozenset[str], ...] = (
        frozenset({"text_recycled", "text_wave", "reported_by_other_schools"}),
        frozenset({"image_recycled", "image_stock"}),
        frozenset({"during_exam_period", "text_disruption_goal"}),
    )
    explained_by: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType(
            {"text_names_school": frozenset({"text_recycled", "text_wave"})}
        )
    )

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        merged = {**DEFAULT_WEIGHTS}
        for code, w in dict(self.weights).items():
            if (
                isinstance(w, bool)
                or not isinstance(w, int | float)
                or not math.isfinite(w)
            ):
                problems.append(
                    Problem(
                        f"weights.{_key_name(code)}",
                        "not_finite",
                        "weight must be a finite number",
                    )
                )
            elif abs(w) > 10:
                problems.append(
                    Problem(
                        f"weights.{_key_name(code)}",
                        "out_of_range",
                        "weight must be within -10..10",
                    )
                )
            else:
                merged[str(code)] = float(w)
        if not 0 < self.moderate < self.high < 100:
            problems.append(
                Problem("bands", "out_of_range", "need 0 < moderate < high < 100")
            )
        cw = self.conflict_weight
        if cw is not None and (
            isinstance(cw, bool)
            or not isinstance(cw, int | float)
            or not math.isfinite(cw)
            or cw <= 0
        ):
            problems.append(
                Problem("conflict_weight", "out_of_range", "must be a positive number")
            )
        for name in (
            "prior",
            "imminent_hours",
            "wave_hours",
            "repeat_days",
            "far_km",
            "local_km",
            "recent_capture_hours",
            "near_school_km",
        ):
            v = getattr(self, name)
            if (
                isinstance(v, bool)
                or not isinstance(v, int | float)
                or not math.isfinite(v)
            ):
                problems.append(Problem(name, "not_finite", "must be a finite number"))
            elif name != "prior" and v < 0:
                problems.append(Problem(name, "out_of_range", "must be >= 0"))
            elif v > _MAXIMA.get(name, math.inf):
                # Larger windows overflow datetime arithmetic and mean nothing.
                problems.append(
                    Problem(name, "out_of_range", f"must be <= {_MAXIMA[name]:g}")
                )
        for name in ("imminent_min_categories", "wave_min_schools", "repeat_min"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                problems.append(
                    Problem(name, "out_of_range", "must be a whole number >= 1")
                )
        if not problems:
            # min(): a hugely negative prior must fail the band check below,
            # not overflow math.exp.
            start = 100.0 / (1.0 + math.exp(min(-self.prior, 700.0)))
            if not self.moderate <= start < self.high:
                # "Treat each threat as initially credible": a report with no
                # findings must start in the MODERATE band. This also keeps the
                # conflict floor monotone (docs/scoring.md).
                problems.append(
                    Problem(
                        "prior",
                        "out_of_range",
                        "the prior must put a report with no findings "
                        "in the MODERATE band",
                    )
                )
        if problems:
            raise InvalidPolicyError(problems)
        object.__setattr__(self, "weights", MappingProxyType(merged))

    def weight(self, code: str, default: float = 0.0) -> float:
        """Return the weight for ``code``.

        Looks in this policy's table, then in the analyzer packages' extra codes,
        then falls back to ``default``.
        """
        w = self.weights.get(code)
        if w is not None:
            return w
        return _extra_weights_cached().get(code, default)

    def conflict_thresholds(self) -> tuple[float, float]:
        """Return ``(positive, negative)`` sums that make the signs conflicting.

        Derived from the bands unless ``conflict_weight`` is set: the positive sum
        that alone would lift a finding-free threat to HIGH, and the (negative)
        sum that alone would drop it to LOW.
        """
        if self.conflict_weight is not None:
            return float(self.conflict_weight), -float(self.conflict_weight)
        return (
            _logit(self.high / 100) - self.prior,
            _logit(self.moderate / 100) - self.prior,
        )

    def level_for(self, score: float) -> str:
        """Return the level name (``"low"``, ``"moderate"``, ``"high"``) for a score."""
        if score >= self.high:
            return "high"
        if score >= self.moderate:
            return "moderate"
        return "low"

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Policy:
        """Build a policy from a mapping shaped like the TOML file."""
        if not isinstance(data, Mapping):
            raise InvalidPolicyError("expected a table", field="policy")
        known_top = {
            "name",
            "prior",
            "weights",
            "bands",
            "windows",
            "thresholds",
            "same_evidence",
            "explained_by",
        }
        problems = [
            Problem(_key_name(k), "unknown_field", "unknown key")
            for k in data
            if k not in known_top
        ]
        kwargs: dict[str, Any] = {}
        if "name" in data:
            kwargs["name"] = str(data["name"])
        if "prior" in data:
            kwargs["prior"] = data["prior"]
        groups = data.get("same_evidence")
        if groups is not None:
            if not isinstance(groups, list) or not all(
                isinstance(g, list) and all(isinstance(c, str) for c in g)
                for g in groups
            ):
                problems.append(
                    Problem(
                        "same_evidence",
                        "wrong_type",
                        "expected a list of lists of finding codes",
                    )
                )
            else:
                kwargs["same_evidence"] = tuple(frozenset(g) for g in groups)
        explained = data.get("explained_by")
        if explained is not None:
            if not isinstance(explained, Mapping) or not all(
                isinstance(v, list) and all(isinstance(c, str) for c in v)
                for v in explained.values()
            ):
                problems.append(
                    Problem(
                        "explained_by",
                        "wrong_type",
                        "expected a table of code = [codes]",
                    )
                )
            else:
                kwargs["explained_by"] = MappingProxyType(
                    {str(k): frozenset(v) for k, v in explained.items()}
                )
        weights = data.get("weights", {})
        if not isinstance(weights, Mapping):
            problems.append(Problem("weights", "wrong_type", "expected a table"))
        else:
            kwargs["weights"] = dict(weights)
        sections = {
            "bands": {"moderate", "high"},
            "windows": {
                "imminent_hours",
                "wave_hours",
                "repeat_days",
                "recent_capture_hours",
            },
            "thresholds": {
                "imminent_min_categories",
                "conflict_weight",
                "wave_min_schools",
                "repeat_min",
                "far_km",
                "local_km",
                "near_school_km",
            },
        }
        for section, allowed in sections.items():
            table = data.get(section, {})
            if not isinstance(table, Mapping):
                problems.append(Problem(section, "wrong_type", "expected a table"))
                continue
            for k, v in table.items():
                if k not in allowed:
                    problems.append(
                        Problem(
                            f"{section}.{_key_name(k)}", "unknown_field", "unknown key"
                        )
                    )
                else:
                    kwargs[k] = v
        if problems:
            raise InvalidPolicyError(problems)
        try:
            return cls(**kwargs)
        except TypeError:
            raise InvalidPolicyError("malformed policy", field="policy") from None

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> Policy:
        """Load a policy from a TOML file (see the module docstring for the shape)."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise InvalidPolicyError(
                f"cannot read policy file ({type(exc).__name__})", field="policy_file"
            ) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            raise InvalidPolicyError("not valid TOML", field="policy_file") from None
        return cls.from_mapping(data)

    def with_weights(self, **weights: float) -> Policy:
        """Return a copy with some weights replaced."""
        return replace(self, weights={**self.weights, **weights})


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


_EXTRA_CACHE: dict[str, float] | None = None


def _extra_weights_cached() -> dict[str, float]:
    global _EXTRA_CACHE
    if _EXTRA_CACHE is None:
        _EXTRA_CACHE = _extra_weights()
    return _EXTRA_CACHE
