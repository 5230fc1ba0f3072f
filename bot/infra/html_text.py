"""Text of an HTML page in one linear pass (html.parser backtracks for minutes on a page of unclosed tags)."""
from __future__ import annotations

import html
import re

BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
                        "blockquote", "figcaption", "header", "footer", "ul", "ol", "table", "title"})
SKIP_TAGS = frozenset({"script", "style", "noscript", "nav", "aside", "footer", "form", "figure", "svg", "iframe",
                       "template", "button", "select"})
_RAW_TEXT = frozenset({"script", "style"})  # their content is not markup
# One tag. Each alternative of the repeated group starts with a different character, so a failed match
# backtracks one step per character; an unquoted attribute stops at the next "<", so scans do not overlap.
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:[^>\"'<]|\"[^\"]*\"|'[^']*')*)>")
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_RAW_END = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in _RAW_TEXT}
_SPACES = re.compile(r"\s+")


class _Page:
    """What the scan collects: text parts, title parts and the page's own address."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.title: list[str] = []
        self.url: str | None = None
        self.skip = 0
        self.in_title = False

    def data(self, text: str) -> None:
        if self.in_title:
            self.title.append(html.unescape(text))
        elif not self.skip:
            self.parts.append(html.unescape(text))

    def start(self, tag: str, attributes: str) -> None:
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag in ("link", "meta"):
            self._address(tag, _attributes(attributes))
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def end(self, tag: str) -> None:
        if tag in SKIP_TAGS and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def _address(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "link" and attrs.get("rel") == "canonical" and attrs.get("href"):
            self.url = attrs["href"]
        elif tag == "meta" and attrs.get("property") == "og:url" and attrs.get("content") and not self.url:
            self.url = attrs["content"]


def html_to_text(page: str) -> tuple[str, str, str | None]:
    """(title, text, canonical url) of an HTML page; scripts, navigation and asides dropped."""
    collected = _scan(page)
    title = _SPACES.sub(" ", "".join(collected.title)).strip()
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in "".join(collected.parts).split("\n"))
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"
    url = (collected.url or "").strip()
    url = url if re.match(r"https?://[^\s/?#]", url, re.IGNORECASE) else None
    return title, text, url


def _scan(page: str) -> _Page:
    """Walk the page once; every search either moves past what it found or ends the walk."""
    out = _Page()
    pos, last_gt = 0, page.rfind(">")
    while (lt := page.find("<", pos)) >= 0:
        out.data(page[pos:lt])
        if page.startswith("<!--", lt):
            end = page.find("-->", lt + 4)
            if end < 0:
                return out  # an unclosed comment runs to the end
            pos = end + 3
            continue
        tag = _TAG.match(page, lt) if lt < last_gt else None
        if tag is None:
            if page.startswith(("<!", "<?"), lt) and lt < last_gt:
                pos = page.find(">", lt) + 1  # <!DOCTYPE ...>, <?xml ...?>
            else:
                out.data("<")  # a "<" that opens nothing is text
                pos = lt + 1
            continue
        pos = tag.end()
        name, attributes = tag.group(2).lower(), tag.group(3)
        if tag.group(1):
            out.end(name)
            continue
        out.start(name, attributes)
        if attributes.rstrip().endswith("/"):
            out.end(name)
        elif name in _RAW_TEXT:
            close = _RAW_END[name].search(page, pos)
            if close is None:
                return out
            pos = close.start()
    out.data(page[pos:])
    return out


def _attributes(text: str) -> dict[str, str | None]:
    """Attribute names (lower case) and values (quotes removed, character references decoded)."""
    attrs: dict[str, str | None] = {}
    for m in _ATTRIBUTE.finditer(text):
        value = m.group(2)
        if value is not None and value[:1] in "\"'":
            value = value[1:-1]
        attrs.setdefault(m.group(1).lower(), html.unescape(value) if value is not None else None)
    return attrs
