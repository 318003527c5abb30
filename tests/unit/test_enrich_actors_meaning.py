"""Which actor a resolved hit stands for, from the actor base's structure: an international group's national
branch, a government's forces where it fights, a group named through its leader, a ministry named without
its country; and the text folding those rules rest on. On a small base written by the test."""
from __future__ import annotations

import pytest

from workers.enrich.actors import ActorMatcher, fold

from .conftest import linked_ids

BASE = """
- {id: intl-aq, name: Al-Qaeda, aliases: [al-Qaeda], type: rebel_group, country: null}
- {id: ye-aqap, name: Al-Qaeda in the Arabian Peninsula, aliases: [AQAP], type: rebel_group, country: YE, parent: intl-aq}
- {id: ml-jnim, name: JNIM, type: rebel_group, country: ML, parent: intl-aq}
- {id: sy-nusra, name: Nusra Front, type: rebel_group, country: SY, parent: intl-aq}
- {id: sy-hurras, name: Hurras al-Din, type: rebel_group, country: SY, parent: intl-aq}
- {id: intl-is, name: Islamic State, aliases: [Islamic State of Iraq and Syria], type: rebel_group, country: null}
- {id: iq-is, name: Islamic State in Iraq, type: rebel_group, country: IQ, parent: intl-is}
- {id: ng-iswap, name: ISWAP, type: rebel_group, country: NG, parent: intl-is}
- {id: ye-gov, name: Yemeni government, aliases: [Government of Yemen], type: government, country: YE}
- {id: ml-gov, name: Malian government, aliases: [Government of Mali], type: government, country: ML}
- {id: sy-gov, name: Syrian government, aliases: [Government of Syria], type: government, country: SY}
- {id: ng-gov, name: Nigerian government, aliases: [Government of Nigeria], type: government, country: NG}
- {id: iq-gov, name: Iraqi government, aliases: [Government of Iraq, Baghdad government], type: government, country: IQ}
- {id: iq-army, name: Iraqi Army, aliases: [Iraqi army], type: state_forces, country: IQ, parent: iq-gov}
- {id: iq-mof, name: Iraqi Ministry of Finance, aliases: [Iraqi finance ministry], type: government, country: IQ, parent: iq-gov}
- {id: iq-moh, name: Iraqi Ministry of Health, type: government, country: IQ, parent: iq-gov}
- {id: iq-moe, name: Iraqi Ministry of Environment, aliases: [Ministry of Environment], type: government, country: IQ, parent: iq-gov}
- {id: mm-junta, name: Myanmar junta, aliases: [Myanmar government], type: government, country: MM, generic: [the junta]}
- {id: mm-army, name: Myanmar Armed Forces, aliases: [Myanmar army, Myanmar military], type: state_forces, country: MM, parent: mm-junta}
- {id: mm-moh, name: Myanmar Ministry of Health, type: government, country: MM, parent: mm-junta}
- {id: pk-hgb, name: Hafiz Gul Bahadur group, type: rebel_group, country: PK}
- {id: pk-bahadur, name: Hafiz Gul Bahadur, type: person, country: PK, parent: pk-hgb}
- {id: sd-rsf, name: Rapid Support Forces, aliases: [RSF], type: rebel_group, country: SD}
- {id: sd-hemedti, name: Mohamed Hamdan Dagalo, aliases: [Hemedti], type: person, country: SD, parent: sd-rsf}
- {id: sd-gov, name: Sudanese government, aliases: [Government of Sudan], type: government, country: SD}
- {id: sd-burhan, name: Abdel Fattah al-Burhan, type: person, country: SD, parent: sd-gov}
"""


@pytest.fixture(scope="module")
def matcher(matcher_for) -> ActorMatcher:
    return matcher_for(BASE)


ids = linked_ids


@pytest.mark.parametrize("text, countries, expected", [
    # the one branch of the country the story is about
    ("The STC accuses them of tolerating al-Qaeda.", {"YE": 3.0}, ["ye-aqap"]),
    ("Al-Qaeda fighters blockaded the roads.", {"ML": 3.0, "SN": 1.0}, ["ml-jnim"]),
    # no country dominates, or the country has two branches: the group itself
    ("The STC accuses them of tolerating al-Qaeda.", {"YE": 1.0, "SA": 1.0}, ["intl-aq"]),
    ("Al-Qaeda has rebuilt in the northwest.", {"SY": 3.0}, ["intl-aq"]),
    # the branch named in the story: "al-Qaeda" is then its parent, named only to describe it (guideline §1)
    ("AQAP, al-Qaeda's Yemen branch, claimed the attack.", {"YE": 3.0}, ["ye-aqap"]),
    ("AQAP, al-Qaeda's Yemen branch, claimed the attack. Al-Qaeda praised it.", {"YE": 3.0}, ["intl-aq", "ye-aqap"]),
    # a group whose own names carry the country is at home there, not a branch of itself
    ("Islamic State cells attacked a checkpoint.", {"IQ": 3.0}, ["intl-is"]),
    ("Islamic State fighters attacked a base.", {"NG": 3.0}, ["ng-iswap"]),
])
def test_international_group_means_its_branch_in_the_story_country(matcher, text, countries, expected):
    assert ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, expected", [
    ("The junta shelled villages near the coast.", ["mm-army"]),
    ("The junta has launched airstrikes on rebel-held towns.", ["mm-army"]),
    ("The junta's jets bombed the market.", ["mm-army"]),
    ("The junta said it would hold talks.", ["mm-junta"]),
    ("The junta announced new elections.", ["mm-junta"]),
])
def test_government_that_fights_is_its_forces(matcher, text, expected):
    assert ids(matcher, text, {"MM": 3.0}) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # (the leader named only inside the faction's designation does nothing himself: guideline §1)
    ("Allied groups such as the faction of Hafiz Gul Bahadur joined.", {"PK": 1.0}, ["pk-hgb"]),
    ("A militant faction loyal to Hafiz Gul Bahadur was active.", {"PK": 1.0}, ["pk-bahadur", "pk-hgb"]),
    ("Hemedti's fighters entered the town.", {"SD": 1.0}, ["sd-hemedti", "sd-rsf"]),
    ("Hemedti said the talks had failed.", {"SD": 1.0}, ["sd-hemedti"]),
    # the person's parent must be an armed group: a president's "men" are not his government
    ("Abdel Fattah al-Burhan's men were seen in Port Sudan.", {"SD": 1.0}, ["sd-burhan"]),
])
def test_group_named_through_its_leader(matcher, text, countries, expected):
    assert ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    ("The health ministry said 12 people died.", {"IQ": 3.0}, ["iq-moh"]),
    ("The Ministry of Health said 12 people died.", {"MM": 3.0}, ["mm-moh"]),
    ("A federal finance ministry official said the transfer was late.", {"IQ": 3.0}, ["iq-mof"]),
    ("In return, Baghdad's finance ministry is supposed to pay salaries.", {"IQ": 1.0, "TR": 1.0}, ["iq-mof"]),
    # a story about two countries with a health ministry each: neither
    ("The health ministry said 12 people died.", {"IQ": 1.0, "MM": 1.0}, []),
    # one country's ministry in the story, but the story is not about that country: none
    ("The health ministry said 12 people died.", {"IQ": 1.0, "SD": 1.0}, []),
    # the ministry's own alias inside the phrase is still linked wherever it appears
    ("The Ministry of Environment said the river was polluted.", {"IQ": 1.0, "TR": 1.0}, ["iq-moe"]),
    # a country without such a ministry in the base: none
    ("The health ministry said 12 people died.", {"YE": 3.0}, []),
])
def test_ministry_without_country_is_the_story_country_s(matcher, text, countries, expected):
    assert ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, cased", [
    ("Hay'at  Tahrir\u0301 al-Sham's men", "Hayat Tahrir al Sham's men"),
    ("al\u00ad-Qa'ida  ’s  Sana’a", "al Qaida 's Sanaa"),
    ("no deletions here", "no deletions here"),
])
def test_fold_deletions_and_offsets(text, cased):
    folded = fold(text)
    assert folded.cased == cased
    # every folded position maps back to an original character it was folded from
    for pos, ch in enumerate(folded.cased):
        original = text[folded.original(pos)]
        assert fold(original).cased in (ch, "") or ch == " "
