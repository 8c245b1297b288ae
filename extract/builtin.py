"""What every extraction starts from: the reference registry's countries, agencies, lists and
publishers (:mod:`reference`), the ways texts refer to them beyond their names, a few products
the texts name, and the demonyms that stand for countries ("Russian intelligence").

The entities are the registry's own (one definition, shared with the loaders and the seed); this
module only adds surface forms — "the Biden administration" for the United States, "a federal list
of companies that pose a national security risk" for the FCC Covered List — which are knowledge
about texts, not about the entities. The caller's known entities (e.g. the graph's) take
precedence over these.
"""

from __future__ import annotations

from functools import cache

from reference import country_id, registry
from schema.models import Entity
from schema.ontology import EntityType

T = EntityType

# How texts name registry entities beyond the registry's names and aliases.
SURFACE_FORMS: dict[str, tuple[str, ...]] = {
    "country:us": (
        "US", "America", "U.S. Government", "US Government", "United States Government",
        "Biden administration", "Trump administration", "Obama administration",
    ),
    "country:ru": ("Russian government", "Russian Government", "Russian state"),
    "country:de": ("German government",),
    "country:cn": ("PRC", "Chinese government"),
    "country:ua": ("Ukrainian government",),
    "country:gb": ("UK", "U.K.", "Britain", "Great Britain", "British government"),
    "country:fr": ("French government",),
    "country:ir": ("Iranian government",),
    "country:kp": ("DPRK",),
    "country:by": ("Belarusian government",),
    # English names US-government texts use where rigour's name is another ("Türkiye", "Myanmar", "Eswatini")
    "country:ae": ("UAE", "U.A.E."),
    "country:tr": ("Turkey", "Republic of Turkey"),
    "country:mm": ("Burma",),
    "country:ci": ("Ivory Coast", "Cote d'Ivoire"),
    "country:sz": ("Swaziland",),
    "country:cv": ("Cabo Verde",),
    "country:va": ("Vatican City",),
    "country:mo": ("Macau",),
    "country:tl": ("East Timor",),
    "country:cd": ("DRC", "Democratic Republic of Congo"),
    "country:cg": ("Republic of the Congo", "Republic of Congo"),
    "agency:us-dhs": ("Homeland Security",),
    "organization:reuters": ("Reuter",),
    "list:us-fcc-covered-list": ("federal list of companies that pose a national security risk",),
}  # fmt: skip

# Products the texts name that no loader defines.
PRODUCTS: tuple[Entity, ...] = (
    Entity(id="product:tiktok", type=T.PRODUCT, name="TikTok", aliases=("Tik Tok", "Tik-Tok")),
    Entity(id="product:wechat", type=T.PRODUCT, name="WeChat", aliases=("We Chat",)),
)

# Demonyms, for "the Russian firm, X", "Russian-based X", "Russian intelligence"; the country each
# stands for is the registry's (rigour reads demonyms), looked up on first use (:func:`demonyms`).
DEMONYM_WORDS = (
    "American", "Russian", "German", "Chinese", "Ukrainian", "British", "French", "Iranian", "North Korean",
    "Belarusian", "Cuban", "Venezuelan", "Indian", "Japanese", "Canadian", "Australian", "Dutch", "Israeli",
    "South Korean", "Taiwanese", "Emirati", "Turkish", "Syrian", "Iraqi", "Lebanese", "Pakistani", "Afghan",
    "Saudi", "Qatari", "Omani", "Kuwaiti", "Bahraini", "Jordanian", "Yemeni", "Egyptian", "Libyan", "Sudanese",
    "Singaporean", "Malaysian", "Indonesian", "Thai", "Vietnamese", "Burmese", "Cambodian", "Filipino",
    "Mongolian", "Kazakh", "Kyrgyz", "Uzbek", "Tajik", "Turkmen", "Armenian", "Azerbaijani", "Georgian",
    "Moldovan", "Serbian", "Cypriot", "Greek", "Italian", "Spanish", "Swiss", "Austrian", "Belgian", "Swedish",
    "Finnish", "Estonian", "Latvian", "Lithuanian", "Czech", "Slovak", "Hungarian", "Bulgarian", "Romanian",
    "Mexican", "Colombian", "Brazilian", "Nicaraguan", "Panamanian", "Liberian", "Nigerian", "South African",
    "Eritrean", "Somali", "Malian", "Marshallese", "Maltese", "Norwegian", "Danish", "Irish", "Polish",
    "Bolivian", "Paraguayan", "Guatemalan", "Honduran", "Salvadoran", "Ecuadorian", "Peruvian", "Chilean",
    "Argentine", "Argentinian", "Uruguayan", "Haitian", "Costa Rican", "Jamaican", "Ethiopian", "Kenyan",
    "Ugandan", "Congolese", "Zimbabwean", "Algerian", "Moroccan", "Tunisian", "Bangladeshi", "Sri Lankan",
    "Nepali", "Laotian", "Portuguese", "Slovenian", "Croatian", "Bosnian", "Albanian", "Macedonian",
    "Montenegrin", "Icelandic", "Kosovar", "Palestinian", "Ghanaian", "Senegalese", "Cameroonian", "Tanzanian",
    "Mozambican", "Angolan", "Namibian", "Zambian", "Burundian", "Rwandan", "Nigerien", "South Sudanese",
    "Belizean", "Slovakian", "Luxembourgish", "Uzbekistani",
)  # fmt: skip


def _with_forms(entity: Entity) -> Entity:
    names = [a for a in entity.aliases if not (entity.type is T.COUNTRY and len(a) == 2 and a.isupper())]
    extra = [f for f in SURFACE_FORMS.get(entity.id, ()) if f not in names and f != entity.name]
    return entity.model_copy(update={"aliases": (*names, *extra)})


@cache
def builtin() -> tuple[Entity, ...]:
    """The registry's bodies, lists and countries with their surface forms, then the products.

    A country's ISO code is left out of its forms ("IN", "IT", "TO" are words in upper-case
    headings) except where :data:`SURFACE_FORMS` gives it back ("US", "UK").
    """
    ref = registry()
    return tuple(_with_forms(e) for e in (*ref.entities(), *ref.countries.entities(with_territories=True))) + PRODUCTS


@cache
def demonyms() -> dict[str, str]:
    """Demonym → country id: ``"Dutch"`` → ``country:nl`` (the first call builds rigour's name
    index, about two seconds: kept out of import time)."""
    out: dict[str, str] = {}
    for word in DEMONYM_WORDS:
        code = registry().countries.code(word)
        assert code is not None, word
        out[word] = country_id(code)
    return out
