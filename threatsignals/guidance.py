"""References to the guidance, and the actions and open questions built from findings.

Every :class:`~threatsignals.Finding`, :class:`~threatsignals.Action` and
:class:`~threatsignals.Question` names the part of CISA's *Anonymized Threat Response
Guidance: A Reference Guide for K-12 Schools* (September 2024) it rests on, with the
section of the full Toolkit the reference guide points to. The constants below are
those references; analyzers use them for ``Finding.guidance``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from threatsignals.model import Action, Question, Report

__all__ = [
    "ACTION_RULES",
    "CLUSTER_CODES",
    "IMMINENCE_MARKERS",
    "LINK_CODES",
    "QUESTION_RULES",
    "REF_BACKGROUND",
    "REF_IMAGES",
    "REF_IMMINENCE",
    "REF_INITIAL_CREDIBLE",
    "REF_LAW_ENFORCEMENT",
    "REF_MENTAL_HEALTH",
    "REF_ONGOING",
    "REF_PATTERNS",
    "REF_PHONE",
    "REF_RECYCLED",
    "REF_REPORTING",
    "REF_SOCIAL_MEDIA_TRACE",
    "REF_THREAT_ASSESSMENT_TEAM",
    "SWATTING_CODES",
    "Situation",
    "actions_for",
    "describe_rules",
    "questions_for",
]

_GUIDE = "CISA Anonymized Threat Response Guidance (2024)"

#: Treat each threat as initially credible; balance the initial response.
REF_INITIAL_CREDIBLE = f"{_GUIDE}: Key Themes - treat all threats as initially credible (Toolkit Sections 4-5)"
#: How it was delivered, how the school became aware, target, time, single or repeated.
REF_BACKGROUND = (
    f"{_GUIDE}: Key Themes - background and contextual information (Toolkit Section 4)"
)
#: Waves, specificity, proximity, recycling, significant events, disruption goals.
REF_PATTERNS = (
    f"{_GUIDE}: Key Themes - detect patterns around the threat (Toolkit Section 4)"
)
#: Diminishing patience, shrinking opportunity, last resort, legacy tokens, timing.
REF_IMMINENCE = (
    f"{_GUIDE}: Key Themes - signs that the threat is imminent (Toolkit Section 4)"
)
#: Origin far from the school; recycled images with specificity are harder to assess.
REF_ONGOING = f"{_GUIDE}: Key Themes - continue assessing the level of concern (Toolkit Section 4)"
#: Blocked/spoofed numbers, follow-up questions, mispronounced local names.
REF_PHONE = f"{_GUIDE}: Gathering Information - threats by phone (Toolkit Section 4)"
#: IP trace of social media threats; origin outside the local area or country.
REF_SOCIAL_MEDIA_TRACE = (
    f"{_GUIDE}: Gathering Information - tracing the origin (Toolkit Section 4)"
)
#: Reverse image search, stock photos, visuals near the school.
REF_IMAGES = f"{_GUIDE}: Gathering Information - images and photos (Toolkit Section 4)"
#: Databases of past threats, neighbouring schools, clusters vs one-off threats.
REF_RECYCLED = f"{_GUIDE}: Gathering Information - recycled material and clusters (Toolkit Section 4)"
#: Engage law enforcement; contact 9-1-1 in an identified emergency.
REF_LAW_ENFORCEMENT = f"{_GUIDE}: Partnerships and Flowchart Figure 2 - law enforcement (Toolkit Sections 3-4)"
#: Report, Don't Repost; communicate with the community.
REF_REPORTING = f"{_GUIDE}: Build awareness about reporting - Report, Don't Repost (Toolkit Section 2)"
#: Mental health supports for the school community.
REF_MENTAL_HEALTH = (
    f"{_GUIDE}: Communicate and support - mental health supports (Toolkit Section 5)"
)
#: Multidisciplinary threat assessment team once the subject is known.
REF_THREAT_ASSESSMENT_TEAM = (
    f"{_GUIDE}: Multidisciplinary threat assessment team (Toolkit Section 3)"
)


# ---------------------------------------------------------------------------
# actions and open questions


#: Finding codes that are signs of a swatting call.
SWATTING_CODES = frozenset(
    {
        "caller_id_blocked",
        "caller_id_spoof_pattern",
        "caller_id_invalid",
        "caller_id_fictional",
        "caller_id_matches_school",
        "caller_id_emergency_number",
        "attestation_failed",
        "caller_failed_followups",
        "caller_misnamed_local_place",
        "voice_masked",
        "relay_service",
    }
)
#: Finding codes that tie the report to other threats (recycled, waves, clusters).
CLUSTER_CODES = frozenset(
    {
        "text_recycled",
        "text_wave",
        "image_recycled",
        "image_stock",
        "reported_by_other_schools",
    }
)
#: Finding codes that link the report to a threat judged credible, or to a person.
LINK_CODES = frozenset(
    {
        "text_matches_credible",
        "image_matches_credible",
        "repeated_threats_same_target",
        "text_names_person",
    }
)
#: The imminence marker categories.
IMMINENCE_MARKERS = frozenset(
    {
        "last_resort",
        "diminishing_patience",
        "shrinking_opportunity",
        "legacy_token",
    }
)


@dataclass(frozen=True, slots=True)
class Situation:
    """What the action and question rules look at."""

    report: Report
    codes: frozenset[str]
    level: str
    imminent: bool
    conflicting: bool
    has_school: bool
    has_archive: bool
    has_when: bool
    conflict_codes: tuple[str, ...] = ()


_Rule = tuple[str, str, str, Callable[[Situation], bool]]

_SOCIAL = {"social_media"}
_TRACEABLE = {"email", "social_media", "tip_line", "scanning_software", "other"}

#: Action rules in order of urgency: (code, text, guidance reference, when it applies).
ACTION_RULES: tuple[_Rule, ...] = (
    (
        "contact_law_enforcement_now",
        "Contact law enforcement now; in an identified emergency call 9-1-1. The threat "
        "appears imminent: decide with them which assets need to be on scene.",
        REF_LAW_ENFORCEMENT,
        lambda s: s.imminent,
    ),
    (
        "scale_up_response",
        "Scale the response up: with law enforcement, decide on protective measures "
        "(secure the building, search, delayed arrival) and keep the option to escalate.",
        REF_INITIAL_CREDIBLE,
        lambda s: s.level == "high" and not s.imminent,
    ),
    (
        "coordinate_law_enforcement",
        "Share the threat with your primary law enforcement contact and coordinate the "
        "response and all messaging with them.",
        REF_LAW_ENFORCEMENT,
        lambda s: not s.imminent,
    ),
    (
        "share_call_details",
        "Give law enforcement every detail of the call (caller ID as shown, time, "
        "attestation, what the caller could or could not answer): the call shows signs "
        "consistent with swatting.",
        REF_PHONE,
        lambda s: bool(s.codes & SWATTING_CODES),
    ),
    (
        "preserve_evidence",
        "Preserve the original evidence: the message with its headers, screenshots with "
        "URLs and timestamps, call logs and caller ID records.",
        REF_BACKGROUND,
        lambda s: True,
    ),
    (
        "check_neighbours_and_fusion_center",
        "Ask neighbouring schools and districts, and the state fusion center through law "
        "enforcement, whether they received the same threat.",
        REF_RECYCLED,
        lambda s: True,
    ),
    (
        "reverse_image_search",
        "Run a reverse image search on the attached images to find stock photos or "
        "images reused from earlier threats.",
        REF_IMAGES,
        lambda s: (
            bool(s.report.images) and not ({"image_stock", "image_recycled"} & s.codes)
        ),
    ),
    (
        "trace_origin",
        "Ask law enforcement (and the platform) to trace the origin, such as the IP "
        "address; an origin far from the school may make the threat less concerning.",
        REF_SOCIAL_MEDIA_TRACE,
        lambda s: (
            str(s.report.channel) in _TRACEABLE
            and s.report.source_country is None
            and s.report.source_distance_km is None
        ),
    ),
    (
        "report_dont_repost",
        "Remind the community to Report, Don't Repost: share threats with the school or "
        "police, not on social media.",
        REF_REPORTING,
        lambda s: (
            "text_repost" in s.codes
            or str(s.report.channel) in _SOCIAL
            or str(s.report.awareness) == "social_media"
        ),
    ),
    (
        "threat_assessment_team",
        "Brief the multidisciplinary threat assessment team and record links to earlier "
        "incidents, so they can act quickly if the subject becomes known.",
        REF_THREAT_ASSESSMENT_TEAM,
        lambda s: bool(s.codes & LINK_CODES),
    ),
    (
        "communicate_community",
        "Communicate clear, coordinated information to families and staff, agreed with "
        "law enforcement.",
        REF_INITIAL_CREDIBLE,
        lambda s: s.level == "high" or s.imminent or s.report.local_media is True,
    ),
    (
        "mental_health_supports",
        "Have mental health supports on hand for students and staff.",
        REF_MENTAL_HEALTH,
        lambda s: s.level == "high" or s.imminent or "text_names_person" in s.codes,
    ),
    (
        "balanced_response",
        "Keep the response balanced and low-key while the assessment continues, ready "
        "to scale up quickly if new information arrives.",
        REF_INITIAL_CREDIBLE,
        lambda s: s.level == "low" and not s.imminent,
    ),
)


def _iv_missing(s: Situation) -> bool:
    iv = s.report.interview_record
    if str(s.report.channel) != "phone":
        return False
    if iv is None:
        return True
    return None in (iv.gave_name, iv.gave_callback, iv.gave_location)


#: Open-question rules: (code, question, guidance reference, when to ask).
QUESTION_RULES: tuple[_Rule, ...] = (
    (
        "conflicting_signs",
        "Signs point both ways ({conflict}): what further information would resolve "
        "them before the response is scaled down?",
        REF_ONGOING,
        lambda s: s.conflicting,
    ),
    (
        "when_act",
        "When is the threatened act supposed to occur?",
        REF_BACKGROUND,
        lambda s: not s.has_when,
    ),
    (
        "target",
        "Who or what is the target of the threat?",
        REF_BACKGROUND,
        lambda s: s.report.target is None,
    ),
    (
        "awareness",
        "How did the school become aware of the threat?",
        REF_BACKGROUND,
        lambda s: s.report.awareness is None,
    ),
    (
        "caller_followups",
        "Could the caller give a full name, a callback number and their current "
        "location, and name local streets and buildings correctly?",
        REF_PHONE,
        _iv_missing,
    ),
    (
        "caller_number",
        "Was the caller's number visible or blocked? Record the caller ID exactly as shown.",
        REF_PHONE,
        lambda s: (
            str(s.report.channel) == "phone"
            and s.report.caller_id is None
            and "caller_id_blocked" not in s.codes
        ),
    ),
    (
        "trace_origin",
        "Can law enforcement or the platform trace where the threat came from (IP "
        "address), and is it near the school or far away?",
        REF_SOCIAL_MEDIA_TRACE,
        lambda s: (
            str(s.report.channel) in _TRACEABLE
            and s.report.source_country is None
            and s.report.source_distance_km is None
        ),
    ),
    (
        "other_schools",
        "Have neighbouring schools or districts received the same message?",
        REF_RECYCLED,
        lambda s: (
            s.report.other_schools_reported is None and not (s.codes & CLUSTER_CODES)
        ),
    ),
    (
        "past_threats",
        "Is this one of several threats to the same school or person? No archive of "
        "past threats was consulted.",
        REF_BACKGROUND,
        lambda s: not s.has_archive,
    ),
    (
        "images_original",
        "Are the images original to this threat, or stock or reused from other threats?",
        REF_IMAGES,
        lambda s: (
            bool(s.report.images) and not ({"image_stock", "image_recycled"} & s.codes)
        ),
    ),
    (
        "social_connections",
        "Who liked, shared or follows the threatening post or account, and can students "
        "who know of it help narrow down the source?",
        REF_PATTERNS,
        lambda s: str(s.report.channel) in _SOCIAL,
    ),
    (
        "local_media",
        "Has local media reported on the threat?",
        REF_BACKGROUND,
        lambda s: s.report.local_media is None,
    ),
    (
        "school_context",
        "Which school is threatened? Without the school's names, places, people and "
        "calendar, specificity and exam-day disruption cannot be judged.",
        REF_PATTERNS,
        lambda s: not s.has_school,
    ),
)


def actions_for(situation: Situation) -> tuple[Action, ...]:
    """Return the recommended actions for a situation, most urgent first."""
    return tuple(
        Action(code, text, ref)
        for code, text, ref, when in ACTION_RULES
        if when(situation)
    )


def questions_for(situation: Situation) -> tuple[Question, ...]:
    """Return the open questions for a situation, most important first."""
    out: list[Question] = []
    for code, text, ref, when in QUESTION_RULES:
        if when(situation):
            if "{conflict}" in text:
                text = text.replace("{conflict}", ", ".join(situation.conflict_codes))
            out.append(Question(code, text, ref))
    return tuple(out)


def describe_rules() -> Sequence[tuple[str, str, str]]:
    """Return ``(kind, code, text)`` for every action and question rule (for docs)."""
    return [
        (
            "action",
            c,
            t,
        )
        for c, t, _, _ in ACTION_RULES
    ] + [("question", c, t) for c, t, _, _ in QUESTION_RULES]
