"""The built-in entities every extraction starts from: common regulators, countries, lists, news
organisations and products, and the demonyms that name the countries ("Russian intelligence").

Reference data, kept apart from the matching code (:mod:`extract.gazetteer`) so that it can be
swapped for a shared reference registry; the caller's known entities (e.g. the graph's) take
precedence over these.
"""

from __future__ import annotations

from schema.models import Entity
from schema.ontology import EntityType

T = EntityType


def _e(eid: str, etype: EntityType, name: str, *aliases: str, country: str | None = None) -> Entity:
    return Entity(id=eid, type=etype, name=name, aliases=aliases, country=country)


# Aliases given with a "U.S." prefix variant are expanded by the gazetteer (`_us_variants`).
BUILTIN: tuple[Entity, ...] = (
    # -- countries ------------------------------------------------------------------------
    _e(
        "country:us",
        T.COUNTRY,
        "United States",
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "United States of America",
        "America",
        "U.S. Government",
        "US Government",
        "United States Government",
        "Biden administration",
        "Trump administration",
        "Obama administration",
        country="US",
    ),
    _e(
        "country:russia",
        T.COUNTRY,
        "Russia",
        "Russian Federation",
        "Russian government",
        "Russian Government",
        "Russian state",
        country="RU",
    ),
    _e("country:germany", T.COUNTRY, "Germany", "Federal Republic of Germany", "German government", country="DE"),
    _e(
        "country:china",
        T.COUNTRY,
        "China",
        "People's Republic of China",
        "PRC",
        "Chinese government",
        "Chinese Communist Party",
        country="CN",
    ),
    _e("country:ukraine", T.COUNTRY, "Ukraine", "Ukrainian government", country="UA"),
    _e(
        "country:uk",
        T.COUNTRY,
        "United Kingdom",
        "UK",
        "U.K.",
        "Britain",
        "Great Britain",
        "British government",
        country="GB",
    ),
    _e("country:france", T.COUNTRY, "France", "French government", country="FR"),
    _e("country:iran", T.COUNTRY, "Iran", "Islamic Republic of Iran", "Iranian government", country="IR"),
    _e("country:north-korea", T.COUNTRY, "North Korea", "DPRK", "Democratic People's Republic of Korea", country="KP"),
    _e("country:belarus", T.COUNTRY, "Belarus", "Belarusian government", country="BY"),
    _e("country:cuba", T.COUNTRY, "Cuba", country="CU"),
    _e("country:venezuela", T.COUNTRY, "Venezuela", country="VE"),
    _e("country:india", T.COUNTRY, "India", country="IN"),
    _e("country:japan", T.COUNTRY, "Japan", country="JP"),
    _e("country:canada", T.COUNTRY, "Canada", country="CA"),
    _e("country:australia", T.COUNTRY, "Australia", country="AU"),
    _e("country:netherlands", T.COUNTRY, "Netherlands", country="NL"),
    _e("country:israel", T.COUNTRY, "Israel", country="IL"),
    # -- US agencies ------------------------------------------------------------------------
    _e(
        "agency:us-commerce",
        T.AGENCY,
        "US Department of Commerce",
        "Department of Commerce",
        "Commerce Department",
        "Commerce",
        country="US",
    ),
    _e("agency:us-bis", T.AGENCY, "Bureau of Industry and Security", "BIS", country="US"),
    _e("agency:us-fcc", T.AGENCY, "Federal Communications Commission", "FCC", country="US"),
    _e(
        "agency:us-treasury",
        T.AGENCY,
        "US Department of the Treasury",
        "Department of the Treasury",
        "Treasury Department",
        "Treasury",
        country="US",
    ),
    _e("agency:us-ofac", T.AGENCY, "Office of Foreign Assets Control", "OFAC", country="US"),
    _e(
        "agency:us-dhs",
        T.AGENCY,
        "US Department of Homeland Security",
        "Department of Homeland Security",
        "Homeland Security Department",
        "Homeland Security",
        "DHS",
        country="US",
    ),
    _e("agency:us-cisa", T.AGENCY, "Cybersecurity and Infrastructure Security Agency", "CISA", country="US"),
    _e(
        "agency:us-state-department",
        T.AGENCY,
        "US Department of State",
        "Department of State",
        "State Department",
        country="US",
    ),
    _e(
        "agency:us-doj",
        T.AGENCY,
        "US Department of Justice",
        "Department of Justice",
        "Justice Department",
        "DOJ",
        country="US",
    ),
    _e("agency:us-fbi", T.AGENCY, "Federal Bureau of Investigation", "FBI", country="US"),
    _e(
        "agency:us-dod",
        T.AGENCY,
        "US Department of Defense",
        "Department of Defense",
        "Defense Department",
        "Pentagon",
        country="US",
    ),
    _e("agency:us-white-house", T.AGENCY, "White House", country="US"),
    # -- foreign agencies ---------------------------------------------------------------------
    _e("agency:fsb", T.AGENCY, "Federal Security Service", "FSB", country="RU"),
    _e("agency:kremlin", T.AGENCY, "Kremlin", country="RU"),
    _e("agency:gru", T.AGENCY, "GRU", "Main Intelligence Directorate", country="RU"),
    # -- legislatures, news organisations -----------------------------------------------------
    _e("organization:us-congress", T.ORGANIZATION, "US Congress", "Congress", country="US"),
    _e("organization:wsj", T.ORGANIZATION, "The Wall Street Journal", "Wall Street Journal", "WSJ", country="US"),
    _e("organization:reuters", T.ORGANIZATION, "Reuters", "Reuter", country="GB"),
    _e("organization:bloomberg", T.ORGANIZATION, "Bloomberg", "Bloomberg News", country="US"),
    _e("organization:ap", T.ORGANIZATION, "Associated Press", "AP", country="US"),
    _e("organization:nyt", T.ORGANIZATION, "The New York Times", "New York Times", country="US"),
    _e("organization:eu", T.ORGANIZATION, "European Union", "EU"),
    # -- lists ----------------------------------------------------------------------------------
    _e(
        "list:us-fcc-covered-list",
        T.LIST,
        "FCC Covered List",
        "Covered List",
        "federal list of companies that pose a national security risk",
        country="US",
    ),
    _e("list:us-bis-entity-list", T.LIST, "Entity List", "BIS Entity List", country="US"),
    _e(
        "list:us-ofac-sdn-list",
        T.LIST,
        "OFAC SDN List",
        "SDN List",
        "Specially Designated Nationals and Blocked Persons List",
        "Specially Designated Nationals List",
        country="US",
    ),
    # -- products -------------------------------------------------------------------------------
    _e("product:tiktok", T.PRODUCT, "TikTok", "Tik Tok", "Tik-Tok"),
    _e("product:wechat", T.PRODUCT, "WeChat", "We Chat"),
)

# Demonyms, for "the Russian firm, X", "Russian-based X", "Russian intelligence".
DEMONYMS: dict[str, str] = {
    "American": "country:us",
    "Russian": "country:russia",
    "German": "country:germany",
    "Chinese": "country:china",
    "Ukrainian": "country:ukraine",
    "British": "country:uk",
    "French": "country:france",
    "Iranian": "country:iran",
    "North Korean": "country:north-korea",
    "Belarusian": "country:belarus",
    "Cuban": "country:cuba",
    "Venezuelan": "country:venezuela",
    "Indian": "country:india",
    "Japanese": "country:japan",
    "Canadian": "country:canada",
    "Australian": "country:australia",
    "Dutch": "country:netherlands",
    "Israeli": "country:israel",
}
