"""Feeds and pages against news sites served on 127.0.0.1: formats, conditional GET, extraction, bad input."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.infra.feeds import FeedError, read_feed, refresh
from bot.infra.fetch import USER_AGENT, Fetcher, FetchError, Validators
from bot.infra.pages import read_page
from tests.fakes.news_fake import FakeNews
from tests.infra.news_pages import ARTICLE, article_page, atom, rss

RSS_TYPE = "application/rss+xml; charset=utf-8"


@pytest.fixture
def news():
    with FakeNews() as fake:
        yield fake


@pytest.fixture
def fetcher():
    with Fetcher(timeout=1.0, max_bytes=256 * 1024) as client:
        yield client


@pytest.fixture
def warnings():
    return []


def test_rss_feed_entries_become_articles_with_url_title_outlet_and_time(news, fetcher, warnings):
    link = news.add("/world/doha-talks", article_page())
    feed = news.add("/rss.xml", rss([(link, "Talks resume in Doha", "Tue, 03 Mar 2026 09:30:00 GMT")]),
                    content_type=RSS_TYPE)
    result = refresh(fetcher, [feed], [], {}, set(), warnings.append)
    assert warnings == [] and result.failed == 0
    [article] = result.articles
    assert article.url == link and article.title == "Talks resume in Doha"
    assert article.outlet == "The Daily Ledger - World"
    assert article.published == datetime(2026, 3, 3, 9, 30, tzinfo=timezone.utc)
    assert ARTICLE[1] in article.text
    assert news.hits("/rss.xml")[0]["User-Agent"] == USER_AGENT


def test_atom_feed_with_full_content_needs_no_page_fetch(news, fetcher, warnings):
    content = "".join(f"<p>{p}</p>" for p in ARTICLE)
    feed = news.add("/atom.xml", atom([("http://127.0.0.1:1/never-fetched", "Truce talks", "2026-03-02T08:00:00Z",
                                        content)]), content_type="application/atom+xml")
    result = refresh(fetcher, [feed], [], {}, set(), warnings.append)
    [article] = result.articles
    assert article.outlet == "Harbour Post" and article.title == "Truce talks"
    assert article.published == datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
    assert ARTICLE[2] in article.text and warnings == []


def test_conditional_get_sends_validators_and_a_304_fetches_nothing(news, fetcher, warnings):
    link = news.add("/a", article_page())
    feed = news.add("/rss.xml", rss([(link, "T", "Tue, 03 Mar 2026 09:30:00 GMT")]), content_type=RSS_TYPE,
                    etag='"v7"', last_modified="Tue, 03 Mar 2026 10:00:00 GMT")
    first = refresh(fetcher, [feed], [], {}, set(), warnings.append)
    assert first.validators[feed] == Validators('"v7"', "Tue, 03 Mar 2026 10:00:00 GMT")
    before = len(news.requests)
    second = refresh(fetcher, [feed], [], first.validators, set(), warnings.append)
    assert second.articles == [] and second.unchanged == 1
    assert len(news.requests) == before + 1  # the feed only; no article page
    assert news.hits("/rss.xml")[-1]["If-None-Match"] == '"v7"'
    assert news.hits("/rss.xml")[-1]["If-Modified-Since"] == "Tue, 03 Mar 2026 10:00:00 GMT"


def test_entries_already_seen_are_not_fetched_again(news, fetcher, warnings):
    link = news.add("/a", article_page())
    feed = news.add("/rss.xml", rss([(link, "T", "Tue, 03 Mar 2026 09:30:00 GMT")]), content_type=RSS_TYPE)
    result = refresh(fetcher, [feed], [], {}, {link}, warnings.append)
    assert result.articles == [] and news.hits("/a") == []


def test_extraction_keeps_the_story_and_drops_navigation_ads_and_comments(news, fetcher, warnings):
    url = news.add("/story", article_page())
    page = read_page(fetcher, url, warnings.append)
    text = page.article.text
    for paragraph in ARTICLE:
        assert paragraph in text
    for junk in ("Podcasts", "Advertisement", "cookies", "Save 50%", "Most read", "Great article", "Privacy",
                 "All rights reserved", "Share on social"):
        assert junk not in text, junk
    assert page.article.outlet == "The Daily Ledger"
    assert page.article.published == datetime(2026, 3, 3, tzinfo=timezone.utc)
    assert page.validators == Validators()


def test_single_page_304(news, fetcher, warnings):
    url = news.add("/story", article_page(), etag='"p1"')
    first = read_page(fetcher, url, warnings.append)
    again = read_page(fetcher, url, warnings.append, first.validators)
    assert again.not_modified and again.article is None


@pytest.mark.parametrize("status", [404, 500])
def test_http_errors_name_the_source_and_the_rest_goes_on(news, fetcher, warnings, status):
    bad = news.add("/bad.xml", "oops", status=status)
    good = news.add("/good", article_page())
    result = refresh(fetcher, [bad], [good], {}, set(), warnings.append)
    assert [a.url for a in result.articles] == [good] and result.failed == 1
    assert warnings == [f"{bad}: HTTP {status} " + ("Not Found" if status == 404 else "Internal Server Error")]


def test_unreachable_feed(fetcher, warnings):
    with FakeNews() as gone:
        url = gone.url("/rss.xml")
    result = refresh(fetcher, [url], [], {}, set(), warnings.append)
    assert result.failed == 1 and len(warnings) == 1
    assert warnings[0].startswith(f"{url}: unreachable")


def test_timeout(news, fetcher, warnings):
    slow = news.add("/slow.xml", rss([]), content_type=RSS_TYPE, delay=2.5)
    with pytest.raises(FetchError, match=r"slow\.xml: timed out after 1 s"):
        read_feed(fetcher, slow, warnings.append)


def test_malformed_feed(news, fetcher, warnings):
    url = news.add("/broken.xml", "<rss><channel><title>Half a feed<item><link>", content_type=RSS_TYPE)
    with pytest.raises(FeedError, match=r"broken\.xml: not an RSS or Atom feed"):
        read_feed(fetcher, url, warnings.append)
    html = news.add("/not-a-feed", article_page())
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        read_feed(fetcher, html, warnings.append)


def test_page_with_no_article_text(news, fetcher, warnings):
    url = news.add("/gallery", article_page(paragraphs=["Photos: the week in pictures."]))
    result = refresh(fetcher, [], [url], {}, set(), warnings.append)
    assert result.articles == [] and warnings == [f"{url}: no article text found"]


@pytest.mark.parametrize("chunked", [False, True])
def test_huge_download_is_cut_at_the_cap(news, fetcher, warnings, chunked):
    url = news.add("/huge", b"<p>" + b"word " * 200_000 + b"</p>", chunked=chunked)
    with pytest.raises(FetchError, match=r"huge: .*over the 256 KB limit"):
        read_page(fetcher, url, warnings.append)


def test_binary_download(news, fetcher, warnings):
    png = news.add("/photo", b"\x89PNG\r\n\x1a\n" + bytes(5000), content_type="image/png")
    sneaky = news.add("/sneaky", b"<html>" + bytes(5000), content_type="text/html")
    for url, reason in ((png, "not text"), (sneaky, "binary content")):
        with pytest.raises(FetchError, match=reason):
            read_page(fetcher, url, warnings.append)


def test_bad_encoding_warns_naming_the_source_and_reads_the_text(news, fetcher, warnings):
    latin = article_page(paragraphs=[p.replace("Egyptian", "Égyptian") for p in ARTICLE])
    url = news.add("/latin", latin.encode("latin-1"), content_type="text/html; charset=utf-8")
    other = news.add("/fine", article_page())
    result = refresh(fetcher, [], [url, other], {}, set(), warnings.append)
    assert len(result.articles) == 2
    assert len(warnings) == 1 and warnings[0].startswith(f"{url}: not valid utf-8; read as")
    assert "Égyptian officials" in result.articles[0].text


def test_not_http_is_refused(fetcher):
    with pytest.raises(FetchError, match="not an http"):
        fetcher.get("file:///etc/passwd")
