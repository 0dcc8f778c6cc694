"""Drop boilerplate lines and HTML debris, recording each dropped span and its rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.config import CleanConfig
from factcheck.records import Article, DroppedSpan

# Quantifiers next to each other are bounded ({0,3}, {0,20}, {1,64}) so a pathological line (a megabyte of
# spaces after "<", an address-like run with no "@") cannot make a rule backtrack quadratically (#6).
INLINE_DEBRIS_RE = re.compile(r"<\s{0,3}/?\s{0,3}[a-zA-Z]{1,10}\s{0,3}/?>|(?<![\w<])/[a-zA-Z]{1,6}>")
PROMPT_RE = re.compile(
    r"^\W{0,20}(share( this)?( article)?:?|spread the love|video embed|read more:?|related (news|content|articles?|stories)"
    r"|most popular( articles)?|check out .{0,60}|click here\b.*|join .{0,40}\b(whatsapp|telegram|facebook|signal) (group|channel)"
    r"|.{0,60}\bnewsletter\b.{0,60}|sign up\b.{0,80}|subscribe\b.{0,80}|be the first to comment|leave a (reply|comment)"
    r"|your email address will not be published\.?.*|advertisement|follow us\b.{0,60}|comments?( \(\d+\))?)\W*$",
    re.IGNORECASE,
)
COPYRIGHT_RE = re.compile(r"^\W{0,20}(©|\(c\)|copyright\b|all rights\b.{0,80}reserved)", re.IGNORECASE)
COPYRIGHT_TAIL_RE = re.compile(r"all rights (reproduction and representation )?reserved|©\s*\(?\d{4}", re.IGNORECASE)
CREDIT_RE = re.compile(
    r"(©\s*[A-Z][\w .–—-]{1,80}$)|(\b[A-Z][a-z]+ [A-Z][a-z]+/(AP|AFP|Reuters|Getty Images|EPA)\s*$)"
    r"|\b(photo|image|picture)\s{0,3}(credit)?\s{0,3}:\s",
)
BIO_RE = re.compile(
    r"(\bhas been an? (reporter|writer|editor|correspondent|journalist)\b|\bcontact me\b|\bget in touch\b"
    r"|^by [A-Z][\w'-]+( [A-Z][\w'-]+){0,3}$)",
    re.IGNORECASE,
)
CONTACT_RE = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]+|\b1-\d{3}-\d{3}-\d{4}\b")
# An address or a phone number in an appeal for information is the police's statement, not the
# author's contact line: "Anyone with information should call Det. Roe at ... or e-mail ..." (#14).
APPEAL_RE = re.compile(
    r"\b(anyone with information|information (about|on|regarding|concerning)|(asked|urged) to (call|contact)"
    r"|crime ?stoppers|tip ?line|tips? (line|hotline))\b",
    re.IGNORECASE,
)
# A closing quotation mark ends a sentence too: curly or straight, double or single ('' in tokenised text).
MIN_TITLE_WORDS = 4
"""A line that starts with a headline this long is the headline with its standfirst (shorter: a menu word)."""
SENTENCE_END_RE = re.compile(r"[.!?\"”’')»]\s*$")
# A list entry of a named person with an age or a count: "Jane A. Roe, 48 years old - deceased".
NAMED_ENTRY_RE = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)+, \d{1,3}\b")


def _line_rule(
    line: str,
    seen: set[str],
    cfg: CleanConfig,
    user_res: Sequence[re.Pattern[str]],
    *,
    after_lead_in: bool = False,
    title_key: str = "",
) -> str:
    """Name the rule that drops a whole line, or '' to keep it.

    A short line without a sentence end is a heading or a link, unless it is an entry of a list
    (a victims list is content, #14): a named person with an age or a count, or a line with a
    detail (a comma or a figure) after a kept line that introduces a list ("... as follows:"), or
    the article's own headline printed in its text (its first time; it states the story's facts),
    alone or with its standfirst after it on one line.
    """
    stripped = line.strip()
    key = re.sub(r"\W+", " ", stripped.lower()).strip()
    if any(r.search(stripped) for r in user_res):
        return "user_pattern"
    if not re.search(r"[A-Za-z]{2,}", stripped):
        return "no_words"
    if PROMPT_RE.match(stripped):
        return "share_or_comment_prompt"
    if COPYRIGHT_RE.match(stripped) or (len(stripped) < 200 and COPYRIGHT_TAIL_RE.search(stripped)):
        return "copyright"
    if BIO_RE.search(stripped) or (CONTACT_RE.search(stripped) and not APPEAL_RE.search(stripped)):
        return "author_bio"
    if CREDIT_RE.search(stripped):
        return "photo_caption_or_credit"
    if key in seen:
        return "repeated_line"
    words = stripped.split()
    entry = (
        key == title_key
        or (key.startswith(title_key + " ") and title_key.count(" ") >= MIN_TITLE_WORDS - 1)
        or bool(NAMED_ENTRY_RE.match(stripped))
        or (after_lead_in and not stripped.endswith(":") and bool(re.search(r"[,\d]", stripped)))
    )
    if entry:
        return ""
    if not SENTENCE_END_RE.search(stripped) and len(words) < 15:
        return "heading_or_link"
    if len(words) < cfg.min_line_words:
        return "short_fragment"
    return ""


def clean_article(article: Article, cfg: CleanConfig) -> list[DroppedSpan]:
    """Find the boilerplate of one article.

    Works line by line: a line is dropped whole when a rule matches it, and HTML
    debris ("< p>", "/p>") is cut out of the lines that are kept.

    Returns:
        The dropped spans, in text order; the rest of the text is reporting.
    """
    user_res = [re.compile(p) for p in cfg.drop_patterns]
    dropped: list[DroppedSpan] = []
    seen: set[str] = set()
    offset = 0
    lead_in = False  # the last kept line introduces a list, or is an entry of one
    title_key = re.sub(r"\W+", " ", article.title.lower()).strip()
    if not re.search(r"[a-z]{2,}", title_key) or re.match(r"https? ", title_key):
        title_key = "\x00"  # no headline (an ingest that took a URL line for one): nothing is kept as it
    for line in article.text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        rule = _line_rule(line, seen, cfg, user_res, after_lead_in=lead_in, title_key=title_key)
        seen.add(re.sub(r"\W+", " ", line.strip().lower()).strip())
        if rule:
            dropped.append(DroppedSpan(article.id, start, end, rule, line))
            lead_in = False
            continue
        lead_in = line.rstrip().endswith(":") or (lead_in and not SENTENCE_END_RE.search(line))
        for m in INLINE_DEBRIS_RE.finditer(line):
            dropped.append(DroppedSpan(article.id, start + m.start(), start + m.end(), "html_debris", m.group(0)))
    return dropped


def clean_articles(articles: Sequence[Article], cfg: CleanConfig) -> list[DroppedSpan]:
    """Run `clean_article` over a batch."""
    return [span for article in articles for span in clean_article(article, cfg)]


def kept_regions(article: Article, dropped: Sequence[DroppedSpan]) -> list[tuple[int, int]]:
    """The (start, end) regions of the text left after dropping, split at line ends."""
    cuts = sorted((d.start, d.end) for d in dropped if d.article_id == article.id)
    regions: list[tuple[int, int]] = []
    pos = 0
    text = article.text
    for start, end in [*cuts, (len(text), len(text))]:
        if start > pos:
            chunk_start = pos
            for m in re.finditer(r"\n", text[pos:start]):
                regions.append((chunk_start, pos + m.start()))
                chunk_start = pos + m.end()
            regions.append((chunk_start, start))
        pos = max(pos, end)
    return [(s, e) for s, e in regions if text[s:e].strip()]
