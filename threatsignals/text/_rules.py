"""Tables for the text analyzer: codes, thresholds, lexicons (light to import).

Every phrase here is matched against :func:`~threatsignals.text.normalize` output
(lower case, folded), on word boundaries. Weights live in
:mod:`threatsignals.policy`; this module only names the codes.
"""

from __future__ import annotations

__all__ = [
    "ANALYZER_NAME",
    "ANALYZER_VERSION",
    "DEFAULT_MIN_SCORE",
    "MAX_COMPARE_CHARS",
]

ANALYZER_NAME = "text"
#: Bump when normalisation, masking or scoring changes (stored fingerprints
#: from another version are still compared, but may score differently).
ANALYZER_VERSION = "1.1"

# ---------------------------------------------------------------------------
# finding codes (contract; weights in policy.py)

CODE_RECYCLED = "text_recycled"
CODE_MATCHES_CREDIBLE = "text_matches_credible"
CODE_WAVE = "text_wave"
CODE_NAMES_SCHOOL = "text_names_school"
CODE_NAMES_PLACE = "text_names_place"
CODE_NAMES_PERSON = "text_names_person"
CODE_SIGNIFICANT_EVENT = "text_significant_event"
CODE_DISRUPTION_GOAL = "text_disruption_goal"
CODE_REPOST = "text_repost"
CODE_DIRECT_WARNING = "text_direct_warning"

# ---------------------------------------------------------------------------
# thresholds

#: Default ``min_score`` of :meth:`TextIndex.search` and of archive matching.
#: Chosen on the synthetic labelled corpus (``benchmarks/bench_text.py``): the
#: lowest threshold with precision >= 0.99 and best F1; see ``docs/text.md``.
DEFAULT_MIN_SCORE = 86.0
#: Texts with fewer masked tokens than this are compared with a strict
#: character-level scorer instead of token-set scoring (short texts share
#: everything with everything).
SHORT_TEXT_TOKENS = 8
#: Only the first this-many characters of a normalised message are masked,
#: compared and indexed (real threats are far shorter; bounds the work).
MAX_COMPARE_CHARS = 20_000
#: Normalised text stored in the archive is cut to this length.
MAX_STORED_CHARS = 100_000
#: Fuzzy threshold (rapidfuzz ratio, 0..100) for a school name, alias, place or
#: person given in ``School`` to count as named in the message (misspellings).
NAME_FUZZY_MIN = 88.0
#: Names shorter than this (characters, normalised) must match exactly.
NAME_EXACT_BELOW = 6
#: A one-word name (a surname alone) shorter than this must match exactly; a
#: longer one is found with one typo (OSA distance 1: a wrong, extra, missing
#: or swapped letter), not by ratio: "river" is within ratio 88 of "rivera".
NAME_ONE_WORD_FUZZY_MIN = 7

# MinHash-LSH candidate index
#: Character shingle length for MinHash (shingles that touch a placeholder such
#: as ``<school>`` are left out: every message has them). Measured: 4, 5, 6 and 7;
#: 6 gave the best recall/candidate trade-off (see docs/text.md).
SHINGLE = 6
#: Number of hash functions (signature length).
NUM_PERM = 144
#: LSH bands (``NUM_PERM / BANDS`` = 3 rows per band).
BANDS = 48
#: Candidates whose estimated Jaccard similarity (share of equal MinHash values)
#: is below the bound for the requested ``min_score`` are not re-ranked:
#: ``(min_score at least, Jaccard at least)``, first row that applies wins. On the
#: labelled corpus (6-character shingles) the lowest estimate among pairs scoring
#: >= 84 was 0.22, >= 80 was 0.10, >= 75 was 0.05 (wrapped, reordered, misspelled
#: copies); the bounds keep a margin below each.
MIN_JACCARD: tuple[tuple[float, float], ...] = (
    (84.0, 0.18),
    (80.0, 0.08),
    (75.0, 0.04),
    (0.0, 0.0),
)

# ---------------------------------------------------------------------------
# masking lexicons


def _words(text: str) -> frozenset[str]:
    """A word set from a whitespace-separated block (keeps long lists compact)."""
    return frozenset(text.split())


#: Words that end a generic school or district name ("Oak Ridge High School").
SCHOOL_HEADS: frozenset[str] = frozenset(
    {
        "school",
        "schools",
        "high",
        "highschool",
        "hs",
        "academy",
        "elementary",
        "middle",
        "prep",
        "isd",
        "usd",
        "district",
        "campus",
        "college",
    }
)
#: Two-word heads matched before single words.
SCHOOL_HEADS_2: frozenset[tuple[str, str]] = frozenset(
    {
        ("high", "school"),
        ("middle", "school"),
        ("elementary", "school"),
        ("junior", "high"),
        ("senior", "high"),
        ("charter", "school"),
        ("public", "schools"),
        ("county", "schools"),
        ("school", "district"),
        ("prep", "school"),
        ("primary", "school"),
        ("secondary", "school"),
    }
)
#: Titles that start a person's name ("Ms. Rivera", "coach smith").
TITLES: frozenset[str] = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "coach",
        "principal",
        "teacher",
        "officer",
        "sgt",
        "prof",
        "professor",
        "superintendent",
        "vp",
        "sra",
        "sr",
    }
)
#: Words taken off a person's name from ``School.people`` to find the bare name
#: ("Nurse Patty Gould" is also "patty gould", "nurse patty" and "gould"):
#: the masking titles and other roles people are called by.
PERSON_TITLES: frozenset[str] = TITLES | frozenset(
    {
        "nurse",
        "sister",
        "brother",
        "father",
        "fr",
        "pastor",
        "deacon",
        "rev",
        "reverend",
        "counselor",
        "counsellor",
        "librarian",
        "detective",
        "deputy",
        "mister",
        "madam",
        "madame",
        "sir",
        "dean",
        "chief",
    }
)
#: Words that end a street or place name ("Maple Street").
PLACE_HEADS: frozenset[str] = frozenset(
    {
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "ln",
        "drive",
        "way",
        "court",
        "ct",
        "parkway",
        "pkwy",
        "highway",
        "hwy",
        "park",
        "plaza",
        "mall",
        "stadium",
        "arena",
        "field",
        "center",
        "centre",
    }
)
#: Common first names (US, all genders): masked as people even without a title.
FIRST_NAMES: frozenset[str] = _words("""
james john robert michael william david richard joseph thomas charles chris
christopher daniel matthew anthony mark donald steven paul andrew josh joshua
kenneth kevin brian george tim timothy ronald jason jeff jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon ben benjamin sam samuel
greg gregory alex alexander frank patrick ray raymond jack dennis jerry tyler
aaron jose adam nathan henry zach zachary doug douglas peter kyle noah ethan
jeremy walter christian keith roger terry austin sean gerald carl harold dylan
arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert
willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip
eugene mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
lisa nancy betty sandra margaret ashley kimberly emily donna michelle carol
amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy
kathleen angela shirley brenda emma anna pamela nicole samantha katherine
christine helen debra rachel carolyn janet maria catherine heather diane olivia
julie joyce victoria ruth virginia lauren kelly christina joan evelyn judith
andrea hannah megan cheryl jacqueline martha madison teresa gloria sara janice
ann kathryn abigail sophia frances jean alice judy isabella julia grace amber
denise danielle marilyn beverly charlotte natalie theresa diana brittany doris
kayla alexis lori marie ava mia chloe ella zoe liam lucas aiden jayden
""")
#: Weekday names and abbreviations.
WEEKDAYS: frozenset[str] = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tues",
        "weds",
        "thurs",
        "fri",
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
    }
)
#: Month names and unambiguous abbreviations ("may" and "march" only next to a
#: number).
MONTHS: frozenset[str] = frozenset(
    {
        "january",
        "february",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
MONTHS_AMBIGUOUS: frozenset[str] = frozenset({"may", "march", "mar"})
#: Time words that are slots in a template ("at noon" vs "at 2pm").
TIME_WORDS: frozenset[str] = frozenset({"noon", "midnight", "oclock", "o'clock"})
#: Time suffixes masked only right after a number ("3 pm"; "i am" is not a time).
TIME_SUFFIXES: frozenset[str] = frozenset({"am", "pm", "a.m", "p.m", "a.m.", "p.m."})
#: Words that can never be part of a name (threat vocabulary, function words).
#: Keeps generic name masking from swallowing the template itself.
STOPWORDS: frozenset[str] = _words("""
a an the this that these those there here it its i im i'm me my we our us you your
he she they them his her their who whom what which when where why how all any
some no not dont don't won't wont can't cant will would shall should can could
may might must do does did done have has had be is are was were been being am
at to in on of for from by with about into onto over under up down out off
and or but if then so because as than too very just also only even still yet
again tomorrow today tonight morning afternoon evening night week weekend next
last this every each before after during until till while at around near inside
outside going gonna wanna gotta get got go goes come comes coming take make
bomb bombs bombing gun guns shoot shooting shooter shot kill killing killed
die dead death blow blowing explode explosive explosives attack attacking threat
threats hurt knife stab massacre weapon weapons rifle pipe device c4 everyone
everybody anyone nobody people students student staff kids class classes
teachers warning warned warn safe stay home leave evacuate police cops call
ransom pay bitcoin btc money send wallet paid dollars usd eth crypto
""")

# ---------------------------------------------------------------------------
# finding lexicons (phrases on word boundaries, normalised form)

#: Past school attacks and anniversaries (significant events).
SIGNIFICANT_EVENTS: tuple[str, ...] = (
    "columbine",
    "sandy hook",
    "parkland",
    "marjory stoneman douglas",
    "stoneman douglas",
    "uvalde",
    "robb elementary",
    "virginia tech",
    "oxford high",
    "santa fe high",
    "red lake",
    "marysville pilchuck",
    "newtown",
    "covenant school",
    "apalachee",
    "chardon high",
    "umpqua",
    "nashville school",
    "school shooting anniversary",
)
#: Generic references to significant events or anniversaries.
EVENT_PHRASES: tuple[str, ...] = (
    "like what happened at",
    "remember what happened",
    "finish what",
    "another massacre",
    "the next columbine",
    "4/20",
    "april 20th",
    "april 20",
    "9/11",
)
#: Pattern families (regular expressions on normalised text, matched on word
#: boundaries like the phrases). Each generalises a kind of wording rather than
#: listing sentences.
_DET = r"(?:the|my|this|that|our|a|an|his|her|their|tomorrow's|tomorrows|next)"
_EXAM = r"(?:tests?|exams?|quiz(?:zes)?|finals?|midterms?|sat|presentation|eoc)"
_SOCIAL = (
    r"(?:group ?chat|gc|snap(?:chat)?|insta(?:gram)?|tiktok|twitter|x|facebook|fb|"
    r"discord|reddit|youtube|story|stories|whatsapp|telegram|threads)"
)
#: Significant events by pattern: anniversaries (not a wedding or a "happy
#: anniversary"), "like / another / bigger than the <name> shooting".
EVENT_PATTERNS: tuple[str, ...] = (
    r"anniversary(?! (?:party|dinner|sale|gift|card|celebration|trip))",
    r"(?:like|another|next|bigger than|worse than|repeat of|sequel to|remember) the"
    r" (?:[a-z0-9.'-]+ ){1,3}(?:school )?(?:shooting|massacre|bombing)s?",
)
#: An anniversary is a personal one when one of these words comes up to three
#: words before it ("happy 10 year anniversary", "our wedding anniversary").
PERSONAL_ANNIVERSARY = _words("""
    happy congrats congratulations congratulate wedding work our my your his her
    their celebrate celebrating
""")
#: Event names in :data:`SIGNIFICANT_EVENTS` this long or longer (spaces
#: removed) are also found as one word with one typo ("columbyne", "sandyhook").
EVENT_FUZZY_MIN = 8
#: Disruption goals by pattern: naming an exam as what the threat is for, not
#: having studied, calling in a threat, "no more finals".
DISRUPTION_PATTERNS: tuple[str, ...] = (
    r"(?:cancel(?:led|ed)?|postpone[ds]?|delay(?:ed)?|skip|miss|avoid|get out of|"
    r"stop) " + _DET + r"? ?(?:[a-z]+ )?" + _EXAM,
    r"(?:haven't|havent|have not|didn't|didnt|did not|never|not|wasn't|wasnt) "
    r"(?:studied|study|studying|ready|prepared|done) (?:for|with) "
    + _DET
    + r" (?:[a-z]+ )?"
    + _EXAM,
    r"call(?:s|ed|ing)? in (?:a |another |an )?(?:fake |bomb |school )?threat",
    r"no more (?:school|class|classes|" + _EXAM + r")",
    r"(?:so|then|and) (?:there(?:'s| is)|theres) no (?:school|class|classes|"
    + _EXAM
    + r")",
    # passive goals: "so finals get cancelled", "until school is closed"
    r"(?:so|then|and|until|till|unless) (?:"
    + _DET
    + r" )?(?:school|class|classes|"
    + _EXAM
    + r") (?:gets?|is|are|will be|would be|will get|get to be) (?:cancel(?:l)?ed|"
    r"postponed|delayed|closed|shut down|called off)",
)
#: Repost wording by pattern: hedges about truth, relayed sightings, "people are
#: saying", received or posted messages, "reporting just in case".
REPOST_PATTERNS: tuple[str, ...] = (
    r"(?:idk|not sure|dont know|don't know|do not know|unsure|no idea|dunno) "
    r"(?:if|whether) (?:this|it|its|it's|that|this is|that is|it is|thats|that's)"
    r" (?:is )?(?:true|real|legit|serious|a joke|fake|credible)",
    r"(?:people|kids|students|everyone|everybody|some kids|some people|"
    r"some students) (?:are|r|were) (?:saying|posting|sharing)",
    r"(?:screenshots?|posts?|messages?|videos?|rumou?rs?|threats?|this|it|"
    r"something|pics?|pictures?) (?:is |are |has been |have been |was |were )?"
    r"(?:going around|circulating|being (?:shared|passed around|spread))",
    r"(?:posted|shared|sent) (?:this |it )?(?:in|on|to) (?:the |a |our |my |his |"
    r"her )?(?:class |team |school |grade )?" + _SOCIAL,
    r"(?:received|got|saw|seen) (?:this|the following|these) (?:weird |scary |"
    r"strange )?(?:messages?|texts?|dms?|e-?mails?|snaps?|screenshots?|posts?|"
    r"voicemails?)",
    r"(?:received|got) (?:a|an) (?:weird |scary |strange )?(?:message|text|dm|"
    r"e-?mail|snap|voicemail) from",
    r"heard (?:from|about it from|this from) (?:a|my|some|his|her|our|another) "
    r"(?:friend|kid|son|daughter|student|classmate|neighbou?r|parent|mom|dad)",
    r"(?:my|a|our|one of my|one of our) (?:son|daughter|kid|child|friend|student|"
    r"neighbou?r|teen|parent|mom|dad|mother|father|sister|brother|cousin|coworker|"
    r"co-worker|colleague|teacher|relative)s? (?:sent|showed|forwarded|told) "
    r"(?:me|us)",
    r"someone (?:sent|showed|forwarded|told) (?:me|us|my)",
    r"reporting (?:this |it )?(?:just )?in case",
)
#: Direct warnings by pattern: "this is your only warning", "consider this a
#: warning".
WARNING_PATTERNS: tuple[str, ...] = (
    r"(?:do not|dont|don't) (?:send|bring|let) (?:your|ur) (?:kids?|children|child|"
    r"students?|sons?|daughters?)",
    r"keep (?:your|ur|the) (?:kids?|children|child|students?|sons?|daughters?) "
    r"(?:home|away|out)",
    r"(?:consider this|this is|here is|heres|here's|take this as) (?:your|a|my|the)"
    r" (?:only |last |final |first |one and only |1st )?warning",
)
#: Disruption goals: cancelling school, exams or tests named as the goal.
DISRUPTION_PHRASES: tuple[str, ...] = (
    "cancel school",
    "cancel class",
    "cancel classes",
    "school cancelled",
    "school canceled",
    "school is cancelled",
    "school is canceled",
    "classes are cancelled",
    "classes are canceled",
    "no school tomorrow",
    "no school on",
    "no school monday",
    "no school friday",
    "so there's no school",
    "so theres no school",
    "close the school",
    "close school",
    "shut down the school",
    "shut the school down",
    "get out of school",
    "get school cancelled",
    "get school canceled",
    "dont want to take",
    "don't want to take",
    "so we dont have to",
    "so we don't have to",
    "cancel the test",
    "cancel the exam",
    "cancel the final",
    "cancel the finals",
    "cancel finals",
    "cancel exams",
    "cancel the sat",
    "postpone the test",
    "postpone the exam",
    "skip the test",
    "skip the exam",
    "skip finals",
    # not "finals week", "exam day" or "test day": those say when, not why (the
    # timing is the context finding during_exam_period)
    "delay the test",
    "school closed",
    "close early",
    "early dismissal",
    "day off",
)
#: Repost and forwarding phrases: someone passing a threat on.
REPOST_PHRASES: tuple[str, ...] = (
    "idk if this is true",
    "idk if this is real",
    "not sure if this is true",
    "not sure if this is real",
    "dont know if this is real",
    "don't know if this is real",
    "dont know if this is true",
    "don't know if this is true",
    "is this real",
    "is this true",
    "saw this on",
    "seen this on",
    "found this on",
    "saw this posted",
    "someone posted",
    "someone sent me",
    "my friend sent me",
    "my friend sent",
    "my kid sent me",
    "my son showed me",
    "my daughter showed me",
    "is going around",
    "going around the group chat",
    "circulating on",
    "being shared on",
    "stay safe",
    "be safe everyone",
    "be careful everyone",
    "forwarding this",
    "forwarded to me",
    "passing this along",
    "posted this on",
    "in the group chat",
    "can someone confirm",
    "has anyone else seen",
    "anyone else get this",
)
#: Direct warnings to the target (most attackers do not warn their target).
DIRECT_WARNING_PHRASES: tuple[str, ...] = (
    "you have been warned",
    "you've been warned",
    "youve been warned",
    "consider this a warning",
    "consider yourself warned",
    "this is a warning",
    "this is your warning",
    "this is your only warning",
    "this is your last warning",
    "this is your final warning",
    "i'm warning you",
    "im warning you",
    "i am warning you",
    "i warned you",
    "don't come to school",
    "dont come to school",
    "do not come to school",
    "stay home tomorrow",
    "stay home on",
    "stay away from",
    "don't go to school",
    "dont go to school",
    "do not go to school",
    "keep your kids home",
    "keep your children home",
    "evacuate the school",
    "evacuate now",
    "get everyone out",
)

# ---------------------------------------------------------------------------
# threat-sense guard for template similarity

#: Kinds of harm a message threatens, by word (masked, expanded form). Two texts
#: whose kinds are disjoint (one threatens a gun and the other nothing, a bomb
#: against a water leak, "kill" against "die lol") are different messages even
#: when the rest of their skeleton is the same: "someone is bringing a gun to
#: <school>" vs "... a cake to <school>". Words may belong to several kinds
#: ("shoot" is a firearm and an attack), so paraphrases within a kind keep
#: matching ("shoot everyone" / "kill everyone"); slang and euphemisms count
#: ("a strap", "a package"). Only a substitution lowers the score (see
#: ``_index._guard``).
THREAT_KINDS: dict[str, frozenset[str]] = {
    "firearm": _words("""
        gun guns glock glocks rifle rifles pistol pistols handgun handguns shotgun
        shotguns revolver firearm firearms ar ar15 ar-15 ak ak47 ak-47 ammo bullets
        bullet shoot shoots shooting shootings shooter shooters shot shots weapon
        weapons armed strap straps blicky draco chopper choppa 9mm
    """),
    "attack": _words("""
        kill kills killing killed murder murders murdering stab stabbing stabbed
        hurt massacre slaughter shoot shoots shooting shootings shooter shooters
        shot attack attacks attacking weapon weapons armed knife knives poison
        poisoned
    """),
    "explosive": _words("""
        bomb bombs bombing explosive explosives explode explodes exploding
        explosion detonate detonates detonated detonation detonator device devices
        c4 ied ieds package packages
    """),
    "death": _words("die dies dying dead death deaths"),
    "warning": _words("warning warned warn warns"),
}
#: "blow up" and "blow it up" are explosive; "blow" alone is not ("blow them out
#: of the water").
BLOW_WORDS: frozenset[str] = frozenset({"blow", "blows", "blowing", "blew", "blown"})
#: A shooting word followed by one of these is a game or a photo, not a threat
#: ("shoot hoops", "shoot for the stars", "shooting pictures").
SHOOT_NOT_THREAT_NEXT: frozenset[str] = _words("""
    hoops hoop baskets basket around pics pictures photos photo portraits portrait
    headshots video videos film scenes for me free threes
""")
#: Threat words this long or longer count as present in the other text when
#: it has them with one typo (a transposition, a wrong, extra or missing letter).
THREAT_TYPO_MIN = 4
#: Factor applied to the score of two texts whose threat kinds are disjoint.
THREAT_KIND_PENALTY = 0.85
