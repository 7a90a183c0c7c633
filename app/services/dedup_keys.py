"""Normalised match keys and pair scores for duplicate detection.

Names are folded the way Swiss, German and Austrian records drift apart:
``Müller``, ``Mueller`` and ``Muller`` all become ``muller`` (umlauts and
their transliteration collapse), ``ß`` becomes ``ss``, accents go (``é`` →
``e``), case and punctuation go. Organisation names also lose their legal form
(AG, GmbH, SA, Sàrl, Sagl, Genossenschaft …) so ``Muster AG`` and ``Muster
Aktiengesellschaft`` meet. A pair's score adds evidence for (same e-mail,
phone, postcode, organisation) and against (different date of birth, UID)
to the name similarity, in the spirit of Fellegi–Sunter record linkage.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from app.domain.quality import Reason

_TRANSLIT = str.maketrans(
    {
        "ä": "a",
        "ö": "o",
        "ü": "u",
        "ß": "ss",
        "æ": "a",
        "œ": "o",
        "ø": "o",
        "å": "a",
        "đ": "dj",
        "ł": "l",
        "ı": "i",
    }
)
# After transliteration ``ue`` and ``u`` are the same sound in these names.
_COLLAPSE = (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ph", "f"), ("th", "t"))
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# "s a r l" (from S.à r.l.) → "sarl", "g m b h" → "gmbh"
_LETTERS = re.compile(r"\b([a-z]) (?=[a-z]\b)")

#: Legal forms (folded, without dots) and long spellings, removed from org names.
LEGAL_FORMS = (
    "gesellschaft mit beschrankter haftung",
    "aktiengesellschaft",
    "societe anonyme",
    "societa anonima",
    "societe a responsabilite limitee",
    "societa a garanzia limitata",
    "kommanditgesellschaft",
    "offene handelsgesellschaft",
    "gmbh co kg",
    "gmbh co",
    "genossenschaft",
    "societe cooperative",
    "einzelunternehmen",
    "entreprise individuelle",
    "ditta individuale",
    "gmbh",
    "ag",
    "sa",
    "sarl",
    "sagl",
    "kg",
    "og",
    "ek",
    "eu",
    "ltd",
    "llc",
    "inc",
    "plc",
    "bv",
    "nv",
    "srl",
    "spa",
    "se",
    "co",
)
_PHRASES = tuple(f for f in LEGAL_FORMS if " " in f)
_SINGLE = frozenset(f for f in LEGAL_FORMS if " " not in f)


@lru_cache(maxsize=200_000)
def fold_name(text: str) -> str:
    """Lower-case ASCII with umlauts collapsed: ``Müller``/``Mueller`` → ``muller``."""
    low = text.lower()
    if not low.isascii():
        low = low.translate(_TRANSLIT)
        if not low.isascii():
            low = "".join(
                c
                for c in unicodedata.normalize("NFKD", low)
                if not unicodedata.combining(c)
            )
    low = _NON_ALNUM.sub(" ", low).strip()
    for a, b in _COLLAPSE:
        if a in low:
            low = low.replace(a, b)
    return low


@lru_cache(maxsize=200_000)
def org_core(name: str) -> str:
    """An organisation name without legal form: ``Muster & Co. AG`` → ``muster``."""
    raw = name.lower()
    if not raw.isascii():
        raw = "".join(
            c
            for c in unicodedata.normalize("NFKD", raw.translate(_TRANSLIT))
            if not unicodedata.combining(c)
        )
    text = _LETTERS.sub(r"\1", _NON_ALNUM.sub(" ", raw).strip())
    padded = f" {text} "
    for phrase in _PHRASES:  # word-bounded by the padding spaces
        if f" {phrase} " in padded:
            padded = padded.replace(f" {phrase} ", " ")
    core = " ".join(t for t in padded.split() if t not in _SINGLE) or text
    for a, b in _COLLAPSE:
        if a in core:
            core = core.replace(a, b)
    return core


def has_legal_form(name: str) -> bool:
    """Whether the folded name carries a legal form (AG, GmbH …)."""
    return org_core(name) != fold_name(name)


def email_key(email: str) -> str:
    """An e-mail address as compared: trimmed, lower-case."""
    return email.strip().lower()


def domain_of(value: str) -> str:
    """The registrable host of a web address or e-mail (``www.`` dropped)."""
    text = value.strip().lower()
    if "@" in text:
        text = text.rpartition("@")[2]
    _scheme, sep, rest = text.partition("://")
    if sep:
        text = rest
    return text.split("/", 1)[0].removeprefix("www.")


# ---- scoring


class PersonKeys(NamedTuple):
    """What a person is compared by (all normalised).

    A named tuple, not a dataclass: a scan builds one per record of every
    candidate pair, and tuples are several times cheaper to make.
    """

    first: str
    last: str
    full: str  # folded, tokens sorted (token-sort similarity = plain ratio)
    email: str
    phone: str
    postcode: str
    org: str
    birth: str
    raw_first: str
    raw_last: str


class OrgKeys(NamedTuple):
    """What an organisation is compared by (all normalised)."""

    core: str  # without legal form, tokens sorted
    folded: str
    uid: str
    email: str
    phone: str
    postcode: str
    domain: str
    street: str
    raw: str


def person_keys(
    first: str,
    last: str,
    email: str,
    phone: str,
    postcode: str,
    org: str,
    birth: str = "",
) -> PersonKeys:
    """Keys of one person."""
    f, l_ = fold_name(first), fold_name(last)
    return PersonKeys(
        first=f,
        last=l_,
        full=" ".join(sorted(f"{f} {l_}".split())),
        email=email_key(email),
        phone=phone.strip(),
        postcode=postcode.strip(),
        org=org_core(org) if org else "",
        birth=birth or "",
        raw_first=first.strip(),
        raw_last=last.strip(),
    )


def org_keys(
    name: str,
    uid: str,
    email: str,
    phone: str,
    postcode: str,
    domain: str = "",
    street: str = "",
) -> OrgKeys:
    """Keys of one organisation."""
    return OrgKeys(
        core=" ".join(sorted(org_core(name).split())),
        folded=fold_name(name),
        uid=uid.strip().upper(),
        email=email_key(email),
        phone=phone.strip(),
        postcode=postcode.strip(),
        domain=domain or (domain_of(email) if email else ""),
        street=fold_name(street),
        raw=name.strip(),
    )


def _name_points(similarity: float) -> float:
    """Evidence of the names: 45 for identical, 38 for one slip in a long name,
    30 at 85 % similarity, nothing below 70 %."""
    if similarity >= 85:
        return 45.0 - (100.0 - similarity)
    return max(0.0, similarity - 70.0) * 2.0


def _clamp(value: float) -> int:
    return int(max(0.0, min(100.0, round(value))))


def score_persons(a: PersonKeys, b: PersonKeys) -> tuple[int, tuple[Reason, ...], int]:
    """Score (0–100), reasons and name similarity of two persons."""
    sim = fuzz.ratio(a.full, b.full)
    reasons: list[Reason] = []
    points = _name_points(sim)
    if sim >= 100:
        if (a.raw_first, a.raw_last) == (b.raw_first, b.raw_last):
            reasons.append(Reason.SAME_NAME)
        elif a.first == b.last and a.last == b.first and a.first != a.last:
            reasons.append(Reason.SWAPPED_NAME)
        else:
            reasons.append(Reason.SPELLING)
    elif sim >= 75:
        reasons.append(Reason.SIMILAR_NAME)
    if a.email and b.email:
        if a.email == b.email:
            points += 35
            reasons.append(Reason.SAME_EMAIL)
        else:
            points -= 5
    if a.phone and b.phone:
        if a.phone == b.phone:
            points += 35
            reasons.append(Reason.SAME_PHONE)
        else:
            points -= 5
    if a.postcode and b.postcode:
        if a.postcode == b.postcode:
            points += 10
            reasons.append(Reason.SAME_POSTCODE)
        else:
            points -= 10
    if (
        a.first
        and b.first
        and Reason.SWAPPED_NAME not in reasons
        and fuzz.ratio(a.first, b.first) < 70
        and fuzz.ratio(a.first, b.last) < 70
    ):  # Leon and Lena Rohrer share l.rohrer@…, but not a first name
        points -= 20
    if a.org and b.org:
        if a.org == b.org:
            points += 10
            reasons.append(Reason.SAME_ORGANISATION)
        else:
            points -= 5
    if a.birth and b.birth and a.birth != b.birth:
        points -= 50
    if sim < 60:  # shared contact data alone is a colleague, not a duplicate
        points = min(points, 40)
    return _clamp(points), tuple(reasons), int(sim)


def score_orgs(a: OrgKeys, b: OrgKeys) -> tuple[int, tuple[Reason, ...], int]:
    """Score (0–100), reasons and name similarity of two organisations."""
    sim = fuzz.ratio(a.core, b.core)
    reasons: list[Reason] = []
    # a company name says more than a person's: ``Muster Maschinen`` twice in
    # one postcode is rarely two firms, ``Hans Meier`` twice often two people
    points = _name_points(sim) * 4 / 3
    if sim >= 100:
        if a.raw == b.raw:
            reasons.append(Reason.SAME_NAME)
        elif a.folded != b.folded:
            reasons.append(Reason.LEGAL_FORM)
        else:
            reasons.append(Reason.SPELLING)
    elif sim >= 75:
        reasons.append(Reason.SIMILAR_NAME)
    if a.uid and b.uid:
        if a.uid == b.uid:
            points += 50
            reasons.append(Reason.SAME_UID)
        else:
            points -= 40
    if a.domain and b.domain:
        if a.domain == b.domain:
            points += 30
            reasons.append(Reason.SAME_DOMAIN)
        else:
            points -= 5
    if a.email and b.email and a.email == b.email:
        points += 10
        reasons.append(Reason.SAME_EMAIL)
    if a.phone and b.phone:
        if a.phone == b.phone:
            points += 25
            reasons.append(Reason.SAME_PHONE)
        else:
            points -= 5
    if a.postcode and b.postcode:
        if a.postcode == b.postcode:
            points += 10
            reasons.append(Reason.SAME_POSTCODE)
        else:
            points -= 10
    if a.street and b.street and a.street == b.street:
        points += 5
        reasons.append(Reason.SAME_STREET)
    if sim < 60:
        points = min(points, 40)
    return _clamp(points), tuple(reasons), int(sim)
