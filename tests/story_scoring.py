"""Score briefings of an annotated story against its gold positions, with the shared scorer's figures.

The project must not import `../shared`, so this mirrors `../shared/eval/score.py` (same figures, same matching:
an item is credited to a gold position when one of its source quotes contains the position's evidence snippet).
Briefings come from the CLI contract (`python -m bot brief TOPIC --docs DIR [--profile FILE] --format json`),
which stays the same whatever the package layout.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = Path(__file__).resolve().parent / "data" / "stories"
QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
PRONOUN_START = re.compile(
    r"^[\"'\u201c\u2018]?(he|she|they|it|his|her|its|their|them|this|that|these|those|we|our|us|i|my|me|you|your)\b",
    re.I)
DATELINE = re.compile(r"\bdate \d{4}-\d\d-\d\d\b|^[A-Z][A-Z .,'-]{3,}\s[\u2014\u2013-]\s")


def norm(text: str) -> str:
    """Compare quotes and evidence regardless of curly quotes, dashes, spacing and case."""
    text = unicodedata.normalize("NFKC", text)
    for curly, plain in QUOTES.items():
        text = text.replace(curly, plain)
    return re.sub(r"\s+", " ", text).strip().lower()


def line_defects(text: str) -> list[str]:
    """The reasons a position line does not read on its own (empty when it does)."""
    t = text.strip()
    found = []
    if PRONOUN_START.match(t):
        found.append("pronoun_start")
    if "\u2026" in t or "..." in t:
        found.append("cut_short")
    if DATELINE.search(t):
        found.append("dateline")
    if t.count('"') % 2 or t.count("\u201c") != t.count("\u201d"):
        found.append("unbalanced_quotes")
    if t[:1].islower():
        found.append("lowercase_start")
    return found


def load_gold(story: str | Path) -> dict:
    """The gold file of a story folder (a name under tests/data/stories, or a path)."""
    folder = Path(story) if Path(story).is_dir() else STORIES / str(story)
    return json.loads((folder / "gold.json").read_text(encoding="utf-8"))


def gold_positions(gold: dict) -> list[dict]:
    return [dict(pos, doc=d["id"]) for d in gold["docs"] for pos in d["positions"]]


def profile_toml(gold: dict) -> str:
    """The profile a user of this story configured: the gold file's parties and topics."""
    q = lambda s: json.dumps(s, ensure_ascii=False)  # noqa: E731  (TOML basic strings accept JSON escapes)
    lines = []
    for name, aliases in gold["parties"].items():
        lines += [f"[parties.{q(name)}]", f"aliases = [{', '.join(q(a) for a in aliases)}]", ""]
    for key, words in gold["topics"].items():
        lines += [f"[topics.{q(key)}]", f"keywords = [{', '.join(q(w) for w in words)}]", ""]
    return "\n".join(lines)


def run_cli(*args: str) -> dict:
    """Run `python -m bot ARGS --format json` from the project's root, away from any configured store or profile."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFING_")}
    with tempfile.TemporaryDirectory() as tmp:
        env["BRIEFING_DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'store.sqlite3'}"
        proc = subprocess.run([sys.executable, "-m", "bot", *args, "--format", "json"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=180)
    if proc.returncode != 0:
        raise RuntimeError(f"python -m bot {' '.join(args)} exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    return json.loads(proc.stdout)


def story_briefings(story: str, with_profile: bool) -> dict[str, dict]:
    """One JSON briefing per gold topic: with the gold profile, or with none (auto mode)."""
    gold, docs = load_gold(story), str(STORIES / story)
    with tempfile.TemporaryDirectory() as tmp:
        extra: tuple[str, ...] = ()
        if with_profile:
            path = Path(tmp) / "profile.toml"
            path.write_text(profile_toml(gold), encoding="utf-8")
            extra = ("--profile", str(path))
        return {topic: run_cli("brief", topic, "--docs", docs, *extra) for topic in gold["topics"]}


def party_key(name: str, gold_parties: dict[str, list[str]]) -> str | None:
    """The gold party a briefing's party name stands for (by name or alias), or None."""
    n = norm(name)
    for canon, aliases in gold_parties.items():
        if n == norm(canon) or n in {norm(a) for a in aliases}:
            return canon
    extra = {"us": "United States", "u.s.": "United States", "usa": "United States", "america": "United States",
             "united states of america": "United States", "eu": "European Union", "europe": "European Union"}
    canon = extra.get(n)
    return canon if canon in gold_parties else None


@dataclass
class Tally:
    """Running counts over a story's topics; `figures()` turns them into the scorer's ratios."""
    pairs: int = 0
    pairs_hit: int = 0
    evidence: int = 0
    evidence_hit: int = 0
    matched: int = 0
    correct: int = 0
    on_topic: int = 0
    items: int = 0
    unsupported: int = 0
    words: int = 0
    duplicates: int = 0
    clean: int = 0
    defects: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    per_topic: dict[str, dict[str, bool]] = field(default_factory=dict)

    def figures(self) -> dict:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None
        return {"pair_recall": ratio(self.pairs_hit, self.pairs),
                "evidence_recall": ratio(self.evidence_hit, self.evidence),
                "attribution_precision": ratio(self.correct, self.matched),
                "topic_precision": ratio(self.on_topic, self.correct),
                "unsupported_rate": ratio(self.unsupported, self.items),
                "words_per_position": ratio(self.words, self.items),
                "duplicate_items": self.duplicates,
                "clean_line_rate": ratio(self.clean, self.items),
                "line_defects": dict(self.defects), "items": self.items,
                "texts": list(self.texts), "per_topic": dict(self.per_topic)}


def _items(briefing: dict, gold: dict) -> list[tuple[str | None, list[str], str]]:
    return [(party_key(p.get("name", ""), gold["parties"]),
             [norm(s.get("quote", "")) for s in pos.get("sources", [])], pos.get("text", ""))
            for p in briefing.get("parties", []) for pos in p.get("positions", [])]


def _count_items(t: Tally, topic: str, items: list, positions: list[dict], all_evidence: list[str]) -> None:
    seen = set()
    for party, quotes, text in items:
        t.items += 1
        t.words += len(text.split())
        t.texts.append(text)
        found = line_defects(text)
        t.clean += not found
        for defect in found:
            t.defects[defect] = t.defects.get(defect, 0) + 1
        for quote in quotes:
            t.duplicates += (party, quote) in seen
            seen.add((party, quote))
        quoted = [p for p in positions if any(norm(p["evidence"]) in q for q in quotes)]
        if quoted:
            t.matched += 1
            t.correct += party in {p["party"] for p in quoted}
            t.on_topic += any(p["party"] == party and p["topic"] == topic for p in quoted)
        elif not any(ev in q for ev in all_evidence for q in quotes):
            t.unsupported += 1


def _count_pairs(t: Tally, topic: str, items: list, positions: list[dict]) -> None:
    hits: dict[str, list[bool]] = {}
    for p in (p for p in positions if p["topic"] == topic):
        ev = norm(p["evidence"])
        hits.setdefault(p["party"], []).append(
            any(party == p["party"] and any(ev in q for q in quotes) for party, quotes, _ in items))
    t.pairs += len(hits)
    t.pairs_hit += sum(any(h) for h in hits.values())
    t.evidence += sum(len(h) for h in hits.values())
    t.evidence_hit += sum(sum(h) for h in hits.values())
    t.per_topic[topic] = {party: any(h) for party, h in hits.items()}


def score(gold: dict, briefings: dict[str, dict]) -> dict:
    """The shared scorer's figures for one story, from its briefings keyed by gold topic."""
    positions = gold_positions(gold)
    all_evidence = [norm(p["evidence"]) for p in positions]
    tally = Tally()
    for topic in gold["topics"]:
        items = _items(briefings[topic], gold)
        _count_items(tally, topic, items, positions, all_evidence)
        _count_pairs(tally, topic, items, positions)
    return tally.figures()


def listed_parties(story: str) -> list[dict]:
    """The parties auto mode lists for a story (no profile): `python -m bot topics`."""
    return run_cli("topics", "--docs", str(STORIES / story)).get("parties", [])


def _names(name: str, aliases: list[str]) -> set[str]:
    return {norm(name), *(norm(a) for a in aliases)}


def auto_party_check(gold: dict, listed: list[dict]) -> tuple[list[str], list[str]]:
    """(gold parties holding a stance that auto mode did not find, listed parties that hold no gold stance)."""
    holders = {p["party"] for p in gold_positions(gold)}
    matches = {canon: set() for canon in holders}
    strays = []
    for party in listed:
        name = party.get("name", "")
        names = _names(name, party.get("aliases") or [])
        hit = {c for c in holders if names & _names(c, gold["parties"].get(c, []))}
        hit |= {party_key(name, gold["parties"])} & holders
        for canon in hit:
            matches[canon].add(name)
        if not hit:
            strays.append(name)
    return sorted(c for c, found in matches.items() if not found), strays
