"""One node per person however footnotes spell them (people.py), on spellings of the NCTV report."""

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF, SKOS

from isis_kg import build
from isis_kg.namespaces import IKG
from isis_kg.outputs import GRAPH_FILE
from isis_kg.people import PersonNode, distance, merge_people
from isis_kg.query import open_graph, query_store
from isis_kg.reference import entity_key

from conftest import GRAPH

ID = "https://w3id.org/isis-kg/id/"


def person(name: str, *works: str, document: str = "nctv", fixed: bool = False) -> PersonNode:
    node = PersonNode(entity_key(name), name, fixed)
    node.spellings[name] = set(works) or {document}
    node.documents.add(document)
    node.places |= {(work, 0) for work in works}
    return node


def merged(reference, *people: PersonNode) -> dict[str, list[str]]:
    return merge_people(list(people), reference.citations.authors, reference.citations.name_particles)


def test_a_middle_initial_or_an_initial_for_a_given_name_is_the_same_person(reference) -> None:
    groups = merged(reference, person("Ali Soufan", "a"), person("Ali H. Soufan", "b"), person("C. Lister", "c"))
    assert groups == {"ali-h-soufan": ["ali-h-soufan", "ali-soufan"]}  # the fullest spelling is the key
    groups = merged(reference, person("Thomas Sanderson", "a"), person("Thomas M. Sanderson", "b"))
    assert groups == {"thomas-m-sanderson": ["thomas-m-sanderson", "thomas-sanderson"]}


def test_two_people_who_share_a_surname_stay_two(reference) -> None:
    assert merged(reference, person("Charles Lister", "a"), person("Tim Lister", "b")) == {}
    assert merged(reference, person("Mohamed Mostafa", "a"), person("Nehal Mostafa", "b")) == {}


def test_transposed_and_dropped_letters_in_a_long_name_are_the_same_person(reference) -> None:
    assert distance("amranath", "amarnath") == 1  # two letters swapped: one edit
    groups = merged(
        reference,
        person("Armanath Amarasinga", "where-do-isis-fighters-go"),
        person("Amranath Amarasinga", "foreign-fighters"),
        person("Amarnath Amarasinga", "orchestrating-attacks"),
        person("Amarnath Amarasingam", "the-fall-of-isis"),
        person("Perter R. Neumann", "victims-perpetrators"),
        person("Peter R. Neumann", "crime-as-jihad"),
    )
    assert groups == {
        "amarnath-amarasingam": [
            "amarnath-amarasinga",
            "amarnath-amarasingam",
            "amranath-amarasinga",
            "armanath-amarasinga",
        ],
        "peter-r-neumann": ["perter-r-neumann", "peter-r-neumann"],
    }


def test_a_short_name_or_a_name_misspelt_twice_is_not_merged_on_spelling_alone(reference) -> None:
    assert merged(reference, person("Aisha Ahmad", "a"), person("Aisha Ahmed", "b")) == {}
    assert merged(reference, person("Ely Karmon", "a"), person("Ely Karom", "b")) == {}


def test_a_surname_alone_is_the_one_person_of_its_document_so_named(reference) -> None:
    groups = merged(
        reference,
        person("Lorenzo Vidino", "fear-thy-neighbour"),
        person("Vidino"),
        person("Hughes", document="another"),  # no Hughes in the text it stands in
        person("Seamus Hughes", "isils-virtual-planners"),
    )
    assert groups == {"lorenzo-vidino": ["lorenzo-vidino", "vidino"]}
    # two persons of the document bear the surname: it is neither
    assert merged(reference, person("Charles Lister", "a"), person("Tim Lister", "b"), person("Lister")) == {}


def test_an_initial_two_given_names_share_joins_neither(reference) -> None:
    groups = merged(reference, person("C. Lister", "a"), person("Charles Lister", "b"), person("Chris Lister", "c"))
    assert groups == {}


def test_a_reference_person_keeps_its_id_and_two_never_merge(reference) -> None:
    groups = merged(reference, person("Peter R. Neumann", "a", fixed=True), person("Perter R. Neumann", "b"))
    assert groups == {"peter-r-neumann": ["perter-r-neumann", "peter-r-neumann"]}
    assert merged(reference, person("Ali Soufan", "a", fixed=True), person("Ali H. Soufan", "b", fixed=True)) == {}


NCTV = """Ook onderzoek van Vidino en anderen bevestigt dit.41 Amerikaanse
analisten zien dezelfde ontwikkeling.42 Volgens de VN ligt het aantal
hoger.43 Het gaat om een trend die ook in Irak zichtbaar is.44

41 ‘Fear Thy Neighbour: Radicalization and Jihadist Attacks in the West’,
p.16-17, Lorenzo Vidino, Francesco Marone en Eva Entenmann, ICCT/ISPI/
George Washington University, juni 2017.

42 ‘Fear Thy Neighbour: Radicalization and Jihadist Attacks in the West’,
p.63, Lorenzo Vidino, Francesco Marone en Entenmann, ICCT/ISPI/
George Washington University, juni 2017.

43 ‘Where Do ISIS Fighters Go When the Caliphate Falls? They have
options’, Colin P. Clarke en Armanath Amarasinga, The Atlantic,
6 maart 2017. ‘ISIS-leader seemingly breaks 11-month silence in audio
recording’, Tim Lister, Jim Sciutto, Ghazi Balkiz en Michael Callahan, CNN,
28 september 2017.

44 ‘After Mosul: What Fate for IS in Iraq?’, Andrea Plebani, opgenomen in
ISPI Rapport, ‘After Mosul Re-inventing Iraq’, p.136, juni 2017. ‘This is
the terrorist likely to succeed Baghdadi as ISIS new leader’, Al Arabiya
English, 15 juli 2017.
"""

OTHER = """De strijders keren terug naar huis.7 Dat ziet ook het Middle East
Institute.8

7 ‘The Fall of ISIS and the Syrian Foreign Fighters’, J.M. Berger en
Amarnath Amarasingam, The Washington Post, 17 oktober 2017. ‘Foreign
Fighters and the Caliphate’, Amranath Amarasinga, Studies in Conflict and
Terrorism, 2017. ‘How the Islamic State Is Orchestrating Attacks in France’,
Amarnath Amarasinga, Jihadology, 2016.

8 ‘Al-Qaeda versus ISIS: Competing Jihadist Brands in the Middle East’,
Charles Lister, Middle East Institute, Counterterrorisme Series #3, p.15,
November 2017.
"""


@pytest.fixture(scope="module")
def small_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "nctv.txt").write_text(NCTV, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER, encoding="utf-8")
    out = tmp_path_factory.mktemp("graph")
    assert build([folder], out).conforms
    return out


@pytest.fixture(scope="module")
def small_graph(small_build: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(small_build / GRAPH_FILE)


def persons(graph: rdflib.Graph) -> dict[str, set[str]]:
    """Each person's key and every spelling it goes by."""
    return {
        str(node).removeprefix(ID): {str(label) for label in graph.objects(node, SKOS.altLabel)}
        for node in graph.subjects(RDF.type, IKG.Person)
    }


def test_spellings_across_documents_are_one_person_with_every_spelling(small_graph: rdflib.Graph) -> None:
    found = persons(small_graph)
    # one misspelt word from one spelling to the next: Armanath -> Amranath -> Amarnath, Amarasinga -> Amarasingam
    assert found["amarnath-amarasingam"] == {"Armanath Amarasinga", "Amranath Amarasinga", "Amarnath Amarasinga"}
    assert not {"armanath-amarasinga", "amranath-amarasinga", "amarnath-amarasinga"} & set(found)


def test_a_surname_alone_merges_into_its_full_form(small_graph: rdflib.Graph) -> None:
    found = persons(small_graph)
    assert "Entenmann" in found["eva-entenmann"] and "entenmann" not in found  # the same work's citation
    assert "Vidino" in found["lorenzo-vidino"] and "vidino" not in found  # the text of the same document


def test_charles_and_tim_lister_stay_two(small_graph: rdflib.Graph) -> None:
    found = persons(small_graph)
    assert {"charles-lister", "tim-lister"} <= set(found)


# Persons named as a cited work's title or publisher, or as a series (run by Oxigraph: a join this
# size is slow in rdflib). On the graph before people.py it finds "After Mosul Re-inventing Iraq".
NOT_PERSONS = """
PREFIX ikg: <https://w3id.org/isis-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?name WHERE {
  ?person a ikg:Person ; rdfs:label ?name .
  { ?work a ikg:Source ; dcterms:title ?other } UNION { ?work a ikg:Source ; dcterms:publisher ?other }
  UNION { ?work a ikg:Source ; dcterms:publisher/rdfs:label ?other }
  UNION { ?work a ikg:Source ; dcterms:creator ?person . BIND(?name AS ?other)
          FILTER (REGEX(STR(?name), "\\b(Series|Reeks|Rapport|Report)\\b", "i")) }
  FILTER (LCASE(STR(?other)) = LCASE(STR(?name)))
}
"""


def not_persons(graph_dir: Path) -> list[str]:
    return [str(row[0].value) for row in query_store(open_graph(graph_dir), NOT_PERSONS).rows]


def test_no_title_publisher_or_series_is_a_person(small_build: Path, small_graph: rdflib.Graph) -> None:
    assert not_persons(small_build) == []
    found = persons(small_graph)
    assert not {"after-mosul-re-inventing-iraq", "al-arabiya-english", "counterterrorisme-series-3"} & set(found)


@pytest.fixture(scope="module")
def committed() -> rdflib.Graph:
    return rdflib.Graph().parse(GRAPH / GRAPH_FILE)


def test_the_committed_graph_has_one_node_per_author(committed: rdflib.Graph) -> None:
    found = persons(committed)
    assert found["amarnath-amarasingam"] >= {"Amarnath Amarasinga", "Amranath Amarasinga", "Armanath Amarasinga"}
    assert "Perter R. Neumann" in found["peter-neumann"] and "perter-r-neumann" not in found
    assert "Ali Soufan" in found["ali-h-soufan"] and "Aymenn al-Tamimi" in found["aymenn-jawad-al-tamimi"]
    assert "Brian Mihael Jenkins" in found["brian-michael-jenkins"] and "Hararo J. Ingram" in found["haroro-j-ingram"]
    assert "Thomas Sanderson" in found["thomas-m-sanderson"]
    for surname, full in (("Basra", "rajan-basra"), ("Hughes", "seamus-hughes"), ("Vidino", "lorenzo-vidino")):
        assert surname in found[full] and surname.lower() not in found
    assert {"charles-lister", "tim-lister"} <= set(found)
    assert not_persons(GRAPH) == []
