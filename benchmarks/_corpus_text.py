"""Synthetic, labelled corpus for the text analyzer (non-graphic, fictional).

- **Families**: threat templates as they circulate in waves (bomb e-mails with a
  ransom, swatting scripts, "challenge" reposts, ...). Each family is instantiated
  for many fictional schools with its slots swapped (school, date, time, room,
  names, amounts, wallets, e-mail addresses, phone numbers) and with the mutations
  senders use: typos, homoglyphs, zero-width characters, leetspeak, reordered
  sentences, case changes, emoji, forwarding and repost wrappers.
- **Hard negatives**: unique threats composed from a shared phrase bank (same
  vocabulary, different messages), ordinary school notices that use threat words
  (drills, bomb-squad demos, "shoot for the stars"), and sports talk ("we will
  destroy them on Friday").

Everything is generated from a seed; nothing is downloaded.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass

NAME_PARTS = (
    "Oak Ridge",
    "Lincoln",
    "Washington",
    "Maple Valley",
    "Cedar Grove",
    "Riverside",
    "Hillcrest",
    "Jefferson",
    "Franklin",
    "Westfield",
    "Lakeview",
    "Pine Hills",
    "Northside",
    "Eastwood",
    "Roosevelt",
    "Kennedy",
    "Madison",
    "Brookfield",
    "Sunnyvale",
    "Fairview",
    "Springfield",
    "Greenwood",
    "Highland",
    "Valley View",
    "Mount Vernon",
    "Oakwood",
    "Willow Creek",
    "Stone Bridge",
    "Harbor",
    "Central",
    "Silver Lake",
    "Meadowbrook",
    "Crestwood",
    "Briarcliff",
    "Evergreen",
    "Summit",
    "Red Hawk",
    "Bluebonnet",
    "Canyon Ridge",
    "Prairie View",
    "Elmhurst",
    "Grandview",
    "Lone Pine",
    "Foxborough",
    "Kingsley",
    "Ashford",
    "Bayside",
    "Clearwater",
)
SCHOOL_TYPES = (
    "High School",
    "Middle School",
    "Elementary School",
    "High",
    "Academy",
    "Elementary",
    "Junior High",
    "HS",
    "Preparatory Academy",
    "Middle",
)
LAST_NAMES = (
    "Rivera",
    "Nguyen",
    "Patel",
    "Johnson",
    "Okafor",
    "Schmidt",
    "Kowalski",
    "Haddad",
    "Larsen",
    "Moreau",
    "Tanaka",
    "Delgado",
    "Whitaker",
    "Brennan",
    "Castillo",
    "Fitzgerald",
    "Ibrahim",
    "Lindqvist",
    "Mbeki",
    "Novak",
    "Oyelaran",
    "Petrov",
    "Quinlan",
    "Rasmussen",
    "Sandoval",
    "Thornton",
    "Vasquez",
    "Yilmaz",
)
FIRST_NAMES = (
    "Jordan",
    "Taylor",
    "Ava",
    "Liam",
    "Maya",
    "Ethan",
    "Noah",
    "Zoe",
    "Kai",
    "Priya",
    "Mateo",
    "Aisha",
    "Declan",
    "Ines",
    "Tobias",
    "Marisol",
    "Jasper",
    "Nadia",
    "Rowan",
    "Sienna",
    "Emma",
    "Michael",
    "Sarah",
    "David",
)
TITLES = ("Mr.", "Mrs.", "Ms.", "Dr.", "Coach", "Principal")
STREETS = (
    "Elm",
    "Maple",
    "Oak",
    "Pine",
    "Cedar",
    "Birch",
    "Walnut",
    "Chestnut",
    "Spruce",
    "Willow",
    "Magnolia",
    "Sycamore",
)
STREET_TYPES = ("Street", "Avenue", "Road", "Lane", "Boulevard", "Drive")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
ROOMS = (
    "room 204",
    "room 113",
    "the gym",
    "the cafeteria",
    "the library",
    "building B",
    "the auditorium",
    "room 8",
    "the science wing",
    "portable 3",
)
DOMAINS = (
    "protonmail.com",
    "tutanota.com",
    "gmail.com",
    "outlook.com",
    "mail.ru",
    "cock.li",
    "yandex.com",
)

HOMOGLYPHS = {
    "a": "а",
    "e": "е",
    "o": "о",
    "p": "р",
    "c": "с",
    "x": "х",
    "y": "у",
    "i": "і",
    "s": "ѕ",
    "h": "һ",
}
LEET = {"o": "0", "e": "3", "a": "4", "i": "1", "s": "5", "t": "7"}
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
EMOJI = ("💣", "🔫", "😈", "⚠️", "🚨", "💀", "🔥", "‼️")

# ---------------------------------------------------------------------------
# families (templates): a list of sentences; slots in braces

FAMILIES: tuple[tuple[str, ...], ...] = (
    (
        "I have placed several explosive devices inside {school}.",
        "They will detonate at {time} on {date} unless I receive {amount} in bitcoin.",
        "Send the money to {wallet}.",
        "If you call the police or evacuate, I will set them off early.",
        "You have been warned.",
    ),
    (
        "This is not a joke.",
        "There is a bomb hidden in {room} at {school}.",
        "It goes off at {time}.",
        "Everyone inside will pay for what this town did to me.",
        "Contact {email} if you want to know where it is.",
    ),
    (
        "Hello, I am calling to report that I am inside {school} with a rifle.",
        "I am in {room} and I have hostages.",
        "If police come in I will start shooting.",
        "My name is not important, call me back at {phone}.",
    ),
    (
        "Attention {school} students and staff.",
        "On {date} there will be a shooting during lunch.",
        "Do not come to school that day.",
        "Repost this so everyone knows.",
    ),
    (
        "{school} shooting tomorrow at {time}.",
        "I am not joking this time, I have my dad's guns ready.",
        "Everyone in {room} is the first target.",
        "Share with everyone you know.",
    ),
    (
        "We are a group of people who hate your district.",
        "We have hidden pipe bombs in the lockers at {school}.",
        "They are set for {time} {date}.",
        "Pay {amount} to {wallet} and we will tell you where they are.",
        "Any delay and the price doubles.",
    ),
    (
        "To the administration of {school}:",
        "Your students have mocked my child for the last time.",
        "On {date} I will come to the building and settle this myself.",
        "Nobody at {place} will stop me.",
    ),
    (
        "Everybody is saying there is a threat to {school} on {date}.",
        "Someone posted a picture of a gun with the caption see you at school.",
        "Please keep your kids home until the police say it is safe.",
    ),
    (
        "There are three bombs in the school building of {school}.",
        "The bombs are timed for {time} today.",
        "I want {amount} or the building and everyone in it will be destroyed.",
        "This email is being monitored, do not involve law enforcement.",
    ),
    (
        "I'm going to shoot up {school} on {date}.",
        "I have been planning this for months.",
        "{person} and everyone in {room} will regret how they treated me.",
        "This is your only warning.",
    ),
    (
        "Hi, this message is for the principal of {school}.",
        "A bag with explosives was left near the main entrance on {place}.",
        "It will explode in two hours.",
        "I left instructions at {email} for how to stop it.",
    ),
    (
        "Our organization has planted devices in every classroom of {school}.",
        "This is retaliation for the actions of the local government.",
        "The devices are remote controlled and will be triggered at {time}.",
        "Evacuation will not save you, the devices are hidden in the walls.",
    ),
    (
        "Hey everyone, there is a list going around of kids who will be targeted at {school}.",
        "The shooting is planned for {date} after the pep rally.",
        "If your name is on the list stay home.",
        "Please don't tell the teachers, they already know.",
    ),
    (
        "I will bring a gun to {school} on {date} and kill everyone who laughed at me.",
        "I know where {person} parks every morning.",
        "Don't bother looking for me, you will see me at {time}.",
    ),
    (
        "Someone called the front office of {school} at {time} saying there was a man with a gun on campus.",
        "The caller said he could see students running from {room}.",
        "He refused to give a name and hung up when asked for a callback number.",
    ),
    (
        "This is a message for {school}.",
        "A pressure cooker device has been placed under the bleachers.",
        "It will go off during the game on {date}.",
        "We want {amount} sent to {wallet} within six hours.",
        "Every hour you wait the risk grows.",
    ),
    (
        "I am a student at {school} and I can't take it anymore.",
        "On {date} I will end it and take others with me.",
        "The people in {room} know what they did.",
        "Nobody will stop me this time.",
    ),
    (
        "Warning to all parents: the threat against {school} is real.",
        "My cousin heard a student saying he will bring a weapon on {date}.",
        "The police are not doing anything about it.",
        "Keep your children home and share this post.",
    ),
    (
        "Good morning.",
        "I have hidden an explosive device inside {school}.",
        "It is set to go off at {time}.",
        "You will not find it in time.",
        "If you want to prevent a tragedy contact me at {email} immediately.",
    ),
    (
        "Dear {school},",
        "you have been chosen.",
        "At {time} on {date} there will be a massacre unlike anything before.",
        "The police cannot protect you.",
        "We are already inside.",
    ),
    (
        "{person} is going to die on {date}.",
        "I will wait outside {place} after school and finish this.",
        "Tell anyone and it happens sooner.",
    ),
    (
        "There is a bomb at {school}.",
        "Get everyone out now.",
        "You have {minutes} minutes.",
    ),
    (
        "I planted a bomb in the bathroom near {room} at {school}.",
        "It will go off at {time} if school is not cancelled today.",
        "Cancel school or people get hurt.",
    ),
    (
        "Please be aware that we received information about a threat directed at {school}.",
        "The message claimed that a shooter would arrive at {time} on {date}.",
        "If you see anything suspicious call {phone} immediately.",
    ),
    (
        "Students of {school}, the day of reckoning is {date}.",
        "I have studied every exit and every hallway.",
        "Teachers like {person} cannot hide in {room}.",
        "The countdown has started.",
    ),
    (
        "We are the ones who did the threats last month.",
        "This time {school} is next.",
        "Bombs are in place and the timer is running, {time} is the deadline.",
        "Send {amount} to {wallet} or watch it on the news.",
    ),
    (
        "To whoever reads this at {school}:",
        "I am sitting in my car across from {place} with a loaded weapon.",
        "I will walk in at {time}.",
        "Nothing you do will change my mind.",
    ),
    (
        "There will be a shooting at {school} on {date} at {time}.",
        "Anyone who stays is responsible for what happens.",
        "Spread this to every student.",
    ),
    (
        "Final warning for {school}.",
        "The explosives are in the ventilation system.",
        "At {time} the whole building will come down.",
        "Pay {amount} at {wallet} or accept the consequences.",
        "We will know if you contact anyone.",
    ),
    (
        "the teachers at {school} think this is a joke but its not",
        "on {date} im bringing my brothers gun",
        "{person} you are first",
        "dont come if you want to live",
    ),
    (
        "Greetings.",
        "Our cell has targeted {school} as part of a nationwide operation.",
        "Multiple devices are in position and will activate at {time} local time.",
        "Further instructions will follow at {email}.",
        "Compliance is your only option.",
    ),
    (
        "Can someone confirm if school is open tomorrow at {school}?",
        "I heard there was a bomb threat for {date} and that classes are canceled.",
        "My kid is scared to go.",
    ),
    (
        "I am watching {school} right now.",
        "I can see the front doors and the buses on {place}.",
        "When the bell rings at {time} I will open fire.",
        "This message is your only chance to save them.",
    ),
    (
        "This is the {school} challenge.",
        "Whoever brings a gun on {date} wins.",
        "Post the challenge on your story and tag three friends.",
    ),
    (
        "Notice to staff of {school}:",
        "an individual has threatened to detonate a device at the school on {date}.",
        "The individual demanded {amount} and provided the address {wallet}.",
        "Do not engage with the sender.",
    ),
    (
        "I am going to blow up {school} on {date} so we dont have to take the test.",
        "The bomb is already in {room}.",
        "Cancel the exam or else.",
    ),
    (
        "A man with a knife has been seen walking toward {school} from {place}.",
        "He said he would hurt the first person he sees.",
        "Lock the doors now, he will be there by {time}.",
    ),
    (
        "My name is {person} and I have a list.",
        "Everyone on it goes to {school}.",
        "On {date} I will start at the top of the list.",
        "You can't stop me.",
    ),
    (
        "Hello {school}.",
        "I have access to the building at night.",
        "Yesterday I left something in {room} that will make {date} very loud.",
        "You have until {time} to find it.",
    ),
    (
        "There is an active shooter at {school} right now.",
        "Multiple students are injured in {room}.",
        "Send everyone you have.",
        "I am calling from inside the building, my number is {phone}.",
    ),
)

# hard negatives: unique compositions from a shared phrase bank
THREAT_BANK = (
    (
        "I will",
        "We are going to",
        "Someone is going to",
        "Tomorrow I will",
        "Soon I'm going to",
        "Next week we will",
        "On Friday they will",
        "I plan to",
        "My friends and I will",
        "He said he would",
        "They are planning to",
        "I promise I will",
        "Watch me",
        "I decided to",
        "At lunch I will",
    ),
    (
        "bring a gun to",
        "blow up",
        "shoot up",
        "attack",
        "burn down",
        "hurt people at",
        "bring a knife to",
        "place a bomb in",
        "set off fireworks inside",
        "pull the alarm at",
        "leave a package in",
        "lock everyone inside",
        "start a fire in",
        "smash everything in",
        "bring weapons into",
    ),
    (
        "the school",
        "the cafeteria",
        "the gym",
        "the library",
        "the bus stop",
        "the front office",
        "the football field",
        "the band room",
        "the parking lot",
        "the science lab",
        "the locker room",
        "the auditorium",
        "the art room",
        "the main hallway",
        "the nurse's office",
    ),
    (
        "because nobody listens to me.",
        "and nobody will stop me.",
        "after the assembly.",
        "during second period.",
        "when the bell rings.",
        "because they deserve it.",
        "before the holidays.",
        "while everyone is at lunch.",
        "and I mean it.",
        "just watch.",
        "after the fire drill.",
        "right before graduation.",
        "as payback for everything.",
        "when the buses leave.",
        "during the spring concert.",
    ),
    (
        "Don't tell anyone.",
        "Everyone will see.",
        "This is real.",
        "You were warned.",
        "I am done being ignored.",
        "Remember this message.",
        "Nobody is safe.",
        "I'm not kidding.",
        "Good luck finding me.",
        "It's happening.",
        "The clock is ticking.",
        "You had your chance.",
        "They will remember my name.",
        "I already have everything I need.",
        "Laugh now.",
    ),
)
NOTICES = (
    "Reminder: our lockdown drill is scheduled for {date} at {time}; students will "
    "shelter in place in {room} until the all-clear.",
    "The county bomb squad will demonstrate their robot for career day in {room} "
    "on {date}. Parents are welcome.",
    "Our seniors are told to shoot for the stars! Graduation photos will be taken "
    "on {date} at {time} in {room}.",
    "The drama club presents Arsenic and Old Lace on {date}; tickets at the office.",
    "Fire drill today at {time}. Please exit calmly through the nearest door and "
    "meet at {place}.",
    "The robotics team blew away the competition at the regional finals on {date}!",
    "Photography club: we will shoot portraits in {room} on {date}, bring a smile.",
    "Safety week: officers will talk about how to report threats, see something "
    "say something. {person} will host in {room}.",
    "Bus 14 will be delayed on {date} because of construction on {place}.",
    "Don't miss the science fair explosion demo (baking soda volcano) in {room} at "
    "{time}.",
    "The archery unit in PE starts {date}; students will shoot at targets under "
    "supervision of {person}.",
    "Parent night on {date}: we will discuss the new threat assessment policy and "
    "school safety plan in {room}.",
    "Heads up, picture day is {date}! Dress code applies, see {person} with questions.",
    "The chess club crushed their rivals again on {date}, congratulations to all.",
    "Please remember that the school will be closed on {date} for teacher training.",
)
SPORTS = (
    "We will destroy them on {day}, {school} doesn't stand a chance.",
    "Our defense is going to kill it at the game {day} night against {school}.",
    "{school} better be ready because we are going to blow them out of the water.",
    "The team is on fire this season, we shot 60 percent from three last night.",
    "Coach says we are going to attack the basket all game {day}.",
    "Big game {day} vs {school}, we're going to bury them, wear red!",
    "We got murdered in the second half but we'll bounce back on {day}.",
    "That last shot was a bomb from half court, crowd went wild.",
    "Senior night {day}: let's crush {school} and send the seniors off right.",
    "The offense exploded for 42 points, next up is {school} on {day}.",
)
WRAPPERS = (
    "---------- Forwarded message ---------\nFrom: {email}\nDate: {date}\n"
    "Subject: urgent\nTo: office@district.org\n\n{body}",
    "idk if this is true but saw this on snapchat: {body}",
    "RT @{handle}: {body}",
    "Fwd: {body}",
    'my friend sent me this, stay safe everyone!! "{body}"',
    "-----Original Message-----\nFrom: {email}\nSent: {date}\n{body}",
    "not sure if this is real but it is going around the group chat\n\n{body}",
)


@dataclass(frozen=True)
class Item:
    """One generated message.

    Attributes:
        text: The message.
        family: Family id (>= 0) for template instances; -1 for unique messages.
        kind: ``"threat"``, ``"unique_threat"``, ``"notice"`` or ``"sports"``.
        school: The fictional school it is aimed at.
        parts: Template components; two items are the same template when one's
            parts contain the other's, different when the parts are disjoint.
    """

    text: str
    family: int
    kind: str
    school: str
    parts: frozenset[str] = frozenset()


class Generator:
    """Seeded generator of slot values, mutations and corpus items."""

    def __init__(self, seed: int = 7) -> None:
        self.r = random.Random(seed)
        self._used3: set[tuple[int, ...]] = set()

    # -- slots -----------------------------------------------------------------

    def school(self) -> str:
        return f"{self.r.choice(NAME_PARTS)} {self.r.choice(SCHOOL_TYPES)}"

    def person(self) -> str:
        r = self.r
        if r.random() < 0.6:
            return f"{r.choice(TITLES)} {r.choice(LAST_NAMES)}"
        return f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}"

    def date(self) -> str:
        r = self.r
        style = r.randrange(5)
        if style == 0:
            return f"{r.choice(MONTHS)} {r.randint(1, 28)}"
        if style == 1:
            return f"{r.randint(1, 12)}/{r.randint(1, 28)}"
        if style == 2:
            return f"{r.choice(WEEKDAYS)}"
        if style == 3:
            return f"{r.choice(WEEKDAYS)}, {r.choice(MONTHS)} {r.randint(1, 28)}th"
        return f"{r.randint(1, 12)}/{r.randint(1, 28)}/{r.choice((2025, 2026))}"

    def time(self) -> str:
        r = self.r
        style = r.randrange(4)
        if style == 0:
            return f"{r.randint(7, 12)}:{r.choice(('00', '15', '30', '45'))} {r.choice(('am', 'AM', 'a.m.'))}"
        if style == 1:
            return f"{r.randint(1, 3)}pm"
        if style == 2:
            return r.choice(("noon", "9 AM", "10am", "1:15"))
        return f"{r.randint(8, 14)}:{r.randint(10, 59)}"

    def amount(self) -> str:
        r = self.r
        return r.choice(
            (
                f"${r.randint(2, 50) * 1000:,}",
                f"{r.randint(1, 5)} BTC",
                f"${r.randint(5, 90)}000",
                f"{r.randint(10, 90)},000 dollars",
            )
        )

    def wallet(self) -> str:
        r = self.r
        if r.random() < 0.5:
            return "bc1q" + "".join(
                r.choice("023456789acdefghjklmnpqrstuvwxyz") for _ in range(38)
            )
        return "1" + "".join(
            r.choice("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
            for _ in range(33)
        )

    def email(self) -> str:
        r = self.r
        user = "".join(
            r.choice(string.ascii_lowercase) for _ in range(r.randint(5, 10))
        )
        return f"{user}{r.randint(1, 999)}@{r.choice(DOMAINS)}"

    def phone(self) -> str:
        r = self.r
        return f"({r.randint(201, 989)}) {r.randint(200, 999)}-{r.randint(1000, 9999)}"

    def place(self) -> str:
        return f"{self.r.choice(STREETS)} {self.r.choice(STREET_TYPES)}"

    def slots(self, school: str) -> dict[str, str]:
        return {
            "school": school,
            "person": self.person(),
            "date": self.date(),
            "time": self.time(),
            "room": self.r.choice(ROOMS),
            "amount": self.amount(),
            "wallet": self.wallet(),
            "email": self.email(),
            "phone": self.phone(),
            "place": self.place(),
            "minutes": str(self.r.randint(10, 90)),
            "day": self.r.choice(WEEKDAYS),
            "handle": "user" + str(self.r.randint(1, 9999)),
        }

    # -- mutations -------------------------------------------------------------

    def typos(self, text: str, rate: float = 0.02) -> str:
        r = self.r
        chars = list(text)
        out: list[str] = []
        for c in chars:
            if c.isalpha() and r.random() < rate:
                op = r.randrange(4)
                if op == 0:
                    continue  # deletion
                if op == 1:
                    out.append(c + c)  # doubling
                elif op == 2:
                    out.append(r.choice(string.ascii_lowercase))  # substitution
                else:
                    if out:
                        out[-1], c = c, out[-1]  # transposition
                    out.append(c)
            else:
                out.append(c)
        return "".join(out)

    def homoglyphs(self, text: str, rate: float = 0.15) -> str:
        return "".join(
            HOMOGLYPHS[c] if c in HOMOGLYPHS and self.r.random() < rate else c
            for c in text
        )

    def zero_width(self, text: str, rate: float = 0.1) -> str:
        return "".join(
            c + self.r.choice(ZERO_WIDTH)
            if c.isalpha() and self.r.random() < rate
            else c
            for c in text
        )

    def leet(self, text: str) -> str:
        words = text.split(" ")
        out = []
        for w in words:
            if len(w) > 3 and w.isalpha() and self.r.random() < 0.3:
                w = "".join(LEET.get(c, c) if self.r.random() < 0.6 else c for c in w)
            out.append(w)
        return " ".join(out)

    def case(self, text: str) -> str:
        return text.upper() if self.r.random() < 0.5 else text.lower()

    def emoji(self, text: str) -> str:
        parts = text.split(" ")
        for _ in range(self.r.randint(1, 3)):
            parts.insert(self.r.randrange(len(parts) + 1), self.r.choice(EMOJI))
        return " ".join(parts)

    def wrap(self, body: str, slots: dict[str, str]) -> str:
        return self.r.choice(WRAPPERS).format(
            body=body, **{k: v for k, v in slots.items() if k != "body"}
        )

    def instantiate(self, family: int, school: str, *, mutate: bool = True) -> str:
        r = self.r
        slots = self.slots(school)
        sentences = [s.format(**slots) for s in FAMILIES[family]]
        if mutate and len(sentences) > 2 and r.random() < 0.3:
            i = r.randrange(len(sentences) - 1)
            sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
        text = " ".join(sentences)
        if not mutate:
            return text
        for fn, p in (
            (self.typos, 0.4),
            (self.leet, 0.2),
            (self.case, 0.15),
            (self.homoglyphs, 0.2),
            (self.zero_width, 0.2),
            (self.emoji, 0.2),
        ):
            if r.random() < p:
                text = fn(text)
        if r.random() < 0.25:
            text = self.wrap(text, slots)
        return text

    def unique_threat(self, school: str, *, distinct: bool = True) -> tuple[str, str]:
        """A threat composed from the phrase bank; with ``distinct``, no two share
        three or more of their five phrases."""
        r = self.r
        for _ in range(200):
            idx = tuple(r.randrange(len(p)) for p in THREAT_BANK)
            if not distinct:
                break
            triples = [
                (a, b, c, idx[a], idx[b], idx[c])
                for a in range(5)
                for b in range(a + 1, 5)
                for c in range(b + 1, 5)
            ]
            if not any(t in self._used3 for t in triples):
                self._used3.update(triples)
                break
        parts = [THREAT_BANK[i][j] for i, j in enumerate(idx)]
        text = f"{parts[0]} {parts[1]} {parts[2]} at {school} {parts[3]} {parts[4]}"
        if r.random() < 0.3:
            text = self.typos(text)
        return text, "U" + ",".join(map(str, idx))

    def notice(self, school: str) -> tuple[str, frozenset[str]]:
        slots = self.slots(school)
        ia, ib = self.r.sample(range(len(NOTICES)), 2)
        text = NOTICES[ia].format(**slots)
        parts = {f"N{ia}"}
        if self.r.random() < 0.5:
            text += " " + NOTICES[ib].format(**slots)
            parts.add(f"N{ib}")
        return text, frozenset(parts)

    def sports(self, school: str) -> tuple[str, frozenset[str]]:
        ia, ib = self.r.sample(range(len(SPORTS)), 2)
        slots = self.slots(self.school())
        text = SPORTS[ia].format(**slots)
        parts = {f"S{ia}"}
        if self.r.random() < 0.6:
            text += " " + SPORTS[ib].format(**slots)
            parts.add(f"S{ib}")
        return text, frozenset(parts)

    def negatives(self, n: int, *, distinct: bool = True) -> list[Item]:
        out = []
        for _ in range(n):
            school = self.school()
            roll = self.r.random()
            if roll < 0.5:
                text, part = self.unique_threat(school, distinct=distinct)
                out.append(Item(text, -1, "unique_threat", school, frozenset({part})))
            elif roll < 0.8:
                text, parts = self.notice(school)
                out.append(Item(text, -1, "notice", school, parts))
            else:
                text, parts = self.sports(school)
                out.append(Item(text, -1, "sports", school, parts))
        return out


def relation(a: Item, b: Item) -> int:
    """1 = same template (parts equal or nested), 0 = different (disjoint), -1 = partial
    overlap (ambiguous, left out of the metrics)."""
    if a.parts <= b.parts or b.parts <= a.parts:
        return 1
    if a.parts.isdisjoint(b.parts):
        return 0
    return -1


def labelled_corpus(
    seed: int = 7,
    *,
    archive_per_family: int = 10,
    queries_per_family: int = 4,
    held_out_families: int = 8,
    archive_negatives: int = 500,
    query_negatives: int = 300,
) -> tuple[list[Item], list[Item]]:
    """Return ``(archive, queries)`` for the quality benchmark.

    Families ``0 .. F - held_out - 1`` have instances in both the archive and the
    queries (positives); the last ``held_out`` families appear only among the
    queries (their instances must match nothing); negatives are unique.
    """
    g = Generator(seed)
    n_fam = len(FAMILIES)
    in_archive = n_fam - held_out_families
    archive: list[Item] = []
    queries: list[Item] = []
    for fam in range(n_fam):
        if fam < in_archive:
            for _ in range(archive_per_family):
                s = g.school()
                archive.append(
                    Item(
                        g.instantiate(fam, s), fam, "threat", s, frozenset({f"F{fam}"})
                    )
                )
        for _ in range(queries_per_family):
            s = g.school()
            queries.append(
                Item(g.instantiate(fam, s), fam, "threat", s, frozenset({f"F{fam}"}))
            )
    archive.extend(g.negatives(archive_negatives))
    queries.extend(g.negatives(query_negatives))
    return archive, queries


def scale_corpus(n: int, seed: int = 11, wave_share: float = 0.2) -> list[Item]:
    """Return ``n`` archived messages for the speed benchmark.

    ``wave_share`` of them are family instances; the rest are unique negatives.
    """
    g = Generator(seed)
    out: list[Item] = []
    n_wave = int(n * wave_share)
    for i in range(n_wave):
        fam = i % len(FAMILIES)
        s = g.school()
        out.append(
            Item(g.instantiate(fam, s), fam, "threat", s, frozenset({f"F{fam}"}))
        )
    out.extend(g.negatives(n - n_wave, distinct=False))
    g.r.shuffle(out)
    return out
