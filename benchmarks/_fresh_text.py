"""An independent labelled set for ``threatsignals.text`` (written separately).

Not generated from ``_corpus_text.py``'s templates or phrase bank: hand-written
pairs and messages in other registers (e-mails, social posts, texts, call
transcripts, scanning-software snippets) with typos, slang, emoji and homoglyphs.
Synthetic and non-graphic; every school, person and place is fictional.

- ``SAME``: two instances of one template as real waves mutate them (slot swaps,
  reordered sentences, greetings and sign-offs, forwarding wrappers,
  translated-looking English, single paraphrased words). Expected: similarity at or
  above the default threshold.
- ``DIFFERENT``: hard different-template pairs (same vocabulary, different message;
  notices; sports talk). Expected: below the default threshold.
- ``FINDINGS``: messages with the specificity and context findings expected for a
  given school (``SCHOOLS``); only the codes in ``CODES`` are compared.
"""

from __future__ import annotations

from threatsignals.model import School

__all__ = ["CODES", "DIFFERENT", "FINDINGS", "SAME", "SCHOOLS"]

# ---------------------------------------------------------------------------
# same-template pairs

SAME: tuple[tuple[str, str], ...] = (
    # bomb e-mail waves, slot swaps
    (
        "I have placed 3 pipe bombs inside Westbrook Middle School. They will go "
        "off at 11:45 unless 2,500 USD in bitcoin is sent to "
        "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh. Nobody leaves.",
        "I have placed 5 pipe bombs inside Cedar Falls High. They will go off at "
        "9:10 unless 4000 USD in bitcoin is sent to "
        "bc1q9h8f7g6d5s4a3p2o1i0u9y8t7r6e5w4q3z2x1c. Nobody leaves.",
    ),
    (
        "Subject: final notice\n\nThe explosives are in the gym and the library of "
        "Pinecrest Academy. Pay or it all goes up Thursday morning. Do not call the "
        "police.",
        "Subject: FINAL NOTICE!!!\n\nThe explosives are in the gym and the library of "
        "Harbor View Elementary. Pay or it all goes up Monday morning. Do not call "
        "the police.",
    ),
    (
        "Hello,\nThe explosives are in the gym and the library of Pinecrest Academy. "
        "Pay or it all goes up Thursday morning. Do not call the police.\nRegards",
        "The explosives are in the gym and the library of Rosewood Prep. Pay or it "
        "all goes up tomorrow morning. Do not call the police.",
    ),
    # reordered sentences
    (
        "There is a bomb in the cafeteria of Lakeside High. It will explode at "
        "noon. Everyone there is going to regret laughing at me.",
        "Everyone there is going to regret laughing at me. There is a bomb in the "
        "cafeteria of Birchwood High. It will explode at 1:30.",
    ),
    (
        "We are watching your school. A device is hidden near the bus loop. If "
        "anyone calls the cops we set it off early.",
        "A device is hidden near the bus loop. If anyone calls the cops we set it "
        "off early. We are watching your school.",
    ),
    # forwarding wrappers
    (
        "---------- Forwarded message ---------\nFrom: Front Office "
        "<office@maplegrove.k12.us>\nDate: Tue, Oct 7, 2025\nSubject: Fwd: urgent\n\n"
        "someone is bringing a gun to maple grove tmrw during 3rd period. i heard "
        "it in the locker room, they said its payback",
        "someone is bringing a gun to oakdale tomorrow during 5th period. i heard "
        "it in the locker room, they said its payback",
    ),
    (
        "RT @safe_parents_tx: someone is bringing a gun to oakdale tomorrow during "
        "5th period. i heard it in the locker room, they said its payback",
        "someone is bringing a gun to Fairmont tomorrow during 2nd period. i heard "
        "it in the locker room, they said its payback",
    ),
    (
        "Fw: FW: Threat\n\nThis is not a joke. At 10am on Friday a man with a rifle "
        "will walk into Ridgeway Elementary. Keep your children inside.",
        "This is not a joke. At 2pm on Monday a man with a rifle will walk into "
        "Sunnyside Elementary. Keep your children inside.",
    ),
    # greetings and sign-offs
    (
        "Good morning. I am a former student. I left a package in the auditorium "
        "of Brookhaven High. It is set for 1 pm. Goodbye.",
        "I am a former student. I left a package in the auditorium of Glenwood "
        "High. It is set for 12 pm.",
    ),
    (
        "hey admins. i am a former student. i left a package in the auditorium of "
        "valley view high. it is set for 2 pm. have a nice day :)",
        "I am a former student. I left a package in the auditorium of Glenwood "
        "High. It is set for 12 pm.",
    ),
    # translated-looking English
    (
        "Attention. In the building of school Kingsley High there is installed "
        "explosive device. The device will be activated at 11:00. All will die. "
        "Evacuation is useless.",
        "Attention. In the building of school North Bay Middle there is installed "
        "explosive device. The device will be activated at 09:30. All will die. "
        "Evacuation is useless.",
    ),
    (
        "Attention!! In building of school Kingsley High there is installed "
        "explosive device. Device will be activated at 11:00. All will die. "
        "Evacuation is useless.",
        "Attention. In the building of school Coral Springs Academy there is "
        "installed explosive device. The device will be activated at 14:00. All "
        "will die. Evacuation is useless.",
    ),
    # homoglyphs, zero-width, leet
    (
        "Тhеrе is а bоmb in Jеffеrsоn Middlе Sсhооl. Yоu hаvе until 3 pm tо "
        "еvасuаtе. This is nоt а drill.",
        "There is a bomb in Franklin Middle School. You have until 10 am to "
        "evacuate. This is not a drill.",
    ),
    (
        "there is a b\u200bomb in franklin middle school. you have until 10 am to "
        "evacuate. this is not a dr\u200bill",
        "There is a bomb in Eastview Middle School. You have until 1 pm to "
        "evacuate. This is not a drill.",
    ),
    (
        "1m g0nna sh00t up w3stfield h1gh on m0nday. n0b0dy is s4fe. d0nt tell any0ne",
        "im gonna shoot up northgate high on friday. nobody is safe. dont tell anyone",
    ),
    # text-speak and contractions
    (
        "theres gonna be a shooting at Hillcrest on wed. u have been warned. dont "
        "come 2 school",
        "There is going to be a shooting at Lincoln Park on Thursday. You have been "
        "warned. Do not come to school.",
    ),
    (
        "ppl at parkview better not show up tmrw bc something bad is gonna happen "
        "in the commons at lunch",
        "people at Riverside better not show up Monday because something bad is "
        "going to happen in the commons at lunch",
    ),
    # social "challenge" reposts
    (
        "🚨🚨 idk if this is real but saw this on tiktok: 'school shooting at "
        "Oakwood High 12/17, everyone stay home' pls share",
        "school shooting at Kennedy High 12/18, everyone stay home",
    ),
    (
        "saw this on snap, stay safe everyone: school shooting at Kennedy High "
        "12/18, everyone stay home",
        "school shooting at Pinebrook High on Friday, everyone stay home",
    ),
    (
        "My daughter showed me this screenshot from instagram. Is this real? "
        '"Bomb threat at Greenfield Jr High on Dec 17. Everyone leave before '
        'lunch."',
        '"Bomb threat at Summit Jr High on Dec 18. Everyone leave before lunch."',
    ),
    # swatting call transcripts
    (
        "CALLER: yes my name is Kevin Tran, I'm at 4410 Willow Lane, I shot my "
        "roommate and I have more guns, I'm going to the school next, Jefferson "
        "Elementary, send whoever.",
        "CALLER: yes my name is Derek Olsen, I'm at 129 Ash Court, I shot my "
        "roommate and I have more guns, I'm going to the school next, Lakewood "
        "Elementary, send whoever.",
    ),
    (
        "Dispatcher: 911 what is your emergency? Caller: there's a guy with an AR "
        "in the east stairwell at Marshall High, room 214, he already fired two "
        "shots, please hurry",
        "Dispatcher: 911 what is your emergency? Caller: theres a guy with an AR in "
        "the east stairwell at Cleveland High, room 118, he already fired three "
        "shots, please hurry",
    ),
    # ransom amount / wallet / e-mail swaps
    (
        "Transfer $5000 in BTC to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT within 24 "
        "hours or the devices in Westside Academy detonate. Contact "
        "darkfox99@protonmail.com when paid.",
        "Transfer $12,000 in BTC to 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy within 48 "
        "hours or the devices in Hillside Academy detonate. Contact "
        "ghost.rider@tutanota.com when paid.",
    ),
    # scanning-software snippets
    (
        "[ALERT] Flagged post (confidence 0.91) @user8812: 'gonna bring my dads "
        "glock to centennial monday, they'll see' #centennialhs",
        "[ALERT] Flagged post (confidence 0.77) @kk_dream: 'gonna bring my dads "
        "glock to eastlake tuesday, they'll see' #eastlake",
    ),
    (
        "Gaggle alert - student account j.doe22 - doc 'english essay' - text: "
        "gonna bring my dads glock to centennial monday, they will see",
        "gonna bring my dads glock to Westmoor on Thursday, they'll see",
    ),
    # name swaps
    (
        "Mr. Henderson is the first one I'm going after. Then everyone in his "
        "classroom. Wednesday at 8.",
        "Mrs. Alvarez is the first one I'm going after. Then everyone in her "
        "classroom. Friday at 9.",
    ),
    (
        "tell coach brody that what happens to the team saturday is on him. he "
        "should have let me play",
        "tell coach whitaker that what happens to the team friday is on him. he "
        "should have let me play",
    ),
    # paraphrased single words
    (
        "There is a bomb hidden in the school. It will detonate at noon. Everyone "
        "inside will pay for what they did to me.",
        "There is a bomb concealed in the school. It will detonate at 1 pm. "
        "Everyone inside will pay for what they did to me.",
    ),
    (
        "Someone will open fire in the hallway of Grant Middle after 6th period. "
        "Stay out of the building if you value your life.",
        "Someone will open fire in the hallways of Adams Middle after 4th period. "
        "Stay out of the building if you value your life!",
    ),
    (
        "I will be at the front entrance of Bayside High with a weapon on Monday. "
        "I am done being ignored by every teacher there.",
        "I'll be at the front entrance of Bayside High with a weapon on Monday. I'm "
        "done being ignored by every teacher there.",
    ),
    # longer e-mails, greetings + numbering changes
    (
        "To the principal of Meadowbrook Elementary,\n\nI have hidden two devices "
        "in your building. The first is in a classroom, the second near the "
        "cafeteria. They are on timers. You will not find them in time. This is "
        "what you get for ignoring my complaints.\n\n- a concerned parent",
        "To the principal of Rolling Hills Elementary,\n\nI have hidden three "
        "devices in your building. The first is in a classroom, the second near "
        "the cafeteria. They are on timers. You will not find them in time. This is "
        "what you get for ignoring my complaints.",
    ),
    (
        "Dear Superintendent Walsh,\nI have hidden two devices in your building. "
        "The first is in a classroom, the second near the cafeteria. They are on "
        "timers. You will not find them in time.",
        "Dear Superintendent Okafor,\nI have hidden two devices in your building. "
        "The first is in a classroom, the second near the cafeteria. They are on "
        "timers. You will not find them in time.",
    ),
    # district-level and campus swaps
    (
        "All schools in Brazos Valley ISD will be hit at the same time on "
        "Wednesday. We have people in every building. Close them or watch.",
        "All schools in Pine Ridge Unified will be hit at the same time on "
        "Tuesday. We have people in every building. Close them or watch.",
    ),
    (
        "All schools in Harlan County Schools will be hit at the same time on "
        "the 14th. We have people in every building. Close them or watch.",
        "All schools in Brazos Valley ISD will be hit at the same time on "
        "Wednesday. We have people in every building. Close them or watch.",
    ),
    # emoji and casing
    (
        "💣💣 BOMB IN THE GYM AT ST. MARY'S ACADEMY 💣💣 GOES OFF DURING THE ASSEMBLY "
        "ON FRIDAY 😈 NOT A JOKE",
        "bomb in the gym at Holy Cross Academy, goes off during the assembly on "
        "Tuesday, not a joke",
    ),
    (
        "📢 school shooting threat for Crestview Middle tomorrow, they said it "
        "will happen at lunch in the courtyard 😰",
        "school shooting threat for Oak Hollow Middle today, they said it will "
        "happen at lunch in the courtyard",
    ),
    # room / time swaps in texts
    (
        "yo dont go to rm 112 after lunch on tues, something is going down and "
        "you dont want to be there",
        "don't go to room B7 after lunch on Thursday, something is going down and "
        "you don't want to be there",
    ),
    (
        "dont go to the library after lunch on friday, something is going down and "
        "you dont want to be there fr",
        "don't go to the library after lunch Monday, something is going down and "
        "you don't want to be there",
    ),
    # bus / field trip
    (
        "The 7:15 bus from Creekside Middle will not make it to school. I put "
        "something under the back seat. Don't let your kids on it.",
        "The 6:50 bus from Sierra Vista Middle will not make it to school. I put "
        "something under the back seat. Do not let your kids on it.",
    ),
    # voicemail transcripts
    (
        "Voicemail transcript (00:21): uh yeah this is for Alder Creek High, there "
        "is a bomb in the boys bathroom by the gym, you got one hour, bye",
        "Voicemail transcript (00:18): uh yeah this is for Pioneer High, there is a "
        "bomb in the boys bathroom by the gym, you got one hour, bye",
    ),
    (
        "uh yeah this is for Pioneer High, there is a bomb in the girls bathroom by "
        "the gym, you got 2 hours, bye",
        "Voicemail transcript (00:18): uh yeah this is for Pioneer High, there is a "
        "bomb in the boys bathroom by the gym, you got one hour, bye",
    ),
    # anniversary wave
    (
        "On April 20 Columbine gets a sequel at Riverbend High. Be there or be "
        "next. Spread the word.",
        "On May 3 Columbine gets a sequel at Maple Heights High. Be there or be next.",
    ),
    (
        "Everyone at Westfield needs to stay home on the 15th. I'm not telling you "
        "why. Just trust me.",
        "Everyone at Brookside needs to stay home on Thursday. I'm not telling you "
        "why, just trust me!!",
    ),
)

# ---------------------------------------------------------------------------
# hard different-template pairs

DIFFERENT: tuple[tuple[str, str], ...] = (
    # same vocabulary, different message
    (
        "There is a bomb in the cafeteria of Lakeside High. It will explode at noon.",
        "There is a gun in a locker at Lakeside High. Someone will use it at noon.",
    ),
    (
        "I have placed 3 pipe bombs inside Westbrook Middle School. They will go "
        "off at 11:45.",
        "I have placed a camera inside Westbrook Middle School. I see everything "
        "you do.",
    ),
    (
        "someone is bringing a gun to maple grove tmrw during 3rd period",
        "someone is bringing a cake to maple grove tmrw during 3rd period for "
        "ms patel's birthday",
    ),
    (
        "Bomb threat at Greenfield Jr High on Dec 17. Everyone leave before lunch.",
        "Fire drill at Greenfield Jr High on Dec 17. Everyone line up before lunch.",
    ),
    (
        "theres gonna be a shooting at Hillcrest on wed. u have been warned.",
        "theres gonna be a food drive at Hillcrest on wed. bring cans",
    ),
    (
        "I will be at the front entrance of Bayside High with a weapon on Monday.",
        "I will be at the front entrance of Bayside High with the permission slips "
        "on Monday.",
    ),
    (
        "Transfer $5000 in BTC within 24 hours or the devices in Westside Academy "
        "detonate.",
        "Transfer $50 to the PTA within 24 hours or your child cannot go on the "
        "Westside Academy field trip.",
    ),
    (
        "Mr. Henderson is the first one I'm going after. Then everyone in his "
        "classroom.",
        "Mr. Henderson is the first one to sign up for the dunk tank. Then everyone "
        "in his homeroom.",
    ),
    (
        "The 7:15 bus from Creekside Middle will not make it to school. I put "
        "something under the back seat.",
        "The 7:15 bus from Creekside Middle will be late today because of a flat "
        "tire. Sorry for the inconvenience.",
    ),
    (
        "We are watching your school. A device is hidden near the bus loop.",
        "We are watching your school's budget. A proposal is hidden in the board "
        "packet.",
    ),
    (
        "gonna bring my dads glock to centennial monday, they'll see",
        "gonna bring my dads old yearbook to centennial monday, they'll laugh",
    ),
    (
        "everyone at Westfield needs to stay home on the 15th. just trust me",
        "everyone at Westfield needs to stay home on the 15th, it's a teacher "
        "workday, no classes",
    ),
    (
        "school shooting at Kennedy High 12/18, everyone stay home",
        "school shooting drill at Kennedy High 12/18, parents will get a text "
        "afterwards",
    ),
    (
        "I'm going to shoot up the school tomorrow at lunch. Nobody will stop me.",
        "I'm going to shoot hoops after school tomorrow at lunch. Nobody can stop "
        "me from winning.",
    ),
    (
        "If you don't pay by Friday I will release the students' records online.",
        "If you don't pay by Friday I will detonate the device in the gym.",
    ),
    (
        "I know where Ms. Rivera parks every morning. She won't see it coming.",
        "I know where Ms. Rivera parks every morning, can you ask her to move her "
        "car for the delivery truck?",
    ),
    (
        "the kid in 4th period with the red hoodie said he's gonna stab someone",
        "the kid in 4th period with the red hoodie left his phone in the library",
    ),
    (
        "Caller stated there is a bomb in the gym at Marshall High and hung up.",
        "Caller stated there is a water leak in the gym at Marshall High and asked "
        "for maintenance.",
    ),
    (
        "this is your last warning. tomorrow everyone at riverside pays",
        "this is your last reminder. tomorrow everyone at riverside needs their "
        "picture day forms",
    ),
    (
        "I hid a knife in the 2nd floor bathroom at Pioneer High. Find it before "
        "I use it.",
        "I found a knife in the 2nd floor bathroom at Pioneer High and gave it to "
        "the office.",
    ),
    # notices quoting threat words
    (
        "Reminder: lockdown drill Tuesday at 10 am. Teachers will lock doors and "
        "students will shelter in place. This is only a drill.",
        "There will be a real lockdown Tuesday at 10 am. Lock your doors, I am "
        "coming for the students. This is not a drill.",
    ),
    (
        "Dear families, the police bomb-squad dog demonstration is Friday in the "
        "gym. Students may ask the officers questions.",
        "Dear families, a bomb will go off Friday in the gym. The officers will "
        "not find it in time.",
    ),
    (
        "Dear families, we received a threat this morning that was investigated by "
        "police and found not credible. Classes continue as normal.",
        "Dear families, we will not be intimidated. Classes continue as normal "
        "after the bomb threat this morning. Counselors are available.",
    ),
    (
        "The drama club performance of 'Murder on the Orient Express' is on Friday "
        "at 7 pm in the auditorium.",
        "There will be a murder in the auditorium on Friday at 7 pm. Nobody leaves "
        "the building alive.",
    ),
    (
        "Students, shoot for the stars on your state tests next week! Get rest and "
        "eat breakfast.",
        "Students, I will shoot anyone who shows up for the state tests next week.",
    ),
    (
        "The counselor's office is open during lunch for anyone who is struggling. "
        "You are not alone.",
        "The counselor's office is where it starts during lunch. Nobody is safe.",
    ),
    (
        "Reminder: no school Monday for Presidents Day. Enjoy the long weekend!",
        "There will be no school Monday because the building will be gone.",
    ),
    (
        "Early dismissal Wednesday at 12:30 for parent-teacher conferences.",
        "Early dismissal Wednesday at 12:30 because I will be in the parking lot "
        "with a gun.",
    ),
    (
        "Please do not bring toy guns or water pistols to the Halloween parade.",
        "I will bring real guns to the Halloween parade, not toys.",
    ),
    (
        "The fire alarm test is scheduled for Thursday at 9. Please ignore the alarms.",
        "Pull the fire alarm Thursday at 9 and everyone will walk right into it.",
    ),
    # sports talk
    (
        "We will destroy them on Friday night, Eagles! Pack the stands!",
        "We will destroy the school on Friday night. Stay out of the stands.",
    ),
    (
        "Our defense is going to kill it at the game tomorrow. Go Tigers!",
        "I am going to kill people at the game tomorrow. Stay away from the bleachers.",
    ),
    (
        "Westview is going down Saturday! We're gonna bury them 42-0 lol",
        "Westview is going down Saturday. Nobody will make it out of the building.",
    ),
    (
        "Shooters, report to the gym at 3 for free throw practice.",
        "Shooter will be in the gym at 3. Run if you can.",
    ),
    (
        "Coach says we're going to blow them out of the water at the swim meet "
        "Thursday 🏊",
        "I'm going to blow up the pool during the swim meet Thursday.",
    ),
    (
        "our quarterback is a weapon, nobody can stop him friday 🏈🔥",
        "i have a weapon and nobody can stop me friday",
    ),
    (
        "The varsity team is going to attack the basket all game. Be loud!",
        "I am going to attack the varsity team after the game. Be scared.",
    ),
    (
        "Bomb squad! Our 4x100 relay team blew up the record at state 💥",
        "There is a bomb in the locker room. It will blow up during the relay.",
    ),
    # same opener, different body
    (
        "Hello, I am a former student. I wanted to thank Ms. Kline for helping me "
        "get into college.",
        "Hello, I am a former student. I left a package in the auditorium. It is "
        "set for 1 pm.",
    ),
    (
        "idk if this is real but saw this on tiktok: school shooting at Oakwood "
        "High 12/17",
        "idk if this is real but saw this on tiktok: Oakwood High is getting a new "
        "principal next year",
    ),
    (
        "---------- Forwarded message ---------\nFrom: Front Office\nSubject: Fwd: "
        "urgent\n\nsomeone is bringing a gun to maple grove tmrw",
        "---------- Forwarded message ---------\nFrom: Front Office\nSubject: Fwd: "
        "urgent\n\nthe bus schedule changed for maple grove tmrw, buses leave 10 "
        "min early",
    ),
    (
        "Attention. In the building of school Kingsley High there is installed "
        "explosive device. The device will be activated at 11:00.",
        "Attention. In the building of school Kingsley High there is installed new "
        "heating system. The system will be activated at 11:00.",
    ),
    (
        "Voicemail transcript (00:21): uh yeah this is for Alder Creek High, there "
        "is a bomb in the boys bathroom by the gym",
        "Voicemail transcript (00:21): uh yeah this is for Alder Creek High, my "
        "son left his inhaler in the gym, can someone bring it to the nurse",
    ),
    (
        "[ALERT] Flagged post (confidence 0.91) @user8812: 'gonna bring my dads "
        "glock to centennial monday'",
        "[ALERT] Flagged post (confidence 0.91) @user8812: 'this homework is "
        "killing me, centennial monday is gonna suck'",
    ),
    (
        "CALLER: yes my name is Kevin Tran, I'm at 4410 Willow Lane, I shot my "
        "roommate",
        "CALLER: yes my name is Kevin Tran, I'm at 4410 Willow Lane, my car broke "
        "down near the school, can someone pick up my daughter",
    ),
    # bomb vs shooting skeletons
    (
        "There is a bomb in the school. It goes off at 10. Get out while you can.",
        "There is a shooter in the school. He starts at 10. Hide while you can.",
    ),
    (
        "i'm bringing a gun tomorrow and shooting everyone in the cafeteria",
        "i'm bringing a bomb tomorrow and leaving it in the library bathroom",
    ),
    (
        "You have 24 hours to pay 10 bitcoin or we release the explosives",
        "You have 24 hours to turn in your chromebooks or you get a late fee",
    ),
    (
        "I'm going to make the school pay for what they did to my brother.",
        "I'm going to make the school pay for the broken window my brother did.",
    ),
    (
        "no one is safe at Fairview on Friday. not the teachers, not the kids.",
        "no one is allowed at Fairview on Friday. not the teachers, not the kids: "
        "it's a snow day",
    ),
    (
        "Everyone who bullied me at Northside will be sorry on Monday.",
        "Everyone who signed up at Northside will get a shirt on Monday.",
    ),
    (
        "someone wrote 'bomb' on the bathroom wall at Parkview, admin please check",
        "someone wrote 'gun at 2' on the bathroom mirror at Parkview, admin please "
        "check",
    ),
    (
        "There's a threat going around about Eastlake, police say it's fake",
        "There's a threat going around about Eastlake: someone says they will "
        "shoot up the school friday",
    ),
    (
        "Kids are saying there will be a shooting at Roosevelt tomorrow",
        "Kids are saying there will be a fight at Roosevelt tomorrow after school "
        "by the tennis courts",
    ),
    (
        "the gym will explode at 2pm, goodbye Pinecrest",
        "the gym will be closed at 2pm, use the side doors Pinecrest",
    ),
    (
        "i will kill mr dawson if he fails me on the final",
        "i will die if mr dawson fails me on the final lmao",
    ),
    (
        "I am watching you from the parking lot. I know which car is yours.",
        "I am waiting for you in the parking lot. Text me when practice ends.",
    ),
    (
        "Lockdown now. There is someone with a gun in the east wing.",
        "Lockdown drill now. Teachers, please account for every student in the "
        "east wing.",
    ),
    (
        "We will blow up every school in Brazos Valley ISD on Wednesday.",
        "We will celebrate every school in Brazos Valley ISD on Wednesday at the "
        "board meeting.",
    ),
    (
        "I put poison in the cafeteria food at Glenwood. Don't eat lunch.",
        "The cafeteria food at Glenwood is poison lol don't eat lunch",
    ),
    (
        "Tomorrow I bring the rifle to school. Nobody will laugh at me again.",
        "Tomorrow I bring the cookies to school. Nobody will forget my birthday again.",
    ),
    (
        "Bomb in the main office at Harbor View Elementary. 30 minutes.",
        "Bomb pop sale in the main office at Harbor View Elementary. 30 cents.",
    ),
)

# ---------------------------------------------------------------------------
# specificity and context findings

CODES = frozenset(
    {
        "text_names_school",
        "text_names_place",
        "text_names_person",
        "text_significant_event",
        "text_disruption_goal",
        "text_repost",
        "text_direct_warning",
    }
)

SCHOOLS: dict[str, School] = {
    "lhhs": School(
        name="Lincoln Heights High School",
        aliases=("LHHS", "Lincoln Heights"),
        places=("Maple Street", "Jefferson Gym", "Room 214", "North Parking Lot"),
        people=("Ms. Rivera", "Coach Dale Whitfield", "Principal Harold Okonkwo"),
    ),
    "mves": School(
        name="Mountain View Elementary",
        aliases=("MVE", "Mountain View"),
        places=("Cedar Avenue", "the Annex", "Birch Hall"),
        people=("Mr. Castellanos", "Nurse Patty Gould"),
    ),
    "stm": School(
        name="St. Matthew's Academy",
        aliases=("Saint Matthews", "SMA"),
        places=("Ridgeline Road", "Chapel"),
        people=("Sister Agnes", "Dr. Bellweather"),
    ),
}

#: ``(message, school key, expected codes among CODES)``.
FINDINGS: tuple[tuple[str, str, frozenset[str]], ...] = tuple(
    (t, s, frozenset(c))
    for t, s, c in (
        # --- names_school: exact, alias, misspelling, possessive, homoglyph
        (
            "im going to shoot up lincoln heights high friday",
            "lhhs",
            ["text_names_school"],
        ),
        ("LHHS is gonna get what it deserves on monday", "lhhs", ["text_names_school"]),
        ("bomb in lincon hieghts high school at noon", "lhhs", ["text_names_school"]),
        (
            "Lincoln Heights' gym is where it happens. 2pm.",
            "lhhs",
            ["text_names_school"],
        ),
        ("There is a bоmb at Mоuntain Viеw Elementary", "mves", ["text_names_school"]),
        ("mountainview elem better evacuate by 10", "mves", ["text_names_school"]),
        ("saint mathews academy will burn tomorrow", "stm", ["text_names_school"]),
        ("St Matthews is next. tell everyone.", "stm", ["text_names_school"]),
        # negatives for names_school
        ("Lincoln Elementary across town has a bomb", "lhhs", []),
        ("I'm going to bring a gun to school on friday", "lhhs", []),
        ("there is a bomb at Mountain Ridge High", "mves", []),
        ("i will shoot up the viewing party at the mall", "mves", []),
        # --- names_place
        (
            "meet me on maple st after school, i'll have it with me",
            "lhhs",
            ["text_names_place"],
        ),
        (
            "something in the jefferson gym is going off at 1",
            "lhhs",
            ["text_names_place"],
        ),
        ("room 214 is first", "lhhs", ["text_names_place"]),
        (
            "i'll be waiting in the north parking lot after practice w/ a gun",
            "lhhs",
            ["text_names_place"],
        ),
        (
            "bomb in birch hall at mountain view",
            "mves",
            ["text_names_place", "text_names_school"],
        ),
        (
            "i left something on cedar ave by the crosswalk, it goes off at 3",
            "mves",
            ["text_names_place"],
        ),
        ("the chapel will be full friday. perfect.", "stm", ["text_names_place"]),
        # negatives for names_place
        ("meet me on oak street after school", "lhhs", []),
        ("room 215 has a bomb", "lhhs", []),
        ("i will blow up the gym", "lhhs", []),
        # --- names_person
        ("ms rivera is first on my list", "lhhs", ["text_names_person"]),
        (
            "tell coach whitfield he's done after the game",
            "lhhs",
            ["text_names_person"],
        ),
        ("okonkwo better watch his back", "lhhs", ["text_names_person"]),
        ("principal okonkow is going to pay", "lhhs", ["text_names_person"]),
        ("mr castelanos wont make it to 3rd period", "mves", ["text_names_person"]),
        ("sister agnes can't protect them", "stm", ["text_names_person"]),
        ("dr. bellweather, you have until friday", "stm", ["text_names_person"]),
        ("nurse patty better leave early", "mves", ["text_names_person"]),
        # negatives for names_person
        ("ms rivers is first on my list", "lhhs", []),
        ("dale earnhardt jr is my hero, gonna race to school", "lhhs", []),
        ("the river is flooding near the school", "lhhs", []),
        # --- significant events
        (
            "this is going to be bigger than columbine",
            "lhhs",
            ["text_significant_event"],
        ),
        (
            "gonna be another sandy hook at mve",
            "mves",
            ["text_significant_event", "text_names_school"],
        ),
        (
            "friday is the anniversary. you know what that means",
            "lhhs",
            ["text_significant_event"],
        ),
        ("like what happened in uvalde but worse", "lhhs", ["text_significant_event"]),
        ("Parkland 2.0 on monday", "lhhs", ["text_significant_event"]),
        ("columbyne part 2 coming soon", "lhhs", ["text_significant_event"]),
        (
            "the one year anniversary of the oxford shooting is coming",
            "lhhs",
            ["text_significant_event"],
        ),
        (
            "its gonna be just like the nashville shooting",
            "lhhs",
            ["text_significant_event"],
        ),
        (
            "on 4/20 everyone at lincoln heights will remember me",
            "lhhs",
            ["text_significant_event", "text_names_school"],
        ),
        # negatives for significant events
        ("happy anniversary mom and dad, love you", "lhhs", []),
        (
            "we are going to parkland mall friday after school",
            "lhhs",
            ["text_significant_event"],
        ),  # a place called Parkland: ambiguous, accepted
        (
            "the columbine flowers in the garden bloomed",
            "lhhs",
            ["text_significant_event"],
        ),  # ambiguous word, accepted
        ("he is going to be like messi at the game", "lhhs", []),
        # --- disruption goals
        (
            "call in a bomb threat so they cancel school tmrw",
            "lhhs",
            ["text_disruption_goal"],
        ),
        (
            "hope this gets school canceled lol, bomb in the gym",
            "lhhs",
            ["text_disruption_goal"],
        ),
        (
            "i dont want to take the algebra final so theres a bomb",
            "lhhs",
            ["text_disruption_goal"],
        ),
        (
            "bomb in the school so we dont have to take the SAT",
            "lhhs",
            ["text_disruption_goal"],
        ),
        (
            "someone pls call in a threat, i haven't studied for the chem test",
            "lhhs",
            ["text_disruption_goal"],
        ),
        (
            "if they close school tomorrow i won't have to present",
            "lhhs",
            ["text_disruption_goal"],
        ),
        ("bomb in the gym, no more finals", "lhhs", ["text_disruption_goal"]),
        (
            "there better be no school on monday or else",
            "lhhs",
            ["text_disruption_goal"],
        ),
        # negatives for disruption
        ("the test is in room 12, good luck everyone", "lhhs", []),
        ("i will shoot everyone during finals week", "lhhs", []),
        # --- repost
        (
            "idk if this is true but theres a threat for lhhs tmrw",
            "lhhs",
            ["text_repost", "text_names_school"],
        ),
        (
            "my son showed me this on snapchat. is this real?? 'bomb at mountain view "
            "friday'",
            "mves",
            ["text_repost", "text_names_school"],
        ),
        (
            "Fwd: scary post\n\nsomeone said they will shoot up the school",
            "lhhs",
            ["text_repost"],
        ),
        (
            "screenshot going around on insta: shooting at lincoln heights 2moro",
            "lhhs",
            ["text_repost", "text_names_school"],
        ),
        (
            "heard from a friend that someone is bringing a gun friday. reporting just "
            "in case",
            "lhhs",
            ["text_repost"],
        ),
        (
            "this was posted in the class group chat last night: bomb in the gym",
            "lhhs",
            ["text_repost"],
        ),
        (
            "Parent report: my daughter received this message from an unknown number: "
            "'dont come to school tomorrow'",
            "lhhs",
            ["text_repost"],
        ),
        (
            "RT @lhhs_news: police are aware of the threat and are investigating",
            "lhhs",
            ["text_repost"],
        ),
        (
            "not sure if its real but people are saying theres a bomb in birch hall",
            "mves",
            ["text_repost", "text_names_place"],
        ),
        # --- direct warning
        ("you have been warned. friday.", "lhhs", ["text_direct_warning"]),
        (
            "dont come to school tmrw if you want to live",
            "lhhs",
            ["text_direct_warning"],
        ),
        ("parents keep ur kids home on friday", "lhhs", ["text_direct_warning"]),
        ("consider this your only warning", "lhhs", ["text_direct_warning"]),
        ("stay home on monday. i'm serious", "lhhs", ["text_direct_warning"]),
        (
            "u have been warned lincoln heights",
            "lhhs",
            ["text_direct_warning", "text_names_school"],
        ),
        # negatives for direct warning
        ("students should stay home if they have a fever", "lhhs", []),
        ("the weather service has warned of storms friday", "lhhs", []),
    )
)
