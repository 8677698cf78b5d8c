"""Phone analyzer: swatting signs in caller IDs, STIR/SHAKEN results and interviews.

The guidance: blocked, unavailable or spoofed numbers (all nines or zeros) often
indicate swatting calls; so does a caller who cannot answer follow-up questions
(full name, callback number, current location) or mispronounces local streets and
buildings. These signs lower the level of concern; none clears a call on its own.

Example::

    from threatsignals import phone
    a = phone.analyze("Anonymous", school=school, interview={"gave_name": False})
    a.number, a.region, a.codes   # None, None, ('caller_id_blocked', ...)

Public names load on first use, so importing the light ``_rules`` table (as
``threatsignals.policy`` does) does not load phonenumbers. ``phonenumbers.geocoder``
(about 0.3-0.5 s to import) is loaded only when a call needs an area comparison,
and only once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from threatsignals._lazy import lazy_attributes

if TYPE_CHECKING:
    from threatsignals.phone._analyze import CallerAnalysis, analyze, place_similarity
    from threatsignals.phone._normalize import normalize_caller_id

__all__ = ["CallerAnalysis", "analyze", "normalize_caller_id", "place_similarity"]

_WHERE = {
    "CallerAnalysis": "threatsignals.phone._analyze",
    "analyze": "threatsignals.phone._analyze",
    "place_similarity": "threatsignals.phone._analyze",
    "normalize_caller_id": "threatsignals.phone._normalize",
}


__getattr__, __dir__ = lazy_attributes(__name__, _WHERE, __all__)
