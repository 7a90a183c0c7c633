"""What can be imported and exported: entities, their fields, keys and synonyms.

A registry, not code per entity: each :class:`EntitySpec` lists its fields
(type, heading synonyms in German, English and French, choices) and the
business keys a re-import may match on. The import service pairs each spec
with a writer that knows the tables (``app/services/import_entities.py``);
a new entity (leads, opportunities, journal) is one spec plus one writer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.exchange.values import fold


class FieldKind(StrEnum):
    """How a column's cells are parsed."""

    TEXT = "text"
    MULTILINE = "multiline"
    DATE = "date"
    DATETIME = "datetime"
    EMAIL = "email"
    PHONE = "phone"
    WEB = "web"
    CHOICE = "choice"
    COUNTRY = "country"
    POSTCODE = "postcode"
    UID = "uid"
    MONEY = "money"
    ID = "id"


class DuplicateKey(StrEnum):
    """Business keys a re-import can match existing records on."""

    ID = "id"
    EXTERNAL_ID = "external_id"
    EMAIL = "email"
    CUSTOMER_NUMBER = "customer_number"
    UID = "uid"
    DOMAIN = "domain"
    NAME_POSTCODE = "name_postcode"


@dataclass(frozen=True)
class FieldSpec:
    """One importable field.

    Attributes:
        key: stable name (mapping templates, XML elements, CLI).
        label: English column title (views translate it).
        kind: how cells are parsed.
        synonyms: headings that map to this field automatically.
        choices: folded synonym → stored value, for choice fields.
        export: whether exports write the column.
        hidden: written as a hidden column (record id, export time).
        width: export column width in characters.
        virtual: split into other fields on import (``full_name``), not stored.
    """

    key: str
    label: str
    kind: FieldKind = FieldKind.TEXT
    synonyms: tuple[str, ...] = ()
    choices: Mapping[str, str] = field(default_factory=dict)
    export: bool = True
    hidden: bool = False
    width: float = 16.0
    virtual: bool = False


@dataclass(frozen=True)
class EntitySpec:
    """An importable entity: its fields, keys and which field must be filled."""

    name: str
    label: str
    fields: tuple[FieldSpec, ...]
    keys: tuple[DuplicateKey, ...]
    default_key: DuplicateKey
    required: tuple[str, ...]

    def field(self, key: str) -> FieldSpec:
        """The field called ``key``."""
        for spec in self.fields:
            if spec.key == key:
                return spec
        raise KeyError(key)

    @property
    def keys_by_name(self) -> dict[str, FieldSpec]:
        """Fields by key."""
        return {f.key: f for f in self.fields}

    def export_fields(self) -> tuple[FieldSpec, ...]:
        """The columns an export writes, in order."""
        return tuple(f for f in self.fields if f.export)


def _choices(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for value, words in table.items():
        out[fold(value)] = value
        for word in words:
            out[fold(word)] = value
    return out


STATUS = _choices(
    {
        "prospect": (
            "Interessent",
            "Interessentin",
            "Prospekt",
            "Lead",
            "Potenzial",
            "Prospect",
            "Prospect client",
            "Potentiel",
        ),
        "customer": (
            "Kunde",
            "Kundin",
            "Customer",
            "Client",
            "Cliente",
            "Aktiv",
            "Active",
        ),
        "partner": ("Partner", "Partenaire"),
        "supplier": ("Lieferant", "Supplier", "Fournisseur", "Vendor"),
        "former": (
            "Ehemalig",
            "Ehemaliger Kunde",
            "Ex-Kunde",
            "Inaktiv",
            "Former",
            "Former customer",
            "Ancien client",
            "Inactive",
        ),
    }
)
SALUTATION = _choices(
    {
        "mr": ("Herr", "Hr.", "Hr", "Mr", "Mr.", "Monsieur", "M.", "Signor", "Sig."),
        "ms": (
            "Frau",
            "Fr.",
            "Mrs",
            "Mrs.",
            "Ms",
            "Ms.",
            "Madame",
            "Mme",
            "Mme.",
            "Mlle",
            "Signora",
            "Sig.ra",
        ),
        "mx": ("Mx", "Mx.", "Divers"),
        "": ("-", "–"),
    }
)
LANGUAGE = _choices(
    {
        "de": ("Deutsch", "German", "Allemand", "D", "ger", "deu"),
        "fr": ("Französisch", "Französisch", "French", "Français", "F", "fre", "fra"),
        "it": ("Italienisch", "Italian", "Italien", "Italiano", "I", "ita"),
        "en": ("Englisch", "English", "Anglais", "E", "eng"),
        "rm": ("Rätoromanisch", "Romanisch", "Romansh", "Romanche", "roh"),
    }
)
COUNTRY = _choices(
    {
        "CH": (
            "Schweiz",
            "Suisse",
            "Svizzera",
            "Switzerland",
            "CHE",
            "Confoederatio Helvetica",
        ),
        "LI": ("Liechtenstein", "FL", "LIE"),
        "DE": ("Deutschland", "Germany", "Allemagne", "Germania", "D", "DEU", "BRD"),
        "AT": ("Österreich", "Austria", "Autriche", "A", "AUT"),
        "FR": ("Frankreich", "France", "Francia", "F", "FRA"),
        "IT": ("Italien", "Italy", "Italie", "Italia", "I", "ITA"),
        "NL": ("Niederlande", "Netherlands", "Pays-Bas", "Holland"),
        "GB": ("Grossbritannien", "United Kingdom", "UK", "Royaume-Uni", "England"),
        "US": ("USA", "United States", "Vereinigte Staaten", "États-Unis"),
    }
)

_ID = FieldSpec(
    "id",
    "Relata ID",
    FieldKind.ID,
    ("Relata ID", "Relata-ID", "ID"),
    hidden=True,
    width=10,
)
_EXPORTED = FieldSpec(
    "exported_at",
    "Exported at",
    FieldKind.DATETIME,
    ("Exported at", "Exportiert am", "Exporté le"),
    hidden=True,
    width=10,
)
_EXTERNAL = FieldSpec(
    "external_id",
    "External ID",
    FieldKind.TEXT,
    ("External ID", "Externe ID", "Fremd-ID", "ID externe", "Quell-ID", "Source ID"),
    export=False,
)


def _address_fields() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec(
            "street",
            "Street",
            synonyms=("Strasse", "Straße", "Street", "Rue", "Via", "Strassenname"),
            width=24,
        ),
        FieldSpec(
            "house_number",
            "No.",
            synonyms=(
                "Nr",
                "Nr.",
                "Hausnummer",
                "Hausnr",
                "Hausnr.",
                "No",
                "No.",
                "Number",
                "House number",
                "Numéro",
                "N°",
            ),
            width=7,
        ),
        FieldSpec(
            "street_and_number",
            "Street and no.",
            synonyms=(
                "Adresse",
                "Address",
                "Strasse und Nr.",
                "Strasse Nr.",
                "Strasse/Nr.",
                "Street address",
                "Adresse postale",
                "Anschrift",
                "Address line 1",
            ),
            export=False,
            virtual=True,
        ),
        FieldSpec(
            "extra",
            "Address line 2",
            synonyms=(
                "Adresszusatz",
                "Zusatz",
                "Address line 2",
                "c/o",
                "Complément",
                "Complément d'adresse",
            ),
        ),
        FieldSpec(
            "po_box",
            "PO box",
            synonyms=(
                "Postfach",
                "PO box",
                "P.O. box",
                "Case postale",
                "Casella postale",
            ),
            width=12,
        ),
        FieldSpec(
            "postcode",
            "Postcode",
            FieldKind.POSTCODE,
            (
                "PLZ",
                "Postleitzahl",
                "Zip",
                "Zip code",
                "Postcode",
                "Postal code",
                "Code postal",
                "NPA",
                "NPA/PLZ",
                "CAP",
            ),
            width=9,
        ),
        FieldSpec(
            "city",
            "City",
            synonyms=(
                "Ort",
                "Stadt",
                "Wohnort",
                "City",
                "Town",
                "Ville",
                "Localité",
                "Località",
                "PLZ Ort",
            ),
            width=18,
        ),
        FieldSpec(
            "region",
            "Canton / region",
            synonyms=(
                "Kanton",
                "Kanton / Region",
                "Canton",
                "Bundesland",
                "Region",
                "State",
                "Province",
                "Cantone",
            ),
            width=10,
        ),
        FieldSpec(
            "country",
            "Country",
            FieldKind.COUNTRY,
            ("Land", "Country", "Pays", "Paese", "Staat", "Ländercode", "Country code"),
            choices=COUNTRY,
            width=8,
        ),
    )


def _common_tail() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec(
            "status",
            "Status",
            FieldKind.CHOICE,
            ("Status", "Kundenstatus", "Statut", "Stato", "Beziehung"),
            STATUS,
            width=12,
        ),
        FieldSpec(
            "owner",
            "Owner",
            synonyms=(
                "Betreuer",
                "Betreuerin",
                "Kundenbetreuer",
                "Verantwortlich",
                "Owner",
                "Account owner",
                "Responsable",
                "Aussendienst",
                "Zuständig",
            ),
            width=16,
        ),
        FieldSpec(
            "notes",
            "Notes",
            FieldKind.MULTILINE,
            (
                "Notizen",
                "Notiz",
                "Bemerkungen",
                "Bemerkung",
                "Kommentar",
                "Notes",
                "Note",
                "Comment",
                "Remarques",
                "Remarque",
                "Osservazioni",
            ),
            width=30,
        ),
    )


PERSONS = EntitySpec(
    name="persons",
    label="Persons",
    fields=(
        _ID,
        _EXPORTED,
        _EXTERNAL,
        FieldSpec(
            "salutation",
            "Salutation",
            FieldKind.CHOICE,
            ("Anrede", "Salutation", "Civilité", "Titre de civilité", "Saluto"),
            SALUTATION,
            width=9,
        ),
        FieldSpec(
            "title",
            "Title",
            synonyms=(
                "Titel",
                "Akademischer Titel",
                "Title",
                "Academic title",
                "Titre",
            ),
            width=9,
        ),
        FieldSpec(
            "first_name",
            "First name",
            synonyms=(
                "Vorname",
                "Vornamen",
                "First name",
                "Firstname",
                "Given name",
                "Prénom",
                "Nome",
            ),
            width=14,
        ),
        FieldSpec(
            "last_name",
            "Last name",
            synonyms=(
                "Nachname",
                "Familienname",
                "Last name",
                "Lastname",
                "Surname",
                "Family name",
                "Nom",
                "Nom de famille",
                "Cognome",
            ),
            width=16,
        ),
        FieldSpec(
            "full_name",
            "Full name",
            synonyms=(
                "Name",
                "Vollständiger Name",
                "Full name",
                "Kontakt",
                "Kontaktperson",
                "Ansprechpartner",
                "Ansprechperson",
                "Contact",
                "Nom complet",
            ),
            export=False,
            virtual=True,
        ),
        FieldSpec(
            "organisation",
            "Organisation",
            synonyms=(
                "Firma",
                "Unternehmen",
                "Organisation",
                "Organization",
                "Company",
                "Arbeitgeber",
                "Firme",
                "Entreprise",
                "Société",
                "Ditta",
                "Azienda",
                "Firmenname",
            ),
            width=24,
        ),
        FieldSpec(
            "role",
            "Role",
            synonyms=(
                "Funktion",
                "Position",
                "Rolle",
                "Job title",
                "Role",
                "Title (job)",
                "Fonction",
                "Poste",
                "Funzione",
                "Abteilung/Funktion",
            ),
            width=16,
        ),
        FieldSpec(
            "email",
            "E-mail",
            FieldKind.EMAIL,
            (
                "E-Mail",
                "Email",
                "Mail",
                "E-Mail-Adresse",
                "Emailadresse",
                "E-mail address",
                "Courriel",
                "Adresse e-mail",
                "Posta elettronica",
            ),
            width=28,
        ),
        FieldSpec(
            "phone",
            "Phone",
            FieldKind.PHONE,
            (
                "Telefon",
                "Tel",
                "Tel.",
                "Telefonnummer",
                "Telefon geschäftlich",
                "Tel. direkt",
                "Direktwahl",
                "Festnetz",
                "Phone",
                "Telephone",
                "Business phone",
                "Téléphone",
                "Tél.",
                "Telefono",
            ),
            width=16,
        ),
        FieldSpec(
            "mobile",
            "Mobile",
            FieldKind.PHONE,
            (
                "Mobile",
                "Mobil",
                "Handy",
                "Natel",
                "Mobiltelefon",
                "Mobilnummer",
                "Mobile phone",
                "Cell",
                "Cell phone",
                "Portable",
                "Cellulare",
            ),
            width=16,
        ),
        FieldSpec(
            "web",
            "Web",
            FieldKind.WEB,
            (
                "Web",
                "Website",
                "Webseite",
                "Homepage",
                "URL",
                "Internet",
                "Site web",
                "Sito web",
            ),
            width=20,
        ),
        *_address_fields(),
        FieldSpec(
            "birth_date",
            "Date of birth",
            FieldKind.DATE,
            (
                "Geburtsdatum",
                "Geburtstag",
                "Geb.",
                "Geb.-Datum",
                "Date of birth",
                "Birthday",
                "Birth date",
                "DOB",
                "Date de naissance",
                "Data di nascita",
            ),
            width=12,
        ),
        FieldSpec(
            "language",
            "Language",
            FieldKind.CHOICE,
            ("Sprache", "Korrespondenzsprache", "Language", "Langue", "Lingua"),
            LANGUAGE,
            width=8,
        ),
        *_common_tail(),
    ),
    keys=(
        DuplicateKey.ID,
        DuplicateKey.EMAIL,
        DuplicateKey.EXTERNAL_ID,
        DuplicateKey.NAME_POSTCODE,
    ),
    default_key=DuplicateKey.EMAIL,
    required=("last_name",),
)

ORGANISATIONS = EntitySpec(
    name="organisations",
    label="Organisations",
    fields=(
        _ID,
        _EXPORTED,
        _EXTERNAL,
        FieldSpec(
            "name",
            "Name",
            synonyms=(
                "Firma",
                "Firmenname",
                "Name",
                "Unternehmen",
                "Organisation",
                "Organization",
                "Company",
                "Company name",
                "Raison sociale",
                "Entreprise",
                "Société",
                "Nom",
                "Ditta",
                "Azienda",
            ),
            width=30,
        ),
        FieldSpec(
            "legal_form",
            "Legal form",
            synonyms=("Rechtsform", "Legal form", "Forme juridique", "Forma giuridica"),
            width=10,
        ),
        FieldSpec(
            "customer_number",
            "Customer no.",
            synonyms=(
                "Kundennummer",
                "Kundennr",
                "Kundennr.",
                "Kunden-Nr.",
                "Kd.-Nr.",
                "KdNr",
                "Customer number",
                "Customer no.",
                "Account number",
                "Numéro client",
                "N° client",
                "No client",
            ),
            width=12,
        ),
        FieldSpec(
            "uid",
            "UID",
            FieldKind.UID,
            (
                "UID",
                "UID-Nummer",
                "UID Nr.",
                "MWST-Nr.",
                "MWST Nr",
                "Mehrwertsteuernummer",
                "Unternehmens-ID",
                "IDE",
                "Numéro IDE",
                "VAT number",
                "VAT ID",
            ),
            width=16,
        ),
        FieldSpec(
            "industry",
            "Industry",
            synonyms=(
                "Branche",
                "Industrie",
                "Industry",
                "Sector",
                "Secteur",
                "Settore",
                "Branche NOGA",
            ),
            width=20,
        ),
        FieldSpec(
            "email",
            "E-mail",
            FieldKind.EMAIL,
            (
                "E-Mail",
                "Email",
                "Mail",
                "E-Mail-Adresse",
                "E-mail address",
                "Courriel",
                "Adresse e-mail",
            ),
            width=26,
        ),
        FieldSpec(
            "phone",
            "Phone",
            FieldKind.PHONE,
            (
                "Telefon",
                "Tel",
                "Tel.",
                "Telefonnummer",
                "Zentrale",
                "Phone",
                "Telephone",
                "Téléphone",
                "Tél.",
                "Telefono",
            ),
            width=16,
        ),
        FieldSpec(
            "web",
            "Web",
            FieldKind.WEB,
            (
                "Web",
                "Website",
                "Webseite",
                "Homepage",
                "URL",
                "Internet",
                "Domain",
                "Domäne",
                "Site web",
                "Sito web",
            ),
            width=22,
        ),
        *_address_fields(),
        *_common_tail(),
    ),
    keys=(
        DuplicateKey.ID,
        DuplicateKey.CUSTOMER_NUMBER,
        DuplicateKey.UID,
        DuplicateKey.DOMAIN,
        DuplicateKey.EXTERNAL_ID,
        DuplicateKey.NAME_POSTCODE,
    ),
    default_key=DuplicateKey.CUSTOMER_NUMBER,
    required=("name",),
)

LEAD_SOURCE = _choices(
    {
        "campaign": ("Kampagne", "Campaign", "Mailing", "Campagne"),
        "web_form": (
            "Webformular",
            "Web-Formular",
            "Website",
            "Web form",
            "Formulaire web",
        ),
        "trade_fair": (
            "Messe",
            "Ausstellung",
            "Trade fair",
            "Trade show",
            "Salon",
            "Foire",
        ),
        "referral": ("Empfehlung", "Referral", "Recommandation"),
        "cold_call": ("Kaltakquise", "Telefonakquise", "Cold call", "Prospection"),
        "import": ("Import", "Adresskauf", "Liste"),
        "other": ("Andere", "Sonstige", "Other", "Autre", "Diverses"),
    }
)
LEAD_STATUS = _choices(
    {
        "unqualified": ("Unqualifiziert", "Neu", "New", "Unqualified", "Nouveau"),
        "mql": ("MQL", "Marketing qualified", "Marketing-qualifiziert"),
        "sql": (
            "SQL",
            "Sales qualified",
            "Vertriebsqualifiziert",
            "Qualifiziert",
            "Qualified",
        ),
        "disqualified": ("Disqualifiziert", "Disqualified", "Verworfen", "Abgelehnt"),
        "converted": ("Konvertiert", "Converted", "Umgewandelt"),
    }
)

#: Leads (table ``lead`` of the sales pipeline): one flat row per lead, no
#: channel or address rows; the import writes it like any other entity.
LEADS = EntitySpec(
    name="leads",
    label="Leads",
    fields=(
        _ID,
        _EXPORTED,
        _EXTERNAL,
        FieldSpec(
            "first_name",
            "First name",
            synonyms=("Vorname", "First name", "Prénom", "Nome"),
            width=14,
        ),
        FieldSpec(
            "last_name",
            "Last name",
            synonyms=(
                "Nachname",
                "Familienname",
                "Last name",
                "Surname",
                "Nom",
                "Cognome",
            ),
            width=16,
        ),
        FieldSpec(
            "full_name",
            "Full name",
            synonyms=(
                "Name",
                "Kontakt",
                "Kontaktperson",
                "Ansprechpartner",
                "Full name",
                "Contact",
            ),
            export=False,
            virtual=True,
        ),
        FieldSpec(
            "company",
            "Company",
            synonyms=(
                "Firma",
                "Unternehmen",
                "Organisation",
                "Company",
                "Entreprise",
                "Société",
                "Firmenname",
            ),
            width=24,
        ),
        FieldSpec(
            "job_title",
            "Job title",
            synonyms=(
                "Funktion",
                "Position",
                "Rolle",
                "Job title",
                "Fonction",
                "Poste",
            ),
            width=16,
        ),
        FieldSpec(
            "email",
            "E-mail",
            FieldKind.EMAIL,
            ("E-Mail", "Email", "Mail", "E-Mail-Adresse", "Courriel"),
            width=28,
        ),
        FieldSpec(
            "phone",
            "Phone",
            FieldKind.PHONE,
            (
                "Telefon",
                "Tel",
                "Tel.",
                "Natel",
                "Mobile",
                "Handy",
                "Phone",
                "Téléphone",
            ),
            width=16,
        ),
        FieldSpec(
            "postcode",
            "Postcode",
            FieldKind.POSTCODE,
            ("PLZ", "Postleitzahl", "Zip", "Postcode", "NPA", "Code postal"),
            width=9,
        ),
        FieldSpec(
            "city",
            "City",
            synonyms=("Ort", "Stadt", "City", "Ville", "Localité"),
            width=18,
        ),
        FieldSpec(
            "region",
            "Canton / region",
            synonyms=("Kanton", "Kanton / Region", "Canton", "Region", "Bundesland"),
            width=10,
        ),
        FieldSpec(
            "country",
            "Country",
            FieldKind.COUNTRY,
            ("Land", "Country", "Pays"),
            choices=COUNTRY,
            width=8,
        ),
        FieldSpec(
            "industry",
            "Industry",
            synonyms=("Branche", "Industry", "Secteur"),
            width=20,
        ),
        FieldSpec(
            "source",
            "Source",
            FieldKind.CHOICE,
            ("Herkunft", "Quelle", "Lead-Quelle", "Source", "Origine"),
            LEAD_SOURCE,
            width=12,
        ),
        FieldSpec(
            "status",
            "Status",
            FieldKind.CHOICE,
            ("Status", "Lead-Status", "Qualifizierung", "Statut"),
            LEAD_STATUS,
            width=12,
        ),
        FieldSpec(
            "owner",
            "Owner",
            synonyms=(
                "Betreuer",
                "Verantwortlich",
                "Owner",
                "Responsable",
                "Aussendienst",
            ),
            width=16,
        ),
        FieldSpec(
            "notes",
            "Notes",
            FieldKind.MULTILINE,
            ("Notizen", "Bemerkungen", "Kommentar", "Interesse", "Notes", "Remarques"),
            width=30,
        ),
    ),
    keys=(DuplicateKey.EMAIL, DuplicateKey.ID, DuplicateKey.EXTERNAL_ID),
    default_key=DuplicateKey.EMAIL,
    required=("last_name",),
)

#: Stages of the default pipeline by their German, English and French names;
#: other pipelines' stages are found by their stored names.
STAGE = _choices(
    {
        "qualification": (
            "Qualifizierung",
            "Qualifikation",
            "Erstkontakt",
            "Qualification",
            "Qualified",
        ),
        "needs_analysis": (
            "Bedarfsanalyse",
            "Analyse",
            "Needs analysis",
            "Discovery",
            "Analyse des besoins",
        ),
        "offer": ("Angebot", "Offerte", "Offer", "Proposal", "Quote", "Offre"),
        "negotiation": ("Verhandlung", "Negotiation", "Négociation"),
        "won": ("Gewonnen", "Abschluss", "Auftrag", "Won", "Closed won", "Gagné"),
        "lost": ("Verloren", "Abgesagt", "Lost", "Closed lost", "Perdu"),
    }
)

#: Opportunities (table ``opportunity`` of the sales pipeline): organisation
#: and contact are references (name, customer number, external ID; e-mail or
#: external ID of the contact), resolved against the database and, in a
#: several-sheet import, against the other sheets of the workbook.
OPPORTUNITIES = EntitySpec(
    name="opportunities",
    label="Opportunities",
    fields=(
        _ID,
        _EXPORTED,
        _EXTERNAL,
        FieldSpec(
            "title",
            "Title",
            synonyms=(
                "Titel",
                "Bezeichnung",
                "Chance",
                "Verkaufschance",
                "Opportunity",
                "Deal",
                "Title",
                "Opportunité",
                "Affaire",
            ),
            width=28,
        ),
        FieldSpec(
            "organisation",
            "Organisation",
            synonyms=(
                "Firma",
                "Kunde",
                "Kundennummer",
                "Kunden-Nr.",
                "Organisation",
                "Company",
                "Account",
                "Customer number",
                "Entreprise",
                "Société",
            ),
            width=24,
        ),
        FieldSpec(
            "contact",
            "Contact",
            synonyms=(
                "Kontakt",
                "Kontaktperson",
                "Ansprechpartner",
                "Ansprechperson",
                "Kontakt E-Mail",
                "Contact",
                "Contact e-mail",
                "Contact person",
            ),
            width=24,
        ),
        FieldSpec(
            "pipeline",
            "Pipeline",
            synonyms=("Pipeline", "Verkaufsprozess", "Prozess", "Sales pipeline"),
            width=16,
        ),
        FieldSpec(
            "stage",
            "Stage",
            synonyms=("Phase", "Stufe", "Verkaufsphase", "Stage", "Étape", "Fase"),
            choices=STAGE,
            width=14,
        ),
        FieldSpec(
            "amount",
            "Amount",
            FieldKind.MONEY,
            (
                "Betrag",
                "Volumen",
                "Auftragswert",
                "Wert",
                "Umsatz",
                "Amount",
                "Value",
                "Deal value",
                "Montant",
            ),
            width=12,
        ),
        FieldSpec(
            "currency",
            "Currency",
            synonyms=("Währung", "Currency", "Devise", "Valuta", "Whg."),
            width=8,
        ),
        FieldSpec(
            "probability",
            "Probability %",
            synonyms=(
                "Wahrscheinlichkeit",
                "Wahrscheinlichkeit %",
                "Probability",
                "Probabilité",
                "%",
            ),
            width=8,
        ),
        FieldSpec(
            "close_date",
            "Expected close",
            FieldKind.DATE,
            (
                "Abschlussdatum",
                "Erwarteter Abschluss",
                "Abschluss am",
                "Close date",
                "Expected close",
                "Expected close date",
                "Date de clôture",
            ),
            width=12,
        ),
        FieldSpec(
            "source",
            "Source",
            FieldKind.CHOICE,
            ("Herkunft", "Quelle", "Source", "Origine"),
            LEAD_SOURCE,
            width=12,
        ),
        FieldSpec(
            "next_step",
            "Next step",
            synonyms=("Nächster Schritt", "Next step", "Prochaine étape"),
            width=24,
        ),
        FieldSpec(
            "owner",
            "Owner",
            synonyms=("Betreuer", "Verantwortlich", "Owner", "Responsable"),
            width=16,
        ),
        FieldSpec(
            "notes",
            "Notes",
            FieldKind.MULTILINE,
            ("Notizen", "Bemerkungen", "Kommentar", "Notes", "Remarques"),
            width=30,
        ),
    ),
    keys=(DuplicateKey.EXTERNAL_ID, DuplicateKey.ID),
    default_key=DuplicateKey.EXTERNAL_ID,
    required=("title",),
)

#: Every importable entity by name; other capabilities add theirs here.
ENTITIES: dict[str, EntitySpec] = {
    PERSONS.name: PERSONS,
    ORGANISATIONS.name: ORGANISATIONS,
    LEADS.name: LEADS,
    OPPORTUNITIES.name: OPPORTUNITIES,
}


def entity(name: str) -> EntitySpec:
    """The spec called ``name`` (``persons``, ``organisations`` …)."""
    try:
        return ENTITIES[name]
    except KeyError:
        raise KeyError(
            f"unknown entity {name!r}; known: {', '.join(sorted(ENTITIES))}"
        ) from None
