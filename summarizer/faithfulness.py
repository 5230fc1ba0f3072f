"""The faithfulness guard: a position line someone else wrote (a language model) is shown only when the
verbatim sentences it came from support it. Deterministic, offline, no model of its own."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from summarizer.compress import MAX_WORDS, MIN_WORDS
from summarizer.model import Party
from summarizer.words import word_set, word_table

# Measured by benchmarks/guard_coverage.py on paraphrases of real sentences (seed and tests/data/stories):
# faithful lines reach 0.75 and more, lines with an added claim stay at or below 0.67. See README.
MIN_COVERAGE = 0.75
# A model line must restate the stance the core selected, not another part of the sentence.
MIN_ANCHOR_RECALL = 0.5
_WINDOW = 4  # tokens between a negation and the word it negates

_TOKEN = re.compile(r"[A-Z](?:\.[A-Z])+\.?|\d[\d,.]*\d|\d|[A-Za-z]+(?:'[A-Za-z]+)?")
_FORBIDDEN = re.compile(r"[<>@`*_#|\[\]{}\\~]|https?:|www\.", re.IGNORECASE)
_INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b.{0,40}\b(?:instructions?|prompts?|rules|directions)\b"
    r"|\bsystem prompt\b|\byou are (?:an? )?(?:ai|assistant|language model|chatbot)\b",
    re.IGNORECASE,
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ments", "ment", "ies", "ied", "ed", "es", "s", "ly")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a line may be shown; `reason` says why not (for the debug log)."""

    accepted: bool
    reason: str = ""
    coverage: float = 1.0


def _words(section: str) -> frozenset[str]:
    """A word list of the guard (summarizer/data/faithfulness_SECTION.txt)."""
    return word_set(f"faithfulness_{section}")


def _number_words() -> dict[str, str]:
    return {word: values[0] for word, values in word_table("faithfulness_numbers").items()}


def tokens(text: str) -> list[str]:
    """Word, number and acronym tokens; hyphenated words split ('two-state' -> 'two', 'state')."""
    return _TOKEN.findall(text.replace("’", "'").replace("‘", "'"))


def _bare(token: str) -> str:
    """'Ukraine's' -> 'Ukraine', 'U.S.' -> 'US'."""
    token = token[:-2] if token.lower().endswith("'s") else token
    return token.replace(".", "")


def stem(word: str) -> str:
    """A crude stem, enough to match 'negotiations' with 'negotiating' and 'denied' with 'deny'."""
    word = _bare(word).lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _related(a: str, b: str, shortest: int = 5) -> bool:
    """Same stem, or one a prefix of the other and long enough not to be a coincidence."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= shortest and long_.startswith(short)


def _negation(token: str) -> str | None:
    """The kind of negation a token is ('not' for not, -n't, cannot), or None."""
    low = token.lower()
    if low in ("not", "cannot") or low.endswith("n't"):
        return "not"
    return low if low in _words("negation") else None


def _numbers(toks: Iterable[str]) -> Counter[str]:
    table = _number_words()
    out: Counter[str] = Counter()
    for tok in toks:
        if tok[0].isdigit():
            out[tok.replace(",", "")] += 1
        elif tok.lower() in table:
            out[table[tok.lower()]] += 1
    return out


def _own_words(party: Party) -> frozenset[str]:
    return frozenset(_bare(t).lower() for name in (party.name, *party.aliases) for t in tokens(name))


def check_line(line: str, sources: Sequence[str], party: Party, others: Sequence[Party] = (),
               anchor: str = "") -> Verdict:
    """Accept `line` as `party`'s position only when `sources` (verbatim sentences) support it: its numbers,
    names and negations occur there, its content words are covered, it keeps the negations of the words it
    reuses, names no other party as the holder, restates `anchor` (the offline line) and is 8-20 words."""
    joined = " ".join(sources)
    cand, src = tokens(line), tokens(joined)
    for check in (lambda: _form(line), lambda: _injected(joined), lambda: _number_check(cand, src),
                  lambda: _name_check(cand, src, party), lambda: _negation_check(cand, src),
                  lambda: _dropped_negation(cand, src), lambda: _holder_check(line, party, others),
                  lambda: _polarity_check(cand, src)):
        reason = check()
        if reason:
            return Verdict(False, reason)
    coverage, missing = content_coverage(cand, src, party)
    if coverage < MIN_COVERAGE:
        return Verdict(False, f"content words not in the sources: {', '.join(missing)} ({coverage:.2f})", coverage)
    if anchor and _anchor_recall(anchor, cand, party) < MIN_ANCHOR_RECALL:
        return Verdict(False, "does not restate the selected stance", coverage)
    return Verdict(True, "", coverage)


def _form(line: str) -> str:
    words = line.split()
    if "\n" in line or "\r" in line:
        return "more than one line"
    if not re.search(r"[A-Za-z]", line) or line.lstrip()[:1] in "{[":
        return "not a sentence"
    if _FORBIDDEN.search(line):
        return "markup, a mention or a link"
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return f"{len(words)} words (want {MIN_WORDS} to {MAX_WORDS})"
    if line.rstrip().endswith(("…", "...")):
        return "cut short"
    if line.count('"') % 2 or line.count("“") != line.count("”"):
        return "unbalanced quotation marks"
    if words[0].lower().strip("\"'") in _words("pronouns"):
        return f"starts with an unresolved '{words[0]}'"
    return ""


def _injected(sources: str) -> str:
    return "the sources hold instructions to a model" if _INJECTION.search(sources) else ""


def _number_check(cand: list[str], src: list[str]) -> str:
    have = _numbers(src)
    extra = [n for n, count in _numbers(cand).items() if count > have[n]]
    return f"numbers not in the sources: {', '.join(extra)}" if extra else ""


def _name_check(cand: list[str], src: list[str], party: Party) -> str:
    """Every capitalised word after the first is the party's own name, or a name the sources use."""
    own = _own_words(party)
    names = {_bare(t) for t in src if t[:1].isupper()}
    missing = []
    for tok in cand[1:]:
        bare = _bare(tok)
        if not tok[:1].isupper() or bare.lower() in own or bare == "I":
            continue
        if not any(_related(bare, name, 4) for name in names):
            missing.append(bare)
    return f"names not in the sources: {', '.join(missing)}" if missing else ""


def _negation_check(cand: list[str], src: list[str]) -> str:
    have = Counter(n for n in map(_negation, src) if n)
    extra = [n for n, count in Counter(n for n in map(_negation, cand) if n).items() if count > have[n]]
    return f"negation not in the sources: {', '.join(extra)}" if extra else ""


def _negated_stems(src: list[str]) -> set[str]:
    """Stems of the words the sources negate ('will not recognise' -> 'recognis'), unless they also occur
    un-negated there."""
    function = _words("function")
    negated, plain = set(), set()
    for i, tok in enumerate(src):
        if _negation(tok) or tok.lower() in function:
            continue
        target = negated if _negated_at(src, i) else plain
        target.add(stem(tok))
    return {s for s in negated if s not in plain}


def _negated_at(toks: list[str], i: int) -> bool:
    """A negation or a negative verb shortly before token i, with only function words between."""
    function, negative = _words("function"), _words("negative_verbs")
    for j in range(i - 1, max(-1, i - 1 - _WINDOW), -1):
        low = toks[j].lower()
        if _negation(toks[j]) or low in negative:
            return True
        if low not in function:
            return False
    return False


def _dropped_negation(cand: list[str], src: list[str]) -> str:
    negated = _negated_stems(src)
    for i, tok in enumerate(cand):
        if _negation(tok) or tok.lower() in _words("function"):
            continue
        if stem(tok) in negated and not _negated_at(cand, i):
            return f"drops the negation of '{tok}'"
    return ""


_CLASSES = ("positive_verbs", "negative_verbs", "prescriptive_verbs")  # stand-ins for each other


def _classes_in(toks: list[str]) -> set[str]:
    """Which stance classes (support, refusal, demand) the tokens use; a negation counts as refusal."""
    lows = {t.lower() for t in toks}
    found = {name for name in _CLASSES if lows & _words(name)}
    return found | ({"negative_verbs"} if any(map(_negation, toks)) else set())


def _polarity_check(cand: list[str], src: list[str]) -> str:
    """A line that backs what its sources oppose ('opposed' -> 'supports'), or the reverse."""
    have = _classes_in(src)
    for tok in cand:
        for name in ("positive_verbs", "negative_verbs"):
            if tok.lower() in _words(name) and name not in have:
                return f"'{tok}' has no counterpart in the sources"
    return ""


def _holder_check(line: str, party: Party, others: Sequence[Party]) -> str:
    """Another party as the subject of a verb of holding ('Russia rejects ...', 'Moscow has long opposed ...',
    a line that opens 'Russia has ...' or 'Israel, for its part, ...'); 'NATO membership ...', 'until Hamas is
    disarmed' name no holder."""
    own = {a.lower() for a in (party.name, *party.aliases)}
    for other in others:
        for alias in (other.name, *other.aliases):
            if alias.lower() in own or not alias.strip():
                continue
            for m in re.finditer(rf"(?<![\w.]){re.escape(alias)}(?![\w])", line):
                before, rest = line[: m.start()].strip().lower(), line[m.end():]
                at_start = before in ("", "the")
                if _holds(tokens(rest)[:4], at_start) or (at_start and rest.lstrip().startswith(",")):
                    return f"names {other.name} as the holder"
    return ""


def _holds(following: list[str], at_start: bool) -> bool:
    """Whether the words after a name make it a holder: a verb of holding, maybe after auxiliaries and
    adverbs ('has consistently opposed'); at the start of a line an auxiliary alone will do ('Russia has')."""
    auxiliaries, verbs = _words("auxiliaries"), _words("holder_verbs")
    if following and at_start and following[0].lower() in auxiliaries:
        return True
    for tok in following:
        low = tok.lower()
        if low in verbs:
            return True
        if low not in auxiliaries and not low.endswith("ly"):
            return False
    return False


def _content(toks: Iterable[str], party: Party) -> list[str]:
    skip = _words("function") | _words("framing") | _own_words(party)
    numbers = _number_words()
    return [t for t in toks if t[0].isalpha() and _bare(t).lower() not in skip and not _negation(t)
            and t.lower() not in numbers]


def content_coverage(cand: list[str], src: list[str], party: Party) -> tuple[float, list[str]]:
    """Share of the line's content words whose stem the sources hold, and the words they lack."""
    words = _content(cand, party)
    if not words:
        return 1.0, []
    stems = {stem(t) for t in src}
    classes = _classes_in(src)  # 'backs' is covered by 'supported', 'urges' by 'called for'
    missing = [w for w in words if not any(_related(stem(w), s) for s in stems)
               and not any(w.lower() in _words(name) for name in classes)]
    return 1 - len(missing) / len(words), missing


def _anchor_recall(anchor: str, cand: list[str], party: Party) -> float:
    """Share of the offline line's content words the model line keeps."""
    wanted = {stem(t) for t in _content(tokens(anchor), party)}
    if len(wanted) < 3:
        return 1.0
    have = {stem(t) for t in cand}
    return sum(any(_related(w, h) for h in have) for w in wanted) / len(wanted)
