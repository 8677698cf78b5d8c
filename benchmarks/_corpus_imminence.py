"""Labelled synthetic corpus for the imminence analyzer (non-graphic, made up).

``corpus(seed)`` returns ``[(text, expected_categories, kind), ...]``: positives
per category (plain and obfuscated: leetspeak, homoglyphs, zero-width characters,
spaced letters) and at least as many tricky negatives (negation, hypotheticals,
questions, reported speech and quotes, past or resolved, jokes, lyrics, benign
school notices, final exams, party platforms, fiction and games, threats without
imminence language). Generation is seeded and deterministic.
"""

from __future__ import annotations

import random

__all__ = [
    "CATEGORIES",
    "HELDOUT",
    "HELDOUT_NEGATIVES",
    "corpus",
    "heldout",
    "heldout2",
]

# fmt: off
CATEGORIES = ("last_resort", "diminishing_patience", "shrinking_opportunity", "legacy_token")

# Cue sentences per category (first person, present).
CUES: dict[str, list[str]] = {
    "last_resort": [
        "I have no other choice.",
        "This is my last resort.",
        "I've got nothing left to lose.",
        "They left me no choice.",
        "It's the only way they'll listen.",
        "I don't have any other option anymore.",
        "There's no way out for me.",
        "Nothing else I can do now.",
        "I'm out of options.",
        "You gave me no choice.",
        "Ain't got nothing to lose.",
        "It is the only way left.",
        "I have to do this.",
        "No turning back now.",
    ],
    "diminishing_patience": [
        "I'm done waiting.",
        "I've had enough of all of you.",
        "I can't take it anymore.",
        "Enough is enough.",
        "I'm sick and tired of being ignored.",
        "This was the last straw.",
        "My patience is gone.",
        "I'm fed up with everyone here.",
        "I cant take this any more.",
        "I won't wait any longer.",
        "I'm so done with them.",
        "I'm at my breaking point.",
        "This is your last warning.",
        "I am about to snap.",
    ],
    "shrinking_opportunity": [
        "This is my last chance.",
        "I have to act before it's too late.",
        "I'm running out of time.",
        "It's now or never.",
        "Time is running out.",
        "I won't get another chance.",
        "I'll do it while I still can.",
        "Before they stop me.",
        "The clock is ticking.",
        "Your days are numbered.",
        "Times up.",
        "This is my final chance to make it right.",
    ],
    "legacy_token": [
        "My manifesto is on my desk.",
        "I wrote my last will.",
        "Remember my name.",
        "Read my goodbye letter.",
        "Everyone will know my name.",
        "By the time you read this it will be over.",
        "This is my final message.",
        "I already gave away my stuff.",
        "They'll never forget me.",
        "I will go down in history.",
        "My suicide note is written.",
        "This is my goodbye, world.",
    ],
}

# Harm sentences: a weapon, an attack, a target, a time for the act.
HARM = [
    "I'm bringing my dad's gun to school {t}.",
    "Everyone in the cafeteria will pay for what they did {t}.",
    "I will shoot up the school {t}.",
    "There will be a bomb in the gym {t}.",
    "I'm going to hurt people at LHHS {t}.",
    "I will bring a knife to homeroom {t}.",
    "The attack on the school happens {t}.",
    "I'll blow up the school {t}.",
    "Nobody will survive {t}.",
    "My rifle is loaded for {t}.",
]
TIMES = [
    "tomorrow", "on Friday", "at lunch", "next Monday", "tonight at 9", "on 12/17",
    "after school", "in 2 hours", "at 10am", "today", "this afternoon", "",
]

# ---------------------------------------------------------------------------
# obfuscation

_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
_HOMO = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "c": "\u0441", "p": "\u0440"}


def _leet(s: str, rng: random.Random) -> str:
    return "".join(_LEET[c] if c in _LEET and rng.random() < 0.5 else c for c in s)


def _homoglyph(s: str, rng: random.Random) -> str:
    return "".join(_HOMO[c] if c in _HOMO and rng.random() < 0.6 else c for c in s)


def _zero_width(s: str, rng: random.Random) -> str:
    return "".join(c + ("\u200b" if c.isalpha() and rng.random() < 0.5 else "") for c in s)


def _spaced(s: str, rng: random.Random) -> str:
    words = s.split(" ")
    return "  ".join(" ".join(w) if w.isalpha() else w for w in words)


OBFUSCATE = (_leet, _homoglyph, _zero_width, _spaced)

# Cue phrases that survive obfuscation in full (spaced letters need a clean phrase).
OBF_CUES: dict[str, list[str]] = {
    "last_resort": ["no other choice", "nothing left to lose", "last resort"],
    "diminishing_patience": ["done waiting", "had enough", "fed up"],
    "shrinking_opportunity": ["last chance", "running out of time", "now or never"],
    "legacy_token": ["manifesto", "remember my name", "goodbye letter"],
}

# ---------------------------------------------------------------------------
# hand-written positives (varied wording, slang, several categories)

POSITIVES: list[tuple[str, set[str]]] = [
    ("i cant take it anymore. gonna shoot up the school tmrw", {"diminishing_patience"}),
    ("im done waitin. im done waiting for them to stop. the gun is in my locker",
     {"diminishing_patience"}),
    ("Last chance for you all. Bomb goes off Friday at noon.", {"shrinking_opportunity"}),
    ("nothing left to lose. bringing the AR15 monday. remember my name",
     {"last_resort", "legacy_token"}),
    ("I've had enough and this is my last chance to make them pay.",
     {"diminishing_patience", "shrinking_opportunity"}),
    ("My manifesto explains why. Everyone at Lincoln will die tomorrow.", {"legacy_token"}),
    ("The only way they'll listen is if I bring a gun to the assembly.", {"last_resort"}),
    ("They forced my hand. I'm going to kill them after school.", {"last_resort"}),
    ("No more warnings. Shooting at 2:45 in the library.", {"diminishing_patience"}),
    ("By the time you read this I'll have the gun at school.", {"legacy_token"}),
    ("before its too late im taking my brothers pistol to 3rd period",
     {"shrinking_opportunity"}),
    ("I wrote a goodbye letter. I will hurt everyone in 5th period.", {"legacy_token"}),
    ("enough is enough!!! blowing up the gym next friday", {"diminishing_patience"}),
    ("You left me no choice. The knife is in my bag. Tomorrow.", {"last_resort"}),
    ("i'm at my limit. bringing a weapon to school on monday", {"diminishing_patience"}),
    ("its now or never, monday i shoot", {"shrinking_opportunity"}),
    ("The countdown has started. Bombs in every hallway on 12/17.",
     {"shrinking_opportunity"}),
    ("I have nothing to lose anymore, and everyone will pay on Friday.", {"last_resort"}),
    ("They pushed me to my breaking point. You will all be sorry tomorrow at lunch.",
     {"diminishing_patience"}),
    ("Read my last will and testament after I shoot up the school.", {"legacy_token"}),
    ("I'm fed up. I'll make them pay. Friday.", {"diminishing_patience"}),
    ("This is the last straw, the gun is ready", {"diminishing_patience"}),
    ("My last words will be on the news after the attack", {"legacy_token"}),
    ("No other way out. I'm bringing explosives on 1/5.", {"last_resort"}),
]

# ---------------------------------------------------------------------------
# tricky negatives (no category expected)

NEGATIVES: list[tuple[str, str]] = [
    # negation
    ("I'm not done waiting, I will keep talking to the counselor. I would never hurt anyone.",
     "negation"),
    ("It's not my last chance, I can retake the test. Nobody is bringing a gun.", "negation"),
    ("I don't feel like it's my last resort. I will never bring a weapon to school.",
     "negation"),
    ("I'm not fed up, honestly. No one should bring a knife to school.", "negation"),
    ("There is no manifesto and there is no bomb, stop spreading rumors.", "negation"),
    ("I haven't had enough sleep, I'm not going to shoot anyone.", "negation"),
    ("I never said I was at my breaking point. I don't own a gun.", "negation"),
    # hypothetical
    ("If I ever felt I had no other choice, I hope someone would take my dad's gun away.",
     "hypothetical"),
    ("What if someone had nothing left to lose and brought a gun to school?",
     "hypothetical"),
    ("Imagine being fed up enough to attack a school. Scary stuff.", "hypothetical"),
    ("Suppose a student thought it was their last chance, would they bring a weapon?",
     "hypothetical"),
    ("If you ever feel like it's your last resort, please talk to someone before anyone "
     "gets hurt.", "hypothetical"),
    # questions
    ("Do you think he has nothing left to lose? Should we tell someone about the gun?",
     "question"),
    ("Is this your last chance to sign up for the shooting sports club?", "question"),
    ("Are you fed up with the bomb drills too?", "question"),
    ("Has anyone seen a manifesto posted about the attack rumor?", "question"),
    # reported speech and quotes
    ("Someone posted 'this is my last chance, bring a gun Friday' on Snapchat. I'm scared.",
     "reported"),
    ("My friend said he can't take it anymore and wants to shoot people.", "reported"),
    ("FWD: I have no other choice, the school will blow up tomorrow", "reported"),
    ("He said \"I'm done waiting\" and talked about a gun. Please check on him.",
     "reported"),
    ("There's a screenshot going around saying remember my name with a picture of a gun.",
     "reported"),
    ("A student posted that it's his last resort and he will bring a knife.", "reported"),
    ("I saw this post: nothing left to lose, shooting at lunch. Reporting it here.",
     "reported"),
    ("According to the rumor someone had enough and will attack the gym.", "reported"),
    # past or resolved
    ("Last year I felt like I had no other choice and thought about hurting people, "
     "but I got help and I'm doing much better now.", "past"),
    ("I used to think violence was the last resort. I would never touch a gun now.",
     "past"),
    ("Back in 8th grade I was fed up and made a stupid joke about a bomb.", "past"),
    ("Years ago I felt I had nothing left to lose. Thanks to my counselor things are "
     "better now and I'd never hurt anyone.", "past"),
    # jokes
    ("had enough of this homework, gonna blow up the math building lol jk", "joke"),
    ("this is my last chance to beat the boss, gonna shoot everything lmao", "joke"),
    ("I can't take it anymore, this pop quiz is killing me haha", "joke"),
    ("Enough is enough, I'm going to kill my brother for eating my fries, just kidding",
     "joke"),
    # lyrics
    ("Singing along in the car: nothing left to lose, bang bang shoot em up, best song",
     "lyrics"),
    ("The chorus goes 'last chance, last dance, pull the trigger' and I love this song",
     "lyrics"),
    ("New playlist: remember my name, bombs over the city, running out of time", "lyrics"),
    # benign notices and exams
    ("Last chance to return permission slips for the water gun fight fundraiser!",
     "notice"),
    ("Last chance to buy yearbooks before it's too late! Orders close Friday.", "notice"),
    ("Reminder: final exam review at lunch. Don't bomb the test, study tonight!",
     "exam"),
    ("Final exam Friday at 10am. This is your last chance to pass the class.", "exam"),
    ("Running out of time on the history test, I'm going to kill this final.", "exam"),
    ("Last chance to sign up for tryouts; shooting practice starts Monday after school.",
     "notice"),
    ("The clock is ticking on registration: last chance to register for the archery "
     "club, bows and targets provided.", "notice"),
    ("Picture day is your last chance to get photos taken for the yearbook!", "notice"),
    # party platforms and civics
    ("The Green Party manifesto calls for a ban on assault weapons.", "politics"),
    ("For civics class, compare each party platform on gun control and the party "
     "manifesto.", "politics"),
    ("Our student council campaign manifesto: longer lunch and fewer tests.", "politics"),
    # fiction and games
    ("In my story the main character has nothing left to lose and shoots the villain.",
     "fiction"),
    ("In Fortnite I had no other choice but to snipe him with the rifle.", "fiction"),
    ("For creative writing my villain writes a manifesto before the attack on the castle.",
     "fiction"),
    ("The book report is about a soldier who had no other choice in the war.", "fiction"),
    # threats without imminence language (no marker expected)
    ("I will shoot up the school on Friday.", "plain_threat"),
    ("There is a bomb in the gym. It goes off at noon.", "plain_threat"),
    ("Everyone at LHHS will pay tomorrow.", "plain_threat"),
    # cues without harm context
    ("I can't take it anymore, this traffic is terrible.", "no_harm"),
    ("I've had enough pizza for a week.", "no_harm"),
    ("It's now or never for the science fair project.", "no_harm"),
    ("Remember my name when I win the spelling bee!", "no_harm"),
    ("This is my last chance to make varsity.", "no_harm"),
    ("I'm done waiting for the bus, walking home.", "no_harm"),
    ("The only way to get there is by bus.", "no_harm"),
    ("My grandma's last will left me her piano.", "no_harm"),
    ("Goodbye letter to the seniors from Ms. Rivera.", "no_harm"),
    # figurative harm words
    ("I'm fed up, this homework is killing me.", "figurative"),
    ("Last chance to shoot hoops before the gym closes!", "figurative"),
    ("I had a panic attack, I can't take it anymore with these exams.", "figurative"),
    ("Shoot me a text before it's too late, the bus leaves at 3.", "figurative"),
    ("This is my last chance to kill it at the talent show!", "figurative"),
    ("Enough is enough, my phone keeps blowing up with group chat messages.",
     "figurative"),
]

# Templates for more negatives: a cue inside a context that must cancel it.
NEG_TEMPLATES: list[tuple[str, str]] = [
    ("I'm not saying {cue_l}, and I would never bring a gun to school.", "negation"),
    ("If I said {cue_l}, would anyone even notice the gun thing?", "question"),
    ("Someone posted that {cue_l} and mentioned a shooting at school.", "reported"),
    ("He said {cue_l} and that he has a knife. Please check on him.", "reported"),
    ("Last year I felt {cue_l} and thought about hurting people, but I'm better now.",
     "past"),
    ("In my story the villain says {cue_l} before the attack.", "fiction"),
    ("lol {cue_l}, gonna blow up the group chat jk", "joke"),
    ("The song goes {cue_l}, bang bang, shoot em up, love this song.", "lyrics"),
]
NEG_CUES_L = [
    "I have no other choice", "this is my last resort", "I've got nothing left to lose",
    "I'm done waiting", "I can't take it anymore", "I've had enough", "enough is enough",
    "this is my last chance", "it's now or never", "I'm running out of time",
    "my manifesto is ready", "remember my name", "this is my goodbye letter",
]


# fmt: on


def corpus(seed: int = 7, *, n_generated: int = 160) -> list[tuple[str, set[str], str]]:
    """Return the labelled corpus.

    Args:
        seed: Seed for the generated part.
        n_generated: How many generated positives (negatives are generated to match).
    """
    rng = random.Random(seed)
    out: list[tuple[str, set[str], str]] = []
    for text, cats in POSITIVES:
        out.append((text, set(cats), "positive"))
    for _ in range(n_generated):
        cat = rng.choice(CATEGORIES)
        cue = rng.choice(CUES[cat])
        harm = rng.choice(HARM).format(t=rng.choice(TIMES)).replace(" .", ".")
        text = f"{cue} {harm}" if rng.random() < 0.6 else f"{harm} {cue}"
        out.append((text, {cat}, "positive"))
    # obfuscated positives: the cue phrase is obfuscated, the harm part is plain
    for cat in CATEGORIES:
        for phrase in OBF_CUES[cat]:
            for fn in OBFUSCATE:
                harm = rng.choice(HARM).format(t=rng.choice(TIMES)).replace(" .", ".")
                out.append((f"{fn(phrase, rng)}. {harm}", {cat}, "obfuscated"))
    n_pos = len(out)
    negs: list[tuple[str, set[str], str]] = [(t, set(), k) for t, k in NEGATIVES]
    while len(negs) < n_pos + 10:
        template, kind = rng.choice(NEG_TEMPLATES)
        cue = rng.choice(NEG_CUES_L)
        text = template.format(cue_l=cue)
        negs.append((text, set(), kind))
    out.extend(negs)
    return out


# ---------------------------------------------------------------------------
# Held-out set v1: written after the first lexicon was frozen. Its first run gave
# micro-F1 0.647 with 13.6% of its negatives flagged; its misses then drove one
# round of general fixes (slang folding, report verbs, fiction words), so it is no
# longer held out. HELDOUT2 below is the honest estimate.

# fmt: off
HELDOUT: list[tuple[str, set[str]]] = [
    ("i swear im so done with everyone at this school. bringing the glock thursday",
     {"diminishing_patience"}),
    ("Nobody left me any other option. 7th period tomorrow, I'll have my gun.",
     {"last_resort"}),
    ("this is the only way anyone will understand. bomb in the band room at 1",
     {"last_resort"}),
    ("I've reached my breaking point. Everyone in room 204 is getting shot Monday.",
     {"diminishing_patience"}),
    ("I don't have a choice anymore, the shooting happens at dismissal",
     {"last_resort"}),
    ("Tomorrow's my only chance to get them all in one place with the rifle.",
     {"shrinking_opportunity"}),
    ("My final video is uploaded. I'm killing everyone in the gym tomorrow.",
     {"legacy_token"}),
    ("They will read my manifesto after I blow up the library.", {"legacy_token"}),
    ("Its my last day on earth. bringing a knife to lunch", {"shrinking_opportunity"}),
    ("I have been patient long enough. The gun is loaded for Friday.",
     {"diminishing_patience"}),
    ("I'm sick of waiting for things to change, I'll attack the school this week.",
     {"diminishing_patience"}),
    ("n0thing l3ft 2 l0se. g0nna sh00t up lhhs 2morrow", {"last_resort"}),
    ("Goodbye forever. I will shoot the principal at the assembly.", {"legacy_token"}),
    ("I'm running out of chances, I have to hurt them before summer.",
     {"shrinking_opportunity"}),
    ("There is no other way. At noon the bombs go off.", {"last_resort"}),
    ("my patience ran out a long time ago. you'll all bleed friday",
     {"diminishing_patience"}),
    ("Everyone will remember me after the shooting on 3/14.", {"legacy_token"}),
    ("I can't deal with them anymore, I'm bringing a weapon after school.",
     {"diminishing_patience"}),
    ("the window is closing and i have the ammo ready", {"shrinking_opportunity"}),
    ("You pushed me too far. Last resort: the gun in my backpack.", {"last_resort"}),
]

HELDOUT_NEGATIVES: list[str] = [
    "I'm not at my breaking point, I just need sleep. No guns, no drama.",
    "He keeps saying he has nothing left to lose and talks about his rifle. Can someone check?",
    "If this is our last chance to stop a shooting, shouldn't we tell the principal?",
    "Last chance to order senior hoodies! Shoot us an email with your size.",
    "My cousin posted 'I've had enough, I'm bringing a gun' as a joke, reporting it anyway.",
    "Back then I felt like I had no other choice, but I never wanted to hurt anyone.",
    "The villain's manifesto in chapter 3 explains the attack on the city.",
    "We're running out of time in the bomb defusal escape room lol",
    "Ugh I can't take it anymore, this chemistry test is going to kill me.",
    "Reminder: the fire drill is at 10am. Last chance to review the evacuation map.",
    "Our debate on the party platform covered weapons bans.",
    "Final exam tomorrow, wish me luck, I'm going to shoot for an A.",
    "Is anyone else fed up with the lockdown drills?",
    "That song 'last resort' slaps, the guitar goes so hard, shoot",
    "The coach said this is our last chance to make playoffs, we'll kill it.",
    "Someone wrote on the bathroom wall that they have no choice and will bring a gun.",
    "I'm done waiting for the lunch line, they're slower than a turtle.",
    "My grandpa made his will and left me his hunting rifle.",
    "Remember my name at the spelling bee, I will destroy the competition haha",
    "If anyone feels they have nothing left to lose, please call the counselor before anyone gets hurt.",
    "I used to think violence was the only way, now I know better.",
    "We read a manifesto from the 1800s in history class about war.",
]

# Held-out set v2: its first run gave micro-F1 0.516 (P 0.727, R 0.400) with 15%
# of its negatives flagged; its misses then drove a second round of general fixes
# (more phrasings, gun slang, sports and toy frames). HELDOUT3 is the fresh one.
HELDOUT2: list[tuple[str, set[str]]] = [
    ("they had their chance to stop bullying me. im out of chances too. shooting them friday",
     {"shrinking_opportunity"}),
    ("I have tried everything else. Violence is all that's left. Gun in my locker.",
     {"last_resort"}),
    ("no one ever helped so this is the last option. the pipe bomb is built", {"last_resort"}),
    ("I'm tired of being patient. Knife at lunch tomorrow.", {"diminishing_patience"}),
    ("my patience is done. tomorrow i shoot up the cafeteria", {"diminishing_patience"}),
    ("I snapped. Bringing my uncle's rifle to homeroom.", {"diminishing_patience"}),
    ("there won't be another chance like the assembly. I will shoot.",
     {"shrinking_opportunity"}),
    ("This is the end for all of you. My journal explains everything. Bomb at noon.",
     {"legacy_token"}),
    ("I recorded my goodbye video. The attack is at dismissal.", {"legacy_token"}),
    ("When this is over the whole world will know who I am. Shooting on 12/9.",
     {"legacy_token"}),
    ("i got no choice left fr. bringing the strap to school tmrw", {"last_resort"}),
    ("It has to be tomorrow, before I lose my nerve. Gun's ready.",
     {"shrinking_opportunity"}),
    ("Enough. I'm done. Everyone in 3rd period is going to die.",
     {"diminishing_patience"}),
    ("I can't keep waiting for someone to care. I'll hurt them all at the game.",
     {"diminishing_patience"}),
    ("L4ST CH4NC3 to stop me. Bomb in the library at 10.", {"shrinking_opportunity"}),
    ("n o t h i n g  l e f t  t o  l o s e. gun. friday.", {"last_resort"}),
    ("My will is written and my manifesto is posted. Shooting tomorrow.",
     {"legacy_token"}),
    ("Leaving a note for my mom. Tomorrow everyone at LHHS pays with their lives.",
     {"legacy_token"}),
    ("i'm fed up with being invisible. the gun is in my bag", {"diminishing_patience"}),
    ("It's the only option I have. Explosives in the gym Monday.", {"last_resort"}),
]

HELDOUT2_NEGATIVES: list[str] = [
    "I'm honestly fed up with group projects, but no I'm not going to hurt anyone lol",
    "She told me she has nothing left to lose and mentioned a gun, I'm worried about her.",
    "Would you ever feel like you had no choice? Asking for a psych paper about violence.",
    "Last chance for fall sports physicals! Rifle team and archery club need forms too.",
    "Time's running out to register for the hunter safety course.",
    "My grandfather's last will mentioned his gun collection, we are sorting it out.",
    "The band's new album is called Manifesto and the single is about a bomb.",
    "In the movie the hero has no other choice but to blow up the ship.",
    "Remember my name when I become a famous shooter... in basketball haha",
    "I was done waiting for the bus so I walked. Also the fire alarm went off.",
    "Someone wrote 'this is my last warning, gun on monday' on the desk, sending photo.",
    "If you feel like it's your last resort, call 988 before anyone gets hurt.",
    "Final exam countdown: 3 days left, I'm going to bomb chemistry for sure.",
    "Can't take it anymore, my little brother keeps shooting me with his nerf gun.",
    "Our party platform includes school safety and a weapons policy review.",
    "Last year I was at my breaking point and thought about a weapon. Therapy helped.",
    "Is it true someone said they're done waiting and will attack the school?",
    "I'm not out of options, my counselor is helping. No weapons, promise.",
    "Yearbook deadline is now or never, submit your senior quotes about legacy!",
    "The shooting guard had his last chance in the final seconds of the game.",
]
# Held-out set v3: written after the last lexicon change of the first round; its
# first run gave micro-F1 0.467 (P 0.875, R 0.318). In the generalisation round
# (issue 5) its misses were tuning input together with DEV2, so it is no longer held
# out: see ``_heldout_imminence.py`` for DEV2 and the final HELDOUT set.
HELDOUT3: list[tuple[str, set[str]]] = [
    ("I gave them every chance. Now there is no other path. Gun at school Thursday.",
     {"last_resort"}),
    ("Nothing is left for me. It's this or nothing. Bringing a knife to 2nd period.",
     {"last_resort"}),
    ("my back is against the wall, only way out is making them pay. tmrw",
     {"last_resort"}),
    ("I'm DONE. done being ignored, done being pushed. the rifle comes friday",
     {"diminishing_patience"}),
    ("Ive put up with this for years. No more. Bomb in the cafeteria at lunch.",
     {"diminishing_patience"}),
    ("I've had it. Everyone in Mr. Cole's class gets shot Monday.",
     {"diminishing_patience"}),
    ("Im sick of it all. Im bringing my gun and ending this.", {"diminishing_patience"}),
    ("It's happening before winter break or never. Shooting in the gym.",
     {"shrinking_opportunity"}),
    ("last day to stop me is today. after that the bombs go off",
     {"shrinking_opportunity"}),
    ("I don't have much time left, so tomorrow I bring the gun.",
     {"shrinking_opportunity"}),
    ("Soon I won't have the chance anymore, so Friday I shoot.",
     {"shrinking_opportunity"}),
    ("Read what I wrote on my blog after I kill them all.", {"legacy_token"}),
    ("My last letter is in my locker. I will bring the gun Monday.", {"legacy_token"}),
    ("I want to be remembered. The shooting happens at the assembly.",
     {"legacy_token"}),
    ("They'll make documentaries about me. Bombs at 9am.", {"legacy_token"}),
    ("everything i own is given away. bringing the glock to school friday",
     {"legacy_token"}),
    ("No choice anymore. Tired of waiting too. Gun Wednesday.",
     {"last_resort", "diminishing_patience"}),
    ("This is my last chance and my final message: shooting at noon.",
     {"shrinking_opportunity", "legacy_token"}),
    ("n0 0ptions l3ft. sh00ting up the school tomorrow", {"last_resort"}),
    ("f e d  u p. gun in my bag", {"diminishing_patience"}),
]

HELDOUT3_NEGATIVES: list[str] = [
    "I'm not done waiting for my college letters, and obviously I'd never hurt anybody.",
    "Apparently a kid in 8th grade wrote 'last chance' next to a drawing of a gun?",
    "If someone felt like they had no other choice, what should teachers do about weapons?",
    "Last chance to get your Spirit Week shirts! The water balloon fight is Friday.",
    "I've had enough of this snow, the roads are killing me.",
    "Game review: the final boss has nothing left to lose, so use the rocket launcher.",
    "Remember my name, I'm going to crush the debate tournament.",
    "Years ago my dad said he was at his breaking point and bought a gun; he's fine now.",
    "The poem's speaker says he can't take it anymore, then the war ends.",
    "Did you see the post where someone says it's their last chance and mentions a bomb?",
    "Time is running out to donate to the food drive! Target: 500 cans.",
    "I'm so done with this chem lab lol, the bunsen burner nearly blew up",
    "The class manifesto project is due Friday, focus on the weapons of WWI.",
    "Our school shooter drill is tomorrow at 10, last chance to ask questions.",
    "I'm fed up with people joking about bombs in the group chat. Please stop.",
    "We had no other choice but to cancel the field trip because of snow.",
    "That movie ending where he writes his last will before the final battle was sad.",
    "Enough is enough: the cafeteria pizza is terrible and I'm writing to the board.",
    "He told the counselor he's done waiting for help and mentioned a knife.",
    "It's now or never for the science fair, the volcano is going to explode!",
]
# fmt: on


def heldout3() -> list[tuple[str, set[str], str]]:
    """Return the held-out set v3 (tuning input of the generalisation round)."""
    out = [(t, set(c), "heldout3_positive") for t, c in HELDOUT3]
    out += [(t, set(), "heldout3_negative") for t in HELDOUT3_NEGATIVES]
    return out


def heldout2() -> list[tuple[str, set[str], str]]:
    """Return the held-out set v2 (used for one tuning round after its first run)."""
    out = [(t, set(c), "heldout2_positive") for t, c in HELDOUT2]
    out += [(t, set(), "heldout2_negative") for t in HELDOUT2_NEGATIVES]
    return out


def heldout() -> list[tuple[str, set[str], str]]:
    """Return the held-out set (never used for tuning)."""
    out = [(t, set(c), "heldout_positive") for t, c in HELDOUT]
    out += [(t, set(), "heldout_negative") for t in HELDOUT_NEGATIVES]
    return out
