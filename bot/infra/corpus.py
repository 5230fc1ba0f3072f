"""A deterministic corpus of news-like articles for benchmarks: many parties and topics, mostly distinct sentences.

Each article is about 600 words: a headline, then paragraphs that mix stance sentences ("Poland rejected ..."),
quotes with named officials, reported stances, and background with no party. A few stock sentences recur across
many articles, as wire copy does, so syndicated collapse and bounded output are exercised too.
"""
from __future__ import annotations

import random
from pathlib import Path

PARTIES = {
    "Ukraine": ("Kyiv", "Zelensky", "Ukrainian"), "Russia": ("Moscow", "Kremlin", "Lavrov", "Russian"),
    "United States": ("Washington", "White House", "Rubio", "U.S."), "China": ("Beijing", "Chinese"),
    "European Union": ("EU", "Brussels", "European Commission"), "NATO": ("the alliance", "Rutte"),
    "Poland": ("Warsaw", "Polish"), "Hungary": ("Budapest", "Orban", "Hungarian"), "Turkey": ("Ankara", "Erdogan"),
    "Germany": ("Berlin", "German"), "France": ("Paris", "Macron", "French"), "United Kingdom": ("London", "Britain"),
    "India": ("New Delhi", "Indian"), "Iran": ("Tehran", "Iranian"), "Israel": ("Jerusalem", "Israeli"),
    "Qatar": ("Doha", "Qatari"), "Egypt": ("Cairo", "Egyptian"), "United Nations": ("UN", "Guterres"),
}
TOPICS = {
    "nato": ("NATO membership", ("NATO", "alliance", "membership", "accession")),
    "sanctions": ("Sanctions", ("sanctions", "price cap", "export controls", "asset freeze")),
    "ceasefire": ("Ceasefire", ("ceasefire", "truce", "front line", "hostilities")),
    "energy": ("Energy supplies", ("gas", "pipeline", "oil", "energy", "power grid")),
    "grain": ("Grain exports", ("grain", "wheat", "Black Sea corridor", "ports")),
    "prisoners": ("Prisoner exchanges", ("prisoners", "prisoner exchange", "detainees", "hostages")),
    "reconstruction": ("Reconstruction", ("reconstruction", "rebuilding", "frozen assets", "donor conference")),
    "nuclear": ("Nuclear safety", ("nuclear", "Zaporizhzhia", "reactor", "IAEA inspectors")),
    "aid": ("Humanitarian aid", ("aid", "humanitarian", "convoys", "relief")),
    "territory": ("Territory", ("territory", "borders", "annexation", "occupied regions")),
}
OBJECTS = {
    "nato": ["any path to NATO membership before the fighting ends", "a timetable for accession talks with the alliance",
             "the idea of a neutral status outside NATO", "an invitation to join the alliance at the next summit"],
    "sanctions": ["a new package of sanctions on banks and shipping", "lifting sanctions as part of a settlement",
                  "tighter export controls on dual-use chips", "a lower price cap on seaborne crude"],
    "ceasefire": ["an immediate ceasefire along the whole front line", "a thirty-day truce monitored by observers",
                  "a halt to strikes on ports and power plants", "a ceasefire that freezes current positions"],
    "energy": ["a restart of gas transit through the pipeline", "guarantees for the power grid through the winter",
               "a ban on imports of liquefied gas", "joint purchases of oil for strategic reserves"],
    "grain": ["safe passage for grain ships through the Black Sea corridor", "inspections of wheat cargoes at the ports",
              "a quota on grain imports from the east", "insurance cover for ships carrying wheat"],
    "prisoners": ["an all-for-all exchange of prisoners", "access for the Red Cross to detainees",
                  "the return of children taken from occupied towns", "a swap of prisoners before the holidays"],
    "reconstruction": ["using frozen assets to pay for reconstruction", "a donor conference on rebuilding schools",
                       "loans for rebuilding the power stations", "a reconstruction fund run by the World Bank"],
    "nuclear": ["a demilitarised zone around the Zaporizhzhia plant", "permanent access for IAEA inspectors",
                "a restart of the reactor under international control", "new limits on enrichment near the border"],
    "aid": ["more humanitarian convoys to the besieged towns", "a corridor for aid into the southern districts",
            "cuts to relief funding for refugees", "faster customs checks on aid lorries"],
    "territory": ["any change of borders by force", "recognition of the occupied regions",
                  "a referendum on the status of the territory", "talks on the line of control"],
}
VERBS = ["rejected", "supported", "welcomed", "opposed", "called for", "demanded", "ruled out", "proposed",
         "insisted on", "warned against", "backed", "condemned", "urged talks on", "pushed for"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "late on Sunday",
        "earlier this week", "in a statement", "in a televised address", "at a news conference", "after the meeting"]
TAILS = ["according to officials familiar with the talks", "diplomats said", "as negotiators met in Geneva",
         "ahead of a summit in Brussels", "despite pressure from its partners", "a day after the talks stalled",
         "as fighting continued in the east", "in a sharp change of tone", "in remarks to reporters"]
PLACES = ["Kharkiv", "Odesa", "Mykolaiv", "Sumy", "Dnipro", "Kherson", "Pokrovsk", "Zaporizhzhia", "Lviv", "Izium",
          "Bakhmut", "Chernihiv", "Poltava", "Vinnytsia", "Uman", "Kramatorsk"]
NAMES = ["Anna Kovalenko", "Pavel Sokolov", "Maria Lindqvist", "Jan Nowak", "Ahmed Farouk", "Li Wen", "Sofia Reyes",
         "Tomas Weber", "Claire Dubois", "Raj Mehta", "Yusuf Demir", "Helen Park"]
ROLES = ["foreign minister", "defence minister", "prime minister", "envoy", "spokesman", "ambassador"]
STOCK = [
    "NATO said the alliance would keep its door open to new members that meet its standards.",
    "Russia said it would not accept NATO troops on its borders under any settlement.",
    "The European Union said sanctions would stay in place until a lasting ceasefire is agreed.",
    "The United Nations urged all sides to allow humanitarian aid to reach civilians without delay.",
]


def write_corpus(folder: Path, count: int, seed: int = 7) -> Path:
    """Write `count` articles and a profile.toml into `folder` (created); the same seed gives the same files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "profile.toml").write_text(profile_toml(), encoding="utf-8")
    rng = random.Random(seed)
    for n in range(count):
        (folder / f"{n:05d}.txt").write_text(article(rng, n), encoding="utf-8")
    return folder


def profile_toml() -> str:
    """The corpus's parties and topics as a profile (ARCHITECTURE.md section 4)."""
    lines = []
    for name, aliases in PARTIES.items():
        lines += [f'[parties."{name}"]', f"aliases = {list(aliases)!r}".replace("'", '"'), ""]
    for key, (title, keywords) in TOPICS.items():
        lines += [f"[topics.{key}]", f'title = "{title}"', f"keywords = {list(keywords)!r}".replace("'", '"'), ""]
    return "\n".join(lines)


def article(rng: random.Random, n: int) -> str:
    """One article: a headline and about 600 words in paragraphs of two to four sentences."""
    parties = rng.sample(list(PARTIES), 4)
    topics = rng.sample(list(TOPICS), 3)
    place = rng.choice(PLACES)
    paragraphs = [f"{parties[0]} and {parties[1]} clash over {TOPICS[topics[0]][0].lower()} as talks resume"]
    words = 0
    while words < 600:
        paragraph = [_capital(_sentence(rng, parties, topics, place, n)) for _ in range(rng.randint(2, 4))]
        words += sum(len(s.split()) for s in paragraph)
        paragraphs.append(" ".join(paragraph))
    return "\n\n".join(paragraphs) + "\n"


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _sentence(rng: random.Random, parties: list[str], topics: list[str], place: str, n: int) -> str:
    kind = rng.random()
    party, topic = rng.choice(parties), rng.choice(topics)
    holder = rng.choice((party, party, *PARTIES[party][:2]))
    thing = rng.choice(OBJECTS[topic])
    if kind < 0.03:
        return rng.choice(STOCK)
    if kind < 0.45:
        return f"{holder} {rng.choice(VERBS)} {thing} {rng.choice(WHEN)}, {rng.choice(TAILS)}."
    if kind < 0.6:
        person, role = rng.choice(NAMES), rng.choice(ROLES)
        return (f'"We will not move on {thing} until the other side does," said {person}, '
                f"{party}'s {role}, speaking in {place} {rng.choice(WHEN)}.")
    if kind < 0.72:
        other = rng.choice([p for p in parties if p != party])
        return (f"{holder} is opposed to {thing}, while {other} has said it would consider it "
                f"{rng.choice(WHEN)}, {rng.choice(TAILS)}.")
    number = rng.randint(2, 400)
    return rng.choice((
        f"Officials in {place} reported {number} people injured after overnight shelling hit a school and a market.",
        f"Queues of {number} lorries formed at the border crossing near {place} as inspections slowed, drivers said.",
        f"Power was cut to {number} thousand homes in {place} after strikes on a substation, the utility said.",
        f"Prices for bread in {place} have risen by {number % 40 + 2} percent since the spring, traders said.",
        f"Volunteers in {place} handed out {number} food parcels on day {n % 300 + 1} of the relief effort.",
    ))
