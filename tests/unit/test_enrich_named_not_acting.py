"""Parties a story names without them doing, saying or suffering anything (guideline §1) are no actors: an owner
inside another name, a parent describing its branch, a dissolved origin, a legislature as a seat count, a topic,
an outlet that only carried someone's words; a party acting anywhere else in the text stays. Invented sentences,
on a small base written by the test."""
from __future__ import annotations

import pytest

from workers.enrich.actors import ActorMatcher

from .conftest import linked_ids

BASE = """
- {id: xx-gov, name: Government of Norland, aliases: [Norland government], type: government, country: NO}
- {id: xx-pm, name: Erik Vangen, type: person, country: NO, parent: xx-gov}
- {id: xx-party, name: Northern Unity Party, aliases: [Unity Party], type: government, country: NO}
- {id: xx-leader, name: Lena Brandt, type: person, country: NO, parent: xx-party}
- {id: xx-parl, name: Storting of Norland, aliases: [Norland Parliament, Parliament of Norland], type: government, country: NO}
- {id: xx-front, name: Crimson Front, type: rebel_group, country: NO}
- {id: xx-guard, name: Ember Guard, type: rebel_group, country: NO, parent: xx-front}
- {id: xx-chief, name: Tor Halden, type: person, country: NO, parent: xx-front}
- {id: xx-div, name: Ninth Division, type: state_forces, country: NO}
- {id: xx-old, name: Northern Liberation League, type: rebel_group, country: NO}
- {id: xx-tv, name: Nordvision, aliases: [NVT], type: media_agency, country: NO}
- {id: xx-wire, name: Fjord Press Agency, type: media_agency, country: NO}
- {id: in-web, name: Global Web, type: rebel_group, country: null}
- {id: xx-web, name: Global Web in Norland, aliases: [GWN], type: rebel_group, country: NO, parent: in-web}
"""

NORLAND = {"NO": 1.0}


@pytest.fixture(scope="module")
def matcher(matcher_for) -> ActorMatcher:
    return matcher_for(BASE)


@pytest.mark.parametrize("text, dropped", [
    # a person named only inside a government's or party's designation
    ("The government of Prime Minister Erik Vangen raised fuel prices on Monday.", "xx-pm"),
    ("Erik Vangen's government has promised new roads in the north.", "xx-pm"),
    ("Lena Brandt's party won the by-election in the port town.", "xx-leader"),
    # an owner named only before a unit it owns
    ("The Crimson Front's elite Ember Guard attacked a checkpoint.", "xx-front"),
    ("Lena Brandt's Northern Unity Party won the by-election.", "xx-leader"),
    # a parent named only to describe its branch, named in the same sentence
    ("GWN, the Global Web's Norland branch, attacked a convoy.", "in-web"),
    ("GWN, the Norland branch of the Global Web, attacked a convoy.", "in-web"),
    # a dissolved unit or a group's past name, only as an origin
    ("Former officers of elite units such as the Ninth Division ambushed a patrol.", "xx-div"),
    ("The group began in an earlier incarnation as the Northern Liberation League.", "xx-old"),
    ("Drones hit a former Ninth Division base on Sunday.", "xx-div"),
    # a legislature as a seat count, a contested prize or where others sit
    ("The Unity Party won 40 seats in the 150-member Norland Parliament.", "xx-parl"),
    ("Polls show the party short of a majority in the Norland Parliament.", "xx-parl"),
    ("The vote will decide control of the Norland Parliament.", "xx-parl"),
    # a topic of dispute, or the object of someone's view
    ("Talks stalled over the future of the Ember Guard.", "xx-guard"),
    ("Officials regard the Ember Guard as a criminal gang.", "xx-guard"),
    # an owner, an affiliation, the origin of things
    ("The mine is majority-owned by the Crimson Front.", "xx-front"),
    ("The Fjord Press Agency, which is close to the Crimson Front, reported three deaths.", "xx-front"),
    ("The militants carried rifles left behind by the Ninth Division.", "xx-div"),
    # an outlet that only carried someone else's words
    ("The ministry said in a statement carried by the Fjord Press Agency that roads were open.", "xx-wire"),
    ("Halden said on the group's Nordvision television that the truce was over.", "xx-tv"),
    ("NVT this week broadcast footage of the convoy reaching the town.", "xx-tv"),
])
def test_named_without_acting_is_no_actor(matcher, text, dropped):
    assert dropped not in linked_ids(matcher, text, NORLAND)


@pytest.mark.parametrize("text, kept", [
    # the same kinds of mention, with the party acting elsewhere in the story
    ("The government of Prime Minister Erik Vangen raised fuel prices. Vangen said the rise was unavoidable.", "xx-pm"),
    ("Lena Brandt's party won the by-election. Lena Brandt thanked the voters.", "xx-leader"),
    ("The Crimson Front's elite Ember Guard attacked a checkpoint. The Crimson Front denied it.", "xx-front"),
    ("GWN, the Global Web's Norland branch, attacked a convoy. The Global Web has urged followers to join.", "in-web"),
    ("The Unity Party won 40 seats in the 150-member Norland Parliament. The Norland Parliament approved the budget.", "xx-parl"),
    ("The Fjord Press Agency carried the statement. The Fjord Press Agency reported three deaths.", "xx-wire"),
    ("The mine is owned by the Crimson Front, which said it would reopen it.", "xx-front"),
    ("Talks stalled over the future of the Ember Guard. The Ember Guard rejected the plan.", "xx-guard"),
    # a seat count alone does not stop a chamber acting
    ("The 150-member Norland Parliament voted to extend the emergency.", "xx-parl"),
    # an outlet that reports is a source, not a carrier
    ("Nordvision reported that the bridge had collapsed.", "xx-tv"),
    # "split from X" does not say X is gone
    ("The faction split from the Crimson Front in 2020.", "xx-front"),
    # a possessive before a person (an envoy, a commander) is no owner naming a unit
    ("The Crimson Front's commander Tor Halden said the truce was over.", "xx-front"),
])
def test_party_acting_elsewhere_stays(matcher, text, kept):
    assert kept in linked_ids(matcher, text, NORLAND)


def test_named_branch_and_unit_stay(matcher):
    """Only the named party goes: the branch and the unit it describes stay."""
    found = linked_ids(matcher, "GWN, the Global Web's Norland branch, attacked a convoy.", NORLAND)
    assert "xx-web" in found and "in-web" not in found
    found = linked_ids(matcher, "The Crimson Front's elite Ember Guard attacked a checkpoint.", NORLAND)
    assert found == ["xx-guard"]
