"""Names and their abbreviations: 'the Federal Trade Authority (FTA)', and a name's initials ('HRWU')."""
from __future__ import annotations

import re

# 'Corp.', 'U.S.', not 'Monday.'; Arabic names with their article: 'Nusrat al-Islam wal-Muslimin'
CAP = r"(?:[A-Z](?:[A-Za-z]{0,3}\.)+|[A-Z][\w&'’-]*|(?:al|el|ul|wal|bin|ibn)-[A-Z][\w'’-]*)"
LINK = r"(?:of|for|and|on|de|du|des|la|the|wa|&)"
_DAY = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"  # 'the Court on Thursday said'
# (words of one name stand on one line: a headline's last word and the next paragraph's first are two names)
NAME_SPAN = re.compile(rf"{CAP}(?:(?:[^\S\n]+{LINK})*[^\S\n]+{_DAY}{CAP})*"
                       rf"(?:(?:,\s+{CAP}(?:\s+{CAP})*)+,?\s+and\s+{CAP}(?:\s+{CAP})*)?")
_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z0-9&.-]{1,9})\)")
_MEMBER = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}"
_MEMBERS = rf"((?:{_MEMBER}, )+{_MEMBER},? and {_MEMBER})"
_GROUP = r"([A-Z][A-Za-z]*[0-9]*[A-Z0-9]|[A-Z][A-Za-z]+ (?:Group|Quartet|Troika|Trio))"
# 'France, Britain and Germany, known as the E3,' / 'the E3 (France, Britain and Germany)'
_GROUPS = (re.compile(rf"{_MEMBERS},? (?:collectively |jointly )?(?:known as|called|dubbed) the {_GROUP}\b"),
           re.compile(rf"{_MEMBERS} \((?:the |known as the )?{_GROUP}\)"),
           re.compile(rf"{_MEMBERS} [—–-]+ (?:the |known as the )?{_GROUP} [—–-]"),
           re.compile(rf"\b[Tt]he {_GROUP} \({_MEMBERS}\)"),
           re.compile(rf"\b[Tt]he {_GROUP} [—–-]+ {_MEMBERS} [—–-]"))


def initials(name: str) -> str:
    """'Harbour and Rail Workers Union' -> 'HRWU' (linking words skipped)."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def abbreviations(text: str) -> list[tuple[str, str]]:
    """(name, abbreviation) of 'the Federal Trade Authority (FTA)' where the letters fit the name."""
    out = []
    for m in _ABBREVIATION.finditer(text):
        before = text[max(0, m.start() - 120):m.start()].rstrip()
        spans = list(NAME_SPAN.finditer(before))
        if not spans or spans[-1].end() != len(before):
            continue
        name = re.sub(r"^(?:The|the)\s+", "", spans[-1].group(0))
        abbreviation = m.group(1).replace(".", "")
        digits = re.sub(r"\D", "", abbreviation)
        if digits and digits not in name:  # 'March 23 Movement (M23)': a number breaks the name's span
            continue
        if _fits(abbreviation, name):
            out.append((name, m.group(1)))
    return out


def groups(text: str) -> list[tuple[str, str]]:
    """(group name, its members as the text lists them) of a group a text defines by its members: 'France,
    Britain and Germany, known as the E3' gives ('E3', 'France, Britain and Germany')."""
    out = [(m.group(2), m.group(1)) for pattern in _GROUPS[:3] for m in pattern.finditer(text)]
    return out + [(m.group(1), m.group(2)) for pattern in _GROUPS[3:] for m in pattern.finditer(text)]


def _fits(abbreviation: str, name: str) -> bool:
    """The abbreviation's letters are the name's initials, a run of its capitals ('FTA', 'HRWU', 'IAEA'), or the
    start of each of its words ('CARICOM')."""
    letters = re.sub(r"[^A-Z]", "", abbreviation.upper())
    capitals = re.sub(r"[^A-Z]", "", name)
    words = [w.upper() for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return bool(letters) and (letters == initials(name).upper() or _subsequence(letters, capitals)
                              or _word_starts(letters, words)) and letters[0] == name[:1].upper()


def _word_starts(letters: str, words: list[str]) -> bool:
    """'CARICOM' of 'Caribbean Community', 'MERCOSUR' of 'Mercado Comun del Sur': the start of each word."""
    if not words:
        return not letters
    return any(letters[:n] == words[0][:n] and _word_starts(letters[n:], words[1:])
               for n in range(1, min(len(letters), len(words[0])) + 1))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)
