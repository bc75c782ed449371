"""The nations (and multinational bodies) a claim may name, with the demonyms news text uses for them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Nation:
    """A party a claim can name: canonical name, ISO 3166 alpha-3 (or an org code) and demonyms."""

    name: str
    code: str
    demonyms: tuple[str, ...] = ()
    kind: str = "state"


NATIONS: tuple[Nation, ...] = (
    Nation("Albania", "ALB", ("Albanian",)),
    Nation("Azerbaijan", "AZE", ("Azerbaijani", "Azeri")),
    Nation("Bangladesh", "BGD", ("Bangladeshi",)),
    Nation("Canada", "CAN", ("Canadian",)),
    Nation("Egypt", "EGY", ("Egyptian",)),
    Nation("France", "FRA", ("French",)),
    Nation("Germany", "DEU", ("German",)),
    Nation("Greece", "GRC", ("Greek",)),
    Nation("India", "IND", ("Indian",)),
    Nation("Indonesia", "IDN", ("Indonesian",)),
    Nation("Israel", "ISR", ("Israeli",)),
    Nation("Italy", "ITA", ("Italian",)),
    Nation("Jordan", "JOR", ("Jordanian",)),
    Nation("Kazakhstan", "KAZ", ("Kazakh", "Kazakhstani")),
    Nation("Kosovo", "XKX", ("Kosovar", "Kosovan")),
    Nation("Malaysia", "MYS", ("Malaysian",)),
    Nation("Morocco", "MAR", ("Moroccan",)),
    Nation("Netherlands", "NLD", ("Dutch",)),
    Nation("Pakistan", "PAK", ("Pakistani",)),
    Nation("Qatar", "QAT", ("Qatari",)),
    Nation("Saudi Arabia", "SAU", ("Saudi",)),
    Nation("Spain", "ESP", ("Spanish",)),
    Nation("Turkey", "TUR", ("Turkish",)),
    Nation("United Arab Emirates", "ARE", ("Emirati",)),
    Nation("United Kingdom", "GBR", ("British",)),
    Nation("United States", "USA", ("American", "U.S.", "US")),
    Nation("European Union", "EU", ("European",), "organisation"),
    Nation("United Nations", "UN", (), "organisation"),
    Nation("Hamas", "HAMAS", (), "party"),  # a party to the conflict: claims record its position, never a role
)

NATIONS_BY_NAME: dict[str, Nation] = {n.name: n for n in NATIONS}


def is_known_nation(name: str) -> bool:
    """True when ``name`` is a canonical nation (or body) name in the registry."""
    return name in NATIONS_BY_NAME
