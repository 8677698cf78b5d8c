"""Imminence: signs that threatened violence is close, and when it is meant to happen.

The guidance asks whether a threat speaks of diminishing patience or a shrinking
opportunity, refers to a "last resort", or is tied to a legacy token such as a
manifesto or last will, and when the act is supposed to occur::

    from threatsignals import imminence
    a = imminence.analyze(text, now=now, school=school)
    a.markers      # (Marker(category, phrase, span), ...)
    a.when         # aware datetime in the school's zone, or None
    a.hours_until  # float, negative when the time has passed, or None
    a.findings     # last_resort, ..., stated_time, time_imminent, stated_time_past

    # a district's own cue patterns, same syntax as the built-in lexicon
    imminence.analyze(text, school=school, extra_phrases={"legacy_token": ["my final reel"]})

See ``docs/imminence.md`` for the categories, the context rules, the time
conventions and how to extend the lexicon.
"""

from __future__ import annotations

from threatsignals.imminence._analyze import ImminenceAnalysis, Marker, analyze
from threatsignals.imminence._normalize import marker_text
from threatsignals.imminence._rules import CATEGORIES

__all__ = ["CATEGORIES", "ImminenceAnalysis", "Marker", "analyze", "marker_text"]
