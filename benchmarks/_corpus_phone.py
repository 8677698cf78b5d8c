"""Synthetic labelled corpora for the phone benchmark (generated, never downloaded).

``caller_id_mix(n, seed)``: a realistic mix of recorded caller IDs (formats,
international, junk, withheld), as intake systems and people write them.
``place_pairs(seed)``: ``(heard, known, label)`` with label ``"near"`` (a misspelt or
phonetically transcribed local name) or ``"other"`` (a different real name).
"""

from __future__ import annotations

import random

# Local names that people outside an area tend to mangle, with renderings heard
# from callers who only read them (hand-written phonetic transcriptions).
PHONETIC_NEAR = [
    ("Schuylkill Avenue", "Skoolkill Avenue"),
    ("Schuylkill Avenue", "Schuykill Ave"),
    ("Tchoupitoulas Street", "Chopitoulas Street"),
    ("Tchoupitoulas Street", "Tchoupitoulis St"),
    ("Kosciuszko Street", "Koskiusko Street"),
    ("Kosciuszko Street", "Kosciusko St"),
    ("Worcester Road", "Worchester Road"),
    ("Conshohocken Pike", "Conshohoken Pike"),
    ("Sepulveda Boulevard", "Sepulvada Boulevard"),
    ("Cahuenga Boulevard", "Cahenga Blvd"),
    ("Puyallup Avenue", "Puyalup Avenue"),
    ("Poughkeepsie Road", "Pokipsie Road"),
    ("Wacker Drive", "Whacker Drive"),
    ("Natchitoches Street", "Natchitoshes Street"),
    ("Skaneateles Street", "Skaneatles Street"),
    ("Mackinac Avenue", "Mackinaw Avenue"),
    ("Gratiot Avenue", "Gratiott Avenue"),
    ("Houston Street", "Huston Street"),
    ("Goethe Street", "Gothe Street"),
    ("Wyomissing Boulevard", "Wyomising Blvd"),
    ("Lancaster Avenue", "Lankaster Avenue"),
    ("Tuckahoe Road", "Tuckaho Road"),
    ("Passyunk Avenue", "Pashunk Avenue"),
    ("Passyunk Avenue", "Passyunck Ave"),
    ("Gymnasium", "Gymnasim"),
    ("Lincoln Heights High School", "Lincon Heights High School"),
    ("Maple Street", "Mapel Street"),
    ("Maple Street", "Maypole Street"),
    ("Juniata Street", "Juanita Street"),
    ("Carondelet Street", "Carondolet Street"),
]
#: Real local names that differ: an unrelated name must not be a near miss.
LOCAL_NAMES = [
    "Main Street",
    "Maple Street",
    "Oak Avenue",
    "Elm Street",
    "Pine Street",
    "Cedar Lane",
    "Washington Avenue",
    "Wellington Road",
    "Lincoln Avenue",
    "Lincolnwood Drive",
    "Jefferson Street",
    "Madison Avenue",
    "Monroe Street",
    "Jackson Boulevard",
    "Franklin Street",
    "Park Avenue",
    "Parker Road",
    "Lake Shore Drive",
    "Lakeview Avenue",
    "Hillside Road",
    "Highland Avenue",
    "Church Street",
    "Chestnut Street",
    "Walnut Street",
    "Market Street",
    "Broad Street",
    "Broadway",
    "Spring Street",
    "Sprague Road",
    "River Road",
    "Riverside Drive",
    "Mill Road",
    "Miller Avenue",
    "Center Street",
    "Central Avenue",
    "Water Street",
    "Walker Street",
    "Wacker Drive",
    "Baker Street",
    "Harrison Street",
    "Morrison Street",
    "Hamilton Avenue",
    "Hampton Road",
    "Gymnasium",
    "Cafeteria",
    "Auditorium",
    "Library",
    "Science Wing",
    "Stadium",
    "Main Office",
    "Lincoln Heights High School",
    "Roosevelt Middle School",
    "Kennedy Elementary",
    "Schuylkill Avenue",
    "Sepulveda Boulevard",
    "Houston Street",
    "Huron Street",
    "Hudson Street",
    "Goethe Street",
    "Grant Street",
    "Green Street",
    "Greene Avenue",
    "Marion Street",
    "Mariposa Avenue",
    "Martin Luther King Jr Drive",
    "Western Avenue",
    "Weston Road",
    "Kedzie Avenue",
    "Kildare Avenue",
    "Pulaski Road",
    "Cicero Avenue",
    "Damen Avenue",
    "Halsted Street",
    "Ashland Avenue",
    "Ashford Road",
    "Clark Street",
    "Clarke Avenue",
]

_VOWELS = "aeiou"


def _typo(name: str, rng: random.Random) -> str:
    """One keyboard or hearing slip in the distinctive word of ``name``."""
    words = name.split()
    i = 0  # the distinctive word: "Maple" in "Maple Street"
    w = list(words[i])
    op = rng.choice(["swap", "drop", "double", "vowel"])
    j = rng.randrange(1, max(2, len(w) - 1))
    if op == "swap" and j + 1 < len(w):
        w[j], w[j + 1] = w[j + 1], w[j]
    elif op == "drop" and len(w) > 4:
        del w[j]
    elif op == "double":
        w.insert(j, w[j])
    else:
        vs = [k for k, c in enumerate(w) if c in _VOWELS and k > 0]
        if vs:
            k = rng.choice(vs)
            w[k] = rng.choice([v for v in _VOWELS if v != w[k]])
        else:
            w.insert(j, "e")
    words[i] = "".join(w)
    return " ".join(words)


def place_pairs(seed: int = 7) -> list[tuple[str, str, str]]:
    """Labelled ``(heard, known, label)`` pairs: phonetic, typo, and unrelated."""
    rng = random.Random(seed)
    out = [(heard, known, "near") for known, heard in PHONETIC_NEAR]
    for known in LOCAL_NAMES:
        if len(known.split()[0]) >= 5:
            heard = _typo(known, rng)
            if heard != known:
                out.append((heard, known, "near"))
    for a in LOCAL_NAMES:
        for b in LOCAL_NAMES:
            if a < b:
                out.append((a, b, "other"))
    return out


_WITHHELD = [
    "Anonymous",
    "Private",
    "Unknown",
    "Restricted",
    "Unavailable",
    "P",
    "O",
    "Out of Area",
    "No Caller ID",
    '"Anonymous" <sip:anonymous@anonymous.invalid>',
]
_JUNK = [
    "n/a?",
    "abc",
    "see notes",
    "12",
    "555-1234",
    "(123) 555-1234",
    "9" * 22,
    "caller would not say",
    "+",
    "x" * 300,
]
_INTL = [
    "+44 20 7123 {a}{b}",
    "+52 55 1234 {a}{b}",
    "+91 98765 432{a}{b}",
    "+1 416 555 12{a}{b}",
    "+49 30 1234 56{a}{b}",
    "+1 876 555 12{a}{b}",
    "+44 7400 1234{a}{b}",
    "+33 1 23 45 67 {a}{b}",
]
_NPA = [
    "312",
    "773",
    "872",
    "847",
    "630",
    "708",
    "212",
    "646",
    "214",
    "415",
    "206",
    "305",
    "404",
    "617",
    "202",
    "702",
    "800",
    "888",
    "900",
]
_FORMATS = [
    "({npa}) {nxx}-{line}",
    "{npa}-{nxx}-{line}",
    "{npa}.{nxx}.{line}",
    "+1 {npa} {nxx} {line}",
    "1-{npa}-{nxx}-{line}",
    "+1{npa}{nxx}{line}",
    "tel:+1-{npa}-{nxx}-{line}",
    "sip:+1{npa}{nxx}{line}@carrier.example;user=phone",
    '"Front Desk" <sip:+1{npa}{nxx}{line}@pbx.example>',
    "{npa}-{nxx}-{line} x12",
    "Phone: ({npa}) {nxx}-{line}",
    "＋１ {npa} {nxx} {line}",
    "\u200e+1 {npa}\u00a0{nxx} {line}",
]
_SPOOF = [
    "999-999-9999",
    "000-000-0000",
    "123-456-7890",
    "312-555-0123",
    "(312) 999-9999",
]


def caller_id_mix(n: int, seed: int = 11) -> list[str | None]:
    """A realistic mix: 60% national/URI formats, 12% international, 10% withheld,
    8% junk, 5% spoof patterns, 5% None/empty."""
    rng = random.Random(seed)
    out: list[str | None] = []
    for _ in range(n):
        r = rng.random()
        if r < 0.60:
            fmt = rng.choice(_FORMATS)
            out.append(
                fmt.format(
                    npa=rng.choice(_NPA),
                    nxx=rng.randint(201, 989),
                    line=f"{rng.randint(0, 9999):04d}",
                )
            )
        elif r < 0.72:
            out.append(
                rng.choice(_INTL).format(a=rng.randint(0, 9), b=rng.randint(0, 9))
            )
        elif r < 0.82:
            out.append(rng.choice(_WITHHELD))
        elif r < 0.90:
            out.append(rng.choice(_JUNK))
        elif r < 0.95:
            out.append(rng.choice(_SPOOF))
        else:
            out.append(rng.choice([None, ""]))
    return out
