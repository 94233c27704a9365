"""The ontology (ontology/chanye.ttl), the SHACL shapes and kg.ontology.

The list of terms to check is read from eval/SCHEMA.md itself, so the test
follows the contract rather than a copy of it. SHACL is checked on small
hand-made datasets shaped like docs/ARCHITECTURE.md says the build writes them
(facts, entities and articles in the default graph, evidence in per-article graphs).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from kg import ontology
from kg.namespaces import CY, CYR, ORG, SCHEMA

ROOT = Path(__file__).resolve().parents[1]
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # a plain Namespace: pytest trips over ClosedNamespace
# rdflib's own TriG parser uses its deprecated ConjunctiveGraph API internally.
pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
]

SCHEMA_MD = (ROOT / "eval" / "SCHEMA.md").read_text(encoding="utf-8")
PREFIX_MAP = {"cy": CY, "schema": SCHEMA, "xsd": XSD, "skos": SKOS, "prov": PROV, "rdfs": RDFS, "dcterms": DCTERMS}


def _table_rows(heading: str) -> list[list[str]]:
    """Rows of the first markdown table after a ``### heading`` in SCHEMA.md."""
    section = SCHEMA_MD.split(f"### {heading}", 1)[1]
    rows = []
    for line in section.splitlines():
        if line.startswith("| `cy:"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows and not line.startswith("|"):
            break
    return rows


SCHEMA_CLASSES = [re.match(r"`cy:(\w+)`", row[0]).group(1) for row in _table_rows("Classes")]
SCHEMA_PROPERTIES = {re.match(r"`cy:(\w+)`", row[0]).group(1): row[1] for row in _table_rows("Properties")}


def _schema_terms(text: str) -> set[URIRef]:
    """Classes/datatypes named in one side of a SCHEMA.md 'domain → range' cell."""
    terms: set[URIRef] = set()
    for quoted, bare in re.findall(r"`([^`]+)`|\b([A-Z][A-Za-z]+)\b", text):
        if quoted:
            if quoted.endswith("@zh"):
                terms.add(RDF.langString)
            else:
                prefix, local = quoted.split(":")
                terms.add(PREFIX_MAP[prefix][local])
        else:
            terms.add(CY[bare])
    return terms


def _class_set(graph: Graph, node) -> set:
    """A named class, or the members of an owl:unionOf class expression."""
    union = graph.value(node, OWL.unionOf)
    return set(Collection(graph, union)) if union is not None else {node}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology.load_ontology()


# ------------------------------------------------------------------ the ontology


def test_schema_tables_were_read():
    assert len(SCHEMA_CLASSES) >= 16 and "Position" in SCHEMA_CLASSES
    assert len(SCHEMA_PROPERTIES) >= 17 and "holdsPosition" in SCHEMA_PROPERTIES


def test_ontology_header(onto):
    head = URIRef("https://w3id.org/chanye/ontology")
    assert (head, RDF.type, OWL.Ontology) in onto
    assert onto.value(head, OWL.versionInfo) is not None
    assert onto.value(head, DCTERMS.title) is not None
    assert onto.value(head, DCTERMS.description) is not None


def _labels(graph: Graph, term) -> dict:
    return {lit.language: str(lit) for lit in graph.objects(term, RDFS.label)}


EXTRA_CLASSES = ["Sentence"]
EXTRA_PROPERTIES = ["states", "text", "startOffset", "endOffset", "sourceFile"]


@pytest.mark.parametrize("name", SCHEMA_CLASSES + EXTRA_CLASSES)
def test_every_class_is_declared_and_documented(onto, name):
    term = CY[name]
    assert (term, RDF.type, OWL.Class) in onto
    labels = _labels(onto, term)
    assert re.search(r"[\u4e00-\u9fff]", labels.get("zh", "")), labels
    assert labels.get("en")
    comments = {lit.language for lit in onto.objects(term, RDFS.comment)}
    assert "en" in comments


@pytest.mark.parametrize("name", list(SCHEMA_PROPERTIES) + EXTRA_PROPERTIES)
def test_every_property_is_declared_and_documented(onto, name):
    term = CY[name]
    kinds = set(onto.objects(term, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, kinds
    labels = _labels(onto, term)
    assert re.search(r"[\u4e00-\u9fff]", labels.get("zh", "")), labels
    assert labels.get("en")
    assert any(lit.language == "en" for lit in onto.objects(term, RDFS.comment))
    assert onto.value(term, RDFS.domain) is not None
    assert onto.value(term, RDFS.range) is not None


#: XSD datatypes that SCHEMA.md uses but the OWL 2 datatype map lacks: OWL 2 DL reasoners (HermiT)
#: reject them, so the ontology states rdfs:Literal and the SHACL shapes carry the exact datatypes.
NOT_IN_OWL2_MAP = {XSD.date, XSD.gYearMonth, XSD.gYear}


def _shape_datatypes(shapes: Graph, path) -> set:
    """The datatypes a property shape with ``sh:path path`` allows (``sh:datatype`` or ``sh:or`` of them)."""
    SH = Namespace("http://www.w3.org/ns/shacl#")
    found = set()
    for prop in shapes.subjects(SH.path, path):
        found.update(shapes.objects(prop, SH.datatype))
        for alternatives in shapes.objects(prop, SH["or"]):
            for alt in Collection(shapes, alternatives):
                found.update(shapes.objects(alt, SH.datatype))
    return found


@pytest.mark.parametrize("name", list(SCHEMA_PROPERTIES))
def test_domain_and_range_follow_schema_md(onto, name):
    cell = SCHEMA_PROPERTIES[name]
    domain_text, range_text = re.split(r"→|↔", cell)
    term = CY[name]
    range_expected = _schema_terms(range_text)
    if "↔" in cell:  # symmetric: the same on both sides
        range_expected = _schema_terms(domain_text)
    if range_expected & NOT_IN_OWL2_MAP:
        assert onto.value(term, RDFS.range) == RDFS.Literal
        assert _shape_datatypes(ontology.load_shapes(), term) == range_expected
    else:
        assert _class_set(onto, onto.value(term, RDFS.range)) == range_expected
    domain_expected = _schema_terms(domain_text)
    if domain_expected:  # "any entity" names no class: checked below
        assert _class_set(onto, onto.value(term, RDFS.domain)) == domain_expected


def test_object_and_datatype_properties_are_told_apart(onto):
    for name in ("title", "date", "projectCount", "text", "startOffset", "endOffset", "sourceFile"):
        assert (CY[name], RDF.type, OWL.DatatypeProperty) in onto, name
    for name in ("holdsPosition", "organization", "investment", "locatedIn", "mentionedIn", "partnerOf", "states"):
        assert (CY[name], RDF.type, OWL.ObjectProperty) in onto, name


def test_mentioned_in_domain_covers_every_entity_type(onto):
    from kg.model import ENTITY_TYPES, top_type

    domain = _class_set(onto, onto.value(CY.mentionedIn, RDFS.domain))
    assert domain == {CY[top_type(t)] for t in ENTITY_TYPES}


def test_property_characteristics(onto):
    assert (CY.partnerOf, RDF.type, OWL.SymmetricProperty) in onto
    assert (CY.settledIn, RDFS.subPropertyOf, CY.locatedIn) in onto
    for org_class in ("Company", "GovernmentBody", "ResearchInstitute", "University", "Fund", "Association"):
        assert (CY[org_class], RDFS.subClassOf, CY.Organization) in onto


@pytest.mark.parametrize(
    "sub, relation, sup",
    [
        (CY.Person, RDFS.subClassOf, SCHEMA.Person),
        (CY.Organization, RDFS.subClassOf, SCHEMA.Organization),
        (CY.Organization, RDFS.subClassOf, ORG.Organization),
        (CY.Company, RDFS.subClassOf, SCHEMA.Corporation),
        (CY.GovernmentBody, RDFS.subClassOf, SCHEMA.GovernmentOrganization),
        (CY.University, RDFS.subClassOf, SCHEMA.CollegeOrUniversity),
        (CY.ResearchInstitute, RDFS.subClassOf, SCHEMA.ResearchOrganization),
        (CY.Event, RDFS.subClassOf, SCHEMA.Event),
        (CY.Place, RDFS.subClassOf, SCHEMA.AdministrativeArea),
        (CY.Project, RDFS.subClassOf, SCHEMA.Project),
        (CY.Position, RDFS.subClassOf, ORG.Post),
        (CY.Park, RDFS.subClassOf, ORG.Site),
        (CY.NewsArticle, RDFS.subClassOf, SCHEMA.NewsArticle),
        (CY.NewsArticle, RDFS.subClassOf, PROV.Entity),
        (CY.Sentence, RDFS.subClassOf, PROV.Entity),
        (CY.Industry, RDFS.subClassOf, SKOS.Concept),
        (CY.holdsPosition, RDFS.subPropertyOf, ORG.holds),
        (CY.organization, RDFS.subPropertyOf, ORG.postIn),
        (CY.subsidiaryOf, RDFS.subPropertyOf, ORG.subOrganizationOf),
        (CY.IndustryScheme, RDF.type, SKOS.ConceptScheme),
    ],
)
def test_alignment(onto, sub, relation, sup):
    assert (sub, relation, sup) in onto


def test_no_datatype_outside_the_owl2_map_in_axioms(onto):
    """Ranges and datatype restrictions use only OWL 2 datatypes (annotations may use any)."""
    axiom_terms = set(onto.objects(None, RDFS.range)) | set(onto.objects(None, OWL.onDatatype))
    for union in onto.objects(None, OWL.unionOf):
        axiom_terms.update(Collection(onto, union))
    assert not axiom_terms & NOT_IN_OWL2_MAP


@pytest.mark.skipif(shutil.which("java") is None,
                    reason="HermiT runs on Java and no `java` is on PATH (apt-get install default-jre-headless)")
def test_ontology_loads_in_owlready2_and_hermit_accepts_it(tmp_path):
    """What Protégé does: load the OWL file and classify it with HermiT, without an error,
    consistent, with no unsatisfiable class."""
    import owlready2

    nt = tmp_path / "chanye.nt"  # owlready2 reads RDF/XML, OWL/XML or N-Triples, not Turtle
    ontology.load_ontology().serialize(nt, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(nt.as_uri()).load()
    assert len(list(onto.classes())) >= 16
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []
    company = world.search_one(iri=str(CY.Company))
    assert world.search_one(iri=str(CY.Organization)) in company.ancestors()


def test_labels_from_the_ontology():
    assert ontology.property_label("holdsPosition") == "担任职务"
    assert re.fullmatch(r"[\u4e00-\u9fff]+", ontology.property_label("settledIn"))
    assert ontology.property_label("holdsPosition", lang="en") == "holds position"
    assert ontology.class_label("Company") == "企业"
    assert ontology.class_label("Company", lang="en") == "Company"
    assert ontology.class_label(str(SCHEMA.MonetaryAmount)) == "金额"
    assert ontology.property_label("partnerOf", lang="fr") == "partner of"  # falls back to English
    with pytest.raises(KeyError):
        ontology.property_label("noSuchProperty")


def test_shapes_parse_and_cover_every_relation():
    shapes = ontology.load_shapes()
    targeted = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetSubjectsOf")))
    assert {CY[name] for name in SCHEMA_PROPERTIES} <= targeted


# ------------------------------------------------------------------ SHACL on data

DATA = """
@prefix cy: <https://w3id.org/chanye/ontology#> .
@prefix cyr: <https://w3id.org/chanye/id/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

cyr:graph\\/entities {
    cyr:person\\/a000000000000001 a cy:Person ; rdfs:label "张伟"@zh .
    cyr:organization\\/b000000000000001 a cy:Company ; rdfs:label "华星科技股份有限公司"@zh ;
        skos:altLabel "华星科技"@zh .
    cyr:organization\\/b000000000000002 a cy:GovernmentBody ; rdfs:label "某市委"@zh .
    cyr:organization\\/b000000000000003 a cy:Fund ; rdfs:label "产业母基金"@zh .
    cyr:park\\/c000000000000001 a cy:Park ; rdfs:label "某经济开发区"@zh .
    cyr:place\\/d000000000000001 a cy:Place ; rdfs:label "某市"@zh .
    cyr:industry\\/e000000000000001 a cy:Industry ; rdfs:label "新能源"@zh ; skos:altLabel "新能源产业"@zh .
    cyr:event\\/f000000000000001 a cy:Event ; rdfs:label "产业发展大会"@zh .
    cyr:initiative\\/0a00000000000001 a cy:Initiative ; rdfs:label "三年行动计划"@zh .
    cyr:project\\/0b00000000000001 a cy:Project ; rdfs:label "新能源电池项目"@zh .
}

cyr:article\\/0123456789abcdef {
    cyr:article\\/0123456789abcdef a cy:NewsArticle ; dcterms:title "产业发展大会召开"@zh ;
        dcterms:date "2021-11-09"^^xsd:date ; cy:sourceFile "001_example.txt" .

    cyr:person\\/a000000000000001 cy:mentionedIn cyr:article\\/0123456789abcdef .
    cyr:organization\\/b000000000000001 cy:mentionedIn cyr:article\\/0123456789abcdef .
    cyr:event\\/f000000000000001 cy:mentionedIn cyr:article\\/0123456789abcdef .

    cyr:person\\/a000000000000001 cy:holdsPosition cyr:position\\/1000000000000001 ;
        cy:participatedIn cyr:event\\/f000000000000001 .
    cyr:position\\/1000000000000001 a cy:Position ; cy:title "市委书记"@zh ;
        cy:organization cyr:organization\\/b000000000000002 .
    cyr:sentence\\/4000000000000003 a cy:Sentence ; cy:states cyr:statement\\/5000000000000003 ;
        cy:text "张伟出席大会。"@zh ; cy:startOffset 10 ; cy:endOffset 17 ;
        prov:wasDerivedFrom cyr:article\\/0123456789abcdef .

    cyr:event\\/f000000000000001 cy:date "2021-11-09"^^xsd:date ; cy:projectCount 12 ;
        cy:location cyr:park\\/c000000000000001 ; cy:launched cyr:initiative\\/0a00000000000001 ,
        cyr:organization\\/b000000000000003 ; cy:investment cyr:amount\\/2000000000000001 ;
        cy:inIndustry cyr:industry\\/e000000000000001 .
    cyr:project\\/0b00000000000001 cy:signedAt cyr:event\\/f000000000000001 ;
        cy:investor cyr:organization\\/b000000000000001 ; cy:locatedIn cyr:park\\/c000000000000001 ;
        cy:investment cyr:amount\\/2000000000000002 .
    cyr:organization\\/b000000000000001 cy:settledIn cyr:park\\/c000000000000001 ;
        cy:locatedIn cyr:place\\/d000000000000001 ;
        cy:partnerOf cyr:organization\\/b000000000000002 ;
        cy:participatedIn cyr:event\\/f000000000000001 .
    cyr:park\\/c000000000000001 cy:locatedIn cyr:place\\/d000000000000001 .
    cyr:organization\\/b000000000000003 cy:subsidiaryOf cyr:organization\\/b000000000000002 ;
        cy:investment cyr:amount\\/2000000000000003 .

    cyr:amount\\/2000000000000001 a schema:MonetaryAmount ; schema:value "98060000000"^^xsd:decimal ;
        schema:currency "CNY" .
    cyr:sentence\\/4000000000000011 a cy:Sentence ; cy:states cyr:statement\\/5000000000000011 ;
        cy:text "签约项目总投资980.6亿元。"@zh ; cy:startOffset 20 ; cy:endOffset 33 ;
        prov:wasDerivedFrom cyr:article\\/0123456789abcdef .
    cyr:amount\\/2000000000000002 a schema:MonetaryAmount ; schema:value "1800000000"^^xsd:decimal ;
        schema:currency "USD" .
    cyr:sentence\\/4000000000000012 a cy:Sentence ; cy:states cyr:statement\\/5000000000000012 ;
        cy:text "项目总投资18亿美元。"@zh ; cy:startOffset 40 ; cy:endOffset 51 ;
        prov:wasDerivedFrom cyr:article\\/0123456789abcdef .
    cyr:amount\\/2000000000000003 a schema:MonetaryAmount ; schema:value "10000000000"^^xsd:decimal ;
        schema:currency "CNY" .
    cyr:sentence\\/4000000000000013 a cy:Sentence ; cy:states cyr:statement\\/5000000000000013 ;
        cy:text "设立100亿元产业母基金。"@zh ; cy:startOffset 60 ; cy:endOffset 73 ;
        prov:wasDerivedFrom cyr:article\\/0123456789abcdef .

    cyr:sentence\\/4000000000000001 a cy:Sentence ; cy:states cyr:statement\\/5000000000000001 ;
        cy:text "新能源电池项目在大会上签约。"@zh ; cy:startOffset 80 ; cy:endOffset 94 ;
        prov:wasDerivedFrom cyr:article\\/0123456789abcdef .
    cyr:sentence\\/4000000000000002 a cy:Sentence ; cy:states cyr:statement\\/5000000000000002 ;
        cy:text "大会于11月9日召开。"@zh ; cy:startOffset 0 ; cy:endOffset 10 ;
        prov:wasDerivedFrom cyr:article\\/0123456789abcdef .
}

cyr:graph\\/statements {
    cyr:statement\\/5000000000000003
        rdf:subject cyr:person\\/a000000000000001 ; rdf:predicate cy:holdsPosition ;
        rdf:object cyr:position\\/1000000000000001 .
    cyr:statement\\/5000000000000011
        rdf:subject cyr:event\\/f000000000000001 ; rdf:predicate cy:investment ; rdf:object cyr:amount\\/2000000000000001 .
    cyr:statement\\/5000000000000012
        rdf:subject cyr:project\\/0b00000000000001 ; rdf:predicate cy:investment ; rdf:object cyr:amount\\/2000000000000002 .
    cyr:statement\\/5000000000000013
        rdf:subject cyr:organization\\/b000000000000003 ; rdf:predicate cy:investment ; rdf:object cyr:amount\\/2000000000000003 .
    cyr:statement\\/5000000000000001
        rdf:subject cyr:project\\/0b00000000000001 ; rdf:predicate cy:signedAt ;
        rdf:object cyr:event\\/f000000000000001 .
    cyr:statement\\/5000000000000002
        rdf:subject cyr:event\\/f000000000000001 ; rdf:predicate cy:date ;
        rdf:object "2021-11-09"^^xsd:date .
}
"""

ARTICLE = CYR["article/0123456789abcdef"]
ENTITIES = CYR["graph/entities"]
PERSON = CYR["person/a000000000000001"]
COMPANY = CYR["organization/b000000000000001"]
GOV = CYR["organization/b000000000000002"]
PLACE = CYR["place/d000000000000001"]
EVENT = CYR["event/f000000000000001"]
POSITION = CYR["position/1000000000000001"]
AMOUNT = CYR["amount/2000000000000002"]
STATEMENT = CYR["statement/5000000000000001"]
SENTENCE = CYR["sentence/4000000000000001"]


def valid_dataset() -> Dataset:
    ds = Dataset()
    ds.parse(data=DATA, format="trig")
    return ds


def _replace(graph: Graph, s, p, new) -> None:
    graph.remove((s, p, None))
    if new is not None:
        graph.add((s, p, new))


def test_valid_dataset_conforms():
    ds = valid_dataset()
    assert len(ds.graph(ARTICLE)) > 40 and len(ds.graph(ENTITIES)) > 10
    conforms, report = ontology.validate(ds)
    assert conforms, report


def test_valid_dataset_conforms_with_the_ontology_graph_inside():
    """The build puts the ontology in cyr:graph/ontology; flattened, it must not upset the shapes."""
    ds = valid_dataset()
    ds.graph(CYR["graph/ontology"]).parse(ontology.ONTOLOGY_PATH, format="turtle")
    conforms, report = ontology.validate(ds)
    assert conforms, report


def test_valid_dataset_conforms_in_an_oxigraph_store():
    """The build's store is Oxigraph, which types plain literals as xsd:string."""
    ds = Dataset(store="Oxigraph", default_union=True)
    ds.parse(data=DATA, format="trig")
    assert len(ds) > 50
    conforms, report = ontology.validate(ds)
    assert conforms, report
    _replace(ds.graph(ARTICLE), AMOUNT, SCHEMA.currency, Literal("RMB"))
    conforms, report = ontology.validate(ds)
    assert not conforms and "InConstraintComponent" in report


def test_validate_accepts_a_plain_graph():
    flat = Graph()
    for s, p, o, _ in valid_dataset().quads((None, None, None, None)):
        flat.add((s, p, o))
    assert ontology.validate(flat)[0]
    flat.remove((COMPANY, RDF.type, None))  # the company's facts now point to an untyped node
    conforms, report = ontology.validate(flat)
    assert not conforms
    assert "ClassConstraintComponent" in report


def _entities(ds):
    return ds.graph(ENTITIES)


def _article(ds):
    return ds.graph(ARTICLE)


INVALID = {
    "two labels": (
        lambda ds: _entities(ds).add((PERSON, RDFS.label, Literal("张大伟", lang="zh"))),
        "MaxCountConstraintComponent",
        "exactly one rdfs:label",
    ),
    "label not Chinese": (
        lambda ds: _replace(_entities(ds), PERSON, RDFS.label, Literal("Zhang Wei", lang="en")),
        "LanguageInConstraintComponent",
        "exactly one rdfs:label",
    ),
    "altLabel without language": (
        lambda ds: _entities(ds).add((COMPANY, SKOS.altLabel, Literal("华星"))),
        "DatatypeConstraintComponent",
        "altLabel values are @zh",
    ),
    "missing currency": (
        lambda ds: _replace(_article(ds), AMOUNT, SCHEMA.currency, None),
        "MinCountConstraintComponent",
        "ISO 4217",
    ),
    "bad currency": (
        lambda ds: _replace(_article(ds), AMOUNT, SCHEMA.currency, Literal("RMB")),
        "InConstraintComponent",
        "ISO 4217",
    ),
    "negative amount": (
        lambda ds: _replace(_article(ds), AMOUNT, SCHEMA.value, Literal("-5", datatype=XSD.decimal)),
        "MinInclusiveConstraintComponent",
        "non-negative xsd:decimal",
    ),
    "amount as a string": (
        lambda ds: _replace(_article(ds), AMOUNT, SCHEMA.value, Literal("18亿")),
        "DatatypeConstraintComponent",
        "non-negative xsd:decimal",
    ),
    "date as plain string": (
        lambda ds: _replace(_article(ds), EVENT, CY.date, Literal("2021-11-09")),
        "OrConstraintComponent",
        "cy:date is an xsd:date",
    ),
    "ill-formed date": (
        lambda ds: _replace(_article(ds), EVENT, CY.date, Literal("2021-13-45", datatype=XSD.date)),
        "OrConstraintComponent",
        "cy:date is an xsd:date",
    ),
    "zero projects": (
        lambda ds: _replace(_article(ds), EVENT, CY.projectCount, Literal(0)),
        "MinInclusiveConstraintComponent",
        "projectCount is an xsd:integer",
    ),
    "position without title": (
        lambda ds: _replace(_article(ds), POSITION, CY.title, None),
        "MinCountConstraintComponent",
        "exactly one cy:title",
    ),
    "position in a place": (
        lambda ds: _replace(_article(ds), POSITION, CY.organization, PLACE),
        "ClassConstraintComponent",
        "at most one cy:organization",
    ),
    "sentence stating nothing": (
        lambda ds: _replace(_article(ds), SENTENCE, CY.states, None),
        "MinCountConstraintComponent",
        "states at least one fact",
    ),
    "sentence stating a non-statement": (
        lambda ds: _replace(_article(ds), SENTENCE, CY.states, Literal("x")),
        "NodeKindConstraintComponent",
        "states at least one fact",
    ),
    "statement pointing nowhere": (
        lambda ds: _article(ds).add((SENTENCE, CY.states, CYR["statement/5999999999999999"])),
        "MinCountConstraintComponent",
        "cy:states points to a statement",
    ),
    "sentence without text": (
        lambda ds: _replace(_article(ds), SENTENCE, CY.text, None),
        "MinCountConstraintComponent",
        "needs its text",
    ),
    "offset as string": (
        lambda ds: _replace(_article(ds), SENTENCE, CY.startOffset, Literal("10")),
        "DatatypeConstraintComponent",
        "startOffset is a",
    ),
    "investment pointing to a non-amount": (
        lambda ds: _article(ds).add((CYR["project/0b00000000000001"], CY.investment, PLACE)),
        "ClassConstraintComponent",
        "cy:investment points to a schema:MonetaryAmount",
    ),
    "holdsPosition from an Organization": (
        lambda ds: _article(ds).add((COMPANY, CY.holdsPosition, POSITION)),
        "ClassConstraintComponent",
        "subject of cy:holdsPosition must be a cy:Person",
    ),
    "settledIn a place": (
        lambda ds: _article(ds).add((COMPANY, CY.settledIn, PLACE)),
        "ClassConstraintComponent",
        "cy:settledIn points to a cy:Park",
    ),
    "participatedIn from a place": (
        lambda ds: _article(ds).add((PLACE, CY.participatedIn, EVENT)),
        "OrConstraintComponent",
        "subject of cy:participatedIn",
    ),
    "statement without object": (
        lambda ds: _replace(ds.graph(CYR["graph/statements"]), STATEMENT, RDF.object, None),
        "MinCountConstraintComponent",
        "exactly one rdf:object",
    ),
    "sentence from a non-article": (
        lambda ds: _replace(_article(ds), SENTENCE, PROV.wasDerivedFrom, PLACE),
        "ClassConstraintComponent",
        "must point to a cy:NewsArticle",
    ),
    "article without source file": (
        lambda ds: _replace(_article(ds), ARTICLE, CY.sourceFile, None),
        "MinCountConstraintComponent",
        "cy:sourceFile",
    ),
}


@pytest.mark.parametrize("case", list(INVALID))
def test_invalid_data_is_reported(case):
    mutate, component, message = INVALID[case]
    ds = valid_dataset()
    mutate(ds)
    conforms, report = ontology.validate(ds)
    assert not conforms
    violations = [block for block in report.split("Constraint Violation in ")[1:] if "sh:Violation" in block]
    assert any(component in block and message in block for block in violations), report


def test_iri_rule_is_a_warning_not_a_violation():
    ds = valid_dataset()
    odd = URIRef("https://example.org/somebody")
    _entities(ds).add((odd, RDF.type, CY.Person))
    _entities(ds).add((odd, RDFS.label, Literal("李四", lang="zh")))
    conforms, report = ontology.validate(ds)
    assert conforms, report
    assert "PatternConstraintComponent" in report and "Warning" in report


def test_subclass_closure_is_needed_and_used():
    """A cy:GovernmentBody counts as a cy:Organization only through the ontology's hierarchy."""
    ds = valid_dataset()
    _replace(_entities(ds), GOV, RDF.type, CY.Industry)  # no longer any kind of organisation
    conforms, report = ontology.validate(ds)
    assert not conforms
    assert "at most one cy:organization" in report


def test_blank_nodes_survive_flattening():
    ds = valid_dataset()
    amount = BNode()
    g = _article(ds)
    g.add((CYR["project/0b00000000000001"], CY.investment, amount))
    g.add((amount, RDF.type, SCHEMA.MonetaryAmount))
    conforms, report = ontology.validate(ds)
    assert not conforms  # no value, no currency, no sentence
    assert "ISO 4217" in report and "non-negative xsd:decimal" in report


# ------------------------------------------------------------------ the real build


@pytest.fixture
def seed_dataset(request):
    pytest.importorskip("kg.api")
    pytest.importorskip("kg.extract")  # the pipeline is assembled in parallel; run once it exists
    return request.getfixturevalue("seed_kg").dataset


def test_seed_graph_conforms_to_the_shapes(seed_dataset):
    """The graph built from the seed articles (Oxigraph-backed Dataset) satisfies every shape."""
    conforms, report = ontology.validate(seed_dataset)
    assert conforms, report
