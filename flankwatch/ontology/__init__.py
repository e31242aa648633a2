"""The event ontology as data: types, domains, units, modalities and theatres."""

from flankwatch.ontology.model import Ontology, load_ontology

__all__ = ["Ontology", "load_ontology"]
