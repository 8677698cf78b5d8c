"""Tables for the imminence analyzer: lexicons, context cues, time words, limits.

Everything here is data, so a district can extend it without touching code (see
``docs/imminence.md``). This module is light to import: stdlib only.

Lexicon entry syntax (one phrase per entry, matched on word tokens of the
normalised text, apostrophes dropped, so ``can't`` is written ``cant``):

* tokens are separated by spaces;
* ``a|b|c`` inside a token position means any one of the alternatives;
* a trailing ``?`` makes a token position optional (``the?``);
* ``_`` joins several words into one alternative (``you_will``);
* a final ``$`` requires the phrase to end its clause (``had enough $``);
* a first ``^`` requires the phrase to start its clause (``^ enough $``).

Every expanded phrase of up to four words is also matched written as one word
(``lastresort``), which
catches spaced-letter obfuscation (``l a s t r e s o r t``) once the letters are
collapsed by normalisation. Each entry is ``(pattern, comment)``.
"""

from __future__ import annotations

from types import MappingProxyType

# Tables are laid out by hand so that they read like a spec.
# fmt: off

__all__ = [
    "BENIGN_CONTEXT",
    "CATEGORIES",
    "COLLECTIVE_SUBJECTS",
    "DAY_PARTS",
    "DOUBLE_NEGATIVES",
    "EMOJI_WORDS",
    "EXTRA_WEIGHTS",
    "FAREWELL",
    "FIGURATIVE",
    "FILLERS",
    "FIRST_PERSON",
    "HARM",
    "HYPOTHETICAL_CLAUSE",
    "HYPOTHETICAL_MESSAGE",
    "HYPOTHETICAL_STRONG",
    "INTENT",
    "INTENT_SUBJECT_CHECK",
    "INTENT_WEAK",
    "JOKE_MESSAGE",
    "JOKE_SENTENCE",
    "LEXICON",
    "LYRICS_MESSAGE",
    "MAIN_CLAUSE_MARKERS",
    "NEGATORS",
    "NEWS_MESSAGE",
    "OWN_SUBJECTS",
    "PAST_CUES",
    "REPORT_FRAMES",
    "REPORT_MESSAGE",
    "REPORT_SKIP",
    "REPORT_VERBS",
    "RESOLVED_MESSAGE",
    "RHETORICAL",
    "SCHOOL_PARTS",
    "SENTENCE_ABBREVIATIONS",
    "SHOOT_WORDS",
    "SLANG",
    "SPORTS_MESSAGE",
    "TARGETS",
    "TARGET_TIME_MAX_WORDS",
    "THIRD_PERSON",
    "TOY_GUNS",
    "VAGUE_TIME",
]

#: Analyzer name used in findings and in the plugin.
ANALYZER_NAME = "imminence"
#: Version of the analyzer's logic (bump when the tables change meaning).
VERSION = "1.1"

#: Codes this package adds beyond ``policy.py`` (none: every code is in the table).
EXTRA_WEIGHTS: dict[str, tuple[float, str]] = {}

#: The four marker categories, in reporting order. Each is also a finding code.
CATEGORIES: tuple[str, ...] = (
    "last_resort",
    "diminishing_patience",
    "shrinking_opportunity",
    "legacy_token",
)

# ---------------------------------------------------------------------------
# Marker lexicons (TRAP-18 "last resort" and the guidance's imminence signs)

_LAST_RESORT: tuple[tuple[str, str], ...] = (
    ("last resort", "the guidance's own words"),
    ("my|our only option|choice|way left", "only option left"),
    ("only option|choice left", "without a possessive"),
    ("the|my only option|choice i_have|i_got|left", "the only option I have"),
    ("nobody|no_one left|gave me any|a other? choice|option|options",
     "nobody left me any other option"),
    ("tried everything else", "I have tried everything else"),
    ("all thats|that_is left", "violence is all that's left"),
    ("no other choice|choices|option|options|way", "no other choice (the cue itself)"),
    ("no choice left|anymore", "no choice left"),
    ("no choice but", "no choice but to ..."),
    ("have|got no choice|options", "I have no choice"),
    ("dont|doesnt have a|any choice", "I don't have a choice"),
    ("dont|doesnt have any other choice|choices|option|options|way",
     "don't have any other choice"),
    ("dont|doesnt have anything|nothing left", "slang double negative"),
    ("left|leave|leaves|leaving me|us no|any other? choice|option|options|way",
     "they left me no choice"),
    ("gave|give|giving me no choice", "you gave me no choice"),
    ("nothing left to lose", "nothing left to lose"),
    ("got|have nothing to lose", "nothing to lose"),
    ("aint got nothing to lose", "slang"),
    ("nothing else i|we can do", "nothing else I can do"),
    ("out of options|choices", "out of options"),
    ("no way out", "no way out"),
    ("no other way out?", "no other way"),
    ("only way left|out", "the only way left"),
    ("its|this_is|thats|it_is the only way", "it's the only way"),
    ("only way they|people|anyone|you|theyll|youll|everyone will|would|ever? listen|learn|understand",
     "the only way they'll listen"),
    ("only way to make them|you|people|everyone listen|pay|understand|see",
     "the only way to make them listen"),
    ("only thing left to do", "the only thing left to do"),
    ("forced my|our hand", "forced my hand"),
    ("no turning back", "no turning back"),
    ("i|we have to do this", "I have to do this"),
    ("i|we need to do this", "I need to do this"),
    ("i|we gotta do this", "slang"),
    ("its|this_is|thats the last option", "last option"),
)

_DIMINISHING_PATIENCE: tuple[tuple[str, str], ...] = (
    ("done waiting", "I'm done waiting"),
    ("tired of waiting", "tired of waiting"),
    ("tired|sick of being patient", "tired of being patient"),
    ("done being patient", "done being patient"),
    ("cant|cannot keep waiting", "can't keep waiting"),
    ("i finally? snapped", "I snapped"),
    ("im|i_am so? done $", "I'm done, at the end of a clause"),
    ("sick of waiting", "sick of waiting"),
    ("not waiting any longer|anymore", "not waiting any longer (the cue itself)"),
    ("wont|cant|cannot wait any longer|anymore", "won't wait any longer"),
    ("no more waiting", "no more waiting"),
    ("ive|weve|i_have|we_have|i_had|ive_really|i_have_really had enough", "I've had enough"),
    ("had enough of", "had enough of them"),
    ("had enough $", "had enough, at the end of a clause"),
    ("enough is enough", "enough is enough"),
    ("cant|cannot take it|this|them|you anymore", "can't take it anymore"),
    ("cant|cannot take it|this|them|you any more|longer", "can't take it any more"),
    ("can not take it|this anymore", "spelled apart"),
    ("cant|cannot stand it|this|them|you anymore", "can't stand it anymore"),
    ("cant|cannot deal with it|this|them anymore", "can't deal with it anymore"),
    ("cant|cannot handle it|this|them anymore", "can't handle it anymore"),
    ("fed up", "fed up"),
    ("sick and tired", "sick and tired"),
    ("last straw", "the last straw"),
    ("this|that|it was|is the last|final straw", "that was the last straw (present grievance)"),
    ("final straw", "the final straw"),
    ("my patience is|has gone|over|done|out", "my patience is gone"),
    ("patience has|is|s? run|ran|running|wore|worn out|thin", "patience running out"),
    ("out of patience", "out of patience"),
    ("lost my|all patience", "lost my patience"),
    ("im|i_am so? done with this|them|you|everyone|everything|yall|people|it|all",
     "I'm done with them"),
    ("im|i_am at my limit", "at my limit"),
    ("breaking point", "at my breaking point"),
    ("about_to|gonna|going_to snap", "about to snap"),
    ("no more warnings", "no more warnings"),
    ("this is your|my last|final warning", "last warning (patience ends)"),
    ("ive|i_have been patient enough", "been patient enough"),
    ("been patient long enough", "been patient long enough"),
    ("i|ive|i_have put up with this|it|them|you long enough", "put up with it long enough"),
    ("had it with", "I've had it with them"),
)

_SHRINKING_OPPORTUNITY: tuple[tuple[str, str], ...] = (
    ("last chance", "last chance"),
    ("final chance", "final chance"),
    ("only chance", "only chance"),
    ("last opportunity", "last opportunity"),
    ("before its too late", "before it's too late"),
    ("before it is too late", "spelled out"),
    ("running|run|ran out of time|chances|opportunities", "running out of time"),
    ("out of chances", "out of chances"),
    ("run out of time", "run out of time"),
    ("time is|s running|runnin out", "time is running out"),
    ("times running out", "time's running out"),
    ("time is up", "time is up"),
    ("times up", "time's up"),
    ("now or never", "now or never"),
    ("wont|will_not|never get|have|be another chance", "won't get another chance"),
    ("no second chance|chances", "no second chances"),
    ("window is closing", "the window is closing"),
    ("while i still can", "while I still can"),
    ("before they|anyone|someone|somebody stop|stops|catch|catches me",
     "before they stop me"),
    ("before i lose my nerve", "before I lose my nerve"),
    ("before i change my mind", "before I change my mind"),
    ("clock is ticking", "the clock is ticking"),
    ("countdown is|has on|started|begun", "the countdown is on"),
    ("the countdown begins|starts", "the countdown begins"),
    ("days are numbered", "your days are numbered"),
    ("this_is|its|it_is|today_is|todays my|your last day|days|week", "my last day"),
    ("my|our last day|days|night on_earth|alive|here", "my last day alive"),
    ("not much time left", "not much time left (the cue itself)"),
    ("no time left", "no time left"),
)

_LEGACY_TOKEN: tuple[tuple[str, str], ...] = (
    ("manifesto", "a manifesto"),
    ("my last will", "my last will"),
    ("last will and testament", "last will and testament"),
    ("my will is written|ready|done", "my will is written"),
    ("wrote|written|writing|made my will", "wrote my will"),
    ("suicide note|letter", "suicide note"),
    ("goodbye|farewell letter|letters|note|notes|video|videos|message|messages|post",
     "a goodbye letter"),
    ("goodbye everyone|world|forever|all", "goodbye forever"),
    ("this is my goodbye|farewell", "this is my goodbye"),
    ("remember my name", "remember my name"),
    ("know my name", "everyone will know my name"),
    ("will know who i_am|i_was", "the world will know who I am"),
    ("my journal|diary|notebook|video|letter|note explains|will_explain everything|why",
     "my journal explains everything"),
    ("leaving|left|leave a|my note|letter for my mom|dad|mother|father|family|parents",
     "leaving a note for the family"),
    ("never forget my_name|me|what_i_did|this_day", "they'll never forget me"),
    ("remember me as|forever", "remember me forever"),
    ("will|gonna|going_to all? always? remember me|my_name|this_day|what_i_did",
     "everyone will remember me"),
    ("my legacy", "my legacy"),
    ("leave a|my legacy|mark", "leave a legacy"),
    ("my final|last words|message|post|video|letter", "my last words"),
    ("by the time you read|see|find this", "by the time you read this"),
    ("when you read|find|see this ill_be|i_will_be|im|i_am|ill|i_will gone|dead",
     "when you read this I'll be gone"),
    ("ill_be|i_will_be|im_gonna_be famous|remembered|infamous|known", "I'll be famous"),
    ("go|going down in history", "go down in history"),
    ("make history", "make history"),
    ("gave|give|giving|given away my stuff|things|belongings|stuff", "giving away belongings"),
)

# ---------------------------------------------------------------------------
# Pattern families (generalisation round): each entry covers a whole family of
# wordings (determiner x "other/else/more" x noun x "left"), written from the
# category definitions rather than from any one test message.

# Nouns for "a way to act": the object of "no ... left".
_WAYS = ("choice|choices|option|options|way_out|ways_out|path|paths|alternative|"
         "alternatives|solution|solutions|answer|answers|route|exit|escape|move|moves|"
         "recourse|cards|card|plan_b|other_plan|"
         "way_forward|other_way|other_ways|other_path|other_option|other_options|"
         "other_choice|other_choices")
_OTHER = "other|else|more|another|different"

_LAST_RESORT_FAMILIES: tuple[tuple[str, str], ...] = (
    (f"no {_OTHER}? {_WAYS} left|remains|remaining|anymore|now|but|except|for_me|here?",
     "no (other) choice/option/path/alternative (left)"),
    (f"no {_OTHER} way|ways left|anymore|now|but|except|for_me|here|to|out?",
     "no other way (plain 'no way' is slang for disbelief, so 'other' is needed)"),
    (f"not|aint|isnt any|a|another|one {_OTHER}? {_WAYS} left|anymore|now?",
     "not any other option (left)"),
    (f"dont|doesnt|didnt|cant|cannot|wont have|see|got|find|get|know any|a|another "
     f"{_OTHER}? {_WAYS}|way", "I don't see any other way"),
    (f"without any|a|another {_OTHER}? {_WAYS}", "left me without any other choice"),
    (f"there_is|theres|there_are|therere|there_aint|aint|is|are no {_OTHER}? {_WAYS}|way",
     "there is no other path"),
    (f"out of {_OTHER}? choices|options|alternatives|ways|moves|solutions|answers",
     "out of options"),
    (f"run|ran|running|runnin out of {_OTHER}? choices|options|alternatives|ways|solutions",
     "ran out of options"),
    (f"exhausted|tried every|all {_OTHER}? option|options|choice|choices|way|ways|path|"
     "paths|avenue|avenues|alternative|alternatives", "exhausted every other option"),
    ("took|taken|takes|stripped|ripped|stole|stolen every|all|my|each option|options|choice|"
     "choices|chance|chances|way_out|hope", "they took every option away from me"),
    ("only language|thing you|they|yall|u|people|these_people|you_people|u_people|anyone "
     "understand|understands|listen_to|listens_to|respect|respects|hear|get",
     "the only language they understand"),
    ("only thing that|thatll|that_will|that_would works|work|get_through|gets_through|"
     "make_them_listen|makes_them_listen", "the only thing that works"),
    ("tried|done|did|tryed everything|every_thing|every_single_thing|it_all|all_i_can|"
     "all_i_could|everything_i_can|everything_i_could|all_of_it", "I tried everything"),
    ("every|each|all|the door|doors|option|options|road|roads|path|paths has|have|is|are|"
     "was|were|got|s been? closed|shut|slammed|blocked|gone|over", "every door has been closed"),
    ("theres|there_is|there_s|there_aint|aint nothing|nothin else|left|more $",
     "there's nothing else"),
    ("nothing|nothin works|worked|helps|helped|will_work|will_help|ever_works|ever_helps|"
     "ever_changes|changes|changed|is_working $", "nothing works, clause-final"),
    ("nothing|nothin|none left|more to live for", "nothing left to live for"),
    (f"all|every|the {_OTHER}? options|choices|ways|paths|alternatives|doors are|r|have|s "
     "gone|closed|exhausted|used_up|been_used|run_out|over|taken", "all other options are gone"),
    ("nothing|nothin|none else|other|more left|remains|works|will_work|worked|i_can_do|"
     "i_can_try|to_try|to_do|left_to_try|left_to_do|left_for_me|i_can|to_lose|i_could_do",
     "nothing else I can do / nothing else will work"),
    ("nothing|nothin left for_me|4_me|but_this|except_this|to_do|to_try", "nothing left for me"),
    ("nothing|nothin|none left $", "nothing left, at the end of a clause"),
    ("have|got|had|with nothing|nothin more|left|else to lose", "nothing more to lose"),
    ("nothing|nothin more to lose", "nothing more to lose"),
    (f"only|one|last|single {_WAYS}|option|way|choice|move|thing|resort|card left|remaining|"
     "i_have|i_have_left|i_got|i_got_left|that_is_left|thats_left|for_me",
     "the only option left"),
    (f"my|our|the|its_the|is_the|s_the only|last|final|one {_WAYS}|option|choice|move|hope|"
     "resort|card", "my only option / the last option"),
    ("my|our|the only way|shot $", "my only way, at the end of a clause"),
    ("my|our|the|its_my|is_my|its_the|is_the only way out|forward|left|now|to_end_it|"
     "to_stop_it|to_make_it_stop|to_fix_this|to_get_justice", "my only way out"),
    ("violence|this|killing|shooting|revenge|it is|s|'s the|my only|last option|choice|"
     "answer|way|solution|resort|hope", "violence is the only answer"),
    ("is|s|are all|everything i_have|i_have_left|i_got|thats_left|that_is_left|left|"
     "that_remains", "this is all I have left"),
    ("the last thing i|we can|could do|try|have", "the last thing I can do"),
    ("last|only thing left|remaining", "the only thing left"),
    ("its|it_is|its_either|either|s this or nothing|never", "it's this or nothing"),
    ("back|backs is|s|are|against the wall", "my back is against the wall"),
    ("pushed|backed|forced|driven|cornered|boxed me|us into|to|in a|the|my? corner|"
     "this|last_resort|the_edge|this_point", "pushed me into a corner"),
    ("cornered|trapped $", "cornered"),
    ("forced|pushed|drove|driven me to|into this|it|doing_this|do_this", "you forced me to do this"),
    ("made me|us do this", "you made me do this"),
    ("it_has|its|it_s|it|things_have|things_has|its_has|it_is|has come|came|comes down? to this",
     "it has come to this"),
    ("comes|came|come down to this", "it comes down to this"),
    ("no way out", "no way out (any subject)"),
    ("way out but|except", "no way out but this"),
    ("see|find|have|got no other? way|way_out|option|options|choice|solution|solutions|alternative",
     "I see no other solution"),
    ("left|leave|leaves|leaving|gave|give|giving|given me|us|myself no|no_other|zero|nothing_but|"
     "without_a|without_any|without_another choice|option|options|way|path|alternative|"
     "alternatives|choices|other_choice|other_option|other_way|other_path",
     "you left me no other option"),
    ("all i|we can_do|have_left|got_left|have $", "all I can do"),
)

_DIMINISHING_PATIENCE_FAMILIES: tuple[tuple[str, str], ...] = (
    ("cant|cannot|can_not|wont|will_not|couldnt|aint_gonna|not_gonna|refuse_to take|stand|"
     "handle|bear|tolerate|do|deal_with|deal|put_up_with|keep_putting_up_with|keep_taking|"
     "keep_doing|live_with|go_on_with|keep_going_with|stomach|put_up it|this|that|them|you|"
     "u|yall|you_all|any_of_you|any_of_it|this_school|this_place|people|everyone|it_all|"
     "this_life|one_more_day|another_day|much_more|the_bullying|school? anymore|any_more|"
     "any_longer|no_more|no_longer|much_longer|another_day|one_more_day",
     "can't take/stand/do this anymore (family)"),
    ("cant|cannot|can_not|cant_even|cannot_even|can_not_even|couldnt anymore|any_more|"
     "no_more|any_longer|no_longer|do_it_anymore|do_this_anymore", "I cannot anymore"),
    ("cant|cannot|can_not|wont|will_not|couldnt|refuse_to take|stand|handle|bear|tolerate|"
     "put_up_with|deal_with you_people|u_people|these_people|yall_people|any_of_u|you_guys|"
     "u_guys|everyone_here|anybody|anyone|nobody|my_life|this_life|life|school anymore|"
     "any_more|any_longer|no_more|no_longer", "can't put up with you people anymore"),
    ("cant|cannot|can_not|wont|couldnt keep putting_up_with|taking_it|taking_this|dealing_with|"
     "living_like_this|going_on_like_this|going_like_this|pretending|ignoring_it|letting_it|"
     "letting_them|being_patient|being_nice|being_quiet", "can't keep putting up with this"),
    ("cant|cannot|can_not|wont|couldnt take|stand|handle|bear|do|put_up_with|tolerate one|"
     "another|a_single more|other day|minute|second|week", "can't take one more day"),
    ("done|finished|through|over waiting|being|putting_up|taking_it|playing_nice|trying|"
     "asking|talking|begging|caring|hoping|pretending|crying|letting", "done being nice (family)"),
    ("im|i_am|i_m|ive_been|iam so? done|finished|through|over $", "I'm done, clause-final"),
    ("im|i_am|i_m|iam|ive_been beyond|past|way_past|well_past|completely|totally|100|"
     "officially done|over_it|finished|through", "I'm beyond done"),
    ("^ done|fed_up|finished $", "'Done.' as a clause of its own"),
    ("done|finished|through with|w all? this|it|them|you|u|yall|everyone|"
     "everybody|everything|people|this_school|this_place|school|all_of_you|all_of_u|you_all|"
     "it_all|the_bullying|the_teachers|being|lhhs", "I'm done with them (family)"),
    ("im|i_am|iam|i_m so? over it|this|them|you|u|yall|everyone|everybody|everything|"
     "waiting|being|all_of_you|it_all|people|this_school|this_place", "I'm over it"),
    ("^ enough $", "'Enough.' as a clause of its own"),
    ("^ done waiting|talking|being", "'Done waiting' without a subject"),
    ("had|have|ve it up_to_here|with|$", "I've had it (with you)"),
    ("ive|i_have|i_ve|weve|i_had|we_had|have|had had it", "I have had it"),
    ("had|have|ve enough of|with|already|now|$", "had enough"),
    ("ive|i_have|i_ve|we_have|weve had enough", "I've had enough"),
    ("tired|sick|sick_and_tired|fed_up|exhausted|sick_to_death|tired_to_death|"
     "sick_to_my_stomach|so_tired|so_sick of|with waiting|being|it|this|that|them|you|"
     "u|yall|everyone|everybody|everything|all|people|this_school|this_place|it_all|"
     "all_of_you|all_of_u|you_all|the_way|how|getting|having|living|school|lhhs|"
     "the_bullying|the_teachers|their|asking|begging|trying|hoping|pretending|crying|"
     "explaining|telling|talking|feeling|hiding|dealing|being_treated|being_bullied|"
     "being_laughed_at|being_ignored|being_pushed|being_picked_on|you_people|u_people|"
     "these_people|this_place|this_life|my_life|life|everything|it_all",
     "tired/sick of it (family)"),
    ("fed up with|w|of|$", "fed up"),
    ("patience|patients|patience_is|patience_has|patience_s is|has|s|was|have? gone|over|done|"
     "out|up|exhausted|thin|wearing_thin|worn_thin|run_out|ran_out|running_out|finished|"
     "gone_now|at_an_end|ended|dead|snapped|lost|used_up|wore_out|worn_out",
     "my patience is gone (family)"),
    ("no|zero|none more|left? patience", "no more patience"),
    ("out|run_out|ran_out|running_out of patience", "out of patience"),
    ("lost|losing|lose my|all|the|any patience", "lost my patience"),
    ("last nerve|nerves", "on my last nerve"),
    ("been|was|ive_been|i_have_been|being patient long|for|way|too|enough|long_enough|"
     "too_long|for_too_long|way_too_long|for_years|for_months|forever|with_you",
     "been patient too long (family)"),
    ("waited|waiting|ive_waited|i_have_waited|been_waiting long|long_enough|enough|too_long|"
     "for_too_long|way_too_long|for_years|for_months|forever|so_long",
     "waited long enough (family)"),
    ("end of my|the rope|tether|line|leash|patience", "at the end of my rope"),
    ("tolerated|endured|dealt_with|put_up_with|suffered|taken|stood|tolerating|enduring|"
     "suffering this|it|them|you|you_people|u_people|u|yall|everyone|this_school|all_of_you|"
     "all_of_this|people|the_bullying|it_all|this_place|all_of_it? for|way? too_long|"
     "long_enough|enough|for_too_long|for_years|for_months|so_long|way_too_long|"
     "too_much", "tolerated you people for too long"),
    ("at|reached|hit|hitting|reach my limit|limits|breaking_point",
     "reached my limit"),
    ("wits|wit_s end", "at my wit's end"),
    ("put|putting up with this|it|that|them|you|u|yall|everyone|everybody|all_of_it|"
     "all_of_you|this_for_years|it_for_years|this_school|people|this_place long|too|way|for|"
     "enough|anymore|any_longer|no_more|long_enough|too_long|for_years|for_too_long",
     "put up with it long enough (family)"),
    ("put|putting up with this|it|them|you for years|months|so_long|too_long|long_enough",
     "put up with this for years"),
    ("no more waiting|talking|warnings|patience|mr_nice_guy|nice_guy|being_nice|excuses|"
     "second_chances|chances_for_you|playing_nice", "no more waiting (family)"),
    ("^ no more $", "'No more.' as a clause of its own"),
    ("the last time you|u|yall|they|anyone|anybody|people|everyone|you_all laugh|laughs|"
     "mess|messes|push|pushes|bully|bullies|ignore|ignores|disrespect|disrespects|hurt|hurts|"
     "touch|touches|make_fun|makes_fun|humiliate|humiliates|treat|treats|call|calls",
     "this is the last time you laugh at me"),
    ("done|finished|through being nice|patient|quiet|ignored|pushed|bullied|the_joke|a_joke|"
     "a_target|the_victim|a_victim|invisible|polite|the_punching_bag|a_punching_bag|"
     "laughed_at|stepped_on|walked_on|disrespected", "done being ignored"),
    ("i|ive|i_have|im|i_am finally? snapped|lost_it|cracked|broke|reached_my_limit",
     "I snapped"),
    ("about to|gonna|going_to|finna|ready_to snap|lose_it|crack|explode_on|go_off",
     "about to snap"),
    ("last|final straw|warning|nerve", "last straw / last warning"),
)

_SHRINKING_OPPORTUNITY_FAMILIES: tuple[tuple[str, str], ...] = (
    ("my|our|the|your|this|this_is|its|its_my|is_my|is_the last|final|only|one|best|"
     "last_real|last_good chance|chances|opportunity|opportunities|shot|window|moment",
     "my last/only chance (family)"),
    ("last|final|only|one chance|opportunity|shot|window", "last chance (no determiner)"),
    ("lose|losing|lost|miss|missing|blow|waste my|the|this|our chance|opportunity|window|"
     "shot|nerve|moment", "before I lose my chance"),
    ("wont|will_not|wont_ever|will_never|never|not|dont|cant|not_gonna|aint_gonna|"
     "never_going_to|never_gonna|not_going_to|might_not|may_not|probably_wont|prob_wont "
     "get|have|be_given|be_getting|see|find another|a_second|one_more|a_better|a_new|any_more|"
     "another_good chance|chances|opportunity|shot|window|time|try",
     "won't get another chance (family)"),
    ("no|zero second|more|other chance|chances|opportunities|shots", "no second chance"),
    ("wont|will_not|not|no_longer|never|dont|wont_ever have|get the|a|my|any|much chance|"
     "opportunity|shot|time anymore|again|much_longer|after_this|after_that|after_today|"
     "after_friday|after_this_week", "won't have the chance anymore"),
    ("last|final|only day|night|week|hour|minute|moment to stop|catch|save|find|help me|us|"
     "them|it", "last day to stop me"),
    ("before|b4|or its|it_is|it_gets|its_gonna_be|it_will_be|it_becomes too late",
     "before it's too late"),
    ("will|gonna|itll|it_will|would|soon|or be too late", "it will be too late"),
    ("too late $", "too late, at the end of a clause"),
    ("running|run|ran|runnin|runing out_of|low_on time|days|chances|opportunities|tries|"
     "time_for_you|time_for_all_of_you", "running out of time (family)"),
    ("out of time|chances|tries|days", "out of time"),
    ("running|run|ran|runnin|runing|getting short|low on|of time", "running short on time"),
    ("time|times|clock|clocks|my_time|your_time|the_time|the_clock|their_time|our_time "
     "is|s|has|are|has_been? running|runnin|almost|nearly|about_to_be|close_to|ticking|"
     "up|out|running_out|almost_up|nearly_up|run_out|ran_out|short|over|low|"
     "slipping|slipping_away", "time is (almost) up (family)"),
    ("times|time_is|time_s|your_time_is almost|nearly? up|over|out|short", "time's up"),
    ("clock|clocks|countdown is|s|has? ticking|on|started|begun|running|going",
     "the clock is ticking"),
    ("now or never|not_at_all|never_again", "now or not at all"),
    ("or never $", "... or never"),
    ("while i|we still? can|have_the_chance|have_a_chance|have_time|have_the_time|"
     "have_the_nerve|am_able|get_the_chance", "while I still can (family)"),
    ("before i|we cant|cannot|lose_the_chance|lose_my_chance", "before I can't anymore"),
    ("while i|we still have|got the|a chance|time|nerve|opportunity|window",
     "while I still have the chance"),
    ("before they|anyone|anybody|someone|somebody|people|the_school|teachers|cops|police|"
     "my_parents|my_mom|my_dad|the_counselor|admin|the_principal|security can|could? stop|"
     "stops|catch|catches|find_out|finds_out|notice|notices|catch_on|catches_on|figure_it_out|"
     "figures_it_out|expel|expels|move|moves|send_me_away|lock_me_up|get_to_me|"
     "search|searches|realize|realizes|take_it_away|takes_it_away",
     "before they stop me (family)"),
    ("before i|we lose|change|miss|blow|waste my|our|the? nerve|mind|chance|courage|"
     "opportunity|shot|window", "before I lose my nerve"),
    ("before i|we chicken|back|punk out", "before I chicken out"),
    ("before i|we get|am|m|gets|are expelled|caught|stopped|arrested|suspended|sent_away|"
     "moved|kicked_out|locked_up|transferred|found_out|taken_away|committed",
     "before I get expelled"),
    ("dont|do_not|didnt|not|no|doesnt have|got? much|a_lot_of|any|enough|more|a_lot|"
     "lots_of? time left|remaining", "don't have much time left (family)"),
    ("dont|do_not|doesnt have|got much time $", "I don't have much time, clause-final"),
    ("not|no|little|hardly_any much|enough|any|more? time left|remaining",
     "not much time left"),
    ("only|just have|got|got_until|have_until|have_till|till|until|til|through|left? till|"
     "until|til|through|before", "I only have till Friday"),
    ("days|time|hours|weeks are|is|s numbered|running_out|almost_up|counted|short",
     "days are numbered"),
    ("window|opportunity|chance is|s|has? closing|closes|shutting|slipping|almost_gone|"
     "going|gone|running_out|narrowing", "the window is closing"),
    ("it|this has_to|needs_to|must|gotta|got_to|will_have_to be|happen|go_down now|today|"
     "tonight|tomorrow|this_week|this_friday|soon|before", "it has to happen this week"),
    ("this_is|its|it_is|today_is|todays|tomorrow_is|tomorrows|this_week_is|friday_is my|"
     "your|our|the last|final day|days|week|night|chance|friday|monday",
     "tomorrow is my last day"),
    ("my|our|your last|final|only day|days|week|weeks|night|chance here|at|in|alive|left|"
     "on_earth|$", "my last day here"),
    ("last day|days|week for you|u|yall|all_of_you|all_of_u|you_all|everyone|everybody|"
     "them|all|lhhs|this_school", "the last day for all of you"),
)

_LEGACY_TOKEN_FAMILIES: tuple[tuple[str, str], ...] = (
    ("manifesto|manifestos|manafesto|manefesto|manifest|manifestoes", "manifesto, misspelled"),
    ("my|the last|final will|testament", "my last will"),
    ("my|a testament|testimony is|s written|ready|done|finished", "my testament is written"),
    ("wrote|written|writing|left|leaving|recorded|recording|made|finished letters|notes|"
     "goodbye|goodbyes|a_letter|a_note|a_video|a_goodbye_video|a_last_message to|for my? family|mom|dad|mother|father|parents|"
     "friends|everyone|sister|brother|brothers|sisters|grandma|loved_ones|the_world|"
     "the_police|the_school|whoever_finds", "wrote letters to my family"),
    ("goodbye|farewell|suicide|final|last|parting letter|letters|note|notes|video|videos|"
     "message|messages|post|posts|words|text|texts|tweet|snap|entry|goodbye|goodbyes",
     "a goodbye letter / last words"),
    ("said|saying|say|sayin|made|making|sent|sending my|all_my|our|final|last goodbyes|"
     "goodbye|farewells|farewell", "I already said my goodbyes"),
    ("said|saying|say|sayin|sent|texted goodbye|goodbyes|bye|farewell to my|all_my|everyone|"
     "everybody|the_world? family|mom|dad|parents|friends|sister|brother|loved_ones|people|"
     "already", "said goodbye to my family"),
    ("this_is|its|this|heres|here_is my|our|a final? goodbye|farewell|goodbyes|last_goodbye",
     "this is my goodbye"),
    ("is|s|as my|our final|last? goodbye|farewell|goodbyes", "this post is my goodbye"),
    ("goodbye|bye|farewell|goodby world|everyone|everybody|forever|all|cruel_world|lhhs|"
     "all_of_you|yall|you_all", "goodbye world / goodbye everyone"),
    ("remember|remembers|never_forget|wont_forget|will_never_forget "
     "my_name|me|who_i_am|who_i_was|what_i_did|what_i_do|what_i_have_done|the_name|my_face",
     "remember my name / know who I am"),
    ("want|wanna|need|going|gonna|will|ill|im|i_will|want_to|gotta|to be remembered|"
     "infamous|a_legend|immortal|on_the_news|all_over_the_news|a_martyr",
     "I want to be remembered"),
    ("remembered forever|for_this|for_what_i_did|for_what_i_do|as|for_ever", "remembered forever"),
    ("famous|infamous forever|for_this|for_what_i_did|for_what_i_do",
     "remembered forever"),
    ("never|wont|will_never|cant|nobody|no_one|noone|nobody_will|no_one_will|nobodys|"
     "nobody_is_gonna|no_one_is_going_to|no_one_will_ever|never_ever will? forget|forgets "
     "me|my_name|this|what_i_did|what_i_do|this_day|who_i_am|that_day|friday|monday|tomorrow",
     "nobody will forget me"),
    ("everyone|everybody|the_world|people|yall|you_all|they|history|the_whole_world|"
     "the_whole_school|the_news|lhhs will|gonna|is_gonna|are_gonna|is_going_to|are_going_to|"
     "ll finally|all|always|never? know|remember|learn|see|find_out|hear_about|talk_about "
     "my_name|me|who_i_am|who_i_was|what_i_did|what_i_can_do|the_name|my_story",
     "the world will know my name (family)"),
    ("will|ll|gonna|is_gonna|are_gonna all|always|never? remember|never_forget this_day|"
     "that_day|the_day|the_date|what_happens|friday|monday|tuesday|wednesday|thursday|"
     "saturday|sunday|tomorrow|today|tonight", "they will remember the day of the act"),
    ("history|the_world|the_news|everyone|everybody will|is_gonna|gonna|ll remember|know|"
     "judge|never_forget me|my_name|this|friday|the_day", "history will remember me"),
    ("will|gonna|going_to|theyll|theyre_gonna|people_will|everyone_will|they_will be|"
     "start|keep? talking|talk|writing|write|reading|read|making|make|hearing|hear about me|"
     "my_name|what_i_did|what_i_do", "they'll be talking about me"),
    ("talk|talking|talks|write|writing|remember|remembering|hear|hearing about? me? forever|"
     "for_years|for_decades|for_generations|for_ever|for_a_long_time", "talked about forever"),
    ("the one|person|kid|guy|girl|student they|everyone|everybody|people|the_world|yall|you_all "
     "talk|will_talk|talks|remember|will_remember|never_forget|will_never_forget|read_about|"
     "will_read_about|write_about|will_write_about", "the one they talk about"),
    ("books|documentaries|documentary|movies|a_movie|articles|songs|stories|news_stories|"
     "headlines|podcasts|a_podcast|a_book about me", "documentaries about me"),
    ("make|making|be_on|be_all_over|be_in|ill_be_on|ill_be_all_over|ill_be_in every|the "
     "news|headlines|front_page|news_channel|news_channels", "make the news"),
    ("on|in every news|tv channel|channels|station|stations|site|paper", "on every news channel"),
    ("on|in every|all_the channel|channels|station|stations|screen|screens|front_page|"
     "newspaper|newspapers|feed|feeds|tv", "on every channel"),
    ("my name|face|story|picture|pic will_be|is_gonna_be|is_going_to_be|ll_be|gonna_be "
     "everywhere|on_every_channel|on_the_news|all_over_the_news|in_the_news|in_history|"
     "trending|famous|known|remembered|in_every_paper", "my name will be everywhere"),
    ("my|the story|name|face will_be|is_gonna_be|is_going_to_be|will told|known|everywhere|"
     "on_the_news|famous", "my story will be told"),
    ("go|going|goes|gone|went|written|be_written down in|into history|the_history_books|"
     "infamy", "go down in history"),
    ("gave|give|giving|given|gifted|handed|handing|donated away|out my|all|everything|"
     "all_my|my_stuff|my_things|my_belongings|my_clothes|my_games|my_stuff_away",
     "giving away belongings"),
    ("given|gave|giving away $", "given away, clause-final"),
    ("everything|all_of_my_stuff|all_my_stuff|all_my_things|my_stuff|my_things|everything_i_own|"
     "all_i_own|everything_i_have|my_belongings is|are|s|has_been|have_been given|gave|given_away "
     "away", "everything I own is given away"),
    ("by_the_time|when|once you|u|anyone|someone|somebody|they|people|yall read|see|find|get|"
     "hear|reads|sees|finds|gets|hears this|my_message|my_note|my_letter|this_message",
     "by the time you read this / when you find this"),
    ("if youre|you_are|ur|u_are|anyones|someones reading|seeing|finding this",
     "if you're reading this"),
    ("my|the|this journal|diary|notebook|video|letter|note|blog|post|channel|manifesto|notes|"
     "writings|writing|page|recording|tape|doc|document|folder|file "
     "explains|will_explain|explaining|explained|says_why|tells_you_why|shows_why|"
     "will_tell_you_why|will_show_you_why everything|why|it_all|all", "my journal explains"),
    ("explaining|explains|will_explain everything|it_all|my_reasons|my_side",
     "a video explaining everything"),
    ("read|check|watch|look_at|open|see|go_to|visit my insta|instagram|tiktok|snap|snapchat|"
     "twitter|x|profile|story|stories|account|youtube|channel|feed|bio|discord|reddit|posts|"
     "page|website|site|stream|livestream|live", "check my insta after"),
    ("read|check|watch|look_at|open|listen_to my|what_i journal|diary|notebook|"
     "video|videos|letter|note|blog|post|posts|channel|manifesto|notes|writings|writing|page|"
     "story|account|wrote|posted|recorded|left|doc|document|folder|file|drive|last_post",
     "read my blog after"),
    ("leave|leaving|left|leaves my|a legacy|mark", "leave my legacy"),
    ("my|this|our legacy|legacy_starts", "my legacy"),
    ("ill_be|im_gonna_be|i_will_be|gonna_be|will_be|im_going_to_be|ill_become famous|"
     "infamous|a_legend|legendary|remembered|immortal|a_martyr|on_the_news|"
     "all_over_the_news", "I'll be famous"),
)


def _merge(
    *tables: tuple[tuple[str, str], ...],
) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    for t in tables:
        out.extend(t)
    return tuple(out)


#: Rhetorical questions that are cues in themselves ("what choice do I have?"):
#: they stay cues although the sentence is a question.
RHETORICAL: MappingProxyType[str, tuple[tuple[str, str], ...]] = MappingProxyType(
    {
        "last_resort": (
            ("what else|other_choice|choice|other_option|option|other_way|options|choices "
             "can|could|do|have|is|are|else i|we do|have|got|left|there",
             "what else can I do?"),
            ("what|whats else is|s left|there", "what else is there?"),
            ("what other|else choice|option|options|way|choices do|did i|we have|got",
             "what other choice do I have?"),
        ),
    }
)

#: Double negatives in slang ("ain't got no choice"): before a cue that holds a
#: negation itself, these do not negate it.
DOUBLE_NEGATIVES: frozenset[str] = frozenset({"aint", "dont", "doesnt", "didnt"})

#: Marker lexicon per category: ``{category: ((pattern, comment), ...)}``.
LEXICON: MappingProxyType[str, tuple[tuple[str, str], ...]] = MappingProxyType(
    {
        "last_resort": _merge(_LAST_RESORT, _LAST_RESORT_FAMILIES),
        "diminishing_patience": _merge(_DIMINISHING_PATIENCE, _DIMINISHING_PATIENCE_FAMILIES),
        "shrinking_opportunity": _merge(
            _SHRINKING_OPPORTUNITY, _SHRINKING_OPPORTUNITY_FAMILIES
        ),
        "legacy_token": _merge(_LEGACY_TOKEN, _LEGACY_TOKEN_FAMILIES),
    }
)

# ---------------------------------------------------------------------------
# Harm context: a marker counts only in a message that also speaks of harm.

#: Harm terms (weapons, attacks, intent to hurt); same syntax as the lexicon.
HARM: tuple[tuple[str, str], ...] = (
    ("gun|guns|rifle|rifles|pistol|pistols|shotgun|handgun|glock|ar15|ak47|ammo|ammunition",
     "firearms"),
    ("strap|strapped|blick|choppa|draco|glizzy|heater", "slang for guns"),
    ("ar_15|ak_47|9mm", "firearm models"),
    ("agun|abomb|aknife|arifle|apistol|aweapon|theguns|thegun|thebomb",
     "spaced letters joined with an article ('a g u n' folds to 'agun')"),
    ("bullet|bullets|mags", "ammunition"),
    ("ak|aks|uzi|revolver|revolvers|firearm|firearms|glocks|sniper|semiauto|semi_auto|"
     "automatic_rifle|assault_rifle", "more firearms"),
    ("device|package|bag|backpack is|s|will_be|gets set|planted|armed|rigged|wired|ticking",
     "the device is set (a bomb euphemism)"),
    ("plant|planted|planting|hide|hid|hiding a|the|my device|package|bomb|bombs",
     "planted a device"),
    ("shoot|shoots|shooting|shooter|shooters", "shooting"),
    ("shot up", "shot up"),
    ("getting|get|gets|be|been|being shot", "people getting shot"),
    ("shot dead|down", "shot dead"),
    ("bomb|bombs|explosive|explosives|detonate|ied|grenade|grenades", "explosives"),
    ("blow|blowing up", "blowing up"),
    ("blow|blowing it|the_school|this_school|the_place|everything up", "blowing up"),
    ("knife|knives|machete|stab|stabbing|stabbed", "blades"),
    ("kill|killing|murder|murdering|massacre|slaughter|bloodbath", "killing"),
    ("attack|attacking|weapon|weapons|arson", "attack and weapons"),
    ("burn it|the_school|this_school|everything|the_place down", "arson"),
    ("hurt|hurting|harm everyone|people|them|somebody|someone|you|all_of_you|yall",
     "intent to hurt people"),
    ("make them|you|everyone pay", "revenge"),
    ("will|gonna|going_to all? pay for what|this|it", "revenge"),
    ("will all pay", "revenge"),
    ("pay with their|your lives", "revenge"),
    ("pays|paying with their|your lives", "revenge"),
    ("they_will|theyll|youll|you_will|everyone_will|yall_will|you_all_will pay", "revenge"),
    ("theyll|youll|they_will|you_will|everyone_will|yall_will be sorry", "revenge"),
    ("will all be sorry", "revenge"),
    ("everyone|all_of_you|you_all|yall|you|they|people will|are_going_to|gonna die|bleed|suffer",
     "intent to kill"),
    ("nobody|no_one will survive|make_it_out|get_out", "intent to kill"),
    ("everyone|everybody|all_of_you|you_all|yall dies|die", "intent to kill (present tense: 'tomorrow everyone dies')"),
    ("youll|theyll|yall_will|you_will|we_will all die|bleed|suffer", "intent to kill"),
    ("lockdown|hostage|hostages", "attack scenario"),
)

_WEEKDAY_WORDS = ("today|tonight|tomorrow|tmrw|monday|tuesday|wednesday|thursday|friday|"
                  "saturday|sunday|now|here|this_week|at_lunch|at_noon|at_school|soon")
_COLLECTIVE = ("you|u|yall|you_all|all_of_you|all_of_u|everyone|everybody|them|them_all|"
               "all_of_them|people|you_people|the_school|this_school|the_whole_school|lhhs|"
               "him|her|the_teachers|every_last_one_of_you")

#: Threat-intent phrases: implicit threats count as harm context like weapons do.
#: A strong phrase needs no subject; the code drops it when a first-person subject
#: ("I", "we") stands right before it ("I will pay for lunch").
INTENT: tuple[tuple[str, str], ...] = (
    ("will|gonna|gon|going_to|are_going_to|is_going_to|youll|theyll|yall|ull|shall|"
     "are_gonna|is_gonna|finna|gotta|will_all|ll all|finally|really|soon? pay|regret|suffer|"
     "bleed|die|be_sorry|pay_for_this|pay_for_it|pay_for_what|get_whats_coming|"
     "get_what_they_deserve|get_what_you_deserve|get_what_is_coming|learn_their_lesson|"
     "learn_your_lesson|feel_my_pain|feel_it|know_pain|see_what_happens",
     "you will (all) pay / regret / be sorry"),
    ("pays|paying|bleeds with? their|your? lives|life|blood? "
     + _WEEKDAY_WORDS + "|$", "the whole school pays tomorrow"),
    ("make|making|made|gonna_make|will_make|ill_make|going_to_make " + _COLLECTIVE
     + " all? pay|suffer|bleed|regret|sorry|hurt|feel_it|feel_what_i_feel",
     "make them pay"),
    ("regret|regrets it|this|that|what|the_day|ever|everything|messing|bullying|laughing|"
     "what_you_did|what_they_did", "you'll regret it"),
    ("get|gets|getting|got what|whats|what_is he|she|it|they|you|u|yall|is? deserve|deserves|"
     "deserved|coming", "gets what it deserves"),
    ("youve|you_have|yall|yall_have|you_all|you_have_all|ive|i_have? been|all_been|"
     "been_warned warned", "you've been warned"),
    ("consider this|yourself|yourselves|it your|a? warning|warned", "consider yourselves warned"),
    ("im|i_am|ill_be|i_will_be|were|we_are|gonna_be|coming|come coming|come for " + _COLLECTIVE,
     "I'm coming for you"),
    ("coming for " + _COLLECTIVE, "coming for all of you"),
    ("you|u|yall|you_all|they|some_of_you|none_of_you|half_of_you|most_of_you|all_of_you "
     "wont|will_not|never|not_gonna|aint_gonna|wont_ever|will_never|arent_gonna|are_not_gonna "
     "see|make_it_to|live_to_see|live_past|survive|last_till|last_until|get_to_see|wake_up "
     + _WEEKDAY_WORDS
     + "|another_day|the_weekend|graduation|summer|christmas|next_week|the_end_of_the_day",
     "you won't see tomorrow"),
    ("it|this|everything|it_all|this_all|all_of_this ends|will_end|is_ending|"
     "gonna_end|is_gonna_end|ends_for_you " + _WEEKDAY_WORDS,
     "it ends today"),
    ("last day|days|week|night for you|u|yall|all_of_you|you_all|everyone|everybody|them|"
     "all_of_them|lhhs|this_school|all_of_u", "the last day for all of you"),
    ("taking|take|gonna_take|will_take|ill_take " + _COLLECTIVE
     + " all? with|down_with me|us", "taking you all with me"),
    ("nobody|no_one|noone|none_of_you|none_of_them|not_one_of_you "
     "will|is_gonna|gonna|is_going_to|are_going_to|ever? survive|"
     "make_it_out|walk_out|get_out_alive|leave_alive|be_safe|be_spared|go_home|live",
     "nobody will survive"),
    ("revenge|payback|pay_back|vengeance|retribution|retaliation|reckoning", "revenge"),
    ("its|it_is|time|its_time for|to " + _COLLECTIVE + " to? pay|suffer|die|bleed|learn",
     "time for you all to pay"),
    ("an|the example out of|of " + _COLLECTIVE, "make an example of them"),
    ("watch your|yall|yourselves back|backs", "watch your back"),
    ("hunt|hunting|gonna_hunt " + _COLLECTIVE + " down", "hunt them down"),
    ("hit|hits|hitting|strike|strikes|striking lhhs|the_school|this_school|the_cafeteria|"
     "the_gym|the_assembly", "strike the school"),
    ("end|ending|gonna_end|will_end them|you|everyone|all_of_you|everything|their_lives|"
     "them_all|this_school|lives|it_all|this_for_good|it_for_good|yall", "end it all"),
)

#: Weak threat-intent phrases ("everyone will remember", "they will finally see"):
#: they count only with a collective subject (``COLLECTIVE_SUBJECTS`` or a
#: school target) within ``INTENT_SUBJECT_WINDOW`` tokens before, same clause.
INTENT_WEAK: tuple[tuple[str, str], ...] = (
    ("will|gonna|going_to|youll|theyll|yall|ull|is_gonna|are_gonna|is_going_to|"
     "are_going_to|ll all|finally|always|never|soon|really? remember|understand|see|learn|"
     "know|realize|find_out|forget|feel_it",
     "everyone will (finally) remember / understand / see"),
    ("will|gonna|ll remember|see|know this_day|what_happens|what_i_can_do|what_i_did|"
     "friday|monday|tomorrow|today", "they will remember this day"),
)
#: Tokens that make a weak intent phrase a threat when they are its subject.
COLLECTIVE_SUBJECTS: frozenset[str] = frozenset(
    {
        "yall", "all", "everyone", "everybody", "they", "them", "people",
        "world", "school", "nobody", "noone", "whole", "history", "yourselves",
        "teachers", "students", "class", "bullies", "lhhs",
    }
)
#: Intent phrases starting with one of these words are consequences for someone
#: else ("will pay", "gets what it deserves"): a first-person subject cancels them.
INTENT_SUBJECT_CHECK: frozenset[str] = frozenset(
    {
        "will", "gonna", "gon", "going", "are", "is", "shall", "finna", "gotta", "ll",
        "youll", "theyll", "yall", "ull", "pays", "paying", "suffers", "suffering",
        "bleeds", "regrets", "regret", "get", "gets", "getting", "got",
    }
)
#: How far back a weak intent phrase looks for its collective subject.
INTENT_SUBJECT_WINDOW = 6
#: First-person words right before an intent phrase cancel it ("I will pay").
FIRST_PERSON: frozenset[str] = frozenset(
    {"i", "we", "ill", "im", "ima", "id", "ive", "weve", "well", "were", "me", "myself"}
)

#: Generic targets (a collective or the school): with a stated time of the act in
#: the same or the next sentence they make a harm context. The school's own names,
#: aliases, people and places are added per analysis when ``school`` is given.
TARGETS: tuple[tuple[str, str], ...] = (
    ("everyone|everybody|every1|every_student|every_teacher|every_last_one|"
     "every_single_one at|in|from|inside", "everyone at <X>"),
    ("all of you|u|yall", "all of you"),
    ("you all|people", "you all"),
    ("yall", "y'all"),
    ("this school|place", "this school"),
    ("the|this|that whole school|class|grade|team|staff|bus|cafeteria|gym|hallway|hall|"
     "auditorium|library|building|place", "the whole school"),
    ("everyone|everybody here", "everyone here"),
    ("every|each last? one of you|them", "every last one of you"),
)

#: Abbreviations whose full stop does not end a sentence ("Mr. Cole").
SENTENCE_ABBREVIATIONS: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "mt", "vs"}
)
#: Prepositions before a school place that make it the place of an act
#: ("in the cafeteria"); a bare place ("the cafeteria food") is not a target.
PLACE_PREPOSITIONS = "in|at|to|inside|into|near|outside|by|from"

#: A school's own name with a stated time is a harm context only in a sentence of
#: at most this many words ("LHHS, Friday at noon."), not in everyday notices.
TARGET_TIME_MAX_WORDS = 6

#: Farewell framing: with a target in the message it is a harm context.
FAREWELL: tuple[tuple[str, str], ...] = (
    ("this_is|its|heres|here_is|is|s|as my|our final|last? goodbye|farewell|goodbyes",
     "this is my goodbye"),
    ("my final|last goodbye|farewell|goodbyes", "my final goodbye"),
    ("said|saying|say my|all_my goodbyes", "said my goodbyes"),
)

#: Figurative or harmless uses of harm words; a harm match inside one is dropped.
FIGURATIVE: tuple[tuple[str, str], ...] = (
    ("killing|kills|kill me", "this homework is killing me"),
    ("kill|killed|killing|kills it", "killing it"),
    ("kill|killed|killing|bombed|bomb|ace|aced the|this|that|my test|exam|quiz|final|finals|"
     "presentation|interview|game|audition", "did well or badly on a test"),
    ("dressed to kill", "idiom"),
    ("sniper|rifle|shotgun|pistol|knife|gun|smg|ar build|builds|loadout|loadouts|skin|skins|"
     "perk|perks|mod|mods|attachment|attachments", "game builds and skins"),
    ("shooter|shooting|lockdown|bomb|bomb_threat|intruder|active_shooter|gun|weapon|weapons|"
     "hostage|attack|evacuation|fire|emergency drill|drills|training|trainings|exercise|"
     "exercises|simulation|protocol|protocols|procedure|procedures|safety|awareness|"
     "prevention|plan|plans|policy|policies", "drills, training and safety plans"),
    ("kill time", "idiom"),
    ("heart|panic|asthma|anxiety attack|attacks", "medical"),
    ("attack on titan", "anime title"),
    ("shoot|shooting me a|an text|email|message|dm|pic", "shoot me a text"),
    ("shoot|shooting|shot|shoots hoops|baskets|threes|free_throws|the_ball|a_video|photos|"
     "pictures|a_film|some_hoops|a_movie", "sports and photos"),
    ("photo shoot|shoots", "photography"),
    ("bath bomb|bombs", "bath bombs"),
    ("da|tha bomb", "slang"),
        ("blow up my|your phone", "many messages"),
    ("blowing up my|your phone", "many messages"),
    ("phone|phones|chat|notifications keeps|is|was|kept|keep|are blowing|blew up", "many messages"),
    ("blow|blowing|blew up the? group_chat|groupchat|chat|gc", "many messages"),
    ("hurt my|your feelings", "feelings"),
    ("my|your feelings hurt", "feelings"),
    ("shot|shots glass|clock|caller", "not firearms"),
    ("flu shot|shots", "vaccination"),
    ("booster shot", "vaccination"),
    ("knife|knives and fork|forks", "cutlery"),
    ("butter knife", "cutlery"),
    ("mags|magazine subscription|subscriptions", "reading"),
    ("killer whale|whales|queen|app|instinct", "not killing"),
    ("hunger games", "book title"),
    ("rifle|pistol|archery|skeet|trap team|club|range|practice|course|squad",
     "school shooting sports"),
    ("hunter|gun|firearm safety course|class|program", "safety courses"),
    ("shooting guard|star|percentage|drills|sleeve", "sports"),
)

# ---------------------------------------------------------------------------
# Context cues (single tokens unless said otherwise)

#: Emoji read as the word they stand for (a gun emoji is a gun).
EMOJI_WORDS: MappingProxyType[str, str] = MappingProxyType(
    {
        "\U0001f52b": "gun",  # pistol
        "\U0001f4a3": "bomb",
        "\U0001f52a": "knife",  # kitchen knife
        "\U0001f5e1": "knife",  # dagger
        "\U0001f4a5": "boom",
        "\u2620": "death",  # skull and crossbones
    }
)

#: Tokens that start the main clause of a conditional ("if I wait, I'll ..."):
#: a hypothetical cue word before them does not reach the cue.
MAIN_CLAUSE_MARKERS: frozenset[str] = frozenset({"ill", "then", "imma", "ima"})

#: Slang and leet spellings of single words, folded before matching
#: (``2`` -> ``to``, ``u`` -> ``you``), so the lexicon is written once.
SLANG: MappingProxyType[str, str] = MappingProxyType(
    {
        "2": "to", "u": "you", "ur": "your", "r": "are", "b4": "before", "bc": "because",
        "cuz": "because", "ya": "you", "yu": "you", "dat": "that", "da": "the",
        "tha": "the", "nuthin": "nothing", "nothin": "nothing", "nuthing": "nothing",
        "gon": "gonna", "finna": "gonna", "ima": "im", "imma": "im", "wanna": "want",
        "waitin": "waiting", "runnin": "running", "ppl": "people", "every1": "everyone",
        "any1": "anyone", "some1": "someone", "no1": "nobody", "l8r": "later",
        # common misspellings of cue words
        "choise": "choice", "chioce": "choice", "choce": "choice", "optoin": "option",
        "opton": "option", "optons": "options", "anymor": "anymore", "nemore": "anymore",
        "pateince": "patience", "pacience": "patience", "patiance": "patience",
        "waitng": "waiting", "wating": "waiting", "chanse": "chance", "chence": "chance",
        "oppurtunity": "opportunity", "oppertunity": "opportunity",
        "opportunaty": "opportunity", "goodby": "goodbye", "gudbye": "goodbye",
        "goodbie": "goodbye", "rember": "remember", "remeber": "remember",
        "rememeber": "remember", "nothign": "nothing", "nothng": "nothing",
        "eveyone": "everyone", "everone": "everyone", "evryone": "everyone",
        "evry1": "everyone", "gunna": "gonna", "gona": "gonna", "tryna": "trying",
        "sed": "said", "sayin": "saying", "enogh": "enough", "enugh": "enough",
        "lst": "last", "resrt": "resort", "mannifesto": "manifesto", "yal": "yall",
        "bringin": "bringing", "comin": "coming", "goin": "going", "somethin": "something",
        "tellin": "telling", "takin": "taking", "doin": "doing", "tierd": "tired",
        "sik": "sick",
        "enuf": "enough", "enuff": "enough", "cant": "cant", "cannot": "cant",
        "wont": "wont", "dont": "dont", "tho": "though", "thru": "through",
    }
)

#: Negation: one of these up to ``NEGATION_WINDOW`` tokens before a cue, in the
#: same clause, cancels it. Cues that contain a negation ("no other choice") are
#: matched as whole phrases, so the negation inside them does not count.
NEGATORS: frozenset[str] = frozenset(
    {
        "not", "never", "no", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt",
        "werent", "wont", "wouldnt", "cant", "cannot", "couldnt", "shouldnt", "aint",
        "nobody", "neither", "nor", "hardly", "without", "nah", "nope",
    }
)
#: Tokens before a cue (same clause) that make it negated in these amounts.
NEGATION_WINDOW = 4

#: Clause-level hypothetical cues (before the cue, same clause).
HYPOTHETICAL_CLAUSE: frozenset[str] = frozenset(
    {
        "if", "unless", "whether", "would", "wouldve", "could", "couldve", "might",
        "imagine", "imagining", "suppose", "supposing", "pretend", "pretending",
        "hypothetically", "wonder", "wondering", "theoretically", "whoever", "someday",
    }
)
#: Strong hypothetical words that also cancel a harm term (a plain "if" does not:
#: conditional threats are threats).
HYPOTHETICAL_STRONG: frozenset[str] = frozenset(
    {
        "imagine", "imagining", "suppose", "supposing", "pretend", "pretending",
        "hypothetically", "wonder", "wondering", "theoretically",
    }
)
#: Message-level fiction or hypothetical frames (phrases): the whole message is not
#: a statement about the writer.
HYPOTHETICAL_MESSAGE: tuple[tuple[str, str], ...] = (
    ("what if", "what if"),
    ("in my|the|a|our story|novel|book|movie|film|screenplay|script|play|game|essay|poem",
     "fiction"),
    ("my|the|a|our story|novel|book|movie|film|screenplay|script|play|poem is|was about",
     "fiction"),
    ("creative_writing|short_story|fan_fiction|fanfic|fiction|roleplay|role_play|rp",
     "fiction"),
    ("main_character|the_character|villain|villains|villian|protagonist|antagonist|"
     "my_character|chapter|episode|plot", "fiction"),
    ("video_game|video_games|fortnite|minecraft|roblox|call_of_duty|cod|valorant|gta|"
     "among_us|zombies|nerf|paintball|airsoft|laser_tag", "games"),
    ("gg|ggs|afk|pvp|pve|lag|lagging|noob|noobs|loot|headshot|headshots|respawns|"
     "final_boss|boss_fight|the_boss|lobby|matchmaking|respawn|respawned|raid|speedrun|"
     "speed_run|the_map|ranked|my_squad|the_squad|loadout|final_circle|npc|npcs|dlc|"
     "level_up|xp|checkpoint|side_quest|last_mission|co_op|multiplayer|"
     "overwatch|apex|halo|pubg|warzone|skyrim|zelda|pokemon|controller|"
     "playstation|ps5|nintendo|steam|twitch|stream|streaming|discord_server",
     "more games"),
    ("book_report|book_club|english_class|history_class|read_in_class", "schoolwork"),
    ("hypothetically|theoretically", "hypothetical"),
)

#: Reported speech inside one sentence, before the cue.
REPORT_FRAMES: tuple[tuple[str, str], ...] = (
    ("he|she|they|someone|somebody|people|kids|students|friend|brother|sister|cousin|"
     "guy|girl|kid|student|person|user|account said|says|posted|posts|wrote|writes|"
     "texted|tweeted|claimed|claims|told|tells|sent|saying|keeps|kept|talks|talked|"
     "talking|mentioned|mentions|threatened", "he said, someone posted"),
    ("according to", "according to"),
    ("i|we heard|saw", "I heard"),
    ("quote|quoting|quoted", "quoting"),
)

#: Message-level repost / forwarding frames: cues anywhere are someone else's.
REPORT_MESSAGE: tuple[tuple[str, str], ...] = (
    ("fwd|fw|forwarded|forwarding|repost|reposting|reposted|screenshot|screenshots",
     "forwarded"),
    ("going around", "it's going around"),
    ("saw|seen|found this|a_post|this_post|this_message|it_online", "I saw this"),
    ("someone|somebody|people|kids|a_student|an_account is|are posting|sharing|saying",
     "someone is posting"),
    ("someone|somebody|an_account|a_student posted|wrote|shared|sent", "someone posted"),
    ("someone|somebody|a_student|an_account is|was threatening", "tip about someone"),
    ("rumor|rumors|rumour|rumours", "rumours"),
    ("report dont repost", "safety notice"),
)

#: Message-level news frames: the message tells of someone else's past act.
NEWS_MESSAGE: tuple[tuple[str, str], ...] = (
    ("news|article|articles|paper|newspaper|documentary|podcast|report|reports|police|"
     "officials|investigators|authorities|prosecutors|historian|historians|headline|"
     "headlines|survivor|survivors|witnesses|detectives|cops said|says|say|reported|report|"
     "reports|stated|wrote|showed|shows|found|revealed|claimed|described|confirmed",
     "the news said"),
    ("according_to the news", "according to the news"),
    ("in|from|according_to the|a|that|this article|documentary|podcast|paper|"
     "newspaper|report|broadcast|history_book", "in the documentary"),
    ("breaking news", "a news heading"),
    ("the shooter|gunman|attacker|bomber|suspect|assailant|perpetrator|killer|arsonist|"
     "assassin|terrorist|shooters|suspects|attackers|bombers who|had|left|"
     "wrote|said|felt|posted|called|was|in_that", "the gunman (third person, past)"),
    ("the|that 1999|2012|2018|2019|2021|2022|2023|2024|2025 attack|shooting|bombing|case|"
     "tragedy|massacre", "a dated past attack"),
)

#: Reporting verbs: one earlier in the sentence with a subject that is not the
#: writer ("a kid in my class keeps saying ...") makes the rest reported speech.
REPORT_VERBS: frozenset[str] = frozenset(
    {
        "said", "says", "saying", "say", "posted", "posts", "posting", "wrote", "writes",
        "writing", "texted", "texts", "texting", "tweeted", "told", "tells", "telling",
        "claimed", "claims", "claiming", "mentioned", "mentions", "admitted", "admits",
        "threatened", "threatens", "shared", "sharing", "dmd", "messaged", "screamed",
        "yelled", "yelling", "bragged", "bragging", "joked", "warned", "announced",
        "overheard", "heard", "hear", "reported", "reports", "commented", "replied",
        "painted", "scrawled", "carved", "drew", "graffitied", "etched", "scribbled",
        "snapped_at", "sent", "sends", "typed", "whispered",
    }
)
#: Subjects that keep a reporting verb the writer's own ("I said I have no choice").
OWN_SUBJECTS: frozenset[str] = frozenset({"i", "ive", "im", "id", "ill", "we", "weve", "ii"})
#: Words skipped when looking for a reporting verb's subject ("he keeps saying").
REPORT_SKIP: frozenset[str] = frozenset(
    {"keeps", "kept", "always", "just", "also", "even", "then", "again", "has", "had",
     "have", "was", "is", "literally", "once", "apparently", "allegedly", "supposedly",
     "never", "basically", "constantly", "randomly", "still", "who", "that"}
)
#: Third-person subjects: a cue whose clause starts with one (and holds no
#: first-person word) is about someone else ("she has nothing left to lose").
THIRD_PERSON: frozenset[str] = frozenset(
    {"he", "she", "hes", "shes", "hed", "shed"}
)
#: Words dropped before matching: they never change what a cue means.
FILLERS: frozenset[str] = frozenset(
    {
        "literally", "honestly", "really", "just", "so", "fr", "frfr", "truly", "totally",
        "actually", "basically", "seriously", "fucking", "freaking", "frickin", "freakin",
        "effing", "damn", "dang", "bro", "bruh", "tbh", "ngl", "lowkey", "highkey", "deadass",
        "finally", "officially", "completely", "absolutely", "pretty", "very", "um", "uh",
    }
)

#: Past or resolved frames, before the cue in the same sentence.
PAST_CUES: tuple[tuple[str, str], ...] = (
    ("used to", "used to"),
    ("last year|month|summer|semester|spring|fall|winter|time", "last year"),
    ("years|months|weeks|days ago", "ago"),
    ("ago", "ago"),
    ("back then|when|in", "back then"),
    ("when i was", "when I was"),
    ("in the past", "in the past"),
    ("at the time", "at the time"),
    ("felt|thought|was|were|believed|once", "past-tense frame"),
    ("i had felt", "pluperfect"),
)
#: Tokens of ``PAST_CUES`` look back this many tokens before a cue.
PAST_WINDOW = 6

#: Message-level signs that the situation is resolved.
RESOLVED_MESSAGE: tuple[tuple[str, str], ...] = (
    ("im|i_am|i_feel|im_feeling|im_doing|things_are much|so? better|fine|okay|ok now",
     "I'm better now"),
    ("got|getting the? help", "got help"),
    ("thanks to my? counselor|counselors|counseling|therapist|therapy", "support"),
    ("its|it_is all? over now", "it's over now"),
    ("worked it out", "resolved"),
)

#: Message-level joke frames.
JOKE_MESSAGE: tuple[tuple[str, str], ...] = (
    ("jk|jking|jokin|joking|kidding|kiddin|prank|pranking|meme|memes|trolling|troll", "joking"),
    ("its|it_is|it_s|just|only|all|as a? joke|jokes|bit", "it's a joke"),
)
#: Sentence-level laughter (the sentence is not meant literally).
JOKE_SENTENCE: tuple[tuple[str, str], ...] = (
    ("lol|lmao|lmfao|rofl|haha|hahaha|hehe|xd|lolol", "laughter"),
)
#: Message-level song or lyrics frames.
#: Message-level sports, toy and photography frames: in such a message the shoot
#: family of words (``SHOOT_WORDS``) is figurative ("a famous shooter in basketball").
SPORTS_MESSAGE: tuple[tuple[str, str], ...] = (
    ("basketball|hoops|soccer|hockey|lacrosse|netball|volleyball|baseball|softball|"
     "free_throw|free_throws|three_pointer|layup|dunk|nerf|water_gun|airsoft|paintball|"
     "laser_tag|archery|camera|photographer|photography|film|filming", "sports and toys"),
    ("from_three|from_downtown|threes|three_pointers|jump_shot|jumpshot|buzzer_beater|"
     "rebounds|scrimmage|playoffs|playoff_game", "basketball shooting terms"),
)
#: Toy and tool guns: figurative themselves, and they make the shoot family
#: figurative in the whole message ("he keeps shooting me with his nerf gun").
TOY_GUNS: tuple[tuple[str, str], ...] = (
    ("nerf|water|glue|squirt|staple|nail|paintball|laser|airsoft|foam|bb|cap|toy gun|guns",
     "toy and tool guns"),
)
#: Harm words made figurative by a sports or toy frame ("our shooters were lights
#: out"), except when followed by one of ``SHOOT_ATTACK_PARTICLES``: "shoot up the
#: basketball game" is an attack in any frame.
SHOOT_WORDS: frozenset[str] = frozenset(
    {"shoot", "shoots", "shooting", "shooter", "shooters", "shot", "shots"}
)

#: Words after a shoot word that make it an attack even in a sports message.
SHOOT_ATTACK_PARTICLES: frozenset[str] = frozenset({"up"})

LYRICS_MESSAGE: tuple[tuple[str, str], ...] = (
    ("lyrics|lyric|song|songs|sing|singing|sang|chorus|verse|playlist|spotify|album|"
     "rapper", "music"),
)

#: Benign objects: a cue followed (within ``BENIGN_WINDOW`` tokens, same clause)
#: or preceded (within 3 tokens, same clause) by one of these is about a school notice, an exam
#: or politics, not violence.
BENIGN_CONTEXT: MappingProxyType[str, frozenset[str]] = MappingProxyType(
    {
        "shrinking_opportunity": frozenset(
            {
                "permission", "slip", "slips", "form", "forms", "yearbook", "yearbooks",
                "ticket", "tickets", "register", "registration", "signup", "sign",
                "enroll", "enrollment", "order", "orders", "buy", "purchase", "sale",
                "discount", "deal", "vote", "voting", "submit", "turn", "apply",
                "application", "applications", "fees", "fee", "pay", "payment",
                "tryouts", "audition", "auditions", "photo", "photos", "picture",
                "pictures", "fundraiser", "book", "fair", "deadline", "rsvp", "join",
                "exam", "exams", "test", "tests", "quiz", "homework", "assignment",
                "essay", "project", "grade", "grades", "credit", "pass", "study",
                "studying", "scholarship", "donate", "volunteer", "field", "trip",
                "lunch", "menu", "club", "clubs", "prom", "dance", "game", "match",
                "season", "playoff", "playoffs", "bake", "raffle", "library", "books",
                "return", "coupon", "offer", "subscribe", "update", "sat", "psat",
                "tour", "concert", "musical", "moving", "transferring", "retiring",
                "retirement", "vacation", "miss",
            }
        ),
        "last_resort": frozenset(
            {
                "exam", "test", "quiz", "homework", "essay", "grade", "pizza", "dinner",
                "recipe", "diet", "wifi", "printer", "computer", "detention",
            }
        ),
        "diminishing_patience": frozenset(
            {
                "homework", "traffic", "printer", "wifi", "rain", "weather", "winter",
                "math", "tests", "exams", "chores", "snow", "line", "lines",
            }
        ),
        "legacy_token": frozenset(
            {
                "party", "parties", "communist", "campaign", "election", "candidate",
                "platform", "political", "politics", "council", "class", "history",
                "assignment", "project", "essay", "english", "agile", "company",
                "brand", "startup", "product", "design", "art", "artist", "band",
                "album", "futurist", "surrealist", "dogme", "senior", "seniors",
                "yearbook", "graduation", "retirement", "retiring", "teacher",
                "coach", "grandma", "grandpa", "grandmother", "grandfather",
                "graduating", "graduate", "moving", "transferring", "miss", "vacation",
                "probate", "estate", "lawyer", "attorney",
            }
        ),
    }
)
#: Tokens after a cue searched for a benign object.
BENIGN_WINDOW = 7
#: Tokens before a cue searched for a benign object.
BENIGN_WINDOW_BEFORE = 3

# ---------------------------------------------------------------------------
# Time words

#: Vague or past-only time expressions: they never give a time.
VAGUE_TIME: tuple[str, ...] = (
    "soon", "someday", "one day", "next week", "this week", "next month",
    "this month", "sometime", "eventually", "yesterday", "last night", "ago",
)

#: Parts of a day named with a day ("tomorrow morning"): local (hour, minute).
DAY_PARTS: MappingProxyType[str, tuple[int, int]] = MappingProxyType(
    {
        "morning": (8, 0),  # a school morning starts about 8
        "afternoon": (13, 0),  # just after lunch
        "evening": (18, 0),
        "night": (20, 0),  # "tonight" / "friday night"
        "tonight": (20, 0),
        "tonite": (20, 0),
    }
)

#: Parts of a school day: phrase regex (on lower-case text) -> local (hour, minute).
#: Times are typical US K-12 bell times; a district can change them here.
SCHOOL_PARTS: tuple[tuple[str, tuple[int, int], str], ...] = (
    (r"before (?:school|class|classes|the bell|first period)", (7, 30), "before school"),
    (r"(?:first|1st) period|homeroom|morning announcements", (8, 0), "first period"),
    (r"(?:second|2nd) period", (9, 0), "second period"),
    (r"(?:third|3rd) period", (10, 0), "third period"),
    (r"(?:fourth|4th) period", (11, 0), "fourth period"),
    (r"recess", (10, 30), "recess"),
    (r"lunch ?time|lunch period|lunch break|(?:at|during|after|before) lunch", (12, 0),
     "lunch"),
    (r"(?:fifth|5th) period", (13, 0), "fifth period"),
    (r"(?:sixth|6th) period", (14, 0), "sixth period"),
    (r"last period|(?:seventh|7th) period", (14, 30), "last period"),
    (r"dismissal|when school (?:ends|lets out)|end of (?:the )?school day", (15, 0),
     "dismissal"),
    (r"after school|after class|after classes", (15, 15), "after school"),
)

#: Longest sentence (characters) the time extractor looks at; longer sentences are
#: cut, which keeps every regex pass bounded per sentence.
MAX_SENTENCE_CHARS = 2000
#: At most this many sentences are searched for a stated time.
MAX_TIME_SENTENCES = 2000
# fmt: on
