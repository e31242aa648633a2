"""Everything compiled for one language: pipeline, lexicon, grammars, matchers."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources.abc import Traversable

from spacy.language import Language

from flankwatch.extract.actors import ActorTable
from flankwatch.extract.dategrammar import DateGrammar
from flankwatch.extract.gazetteer import Gazetteer
from flankwatch.extract.lexicon import Lexicon, load_lexicon
from flankwatch.extract.matching import Matchers
from flankwatch.extract.quantities import QuantityGrammar
from flankwatch.extract.theatre import TheatreRules
from flankwatch.nlp import LanguageSpec, pipeline_for
from flankwatch.ontology import Ontology


@dataclass(frozen=True)
class LanguageKit:
    spec: LanguageSpec
    nlp: Language
    lexicon: Lexicon
    matchers: Matchers
    dates: DateGrammar
    quantities: QuantityGrammar
    actors: ActorTable
    theatres: TheatreRules
    ontology: Ontology


def build_kit(
    root: Traversable,
    spec: LanguageSpec,
    ontology: Ontology,
    actors: ActorTable,
    gazetteer: Gazetteer,
    theatres: TheatreRules,
) -> LanguageKit:
    """Load and compile one language; every data problem surfaces here as a DataFileError."""
    lexicon = load_lexicon(root, spec.code, ontology, actors.codes)
    nlp = pipeline_for(spec)
    return LanguageKit(
        spec=spec,
        nlp=nlp,
        lexicon=lexicon,
        matchers=Matchers(nlp, spec, lexicon, gazetteer, actors),
        dates=DateGrammar(lexicon.dates),
        quantities=QuantityGrammar(lexicon.quantities, lexicon.numbers),
        actors=actors,
        theatres=theatres,
        ontology=ontology,
    )
