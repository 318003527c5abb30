"""Actors: load the curated actor base (workers/enrich/data/actors/*.yaml), find its aliases in text with one
Aho-Corasick pass, and link the hits to actor ids (country context for ambiguous and generic names), adding
NER persons and organisations that are not in the base as unlinked actors. One module per part: base,
folding, derived (phrases the base implies), cues (acting wording), matcher, unlinked."""
from .base import DATA_DIR, Actor, ActorBase, ActorBaseError
from .folding import Folded, alias_key, fold, is_abbreviation
from .matcher import ActorMatch, ActorMatcher, default_matcher
from .unlinked import guess_org_type

__all__ = ["DATA_DIR", "Actor", "ActorBase", "ActorBaseError", "ActorMatch", "ActorMatcher", "Folded", "alias_key",
           "default_matcher", "fold", "guess_org_type", "is_abbreviation"]
