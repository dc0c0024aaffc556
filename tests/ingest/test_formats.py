"""PDF and HTML inputs, made in the tests, read through the same document model as text."""

from pathlib import Path

import pytest

from isis_kg import build
from isis_kg.errors import InputError
from isis_kg.ingest import read_source

# Neurink 2020, two paragraphs
ARTICLE = [
    "ISIS-gevangenen hebben eind maart tijdens een opstand een hele verdieping van een Koerdische "
    "gevangenis in Syrië in handen gekregen.",
    "In de gevangenis in Hasakeh zitten zo'n vijfduizend ISIS-strijders die zijn opgepakt na de val van "
    "hun laatste bolwerk in Syrië, Baghouz.",
]

PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<title>ISIS gebruikt corona voor terugkeer</title>
<meta name="author" content="Judit Neurink"><meta property="article:published_time" content="2020-04-02">
</head><body>
<nav><a href="/">Home</a> | <a href="/nieuws">Nieuws</a> | <a href="/contact">Contact</a></nav>
<div class="advert">Advertentie: Bestel nu uw abonnement voor maar 1 euro per week!</div>
<article><h1>ISIS gebruikt corona voor terugkeer</h1>
<p>{0}</p>
<p>{1}</p>
</article>
<aside class="advert">Lees ook: de beste vakantiebestemmingen van 2020</aside>
<footer>© 2020 Alle rechten voorbehouden. Privacy | Cookies</footer>
</body></html>"""


def make_pdf(path: Path, lines: list[str], title: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle(title)
    pdf.setAuthor("AIVD")
    y = 800
    for line in lines:
        pdf.drawString(50, y, line)
        y -= 16
    pdf.save()


def test_pdf_text_layer_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "leven-bij-isis.pdf"
    lines = [
        "Op 29 juni 2014 roept de terroristische groepering ISIS het door hen verklaarde",
        "kalifaat uit. ISIS-leider Abu Bakr al Baghdadi heeft zichzelf tot kalief benoemd.",
    ]
    make_pdf(path, lines, "Leven bij ISIS, de mythe ontrafeld")
    source = read_source(path)
    assert "Op 29 juni 2014 roept de terroristische groepering ISIS" in source.text
    assert source.title == "Leven bij ISIS, de mythe ontrafeld" and source.author == "AIVD"


def test_html_main_text_without_navigation_or_adverts(tmp_path: Path) -> None:
    path = tmp_path / "neurink.html"
    path.write_text(PAGE.format(*ARTICLE), encoding="utf-8")
    source = read_source(path)
    assert ARTICLE[0] in source.text and ARTICLE[1] in source.text
    for noise in ("Advertentie", "abonnement", "vakantiebestemmingen", "Privacy", "Contact"):
        assert noise not in source.text
    assert source.title == "ISIS gebruikt corona voor terugkeer"
    assert source.author == "Judit Neurink" and source.date == "2020-04-02"


def test_pdf_and_html_build_with_text_and_metadata(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "neurink.html").write_text(PAGE.format(*ARTICLE), encoding="utf-8")
    make_pdf(
        inputs / "aivd.pdf", ["Op 29 juni 2014 heeft ISIS een kalifaat uitgeroepen in Syrië en Irak."], "Leven bij ISIS"
    )
    result = build([inputs], tmp_path / "out")
    assert result.conforms and result.documents == 2 and result.errors == []
    graph = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert '"neurink.html"' in graph and '"aivd.pdf"' in graph
    assert '"ISIS gebruikt corona voor terugkeer"@nl' in graph
    assert "id:hasakeh" in graph and "caliphate-proclamation" in graph


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.pdf", b"%PDF-1.4\nthis is no pdf at all", r"broken\.pdf: not a readable PDF"),
        (
            "empty.html",
            b"<html><head><title>x</title></head><body><div></div></body></html>",
            r"empty\.html: no article",
        ),
    ],
)
def test_unreadable_formats_are_named(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_source(path)


def test_a_pdf_without_text_layer_is_named(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 100, 100)
    pdf.save()
    with pytest.raises(InputError, match=r"scan\.pdf: the PDF has no text layer"):
        read_source(path)
