"""Footnotes of the NCTV report read as citations (texts as the layout stage gives them)."""

from isis_kg.ingest.citations import parse_footnote, read_footnotes, title_language
from isis_kg.model import Block, DateValue


def parse(reference, text: str, number: int = 1):
    return parse_footnote(number, (0, len(text)), text, reference)


def test_a_footnote_citing_two_works(reference) -> None:
    footnote = parse(
        reference,
        "‘Where Do ISIS Fighters Go When the Caliphate Falls? They have options’, Colin P. Clarke en Armanath "
        "Amarasinga, The Atlantic, 6 maart 2017.In juridische zin was er nooit een staat; ‘Uitspraak Rechtbank "
        "Den Haag’, ECLI:NL:RBDHA:2017:6927, 27-06-2017.",
    )
    first, second = footnote.works
    assert first.title == "Where Do ISIS Fighters Go When the Caliphate Falls? They have options"
    assert first.creators == ("Colin P. Clarke", "Armanath Amarasinga")
    assert first.publisher == "The Atlantic" and first.date == DateValue(2017, 3, 6) and first.kind == "news"
    assert second.title == "Uitspraak Rechtbank Den Haag"
    assert second.identifiers == (("ecli", "ECLI:NL:RBDHA:2017:6927"),)
    assert second.date == DateValue(2017, 6, 27) and second.kind == "courtRuling"


def test_un_documents_pages_and_month_dates(reference) -> None:
    (work,) = parse(
        reference,
        "‘Fifth report of the Secretary-General on the threat posed by ISIL’, S/2017/467, par.20, UN, 31 mei 2017.",
    ).works
    assert work.identifiers == (("un-symbol", "S/2017/467"),)
    assert work.pages == "par.20" and work.publisher == "UN" and work.kind == "unDocument"
    (journal,) = parse(
        reference,
        "‘Crime as Jihad: Developments in the Crime-Terror Nexus in Europe’, Rajan Basra en Peter R. Neumann, "
        "CTC Sentinel, Volume 10, Issue 9, p.3, oktober 2017.",
    ).works
    assert journal.creators == ("Rajan Basra", "Peter R. Neumann")
    assert journal.publisher == "CTC Sentinel" and journal.date == DateValue(2017, 10) and journal.kind == "academic"


def test_nested_quotes_and_a_missing_comma(reference) -> None:
    (work,) = parse(
        reference,
        "‘Isis poses ‘sustained’ threat to US for years to come despite loss of territory’, The Guardian, "
        "27 september 2016.",
    ).works
    assert work.title == "Isis poses ‘sustained’ threat to US for years to come despite loss of territory"
    assert work.publisher == "The Guardian"
    (cotte,) = parse(
        reference, "‘ISIS Will Fail, but What About the Idea of ISIS?’ Simon Cotte, The Atlantic, 23 maart 2017."
    ).works
    assert cotte.title == "ISIS Will Fail, but What About the Idea of ISIS?" and cotte.creators == ("Simon Cotte",)


def test_a_footnote_that_explains_cites_nothing(reference) -> None:
    footnote = parse(
        reference,
        "ISIS Khorasan (ISIS-K) genoemd. ISIS-K is de franchise van ISIS in Afghanistan in Afghanistan en Pakistan.",
    )
    assert footnote.explanatory and footnote.works == ()
    prose = parse(
        reference,
        "De extra inzet van Amerikaanse eenheden staat bekend als de ‘surge’, en het optreden van de tribale "
        "eenheden als de Sahwa, de ‘Awakening’ of ‘Anbar Awakening Councils’.",
    )
    assert prose.explanatory


def test_a_quoted_phrase_before_the_title_is_not_the_title(reference) -> None:
    (work,) = parse(
        reference,
        "Zie voor het weinig duurzame karakter van de politieke economie van ‘het kalifaat’ bijvoorbeeld: ‘A "
        "Predictable Failure: The Political Economy of The Decline of the Islamic State’, Jacob Shapiro, CTC "
        "Sentinel, Volume 9, Issue 9, pp.28-34, september 2016.",
    ).works
    assert work.title == "A Predictable Failure: The Political Economy of The Decline of the Islamic State"


def test_idem_and_ibid_repeat_the_previous_works(reference) -> None:
    from array import array

    def block(text: str, number: int) -> Block:
        return Block(text, array("l", range(len(text))), "footnote", number)

    blocks = [
        block(
            "‘Report of the Secretary-General on the Threat Posed by ISIL’, S/2016/501, par.26, UN, 31 mei 2016.", 225
        ),
        block("Idem.", 226),
        block("Ibid., par.28.", 227),
    ]
    footnotes = read_footnotes(blocks, reference)
    titles = {n: [w.title for w in f.works] for n, f in footnotes.items()}
    assert titles[226] == titles[227] == titles[225] == ["Report of the Secretary-General on the Threat Posed by ISIL"]
    assert footnotes[227].works[0].pages == "par.28" and footnotes[226].works[0].pages == "par.26"
    assert not footnotes[226].explanatory


def test_title_language(reference) -> None:
    assert (
        title_language(
            "Het ‘kalifaat’ is verwoest, maar uit de puinhopen herrijst een nieuwe IS-achtige groep",
            reference.citations,
        )
        == "nl"
    )
    assert title_language("What ISIL really thinks about the future", reference.citations) == "en"


def test_a_title_a_publisher_or_a_series_is_no_creator(reference) -> None:
    (chapter,) = parse(
        reference,
        "‘After Mosul: What Fate for IS in Iraq?’, Andrea Plebani, opgenomen in ISPI Rapport, ‘After Mosul "
        "Re-inventing Iraq’, p.136, juni 2017.",
    ).works
    assert chapter.creators == ("Andrea Plebani",) and chapter.publisher == "ISPI Rapport"
    _report, arabiya, _wsj = parse(
        reference,
        "‘20e rapport van het IS en AQ Monitoring team’, S/2017/573, par.34, UN, 30 juni 2017. ‘This is the "
        "terrorist likely to succeed Baghdadi as ISIS new leader’, Al Arabiya English, 15 juli 2017. ‘In Libya, "
        "Islamic State Seeks Revival in Gateway to Europe’, Hassan Morajea, The Wall Street Journal Online, 18 "
        "september 2017.",
    ).works
    assert arabiya.creators == () and arabiya.publisher == "Al Arabiya English"
    (lister,) = parse(
        reference,
        "‘Al-Qaeda versus ISIS: Competing Jihadist Brands in the Middle East’, Charles Lister, Middle East "
        "Institute, Counterterrorisme Series #3, p.15, November 2017.",
    ).works
    assert lister.creators == ("Charles Lister",) and lister.publisher == "Middle East Institute"
    assert lister.kind == "academic"


def test_an_organisation_the_reference_data_knows_is_no_creator(reference) -> None:
    works = parse(
        reference,
        "‘The Islamic State Looks East: The Growing Threat in Southeast Asia’, Shashi Jayakumar, CTC Sentinel, "
        "Volume 10, Issue 2, p.31, februari 2017. Het wahhabisme streeft naar een terugkeer naar de ‘zuivere "
        "islam’. Centraal staat het begrip ‘Enigheid van God’ (tawheed). ‘Salafisme in Nederland: Een blijvende "
        "factor van belang of een voorbijgaand fenomeen?’, Nationaal Coördinator Terrorismebestrijding, p.14, "
        "maart 2008.",
    ).works
    assert [w.title for w in works] == [
        "The Islamic State Looks East: The Growing Threat in Southeast Asia",
        "Salafisme in Nederland: Een blijvende factor van belang of een voorbijgaand fenomeen?",
    ]
    assert works[1].creators == () and works[1].publisher == "Nationaal Coördinator Terrorismebestrijding"


def test_a_date_ends_a_citation_before_prose_and_the_next_work(reference) -> None:
    maher, hln, _newsmax = parse(
        reference,
        "‘Mosul has fallen, but Islamic State is far from defeated’, Shiraz Maher, 18 oktober 2016. Er wordt hier "
        "vanuit gegaan dat al Baghdadi nog in leven is. ‘Leeft al-Baghdadi nog? IS geeft toespraak van leider "
        "vrij’, Het Laatste Nieuws, 28 september 2017. ‘Ex CIA-Station Chief: ISIS Leader Like Still Alive’, "
        "Sandy Fitzgerald, Newsmax, 29 september 2017.",
    ).works
    assert maher.publisher is None and maher.date == DateValue(2016, 10, 18)
    assert hln.creators == () and hln.publisher == "Het Laatste Nieuws"


def test_joint_publishers_lose_their_articles(reference) -> None:
    (work,) = parse(
        reference, "‘Minderjarigen bij ISIS’, een publicatie van de NCTV en de AIVD, p.17, april 2017."
    ).works
    assert work.publisher == "NCTV en AIVD" and work.kind == "intelligenceReport"


def test_a_tweet_is_cited_without_a_title(reference) -> None:
    footnote = parse(reference, "Tweet van Adama Baron, @adammbaron, 17 juli 2017, 18:08.")
    (tweet,) = footnote.works
    assert not footnote.explanatory
    assert tweet.title is None and tweet.creators == ("Adama Baron",) and tweet.publisher is None
    assert tweet.date == DateValue(2017, 7, 17) and tweet.identifiers == (("handle", "@adammbaron"),)
    assert tweet.kind == "socialMedia"


def test_a_surname_alone_beside_full_names_is_a_creator(reference) -> None:
    (work,) = parse(
        reference,
        "‘Fear Thy Neighbour: Radicalization and Jihadist Attacks in the West’, p.63, Lorenzo Vidino, Francesco "
        "Marone en Entenmann, ICCT/ISPI/ George Washington University, juni 2017.",
    ).works
    assert work.creators == ("Lorenzo Vidino", "Francesco Marone", "Entenmann")


def test_a_title_closed_after_a_comma_or_before_a_list_of_names(reference) -> None:
    (wolves,) = parse(
        reference,
        "‘A battered ISIS grows ever dependent on ‘lone wolves’,’ Joby Warrick en Souad Mekhenet, National "
        "Security, 20 juli 2017.",
    ).works
    assert wolves.title == "A battered ISIS grows ever dependent on ‘lone wolves’"
    assert wolves.creators == ("Joby Warrick", "Souad Mekhenet")
    (planners,) = parse(
        reference,
        "‘ISIL’s Virtual Planners: A Critical Terrorist Innovation’ Daveed Gartenstein-Ross en Madeleine "
        "Blackman, War on the Rocks, 4 januari 2017.",
    ).works
    assert planners.title == "ISIL’s Virtual Planners: A Critical Terrorist Innovation"
    assert planners.creators == ("Daveed Gartenstein-Ross", "Madeleine Blackman")


def test_an_interviewer_is_the_creator_and_an_issue_no_part_of_the_publisher(reference) -> None:
    interview, _ap = parse(
        reference,
        "‘Europe Braces for Return of ISIS Fighters From Syria and Iraq’, directeur Europol (Rob Wainwright) "
        "geïnterviewd door Guy Taylor, The Washington Times, 13 juli 2017. Zie ook ‘EU anti-terror chief. IS "
        "still has 2,500 European fighters’, AP, 12 september 2017.",
    ).works
    assert interview.creators == ("Guy Taylor",) and interview.publisher == "The Washington Times"
    (dabiq,) = parse(reference, "‘Why We Hate You and Why We Fight You’, Dabiq nummer 15, p.31, juli 2017.").works
    assert dabiq.publisher == "Dabiq"
    (europol,) = parse(
        reference,
        "‘Disruptive Efforts by Industry and Law Enforcement Force Jihadist Sympahisers to Seek New Platforms to "
        "Disseminate Terrorist Propaganda’, Europol Press Release, 15 september 2017.",
    ).works
    assert europol.publisher == "Europol"


def test_footnotes_the_text_layer_cut_short(reference) -> None:
    (chapter,) = parse(
        reference,
        "‘After Mosul: What Fate for IS in Iraq?‘, Andrea Plebani, opgenomen in ISPI rapport, ‘After Mosul "
        "Re-inventing Iraq’, p.153.",
    ).works
    assert chapter.title == "After Mosul: What Fate for IS in Iraq?" and chapter.creators == ("Andrea Plebani",)
    europol, _sky = parse(
        reference,
        "‘Changes in Modus Operandi of Islamic State Revisited’, Europol, November. ‘Homegrown extremists ‘more "
        "threat’ to UK than returning Islamic State jihadists’, Mark White, SkyNews, 1 september 2017.",
    ).works
    assert europol.publisher == "Europol" and europol.date is None  # the year is lost: no date
    (rumiyah,) = parse(
        reference, "‘The Wealth of the Kuffar Is Either Ghanimah, Fay or Ihtitab’, Al Hayat Media Center 2017, p.31."
    ).works
    assert rumiyah.publisher == "Al Hayat Media Center" and rumiyah.date == DateValue(2017)
    porter, _economist = parse(
        reference,
        "‘Terrorism in North Africa: An Examination of the Threat’ Geoff D. Porter, Testimony before the House "
        "Committee on Homeland Security on Counterterrorism & Intelligence, p.4, 29 maart 2017. ‘Down but not "
        "out: How Islamic State clings on in Libya’, The Economist, 27 mei 2017.",
    ).works
    assert porter.title == "Terrorism in North Africa: An Examination of the Threat"
    assert porter.creators == ("Geoff D. Porter",)


def test_a_title_whose_quote_never_closes_runs_on_while_it_goes_on_in_lower_case(reference) -> None:
    (attentats,) = parse(
        reference,
        "‘Attentats, tentatives et projets d’attentats en relation avec le contexte syro-irakien dans les pays "
        "occidentaux (2013-2016), p.8, Centre d’Analyse du Terrorisme, Mars 2017.",
    ).works
    assert attentats.title == (
        "Attentats, tentatives et projets d’attentats en relation avec le contexte syro-irakien dans les pays "
        "occidentaux (2013-2016)"
    )
    assert attentats.pages == "p.8" and attentats.publisher == "Centre d’Analyse du Terrorisme"
    assert attentats.date == DateValue(2017, 3)  # "Mars 2017": a French work dated in French
    (orton,) = parse(
        reference,
        "‘The day after ISIS: the Middle East after Islamic State. The Western odyssey in defeating ISIS, "
        "Kyle Orton, BICOM, 16 mei 2017.",
    ).works
    assert orton.title.endswith("odyssey in defeating ISIS") and orton.creators == ("Kyle Orton",)  # a name ends it
    assert orton.publisher == "BICOM"


def test_a_known_person_glued_to_the_publisher_is_the_creator(reference) -> None:
    # no comma between author and publisher; the reference data writes him "Ayman al-Zawahiri"
    (guidelines,) = parse(
        reference, "‘General Guidelines for Jihad’, Ayman al Zawahiri al Sahab Media, 14 september 2013."
    ).works
    assert guidelines.creators == ("Ayman al Zawahiri",) and guidelines.publisher == "al Sahab Media"
    assert guidelines.date == DateValue(2013, 9, 14)


def test_a_publisher_given_after_the_date_with_the_date_again(reference) -> None:
    _report, letter = parse(
        reference,
        "‘Fifth report of the Secretary-General on the threat posed by ISIL’, S/2017/467, par.8, UN, 31 mei 2017. "
        "‘Letter of the Security Council committee on IS and Al Qa’ida‘, S/2017/35, par.25, 13 januari 2017. "
        "UN, 13 januari 2017.",
    ).works
    assert letter.publisher == "UN" and letter.date == DateValue(2017, 1, 13) and letter.kind == "unDocument"
    (letter,) = parse(
        reference,
        "‘Letter of the Security Council committee on IS and Al Qa’ida‘, S/2017/35, par.25, 13 januari 2017. "
        "UN, 31 mei 2017.",
    ).works
    assert letter.publisher is None  # another date: not this work's publisher


def test_an_organisation_before_the_title_publishes_the_work_and_a_series_after_it_is_none(reference) -> None:
    (agency,) = parse(reference, "AFP, ‘Deux militaires tués dans une embuscade’, 2 december 2021.").works
    assert agency.publisher == "AFP" and agency.creators == () and agency.date == DateValue(2021, 12, 2)
    (report,) = parse(
        reference, "International Crisis Group, ‘Niger and Boko Haram: Beyond Counter-insurgency’, Africa Report, 2017."
    ).works
    assert report.publisher == "International Crisis Group" and report.creators == ()


def test_pointing_words_and_a_list_cut_short_are_no_part_of_the_authors(reference) -> None:
    (seen,) = parse(
        reference, "Zie A. Zammit, ‘Australian foreign fighters: Risks and responses’, Lowy Institute, 2015."
    ).works
    assert seen.creators == ("A. Zammit",) and seen.publisher == "Lowy Institute"
    (many,) = parse(
        reference, "T. Candland e.a., ‘The Islamic State in Congo’, Program on Extremism, maart 2021."
    ).works
    assert many.creators == ("T. Candland",)


def test_a_journal_s_volume_and_a_place_of_publication_are_no_part_of_the_publisher(reference) -> None:
    (article,) = parse(
        reference, "A. Amarasingam, ‘Terrorism on the Teardrop Island’, CTC Sentinel 12 (2019) 5, mei 2019."
    ).works
    assert article.publisher == "CTC Sentinel"
    (book,) = parse(reference, "P. Nesser, ‘Islamist Terrorism in Europe: A History’, Londen: Hurst, 2015.").works
    assert book.publisher == "Hurst" and book.creators == ("P. Nesser",)
    (report,) = parse(reference, "‘Jaarverslag 2020’, Stichting Oost, Den Haag, 2021.").works
    assert report.publisher == "Stichting Oost"


def test_outlets_and_dates_alone_are_works_without_a_title(reference) -> None:
    footnote = parse(reference, "Balkan Insight, 12 maart 2014; Reuters, 3 mei 2016.")
    assert not footnote.explanatory
    assert [(w.title, w.publisher, w.date) for w in footnote.works] == [
        (None, "Balkan Insight", DateValue(2014, 3, 12)),
        (None, "Reuters", DateValue(2016, 5, 3)),
    ]
    # a sentence of the footnote's own, with a comma and a date, is no outlet
    assert parse(reference, "De aanslag werd opgeëist door IS, op 3 mei 2016.").explanatory
