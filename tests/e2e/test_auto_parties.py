"""Auto mode on every annotated test story: each party that holds a stance in the gold is found, and every
party found holds a stance of the gold (a place only mentioned is no party)."""
import json
from pathlib import Path

import pytest

from bot.infra.documents import load_documents
from summarizer import Profile, analyze

STORIES = Path(__file__).resolve().parents[1] / "data" / "stories"


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _gold_party(party, gold_parties: dict[str, list[str]]) -> str | None:
    """The gold party a discovered party stands for: by its name, or by the gold name among its aliases."""
    own = {_norm(n) for n in (party.name, *party.aliases)}
    for canon, aliases in gold_parties.items():
        if _norm(party.name) in {_norm(a) for a in (canon, *aliases)} or _norm(canon) in own:
            return canon
    return None


@pytest.mark.parametrize("story", sorted(p.name for p in STORIES.iterdir() if (p / "gold.json").is_file()))
def test_auto_mode_finds_every_party_of_a_story_that_holds_a_stance_and_no_other(story):
    gold = json.loads((STORIES / story / "gold.json").read_text(encoding="utf-8"))
    analysis = analyze(load_documents(STORIES / story, warn=lambda message: None), Profile())
    holders = {pos["party"] for doc in gold["docs"] for pos in doc["positions"]}
    found = {p.name: _gold_party(p, gold["parties"]) for p in analysis.parties}
    assert holders <= set(found.values()), f"missed: {holders - set(found.values())}"
    assert all(found.values()), f"parties holding no stance: {[n for n, g in found.items() if g is None]}"
    stated = {c.statement.holder for c in analysis.claims}
    assert all(p.name in stated for p in analysis.parties)
