"""Read footnotes as citations: the works they cite, or the explanation they give.

A citation here is a quoted title followed by comma-separated parts, ending with a date:
    ‘Where Do ISIS Fighters Go When the Caliphate Falls? They have options’, Colin P. Clarke
    en Armanath Amarasinga, The Atlantic, 6 maart 2017.
Creators are the parts shaped like names; the publisher is the last other part before the
date; pages ("p.44", "par.20") and identifiers (UN symbols, ECLI numbers, URLs, report
numbers) are recognised by form. A footnote can cite several works, and "Idem."/"Ibid."
repeat the previous footnote's works. What counts as what is in patterns/citations.yaml.
"""

from __future__ import annotations

import re
from dataclasses import replace

from isis_kg.model import Block, Citation, DateValue, Footnote
from isis_kg.nlp.dates import YEAR, find_dates
from isis_kg.reference import CitationRules, ReferenceData

OTHER_KIND = "otherSource"
_CLOSE_QUOTES = "’‘'”\""
_NESTED_OPEN = "‘“"
# after a closing quote: a comma ends the title, and so do a page reference or a name after a
# forgotten comma ("...Terrorismus ’ p.131", "...of ISIS?’ Simon Cotte, The Atlantic")
# (or a comma inside the quotes: "...‘lone wolves’,’ Joby Warrick"; a name list: "...’ Daveed Gartenstein-Ross en")
_AFTER_TITLE = re.compile(
    r"\s*,|\s*\.?\s*$|\s+(?=pp?\.\s*\d)|(?<=[?!,][’'”\"])\s+(?=[A-Z])"
    r"|\s+(?=[A-Z][\w.]*(?:\s+[A-Z]\.)?\s+[A-Z][\w’'-]+(?:,|\s+(?:en|and|&)\s))"
)
# a title stands at the start of a footnote or after a full stop, colon or citing word
_TITLE_CONTEXT = re.compile(r"(?:^|[.:;]|\b(?:Zie|ook|en|in|bijvoorbeeld|aangehaald))\s*$")
_CITING_LEAD = re.compile(r"\b(?:Zie|zie|Idem|Ibid|aangehaald|geciteerd)\b")
_NEXT_WORK = re.compile(r"\.\s+(?=(?:Zie\b[^‘’'“\"]{0,40})?[‘’'“\"])")
_NEXT_CITATION = re.compile(r"\d{4}\.\s+[‘’'“\"]")
_DAY_MONTH = re.compile(r"^\d{1,2}\s+[A-Za-z]+$")
_TITLE_START = re.compile(r"(?:^|(?<=[\s:(]))[‘’'“\"](?=\S)")
_TRAILING_YEAR = re.compile(rf"(?<=[a-z])\s+({YEAR.pattern})\.?$")
# "2017", "Fall 2017", "november/december 2016"
_YEAR_ONLY = re.compile(rf"^(?:[A-Za-z]+(?:/[A-Za-z]+)?\s+)?({YEAR.pattern})$")
_SPLIT_PARTS = re.compile(r",\s+")
_ARABIC_ARTICLE_APART = re.compile(r"\b(al|el|ad|as|ash) (?=[A-Z])")
# "UN, 13 januari 2017." after a citation: a publisher and the citation's date again
_PUBLISHER_AND_DATE = re.compile(r"\s*(?P<publisher>[A-Z][^,.‘’'“\"]{0,40}),\s+(?P<date>[^,.]+)\.(?=\s|$)")
_SPLIT_NAMES = re.compile(r"\s+(?:en|and|&)\s+")
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*$")
_CAPITALISED = re.compile(r"^(?:(?:al|el|ad|as|ash|ibn|bin|abu)-)?[A-ZÀ-Ý][\w’'.\-]*$")


def read_footnotes(blocks: list[Block], reference: ReferenceData) -> dict[int, Footnote]:
    """Parse the footnote blocks in order; Idem/Ibid take the works of the footnote before."""
    footnotes: list[Footnote] = []
    for block in blocks:
        if block.footnote is None or not block.text:
            continue
        footnote = parse_footnote(block.footnote, block.original_span(0, len(block.text)), block.text, reference)
        if footnote.repeats_previous and footnotes:
            pages = footnote.works[0].pages if footnote.works else None
            previous = footnotes[-1].works
            works = tuple(replace(w, pages=pages) for w in previous) if pages else previous
            footnote = replace(footnote, works=works)
        footnotes.append(footnote)
    return {footnote.number: footnote for footnote in footnotes}


def parse_footnote(number: int, span: tuple[int, int], text: str, reference: ReferenceData) -> Footnote:
    rules = reference.citations
    repeat = rules.repeat.match(text)
    if repeat:
        pages = repeat.group("pages").strip(" .,") or None
        works = (Citation(None, (), None, None, pages, (), OTHER_KIND),) if pages else ()
        return Footnote(number, span, text, works, repeats_previous=True)
    return Footnote(number, span, text, tuple(_works(text, reference) or _untitled(text, reference)))


def _untitled(text: str, reference: ReferenceData) -> list[Citation]:
    """A work cited by its kind and creator, without a title: "Tweet van Adama Baron, @adammbaron, 17 juli 2017";
    or works cited by outlet and date alone: "Balkan Insight, 12 maart 2014; Reuters, 3 mei 2016."."""
    lead = reference.citations.untitled.match(text)
    if lead is None:
        return _outlets_and_dates(text, reference)
    parts, _end = _parts_until_date(text, lead.end(), reference)
    creators = _names(lead.group("creator").strip(), reference)
    return [_citation("", creators, parts or [], text, reference)]


def _outlets_and_dates(text: str, reference: ReferenceData) -> list[Citation]:
    """Each part of the footnote, between semicolons, an outlet and a date; nothing unless every part is."""
    rules = reference.citations
    works = []
    for part in text.strip().rstrip(".").split(";"):
        shaped = rules.outlet_and_date.match(part.strip())
        if shaped is None:
            return []
        # a name shaped like a person's is an outlet here too ("Balkan Insight, 12 maart 2014"): no title to author
        publisher, date = _outlet(shaped.group("publisher"), reference), _is_date(shaped.group("date"), reference)
        if publisher is None or date is None:
            return []
        works.append(Citation(None, (), publisher, date, None, (), _kind(publisher, [], text, rules)))
    return works


def _works(text: str, reference: ReferenceData) -> list[Citation]:
    works = []
    starts = [m.start() for m in _TITLE_START.finditer(text)]
    position = 0
    for start in starts:
        if start < position:
            continue
        title_end = _title_end(text, start, reference)
        if title_end is None:
            continue
        title = text[start + 1 : title_end].strip(" ’‘'”\"").rstrip(",").rstrip()  # "...‘lone wolves’,’"
        title = reference.citations.title_kind_prefix.sub("", title, count=1)
        lead_creators = _lead_creators(text[position:start], reference)
        lead_publisher = None if lead_creators else _lead_publisher(text[position:start], reference)
        if text[title_end] not in _CLOSE_QUOTES:
            title, lead_creators = _creator_after_colon(title, lead_creators, reference)
        rest, consumed = _parts_until_date(text, title_end, reference)
        if rest is None or (not _dated(rest, reference) and any(_is_prose(part, reference) for part in rest)):
            continue  # a quoted phrase in running prose, not a title
        if not any(rest) and not _CITING_LEAD.search(text[position:start]):
            continue  # a quoted name at the end of a sentence: "de ‘Anbar Awakening Councils’."
        work = _citation(title, lead_creators, rest, text, reference, lead_publisher)
        work, position = _publisher_after_date(work, text, consumed, reference)
        works.append(work)
    return works


def _creator_after_colon(title: str, creators: list[str], reference: ReferenceData) -> tuple[str, list[str]]:
    """A title whose quote never closed, that ends in its author after a colon: "‘Beyond Iraq and Syria: ISIS’
    Global Reach: Lorenzo Vidino, Written testimony ..." is by Lorenzo Vidino."""
    head, colon, tail = title.rpartition(": ")
    if colon and head and _is_name(tail, reference.citations):
        return head, [*creators, tail]
    return title, creators


def _publisher_after_date(work: Citation, text: str, end: int, reference: ReferenceData) -> tuple[Citation, int]:
    """A work without a publisher, whose date the next sentence repeats after one: "..., S/2017/35, par.25,
    13 januari 2017. UN, 13 januari 2017." is published by the UN. Returns the work and where it ends."""
    repeated = _PUBLISHER_AND_DATE.match(text, end)
    if work.publisher is not None or work.date is None or repeated is None:
        return work, end
    publisher, date = repeated.group("publisher"), repeated.group("date")
    if _is_date(date, reference) != work.date or _names(publisher, reference) or _is_date(publisher, reference):
        return work, end
    kind = _kind(publisher, list(work.identifiers), text, reference.citations)
    return replace(work, publisher=publisher, kind=kind), repeated.end()


def _title_end(text: str, start: int, reference: ReferenceData) -> int | None:
    """Where the title opened at ``start`` closes; None when the quotes hold a phrase of prose."""
    in_title_context = bool(_TITLE_CONTEXT.search(text, 0, start))
    depth = 0
    quote_closed = False  # a closing quote that did not end the title: “... in every battle.” Geciteerd door
    for position in range(start + 1, len(text)):
        char, before = text[position], text[position - 1]
        if char in _NESTED_OPEN and position > start + 1 and (before.isspace() or before in _NESTED_OPEN):
            depth += 1  # a quoted phrase inside the title: ‘Isis poses ‘sustained’ threat...’
            continue
        if char not in _CLOSE_QUOTES:
            continue
        if before.isalpha() and text[position + 1 : position + 2].isalpha():
            continue  # an apostrophe: Iraq’s, d’attentats
        if not depth and before in "sS" and text[position + 1 : position + 2] == " " and _closes_later(text, position):
            continue  # a possessive: ‘Beyond Iraq and Syria: ISIS’ Global Reach’,
        if depth:
            depth -= 1
            continue
        if _AFTER_TITLE.match(text, position + 1):
            if not _NEXT_CITATION.search(text, start, position):
                return position
            break  # the title never closed and the next citation began: fall back to the first comma
        if not in_title_context:
            return None  # ‘het kalifaat’ bijvoorbeeld; "naar de ‘zuivere islam’. Centraal ..."
        quote_closed = True
    if quote_closed:
        comma = text.find(", ", start)
        return comma if comma > start else None
    return _unclosed_title_end(text, start, reference)


def _closes_later(text: str, position: int) -> bool:
    """Whether a quote closes the title after ``position``, before another opens or the citation ends."""
    end = _citation_end(text, position)
    for later in range(position + 1, end):
        if text[later] in _NESTED_OPEN and text[later - 1].isspace():
            return False
        if text[later] in _CLOSE_QUOTES and _AFTER_TITLE.match(text, later + 1):
            return True
    return False


def _unclosed_title_end(text: str, start: int, reference: ReferenceData) -> int | None:
    """Where a title whose quote never closes ends. At the first comma before a creator or an outlet: the title
    may go on after a comma in lower case ("‘Attentats, tentatives et projets ... (2013-2016), p.8, Centre
    d’Analyse du Terrorisme") or in capitals ("‘Oil, Extortion Still Paying off for ISIS, Patrick B. Johnston, The
    Cipher Brief"). A part in capitals right before a page reference, identifier or date is the publisher
    ("‘Title, Al-Monitor, 5 mei 2017"); without any of these, the title ends at the first comma."""
    rules = reference.citations
    commas = [m.start() for m in re.finditer(r",\s+", text[: _citation_end(text, start)])]
    capitalised: int | None = None  # the comma before the last part in capitals that named no one
    for comma in (c for c in commas if c > start):
        part = _SPLIT_PARTS.split(text[comma:].lstrip(", "), maxsplit=1)[0].rstrip(". ")
        if rules.pages.match(part) or _identifiers(part, rules):
            return capitalised or comma
        if _is_date(part, reference) is not None or _DAY_MONTH.match(part):
            return capitalised or comma
        if part[:1].islower():
            capitalised = None
            continue
        if _names(part, reference) or any(word in rules.outlet_words for word in part.split()):
            return comma
        capitalised = comma
    comma = text.find(", ", start)
    return comma if comma > start else None


def _citation_end(text: str, start: int) -> int:
    """Where the next citation begins after the one opened at ``start``, or the text's end."""
    following = _NEXT_CITATION.search(text, start)
    return following.start() if following else len(text)


def _parts_until_date(text: str, title_end: int, reference: ReferenceData) -> tuple[list[str] | None, int]:
    """The comma-separated parts after a title, up to and including its date."""
    after = text[title_end:].lstrip("’‘'”\"").lstrip(" ,")
    offset = len(text) - len(after)
    parts: list[str] = []
    position = offset
    for raw in _SPLIT_PARTS.split(after.strip()):
        position = text.find(raw, position) + len(raw)
        next_work = _NEXT_WORK.search(raw)
        piece = raw[: next_work.start()] if next_work else raw
        part = piece.strip().strip(_CLOSE_QUOTES + "‘“").strip()
        # a date ends the citation; what follows in the same part is prose (or the next work)
        sentence_end = re.search(r"\d{4}\.(?=\s|$|[A-Z‘])", part + "." if next_work else part)
        if sentence_end:
            parts.append(part[: sentence_end.end() - 1])
            return parts, text.find(part, offset) + sentence_end.end()
        if next_work:  # "p.42. Zie ook ‘What Happens...": this citation ends at the full stop
            parts.append(part)
            return parts, text.find(raw, offset) + next_work.start() + 1
        parts.append(part.rstrip("."))
        if part.endswith(".") and _is_date(part.rstrip("."), reference):
            return parts, position
    return parts, len(text)


def _citation(
    title: str,
    lead_creators: list[str],
    parts: list[str],
    text: str,
    reference: ReferenceData,
    lead_publisher: str | None = None,
) -> Citation:
    rules = reference.citations
    date: DateValue | None = None
    pages: list[str] = []
    identifiers: list[tuple[str, str]] = []
    middle: list[str] = []
    for part in parts:
        found = _identifiers(part, rules)
        if found:
            identifiers += found
            before = part[: part.find(found[0][1])].strip(" ,")
            if before and not rules.pages.match(before):
                middle.append(before)  # "IPAC report No. 38": IPAC publishes the report
            continue
        if rules.pages.match(part):
            pages.append(part)
            continue
        if rules.volume.match(part) or rules.series.search(part) or rules.clock.match(part):
            continue
        if _quoted(part, text):
            continue  # the title of the report or book the work appeared in, never a creator
        value = _is_date(part, reference)
        if value is not None:
            date = value
            continue
        if _DAY_MONTH.match(part) or part.lower() in reference.month_numbers:
            continue  # a date whose year the extraction lost: "6 maart", "November"
        trailing = _trailing_date(part, reference)
        if trailing is not None:  # a comma forgotten before the date: "Philippine Star 21 juli 2017"
            date, part = trailing
        middle.append(part)
    creators = list(lead_creators)
    middle = [rules.container_lead.sub("", part) or part for part in middle]
    # "directeur Europol (Rob Wainwright) geïnterviewd door Guy Taylor": the interviewer wrote it
    middle = [part[cue.end() :] if (cue := rules.creator_cue.search(part)) else part for part in middle]
    middle = [piece for part in middle for piece in _person_then_outlet(part, reference)]
    named = [_names(part, reference) for part in middle]
    others = [part for part, names in zip(middle, named, strict=True) if not names]
    organisations = [part for part in others if not rules.document_kind.search(part)]
    others = organisations or others  # "The Soufan Center, TSC Intel Brief": the centre publishes the brief
    others = [part for part in others if not _is_place(part, reference)] or others[:1] * (len(middle) > 1)
    # "een publicatie van de NCTV, Den Haag": the part that says who published it, wherever it stands
    led = [part for part in others if rules.publisher_lead.match(part)]
    publisher = (led or others)[-1] if others else (middle[-1] if len(middle) > 1 else None)
    if lead_publisher is not None:  # the organisation that wrote it publishes it; what follows is a series
        publisher = lead_publisher
    for part, names in zip(middle, named, strict=True):
        if part is not publisher:
            creators += names
    if publisher is not None:  # "The New York Times," where the footnote's text ends early
        publisher = rules.publisher_suffix.sub("", publisher).rstrip(",;: ") or publisher
        publisher = rules.publisher_place.sub("", publisher) or publisher
    if publisher is not None and rules.publisher_lead.match(publisher):
        publisher = rules.publisher_article.sub(r"\g<joint> ", rules.publisher_lead.sub("", publisher)) or publisher
    kind = _kind(publisher, identifiers, text, rules)
    return Citation(
        title=title or None,
        creators=tuple(creators),
        publisher=publisher,
        date=date,
        pages=", ".join(pages) or None,
        identifiers=tuple(identifiers),
        kind=kind,
    )


def _dated(parts: list[str], reference: ReferenceData) -> bool:
    return any(_is_date(part, reference) is not None for part in parts)


def _is_prose(part: str, reference: ReferenceData) -> bool:
    """A part in lower case that is no page, date or identifier: "en het optreden van de tribale eenheden"."""
    rules = reference.citations
    return (
        part[:1].islower()
        and not rules.pages.match(part)
        and not any(p.search(part) for _, p in rules.identifiers)
        and _is_date(part, reference) is None
        and not _DAY_MONTH.match(part)
        and not rules.container_lead.match(part)  # "opgenomen in ISPI rapport"
    )


def _person_then_outlet(part: str, reference: ReferenceData) -> list[str]:
    """A part that starts with a person the reference data knows and goes on with more words, a comma forgotten
    between author and publisher: "Ayman al Zawahiri al Sahab Media" is Ayman al Zawahiri, then al Sahab Media.
    The Arabic article may be written apart ("al Zawahiri") where the reference data joins it ("al-Zawahiri")."""
    words = part.split()
    if _names(part, reference):
        return [part]
    for length in range(len(words) - 1, 1, -1):
        prefix = " ".join(words[:length])
        spellings = {prefix, _ARABIC_ARTICLE_APART.sub(r"\1-", prefix)}
        owners = {owner for spelling in spellings for owner in reference.owners_of(spelling)}
        if owners and all(reference.is_a(reference.entities[o].entity_class, "Person") for o in owners):
            return [prefix, " ".join(words[length:])]
    return [part]


def _lead_creators(lead: str, reference: ReferenceData) -> list[str]:
    """A creator named before the title: "James R. Clapper, ‘Statement for the Record...’"; "Zie A. Zammit, ‘...’"
    is by A. Zammit, "T. Candland e.a., ‘...’" by T. Candland and others."""
    rules = reference.citations
    lead = rules.et_al.sub("", rules.lead_cue.sub("", lead.strip()).rstrip(",").strip())
    return _names(lead, reference) if lead and "," not in lead and len(lead) < 60 else []


def _lead_publisher(lead: str, reference: ReferenceData) -> str | None:
    """An organisation named before the title as the work's author: "AFP, ‘Deux militaires tués’, 2 december
    2021" is published by AFP. Not a person (before a title, a name is its author), not a place, not a date."""
    publisher = _outlet(lead, reference)
    return None if publisher is None or _names(publisher, reference) else publisher


def _outlet(lead: str, reference: ReferenceData) -> str | None:
    """The lead's words, if they are shaped like an organisation's name and are no place or date."""
    rules = reference.citations
    lead = rules.lead_cue.sub("", lead.strip()).rstrip(",").strip()
    lead = rules.publisher_lead.sub("", lead)  # "Persconferentie van de Uganda Police Force, 18 november 2021"
    if not lead or rules.lead_publisher.fullmatch(lead) is None:
        return None
    common = rules.dutch_words | rules.english_words
    if _is_place(lead, reference) or _is_date(lead, reference) is not None or lead.lower() in common:
        return None  # "In ‘...’": a word of the sentence, no name
    return lead


def _is_place(part: str, reference: ReferenceData) -> bool:
    """A place the reference data knows ("Amsterdam, 2006": where the work appeared, not who published it)."""
    owners = reference.owners_of(part)
    return bool(owners) and all(reference.is_a(reference.entities[o].entity_class, "Region") for o in owners)


def _quoted(part: str, text: str) -> bool:
    """Whether the footnote gives the part in quotes: a title."""
    return re.search(rf"[‘’'“\"]{re.escape(part)}[’‘'”\"]", text) is not None


def _names(part: str, reference: ReferenceData) -> list[str]:
    """The person names a part consists of, or nothing if it is not names only. A surname alone is a
    name beside full names ("Lorenzo Vidino, Francesco Marone en Entenmann"); a name of an
    organisation the reference data knows never is ("Nationaal Coördinator Terrorismebestrijding")."""
    rules = reference.citations
    if any(not reference.is_a(reference.entities[owner].entity_class, "Person") for owner in reference.owners_of(part)):
        return []
    names = _SPLIT_NAMES.split(part)
    full = [_is_name(n, rules) for n in names]
    if all(full):
        return names
    if any(full) and all(f or _is_surname(n, rules) for n, f in zip(names, full, strict=True)):
        return names
    return []


def _is_surname(text: str, rules: CitationRules) -> bool:
    return (
        _CAPITALISED.match(text) is not None and text not in rules.outlet_words and not any(c.isdigit() for c in text)
    )


def _is_name(text: str, rules: CitationRules) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in text) or words[0] in rules.not_first_words:
        return False
    capitalised = 0
    for word in words:
        if word in rules.outlet_words:
            return False
        if word.lower() in rules.name_particles or word.lower().rstrip("-") in rules.name_particles:
            continue
        if _INITIAL.match(word) or _CAPITALISED.match(word):
            capitalised += 1
            continue
        return False
    return capitalised >= 2


def _identifiers(part: str, rules: CitationRules) -> list[tuple[str, str]]:
    return [(name, m.group(0)) for name, pattern in rules.identifiers for m in pattern.finditer(part)]


def _trailing_date(part: str, reference: ReferenceData) -> tuple[DateValue, str] | None:
    dates = find_dates(part, reference)
    if dates and dates[-1].end == len(part.rstrip(".")) and dates[-1].start > 0:
        return dates[-1].value, part[: dates[-1].start].strip()
    year = _TRAILING_YEAR.search(part)  # "Al Hayat Media Center 2017"
    return (DateValue(int(year.group(1))), part[: year.start()].strip()) if year else None


def _is_date(part: str, reference: ReferenceData) -> DateValue | None:
    part = part.strip().rstrip(".")
    dates = find_dates(part, reference)
    if dates and dates[-1].end == len(part) and dates[0].start == 0:
        return dates[-1].value
    year_only = _YEAR_ONLY.match(part)  # "2017", "Fall 2017": a season or a double issue gives the year only
    return DateValue(int(year_only.group(1))) if year_only else None


def _kind(publisher: str | None, identifiers: list[tuple[str, str]], text: str, rules: CitationRules) -> str:
    names = {name for name, _ in identifiers}
    for rule in rules.kinds:
        if rule.identifier is not None and rule.identifier in names:
            return rule.kind
        if rule.publisher is not None and publisher and rule.publisher.search(publisher):
            return rule.kind
        if rule.text is not None and rule.text.search(text):
            return rule.kind
    return OTHER_KIND


def title_language(title: str, rules: CitationRules) -> str:
    """ "nl" or "en": which of the two languages' common words the title has more of."""
    words = [w.strip(".,:;?!‘’'“”\"()").lower() for w in title.split()]
    dutch = sum(w in rules.dutch_words for w in words)
    english = sum(w in rules.english_words for w in words)
    return "nl" if dutch > english else "en"
