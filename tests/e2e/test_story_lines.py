"""Properties of every line the core writes on every story under tests/data/stories and seeds/, with the gold
profile and in auto mode: never cut short, faithful to its source, negations and numbers kept, standalone."""
import json
import re
from functools import cache
from pathlib import Path

import pytest

from bot.infra.documents import load_documents
from summarizer import Party, Profile, Topic
from summarizer.analysis import analyze
from summarizer.briefing import brief
from summarizer.lexicon import STOPWORDS
from summarizer.keys import normalize
from summarizer.text import split_sentences

ROOT = Path(__file__).resolve().parents[2]
STORIES = sorted(p for p in (ROOT / "tests" / "data" / "stories").iterdir() if p.is_dir()) + [ROOT / "seeds"]
NEGATIONS = {"not", "never", "no", "nor", "cannot", "without", "n't"}
_OPENING = re.compile(r"^[\"'“‘]?(he|she|they|it|his|her|its|their|them|this|that|these|those|we|our|us|i|my|me|"
                      r"you|your)\b", re.IGNORECASE)


def _words(text: str) -> list[str]:
    text = normalize(text).lower().replace("n't", " n't")
    return [re.sub(r"'s?$", "", w) for w in re.findall(r"[a-z0-9]+(?:['.-][a-z0-9]+)*'?s?|n't", text)]


def _profile(story: Path) -> Profile:
    gold = story / "gold.json"
    if not gold.exists():
        return Profile()
    data = json.loads(gold.read_text(encoding="utf-8"))
    return Profile(tuple(Party(n, tuple(a)) for n, a in data["parties"].items()),
                   tuple(Topic(k, tuple(w)) for k, w in data["topics"].items()))


@cache
def _lines(story: Path) -> list[tuple[str, str, str, str]]:
    """(party, text, source sentence, document text) of every line of every briefing of a story."""
    documents = load_documents(story, warn=lambda m: None)
    texts = {d.id: d.text for d in documents}
    out = []
    for profile in (_profile(story), Profile()):
        analysis = analyze(documents, profile)
        for topic in [None, *(t.key for t in analysis.topics)]:
            for party in brief(analysis, topic).parties:
                for position in party.positions:
                    source = position.sources[0]
                    out.append((party.name, position.text, source.sentence or source.quote, texts[source.document]))
    return out


def _antecedent(sentence: str, document: str) -> str:
    """The sentence before `sentence` in its paragraph (what 'this move' may stand for)."""
    sentences = split_sentences("d", document)
    for prev, cur in zip(sentences, sentences[1:]):
        if normalize(cur.text) == normalize(sentence) and prev.paragraph == cur.paragraph:
            return prev.text
    return ""


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_no_line_is_cut_short(story):
    for _, text, _, _ in _lines(story):
        assert "…" not in text and "..." not in text, text


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_every_content_word_comes_from_the_source_or_its_antecedent(story):
    for party, text, sentence, document in _lines(story):
        allowed = set(_words(sentence)) | set(_words(_antecedent(sentence, document))) | set(_words(party))
        names = {w.lower() for w in re.findall(r"\b[A-Z][\w'’.-]*", document)}  # a resolved name is the document's
        for word in _words(text):
            if word in STOPWORDS or word in NEGATIONS:
                continue
            assert word in allowed or word in {re.sub(r"'s$", "", n) for n in names}, (word, text, sentence)


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_negations_and_numbers_are_never_dropped_from_a_kept_clause(story):
    for _, text, sentence, _ in _lines(story):
        line, source = " ".join(_words(text)), _words(sentence)
        for k in range(1, len(source) - 1):
            if source[k] in NEGATIONS or re.fullmatch(r"\d[\d.,]*", source[k]):
                assert f" {source[k - 1]} {source[k + 1]} " not in f" {line} ", (source[k], text, sentence)


@pytest.mark.parametrize("story", STORIES, ids=lambda p: p.name)
def test_lines_open_with_a_name_or_a_capitalised_word_never_a_pronoun(story):
    for _, text, _, _ in _lines(story):
        assert not _OPENING.match(text) and text[:1].isupper(), text
