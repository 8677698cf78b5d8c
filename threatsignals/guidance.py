"""References to the guidance, and the actions and open questions built from findings.

Every :class:`~threatsignals.Finding`, :class:`~threatsignals.Action` and
:class:`~threatsignals.Question` names the part of CISA's *Anonymized Threat Response
Guidance: A Reference Guide for K-12 Schools* (September 2024) it rests on, with the
section of the full Toolkit the reference guide points to. The constants below are
those references; analyzers use them for ``Finding.guidance``.
"""

from __future__ import annotations

__all__ = [
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
]

_GUIDE = "CISA Anonymized Threat Response Guidance (2024)"

#: Treat each threat as initially credible; balance the initial response.
REF_INITIAL_CREDIBLE = f"{_GUIDE}: Key Themes - treat all threats as initially credible (Toolkit Sections 4-5)"
#: How it was delivered, how the school became aware, target, time, single or repeated.
REF_BACKGROUND = f"{_GUIDE}: Key Themes - background and contextual information (Toolkit Section 4)"
#: Waves, specificity, proximity, recycling, significant events, disruption goals.
REF_PATTERNS = f"{_GUIDE}: Key Themes - detect patterns around the threat (Toolkit Section 4)"
#: Diminishing patience, shrinking opportunity, last resort, legacy tokens, timing.
REF_IMMINENCE = f"{_GUIDE}: Key Themes - signs that the threat is imminent (Toolkit Section 4)"
#: Origin far from the school; recycled images with specificity are harder to assess.
REF_ONGOING = f"{_GUIDE}: Key Themes - continue assessing the level of concern (Toolkit Section 4)"
#: Blocked/spoofed numbers, follow-up questions, mispronounced local names.
REF_PHONE = f"{_GUIDE}: Gathering Information - threats by phone (Toolkit Section 4)"
#: IP trace of social media threats; origin outside the local area or country.
REF_SOCIAL_MEDIA_TRACE = f"{_GUIDE}: Gathering Information - tracing the origin (Toolkit Section 4)"
#: Reverse image search, stock photos, visuals near the school.
REF_IMAGES = f"{_GUIDE}: Gathering Information - images and photos (Toolkit Section 4)"
#: Databases of past threats, neighbouring schools, clusters vs one-off threats.
REF_RECYCLED = f"{_GUIDE}: Gathering Information - recycled material and clusters (Toolkit Section 4)"
#: Engage law enforcement; contact 9-1-1 in an identified emergency.
REF_LAW_ENFORCEMENT = f"{_GUIDE}: Partnerships and Flowchart Figure 2 - law enforcement (Toolkit Sections 3-4)"
#: Report, Don't Repost; communicate with the community.
REF_REPORTING = f"{_GUIDE}: Build awareness about reporting - Report, Don't Repost (Toolkit Section 2)"
#: Mental health supports for the school community.
REF_MENTAL_HEALTH = f"{_GUIDE}: Communicate and support - mental health supports (Toolkit Section 5)"
#: Multidisciplinary threat assessment team once the subject is known.
REF_THREAT_ASSESSMENT_TEAM = f"{_GUIDE}: Multidisciplinary threat assessment team (Toolkit Section 3)"
