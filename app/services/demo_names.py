"""Demo-data tables (names, places, streets, industries) and values made from them.

Kept apart from :mod:`app.services.demo` so the generator stays readable. The
tables are realistic on purpose: demo data is what prospects see first and what
we measure list, search and duplicate detection against, so postcodes, cantons
and area codes are real combinations and the name pools mirror the Swiss
population (German-, French- and Italian-speaking Swiss plus the large
Portuguese, Italian, Balkan, Turkish and German communities).

Name pools are ordered roughly by frequency; the generator weights them with a
Zipf-like curve, so "Müller" is common and "Zwahlen" rare, as in real data.
The functions and :class:`Vocabulary` at the end turn the tables into values
(names, slugs, UIDs, phone numbers, ids); :mod:`app.services.demo` assembles
them into rows and loads them.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from collections.abc import Sequence
from typing import Final

#: A place: (postcode, city, region, phone area code, language, country).
#: Region is the canton (CH), Bundesland (DE) or Bundesland (AT) abbreviation.
Place = tuple[str, str, str, str, str, str]


def _ch(where: str, spec: str) -> list[Place]:
    """``("de ZH 44", "8001 Zürich; 8002 Zürich")``: language, canton and area
    code, then the places there, as CH place tuples."""
    lang, region, area = where.split()
    out: list[Place] = []
    for item in spec.split(";"):
        postcode, city = item.strip().split(" ", 1)
        out.append((postcode, city, region, area, lang, "CH"))
    return out


CH_PLACES: Final[tuple[Place, ...]] = tuple(
    _ch(
        "de ZH 44",
        "8001 Zürich; 8002 Zürich; 8003 Zürich; 8004 Zürich; "
        "8005 Zürich; 8006 Zürich; 8008 Zürich; 8032 Zürich; 8037 Zürich; "
        "8041 Zürich; 8045 Zürich; 8048 Zürich; 8050 Zürich; 8052 Zürich; "
        "8055 Zürich; 8057 Zürich; 8064 Zürich; 8600 Dübendorf; 8610 Uster; "
        "8620 Wetzikon ZH; 8700 Küsnacht ZH; 8702 Zollikon; 8706 Meilen; "
        "8800 Thalwil; 8802 Kilchberg ZH; 8803 Rüschlikon; 8810 Horgen; "
        "8820 Wädenswil; 8304 Wallisellen; 8305 Dietlikon; 8152 Glattbrugg; "
        "8180 Bülach; 8302 Kloten; 8953 Dietikon; 8952 Schlieren; 8902 Urdorf; "
        "8910 Affoltern am Albis; 8330 Pfäffikon ZH; 8340 Hinwil; "
        "8105 Regensdorf; 8134 Adliswil",
    )
    + _ch("de ZH 52", "8400 Winterthur; 8404 Winterthur; 8406 Winterthur")
    + _ch("de SH 52", "8200 Schaffhausen; 8212 Neuhausen am Rheinfall")
    + _ch("de TG 52", "8500 Frauenfeld")
    + _ch(
        "de TG 71",
        "8280 Kreuzlingen; 8580 Amriswil; 8570 Weinfelden; 9320 Arbon; 8590 Romanshorn",
    )
    + _ch(
        "de SG 71",
        "9000 St. Gallen; 9008 St. Gallen; 9010 St. Gallen; "
        "9202 Gossau SG; 9500 Wil SG; 9400 Rorschach; 9430 St. Margrethen SG; "
        "9450 Altstätten SG; 9630 Wattwil",
    )
    + _ch("de SG 81", "9470 Buchs SG; 7320 Sargans")
    + _ch("de SG 55", "8640 Rapperswil SG; 8645 Jona")
    + _ch("de AR 71", "9100 Herisau; 9043 Trogen")
    + _ch("de AI 71", "9050 Appenzell")
    + _ch("de GL 55", "8750 Glarus; 8752 Näfels")
    + _ch(
        "de GR 81",
        "7000 Chur; 7270 Davos Platz; 7500 St. Moritz; "
        "7130 Ilanz; 7430 Thusis; 7302 Landquart",
    )
    + _ch("it GR 81", "7742 Poschiavo")
    + _ch(
        "de BE 31",
        "3011 Bern; 3012 Bern; 3013 Bern; 3014 Bern; "
        "3005 Bern; 3006 Bern; 3007 Bern; 3008 Bern; 3018 Bern; 3027 Bern; "
        "3084 Wabern; 3097 Liebefeld; 3072 Ostermundigen; 3063 Ittigen; "
        "3110 Münsingen; 3123 Belp",
    )
    + _ch("de BE 34", "3400 Burgdorf; 3550 Langnau im Emmental")
    + _ch("de BE 33", "3600 Thun; 3700 Spiez; 3800 Interlaken; 3780 Gstaad")
    + _ch("de BE 32", "2502 Biel/Bienne; 2503 Biel/Bienne; 2560 Nidau; 3250 Lyss")
    + _ch("de SZ 44", "8832 Wollerau")
    + _ch("fr BE 32", "2610 Saint-Imier")
    + _ch("fr JU 32", "2740 Moutier")  # Jura since 1 January 2026
    + _ch("de BE 62", "4900 Langenthal; 3360 Herzogenbuchsee")
    + _ch("de SO 32", "4500 Solothurn; 2540 Grenchen; 4562 Biberist")
    + _ch("de SO 62", "4600 Olten")
    + _ch(
        "de LU 41",
        "6003 Luzern; 6004 Luzern; 6005 Luzern; 6006 Luzern; "
        "6010 Kriens; 6020 Emmenbrücke; 6030 Ebikon; 6210 Sursee; "
        "6280 Hochdorf; 6130 Willisau",
    )
    + _ch(
        "de ZG 41",
        "6300 Zug; 6330 Cham; 6340 Baar; 6312 Steinhausen; 6343 Rotkreuz",
    )
    + _ch("de SZ 41", "6430 Schwyz; 6440 Brunnen")
    + _ch("de SZ 55", "8808 Pfäffikon SZ; 8853 Lachen SZ; 8840 Einsiedeln")
    + _ch("de UR 41", "6460 Altdorf UR")
    + _ch("de NW 41", "6370 Stans")
    + _ch("de OW 41", "6060 Sarnen; 6390 Engelberg")
    + _ch("de AG 62", "5000 Aarau; 5600 Lenzburg; 4800 Zofingen; 5737 Menziken")
    + _ch(
        "de AG 56",
        "5400 Baden; 5430 Wettingen; 5200 Brugg AG; "
        "5610 Wohlen AG; 5620 Bremgarten AG; 8957 Spreitenbach",
    )
    + _ch("de AG 61", "4310 Rheinfelden")
    + _ch(
        "de BS 61",
        "4051 Basel; 4052 Basel; 4053 Basel; 4054 Basel; "
        "4055 Basel; 4056 Basel; 4057 Basel; 4058 Basel; 4125 Riehen",
    )
    + _ch(
        "de BL 61",
        "4410 Liestal; 4102 Binningen; 4132 Muttenz; "
        "4153 Reinach BL; 4123 Allschwil; 4142 Münchenstein; 4133 Pratteln",
    )
    + _ch("fr FR 26", "1700 Fribourg; 1630 Bulle; 1680 Romont FR")
    + _ch("de FR 26", "3280 Murten; 3186 Düdingen")
    + _ch(
        "fr VD 21",
        "1003 Lausanne; 1004 Lausanne; 1005 Lausanne; "
        "1006 Lausanne; 1007 Lausanne; 1018 Lausanne; 1020 Renens VD; "
        "1110 Morges; 1800 Vevey; 1820 Montreux; 1008 Prilly; 1009 Pully; "
        "1052 Le Mont-sur-Lausanne; 1030 Bussigny",
    )
    + _ch("fr VD 22", "1260 Nyon; 1196 Gland")
    + _ch("fr VD 24", "1400 Yverdon-les-Bains; 1860 Aigle")
    + _ch("fr VD 26", "1530 Payerne")
    + _ch(
        "fr GE 22",
        "1201 Genève; 1202 Genève; 1203 Genève; 1204 Genève; "
        "1205 Genève; 1206 Genève; 1207 Genève; 1208 Genève; 1209 Genève; "
        "1212 Grand-Lancy; 1213 Petit-Lancy; 1214 Vernier; 1217 Meyrin; "
        "1218 Le Grand-Saconnex; 1224 Chêne-Bougeries; 1225 Chêne-Bourg; "
        "1226 Thônex; 1227 Carouge GE",
    )
    + _ch("fr NE 32", "2000 Neuchâtel; 2300 La Chaux-de-Fonds; 2400 Le Locle")
    + _ch("fr JU 32", "2800 Delémont; 2900 Porrentruy")
    + _ch("fr VS 27", "1950 Sion; 1920 Martigny; 3960 Sierre; 1936 Verbier")
    + _ch("fr VS 24", "1870 Monthey")
    + _ch("de VS 27", "3900 Brig; 3930 Visp; 3920 Zermatt")
    + _ch(
        "it TI 91",
        "6900 Lugano; 6500 Bellinzona; 6600 Locarno; "
        "6850 Mendrisio; 6830 Chiasso; 6612 Ascona; 6710 Biasca; "
        "6648 Minusio; 6963 Pregassona; 6932 Breganzona",
    )
)

DE_PLACES: Final[tuple[Place, ...]] = tuple(
    (pc, city, region, area, "de", "DE")
    for pc, city, region, area in (
        ("80331", "München", "BY", "89"),
        ("80469", "München", "BY", "89"),
        ("81667", "München", "BY", "89"),
        ("10115", "Berlin", "BE", "30"),
        ("10117", "Berlin", "BE", "30"),
        ("10405", "Berlin", "BE", "30"),
        ("10785", "Berlin", "BE", "30"),
        ("20095", "Hamburg", "HH", "40"),
        ("22765", "Hamburg", "HH", "40"),
        ("50667", "Köln", "NW", "221"),
        ("60311", "Frankfurt am Main", "HE", "69"),
        ("70173", "Stuttgart", "BW", "711"),
        ("40213", "Düsseldorf", "NW", "211"),
        ("04109", "Leipzig", "SN", "341"),
        ("01067", "Dresden", "SN", "351"),
        ("90402", "Nürnberg", "BY", "911"),
        ("30159", "Hannover", "NI", "511"),
        ("79098", "Freiburg im Breisgau", "BW", "761"),
        ("78462", "Konstanz", "BW", "7531"),
        ("88131", "Lindau (Bodensee)", "BY", "8382"),
        ("79539", "Lörrach", "BW", "7621"),
        ("78224", "Singen (Hohentwiel)", "BW", "7731"),
        ("86150", "Augsburg", "BY", "821"),
        ("68159", "Mannheim", "BW", "621"),
        ("76133", "Karlsruhe", "BW", "721"),
        ("69117", "Heidelberg", "BW", "6221"),
        ("89073", "Ulm", "BW", "731"),
        ("28195", "Bremen", "HB", "421"),
        ("44135", "Dortmund", "NW", "231"),
        ("45127", "Essen", "NW", "201"),
        ("53111", "Bonn", "NW", "228"),
        ("55116", "Mainz", "RP", "6131"),
        ("65183", "Wiesbaden", "HE", "611"),
        ("93047", "Regensburg", "BY", "941"),
        ("88045", "Friedrichshafen", "BW", "7541"),
        ("79761", "Waldshut-Tiengen", "BW", "7751"),
    )
)

AT_PLACES: Final[tuple[Place, ...]] = tuple(
    (pc, city, region, area, "de", "AT")
    for pc, city, region, area in (
        ("1010", "Wien", "W", "1"),
        ("1030", "Wien", "W", "1"),
        ("1040", "Wien", "W", "1"),
        ("1060", "Wien", "W", "1"),
        ("1070", "Wien", "W", "1"),
        ("1090", "Wien", "W", "1"),
        ("1100", "Wien", "W", "1"),
        ("1190", "Wien", "W", "1"),
        ("8010", "Graz", "ST", "316"),
        ("4020", "Linz", "OÖ", "732"),
        ("5020", "Salzburg", "S", "662"),
        ("6020", "Innsbruck", "T", "512"),
        ("9020", "Klagenfurt am Wörthersee", "K", "463"),
        ("6900", "Bregenz", "V", "5574"),
        ("6850", "Dornbirn", "V", "5572"),
        ("6800", "Feldkirch", "V", "5522"),
        ("3100", "St. Pölten", "NÖ", "2742"),
        ("7000", "Eisenstadt", "B", "2682"),
        ("4600", "Wels", "OÖ", "7242"),
        ("9500", "Villach", "K", "4242"),
        ("2700", "Wiener Neustadt", "NÖ", "2622"),
    )
)

#: Share of addresses per country (CH customers, some neighbours across the border).
COUNTRY_SHARE: Final[dict[str, float]] = {"CH": 0.85, "DE": 0.10, "AT": 0.05}

#: Mobile prefixes after the country code and how many digits follow.
MOBILE_PREFIXES: Final[dict[str, tuple[tuple[str, int], ...]]] = {
    "CH": (("79", 7), ("79", 7), ("78", 7), ("76", 7), ("77", 7), ("75", 7)),
    "DE": (
        ("151", 8),
        ("152", 8),
        ("160", 7),
        ("170", 7),
        ("171", 7),
        ("172", 7),
        ("176", 7),
        ("177", 7),
    ),
    "AT": (("664", 7), ("660", 7), ("676", 7), ("650", 7), ("699", 7)),
}
DIAL_CODES: Final[dict[str, str]] = {"CH": "+41", "DE": "+49", "AT": "+43"}

_STREETS_DE = (
    "Bahnhofstrasse",
    "Hauptstrasse",
    "Dorfstrasse",
    "Kirchweg",
    "Schulstrasse",
    "Seestrasse",
    "Industriestrasse",
    "Gewerbestrasse",
    "Poststrasse",
    "Rosenweg",
    "Gartenstrasse",
    "Birkenweg",
    "Lindenstrasse",
    "Waldstrasse",
    "Bergstrasse",
    "Feldstrasse",
    "Mühlestrasse",
    "Sonnenbergstrasse",
    "Zürcherstrasse",
    "Bernstrasse",
    "Luzernerstrasse",
    "Badenerstrasse",
    "Seefeldstrasse",
    "Rennweg",
    "Marktgasse",
    "Kramgasse",
    "Spitalgasse",
    "Löwenstrasse",
    "Talstrasse",
    "Weinbergstrasse",
    "Forchstrasse",
    "Kasernenstrasse",
    "Hofstrasse",
    "Bachstrasse",
    "Ringstrasse",
    "Sägestrasse",
    "Alte Landstrasse",
    "Grabenstrasse",
    "Sonnenweg",
    "Eichenweg",
    "Ahornweg",
    "Kapellenweg",
    "Schützenstrasse",
    "Freie Strasse",
    "Steinackerstrasse",
    "Neugasse",
    "Obere Bahnhofstrasse",
    "Untere Dorfstrasse",
    "Riedstrasse",
    "Wiesenstrasse",
    "Quellenstrasse",
    "Juraweg",
    "Allmendstrasse",
    "Schlossstrasse",
    "Hertistrasse",
    "Chriesiweg",
    "Im Grund",
    "Oberdorfstrasse",
    "Zelgstrasse",
    "Rütistrasse",
    "Brunnenstrasse",
    "Blumenweg",
    "Mattenstrasse",
    "Landstrasse",
)
_STREETS_FR = (
    "Rue du Lac",
    "Rue de la Gare",
    "Avenue de la Gare",
    "Rue du Marché",
    "Chemin des Vignes",
    "Route de Lausanne",
    "Rue du Rhône",
    "Avenue de France",
    "Rue de Lausanne",
    "Chemin du Bois",
    "Rue des Alpes",
    "Rue Centrale",
    "Avenue des Alpes",
    "Chemin de la Forêt",
    "Rue de l'Industrie",
    "Route de Genève",
    "Rue du Simplon",
    "Place de la Gare",
    "Rue du Temple",
    "Chemin des Roses",
    "Avenue du Léman",
    "Rue du Collège",
    "Route de Berne",
    "Rue de la Poste",
    "Chemin des Crêts",
    "Avenue de la Harpe",
    "Rue du Jura",
    "Rue de Carouge",
    "Boulevard de Grancy",
    "Chemin du Château",
    "Rue des Moulins",
)
_STREETS_IT = (
    "Via Cantonale",
    "Via San Gottardo",
    "Via Nassa",
    "Via Pretorio",
    "Via Stazione",
    "Corso Elvezia",
    "Via Industria",
    "Via Lugano",
    "Via Campagna",
    "Via alla Chiesa",
    "Via Ginnasio",
    "Via Motta",
    "Viale Stefano Franscini",
    "Via dei Fiori",
    "Piazza Grande",
    "Via Vela",
    "Via Ponte Tresa",
    "Via Besso",
    "Via Borgo",
    "Via Simen",
    "Via Luini",
    "Via Municipio",
    "Via ai Ronchi",
)
_STREETS_DE_EXTRA = (
    "Schillerstraße",
    "Goethestraße",
    "Kirchstraße",
    "Berliner Straße",
    "Marktplatz",
    "Herrengasse",
    "Wiener Straße",
    "Mozartstraße",
    "Am Anger",
    "Friedhofstraße",
    "Jahnstraße",
    "Raiffeisenstraße",
)

#: Street names per context: German-Swiss, French-Swiss, Italian-Swiss,
#: Germany/Austria (where "Strasse" is written "Straße").
STREETS: Final[dict[str, tuple[str, ...]]] = {
    "de": _STREETS_DE,
    "fr": _STREETS_FR,
    "it": _STREETS_IT,
    "DE": tuple(
        s.replace("strasse", "straße").replace("Strasse", "Straße") for s in _STREETS_DE
    )
    + _STREETS_DE_EXTRA,
}

# --- names -----------------------------------------------------------------
# Per origin: (female first names, male first names, last names).

_NAMES: Final[dict[str, tuple[str, str, str]]] = {
    "ch": (
        "Anna Maria Ursula Ruth Elisabeth Verena Monika Barbara Sandra Daniela "
        "Nicole Andrea Claudia Susanne Karin Franziska Regula Brigitte Esther "
        "Sabine Corinne Simone Stefanie Martina Manuela Cornelia Jacqueline "
        "Bettina Rahel Sarah Laura Lea Lena Mia Nina Jana Julia Selina Michelle "
        "Vanessa Céline Noemi Leonie Alina Emma Yvonne Heidi Margrit Beatrice Doris",
        "Peter Hans Daniel Thomas Martin Christian Markus Andreas Michael Stefan "
        "Urs Beat Bruno Walter Werner Rolf René Roger Reto Marcel Patrick Simon "
        "David Lukas Jonas Noah Leon Elias Nico Fabian Dominik Philipp Samuel "
        "Matthias Adrian Pascal Roman Kurt Heinz Ueli Fritz Jürg Jörg Tobias "
        "Florian Raphael Livio Janik Sven Remo",
        "Müller Meier Schmid Keller Weber Huber Schneider Meyer Steiner Fischer "
        "Gerber Brunner Baumann Frei Zimmermann Moser Widmer Wyss Graf Roth Suter "
        "Baumgartner Bachmann Studer Bühler Kälin Berger Kaufmann Hofmann Lüthi "
        "Bieri Marti Wenger Egli Frey Sutter Arnold Koch Kuhn Lehmann Zürcher "
        "Brändli Köhler Schärer Bösch Gisler Imhof Ammann Hug Koller Stucki "
        "Zbinden Bucher Hess Vogel Zaugg Hürlimann Käser Rüegg Schürch Siegrist "
        "Stalder Tanner Vogt Wirth Wüthrich Aebi Aeschlimann Amstutz Bärtschi "
        "Bosshard Burkhard Christen Flückiger Gasser Gut Hartmann Hauser Heller "
        "Hofer Hofstetter Jäggi Jost Kessler Kunz Küng Leuenberger Lustenberger "
        "Maurer Niederberger Nussbaumer Oberholzer Odermatt Pfister Rohrer "
        "Schaller Schenk Schmidlin Schwarz Senn Sigrist Sommer Spörri Stadelmann "
        "Stocker Thommen Ulrich Vonlanthen Waldvogel Walker Weibel Wälti Zahnd "
        "Ziegler Zollinger Zwahlen Bättig Blaser Brunschwiler Dätwyler Eberle "
        "Fankhauser Fehr Gächter Grob Gyger Hänni Inäbnit Kägi Knecht Krähenbühl "
        "Lanz Locher Lötscher Messerli Minder Mösch Naef Rüfenacht Schnyder "
        "Sägesser Tschanz Tschopp Wyler Zuber Zumstein Meier-Müller Keller-Suter",
    ),
    "fr": (
        "Marie Sophie Isabelle Nathalie Catherine Sylvie Valérie Véronique "
        "Christine Françoise Anne Camille Chloé Léa Manon Julie Émilie Aurélie "
        "Mélanie Géraldine Joëlle Hélène Séverine Océane Zoé Inès Margaux Élodie",
        "Jean Pierre Michel Philippe Alain Jacques Nicolas Olivier Laurent "
        "François Yves Pascal Christophe Sébastien Julien Mathieu Antoine Louis "
        "Hugo Théo Maxime Thierry Frédéric Stéphane Grégoire Jérôme Cédric "
        "Raphaël Loïc Benoît",
        "Favre Rochat Bonvin Morand Perrin Dubois Girard Bovet Chevalley Cuendet "
        "Jaquet Monnier Pasche Rey Robert Bonnet Mercier Martin Blanc Gay Dupont "
        "Fontaine Python Clerc Duc Dubuis Fournier Guex Jaccard Jacot "
        "Vuilleumier Maillard Michel Mottier Pittet Rossier Roulin Thévenaz "
        "Besson Chappuis Cretton Délèze Fragnière Gaillard Magnin Perret Rapin "
        "Reymond Sauthier Vuille Zufferey Bourquin Gilliéron Ducommun Fleury "
        "Berthoud Chevalier Lambert Moreau Roux Vincent Crettenand Pellet",
    ),
    "it": (
        "Giulia Francesca Chiara Sara Alessia Martina Elena Federica Paola Laura "
        "Silvia Daniela Monica Valentina Giorgia Roberta Anna Lucia Carla Rosa",
        "Marco Luca Andrea Giuseppe Giovanni Francesco Alessandro Matteo Davide "
        "Stefano Roberto Paolo Mario Fabio Claudio Massimo Lorenzo Simone "
        "Riccardo Nicola Sergio Gianluca Tiziano Mattia",
        "Bernasconi Rossi Ferrari Bianchi Colombo Fontana Galli Lombardi Moretti "
        "Romano Ricci Conti Rusconi Pedrazzini Bernardi Ghisletta Cattaneo "
        "Bianchetti Camponovo Crivelli Delcò Foletti Gianella Guidi Lepori "
        "Martinoli Nessi Pellandini Quadri Rezzonico Soldati Tamò Vassalli "
        "Zanetti Esposito Russo Marino Greco Bruno Gallo De Luca Mancini Costa "
        "Giordano Rizzo Barbieri Caruso Ferraro",
    ),
    "tr": (
        "Ayşe Fatma Elif Zeynep Merve Emine Esra Büşra Derya Selin Özlem Gül "
        "Hatice Sevgi",
        "Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Burak Can "
        "Serkan Ömer Yusuf Kemal Cem",
        "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir "
        "Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat "
        "Korkmaz Erdoğan Güneş Aksoy Acar",
    ),
    "balkan": (
        "Arta Blerta Drita Jelena Ana Marija Ivana Milica Dragana Vesna Sanja "
        "Amra Emina Lejla Albulena Mirela Edona Teuta Fjolla",
        "Arben Besnik Driton Fatmir Valon Burim Ilir Luan Agon Dardan Milan "
        "Dragan Nikola Marko Ivan Goran Zoran Dejan Nenad Emir Adnan Amir Edin "
        "Haris Damir Mirsad Ardian",
        "Krasniqi Berisha Gashi Morina Shala Hoxha Bytyqi Kastrati Rexhepi "
        "Osmani Ahmeti Islami Sadiku Hasani Jashari Selimi Kryeziu Ramadani "
        "Zeqiri Petrović Jovanović Nikolić Marković Đorđević Stojanović Ilić "
        "Popović Savić Kovačević Horvat Kovačić Babić Marić Jurić Novak Hodžić "
        "Hadžić Begić Mehmedović Delić Kovač Tomić Pavlović Radovanović Lukić "
        "Perić",
    ),
    "pt": (
        "Ana Maria Sofia Beatriz Inês Mariana Catarina Joana Rita Carla Sónia "
        "Patrícia Fernanda",
        "João José António Manuel Francisco Pedro Rui Paulo Luís Carlos Tiago "
        "Nuno Miguel Ricardo Bruno Diogo Fábio Sérgio Hélder",
        "Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa "
        "Fernandes Gonçalves Gomes Lopes Marques Alves Almeida Ribeiro Pinto "
        "Carvalho Teixeira Moreira Correia Mendes Nunes Soares Vieira Monteiro "
        "Cardoso Rocha Azevedo Branco Tavares",
    ),
    "es": (
        "Carmen Lucía Marta Pilar Isabel Laura Cristina Raquel",
        "Javier Carlos Miguel Alejandro Pablo Sergio Raúl Alberto Jorge",
        "García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez "
        "Romero Navarro Torres Ruiz Díaz Moreno Muñoz",
    ),
    "de": (
        "Katrin Kerstin Anja Birgit Tanja Heike Petra Sabine Silke Ute Jutta "
        "Stefanie Melanie Hannah Lisa Katharina Johanna Marlene Theresa Magdalena",
        "Jürgen Klaus Uwe Frank Ralf Jens Dirk Sven Holger Torsten Wolfgang "
        "Günter Helmut Karl Maximilian Felix Paul Jan Tim Florian Johannes "
        "Sebastian Alexander Georg Franz Josef Alois",
        "Schulz Becker Hoffmann Schäfer Bauer Richter Klein Wolf Schröder Neumann "
        "Braun Krüger Lange Werner Krause Herrmann König Walter Mayer Kaiser "
        "Fuchs Peters Scholz Möller Weiß Jung Hahn Friedrich Günther Frank "
        "Winkler Beck Lorenz Franke Albrecht Schuster Simon Ludwig Böhm Winter "
        "Kraus Schumacher Krämer Stein Jäger Otto Seidel Heinrich Brandt Haas "
        "Schreiber Schulte Dietrich Kühn Pohl Engel Horn Busch Bergmann Voigt "
        "Sauer Wolff Pfeiffer Gruber Wagner Pichler Leitner Eder Reiter Mayr "
        "Wimmer Egger Lang Auer Binder Lechner Wallner Aigner Ebner Lehner "
        "Holzer Haider",
    ),
    "en": (
        "Emily Olivia Charlotte Grace Emma Sarah",
        "James John William Oliver George Ryan",
        "Smith Jones Taylor Brown Williams Wilson Johnson Davies Evans Thomas",
    ),
}


def _split(spec: str) -> tuple[str, ...]:
    # Two-word surnames ("De Luca") are joined with a non-breaking marker.
    return tuple(
        w.replace("_", " ") for w in spec.replace("De Luca", "De_Luca").split()
    )


#: origin -> (female first names, male first names, last names)
NAMES: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]] = {
    origin: (_split(f), _split(m), _split(last))
    for origin, (f, m, last) in _NAMES.items()
}

#: Where people in a context come from (weights), context = language/country.
ORIGINS: Final[dict[str, dict[str, float]]] = {
    "de": {
        "ch": 64,
        "de": 8,
        "it": 7,
        "balkan": 8,
        "tr": 4,
        "pt": 4,
        "fr": 2,
        "es": 2,
        "en": 1,
    },
    "fr": {
        "fr": 60,
        "pt": 12,
        "ch": 10,
        "it": 8,
        "balkan": 5,
        "tr": 2,
        "es": 2,
        "en": 1,
    },
    "it": {"it": 72, "ch": 12, "pt": 6, "balkan": 5, "fr": 2, "tr": 2, "en": 1},
    "DE": {"de": 78, "tr": 10, "balkan": 5, "it": 4, "pt": 1, "es": 2},
    "AT": {"de": 80, "balkan": 10, "tr": 7, "it": 3},
}

#: Letters that Unicode decomposition does not reduce to ASCII, plus the German
#: convention for umlauts (Müller -> mueller, as Swiss e-mail addresses do).
TRANSLIT: Final[dict[str, str]] = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "dj",
    "ı": "i",
    "ł": "l",
    "à": "a",
    "è": "e",
}

PRIVATE_MAIL: Final[dict[str, tuple[str, ...]]] = {
    "CH": (
        "gmx.ch",
        "bluewin.ch",
        "gmail.com",
        "hotmail.com",
        "sunrise.ch",
        "outlook.com",
        "bluewin.ch",
        "gmail.com",
        "yahoo.com",
        "protonmail.ch",
    ),
    "DE": ("web.de", "gmx.de", "t-online.de", "gmail.com", "outlook.de"),
    "AT": ("gmx.at", "aon.at", "gmail.com", "chello.at"),
}

#: Roles (Funktion) as (male, female) per language.
ROLES: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "de": (
        ("Geschäftsführer", "Geschäftsführerin"),
        ("Inhaber", "Inhaberin"),
        ("Leiter Verkauf", "Leiterin Verkauf"),
        ("Einkauf", "Einkauf"),
        ("Leiter Einkauf", "Leiterin Einkauf"),
        ("Buchhaltung", "Buchhaltung"),
        ("Leiter Finanzen", "Leiterin Finanzen"),
        ("CEO", "CEO"),
        ("CFO", "CFO"),
        ("Assistent der Geschäftsleitung", "Assistentin der Geschäftsleitung"),
        ("Sachbearbeiter Verkauf", "Sachbearbeiterin Verkauf"),
        ("Projektleiter", "Projektleiterin"),
        ("IT-Verantwortlicher", "IT-Verantwortliche"),
        ("Leiter Personal", "Leiterin Personal"),
        ("Marketing", "Marketing"),
        ("Technischer Leiter", "Technische Leiterin"),
        ("Einkäufer", "Einkäuferin"),
        ("Disponent", "Disponentin"),
        ("Kundendienst", "Kundendienst"),
        ("Empfang", "Empfang"),
        ("Mitarbeiter", "Mitarbeiterin"),
    ),
    "fr": (
        ("Directeur", "Directrice"),
        ("Responsable des achats", "Responsable des achats"),
        ("Comptable", "Comptable"),
        ("Chef de projet", "Cheffe de projet"),
        ("Responsable des ventes", "Responsable des ventes"),
        ("Administrateur", "Administratrice"),
        ("Assistant de direction", "Assistante de direction"),
        ("Collaborateur", "Collaboratrice"),
    ),
    "it": (
        ("Direttore", "Direttrice"),
        ("Responsabile acquisti", "Responsabile acquisti"),
        ("Contabile", "Contabile"),
        ("Capo progetto", "Capo progetto"),
        ("Responsabile vendite", "Responsabile vendite"),
        ("Collaboratore", "Collaboratrice"),
    ),
}
BOARD_ROLES: Final[tuple[str, ...]] = (
    "Verwaltungsrat",
    "Verwaltungsratspräsident",
    "Beirat",
    "Stiftungsrat",
    "Revisor",
)
TITLES: Final[tuple[str, ...]] = (
    "Dr.",
    "Dr. med.",
    "Prof. Dr.",
    "lic. iur.",
    "dipl. Ing.",
)

# --- organisations ---------------------------------------------------------

#: (NOGA code, German name, name words de, fr, it) — the words build
#: organisation names like "Keller Treuhand AG" or "Fiduciaire Favre SA".
INDUSTRIES: Final[tuple[tuple[str, str, str, str, str], ...]] = (
    (
        "01",
        "Landwirtschaft",
        "Hof|Agrar|Gemüsebau",
        "Ferme|Agro",
        "Azienda agricola|Agro",
    ),
    (
        "10",
        "Nahrungsmittel",
        "Bäckerei|Metzgerei|Käserei|Confiserie",
        "Boulangerie|Boucherie|Fromagerie",
        "Panetteria|Macelleria|Caseificio",
    ),
    (
        "16",
        "Holzverarbeitung",
        "Holzbau|Schreinerei|Zimmerei",
        "Menuiserie|Charpente",
        "Falegnameria",
    ),
    ("20", "Chemie", "Chemie|Chemical", "Chimie", "Chimica"),
    ("21", "Pharma", "Pharma|Pharmaceuticals", "Pharma", "Farmaceutica"),
    (
        "25",
        "Metallbau",
        "Metallbau|Stahlbau|Schlosserei",
        "Serrurerie|Constructions métalliques",
        "Carpenteria metallica",
    ),
    (
        "26",
        "Elektronik und Uhren",
        "Electronics|Uhren|Elektronik",
        "Horlogerie|Électronique",
        "Elettronica",
    ),
    (
        "28",
        "Maschinenbau",
        "Maschinenbau|Präzisionstechnik|Maschinenfabrik|Anlagenbau|Mechanik",
        "Mécanique|Microtechnique",
        "Meccanica",
    ),
    ("32", "Medizintechnik", "Medical|Medizintechnik", "Médical", "Medicale"),
    (
        "35",
        "Energieversorgung",
        "Energie|Elektrizitätswerk|Solar",
        "Énergie",
        "Energia",
    ),
    (
        "41",
        "Bauunternehmung",
        "Bau|Bauunternehmung|Hoch- und Tiefbau",
        "Construction",
        "Costruzioni",
    ),
    (
        "43",
        "Baugewerbe",
        "Sanitär|Elektro|Malerei|Haustechnik|Bedachungen|Gartenbau",
        "Sanitaire|Électricité|Peinture|Paysagiste",
        "Impianti sanitari|Elettricità|Pittura",
    ),
    (
        "45",
        "Autogewerbe",
        "Garage|Autohaus|Carrosserie",
        "Garage|Carrosserie",
        "Garage|Carrozzeria",
    ),
    (
        "46",
        "Grosshandel",
        "Handels|Import|Trading|Distribution",
        "Distribution|Import",
        "Commercio|Import",
    ),
    (
        "47",
        "Detailhandel",
        "Shop|Fachhandel|Laden|Drogerie|Optik",
        "Boutique|Droguerie|Optique",
        "Negozio|Ottica",
    ),
    (
        "49",
        "Transport und Logistik",
        "Transporte|Logistik|Carreisen|Taxi",
        "Transports|Logistique",
        "Trasporti|Logistica",
    ),
    ("55", "Gastgewerbe", "", "", ""),
    (
        "58",
        "Verlagswesen",
        "Verlag|Druckerei|Medien",
        "Éditions|Imprimerie",
        "Edizioni|Tipografia",
    ),
    (
        "62",
        "Informatik",
        "Informatik|Software|IT Services|Systems|Digital",
        "Informatique|Software",
        "Informatica|Software",
    ),
    (
        "64",
        "Banken",
        "Bank|Privatbank|Vermögensverwaltung",
        "Banque|Gestion de fortune",
        "Banca|Gestione patrimoniale",
    ),
    (
        "65",
        "Versicherungen",
        "Versicherungen|Versicherungsberatung",
        "Assurances",
        "Assicurazioni",
    ),
    (
        "68",
        "Immobilien",
        "Immobilien|Liegenschaften|Verwaltungen",
        "Immobilier|Régie",
        "Immobiliare",
    ),
    (
        "69",
        "Treuhand",
        "Treuhand|Revision|Steuerberatung|Advokatur",
        "Fiduciaire|Étude",
        "Fiduciaria|Studio legale",
    ),
    (
        "71",
        "Architektur und Ingenieurwesen",
        "Architekten|Ingenieure|Planung",
        "Architectes|Ingénieurs",
        "Architetti|Ingegneria",
    ),
    (
        "73",
        "Werbung und Marketing",
        "Werbeagentur|Kommunikation|Marketing",
        "Communication|Agence",
        "Comunicazione",
    ),
    (
        "78",
        "Personalvermittlung",
        "Personal|Personalberatung|Jobs",
        "Personnel|Emploi",
        "Personale",
    ),
    (
        "85",
        "Bildung",
        "Schule|Sprachschule|Akademie",
        "École|Académie",
        "Scuola|Accademia",
    ),
    (
        "86",
        "Gesundheitswesen",
        "Praxis|Physiotherapie|Zahnarztpraxis|Apotheke",
        "Cabinet médical|Pharmacie|Physiothérapie",
        "Studio medico|Farmacia",
    ),
    ("88", "Sozialwesen", "Stiftung|Spitex|Wohnheim", "Fondation|Foyer", "Fondazione"),
    (
        "93",
        "Sport und Freizeit",
        "Sport|Fitness|Freizeit",
        "Sport|Fitness",
        "Sport|Fitness",
    ),
    (
        "96",
        "Persönliche Dienstleistungen",
        "Coiffure|Reinigung|Kosmetik",
        "Coiffure|Nettoyage|Esthétique",
        "Parrucchiere|Pulizie",
    ),
)

#: Name patterns per language: {L}/{M} last names, {W} industry word,
#: {B} brand, {A} regional adjective, {C} city.
ORG_PATTERNS: Final[dict[str, tuple[str, ...]]] = {
    "de": (
        "{L} {W}",
        "{L} {W}",
        "{W} {L}",
        "{L} & {M} {W}",
        "{L} & Partner",
        "{B}",
        "{B} {W}",
        "{A} {W}",
        "{W} {C}",
    ),
    "fr": (
        "{W} {L}",
        "{W} {L}",
        "{L} & Fils",
        "{L} & Associés",
        "{B}",
        "{B} {W}",
        "{W} {C}",
    ),
    "it": ("{W} {L}", "{W} {L}", "{L} & Figli", "{B}", "{B} {W}", "{W} {C}"),
}
HOSPITALITY: Final[dict[str, tuple[str, ...]]] = {
    "de": (
        "Hotel Bären",
        "Restaurant Löwen",
        "Gasthof Rössli",
        "Hotel Sternen",
        "Restaurant Kreuz",
        "Gasthaus Hirschen",
        "Hotel Adler",
        "Restaurant Ochsen",
        "Hotel Krone",
        "Restaurant Linde",
        "Hotel Post",
        "Restaurant Schwanen",
        "Café Central",
        "Hotel Seeblick",
        "Berggasthaus Alpenblick",
        "Restaurant Schiff",
    ),
    "fr": (
        "Hôtel de la Gare",
        "Café du Commerce",
        "Restaurant du Lac",
        "Auberge de l'Union",
        "Hôtel de Ville",
        "Hôtel des Alpes",
        "Café de la Poste",
        "Auberge du Cerf",
    ),
    "it": (
        "Albergo Centrale",
        "Ristorante al Porto",
        "Grotto del Ponte",
        "Osteria Bellavista",
        "Albergo Svizzero",
        "Ristorante Stazione",
    ),
}
BRAND_HEADS: Final[tuple[str, ...]] = (
    "Alp",
    "Helve",
    "Swiss",
    "Nova",
    "Tec",
    "Inno",
    "Medi",
    "Terra",
    "Aqua",
    "Sol",
    "Vita",
    "Lumen",
    "Orbi",
    "Data",
    "Info",
    "Bio",
    "Agro",
    "Viva",
    "Proxi",
    "Sigma",
    "Alpha",
    "Omni",
    "Quanta",
    "Rhena",
    "Limma",
    "Aare",
    "Jura",
    "Saro",
    "Velo",
    "Zeta",
)
BRAND_TAILS: Final[tuple[str, ...]] = (
    "tec",
    "tronic",
    "soft",
    "log",
    "med",
    "plan",
    "bau",
    "con",
    "trade",
    "net",
    "data",
    "line",
    "werk",
    "form",
    "vision",
    "pro",
    "tex",
    "mat",
    "lux",
    "nova",
)
REGIONAL: Final[tuple[str, ...]] = (
    "Alpen",
    "Rhein",
    "Seeland",
    "Ostschweizer",
    "Zentralschweizer",
    "Berner",
    "Zürcher",
    "Basler",
    "Aargauer",
    "Bündner",
    "Thurgauer",
    "Emmentaler",
)

#: Legal forms per context with weights; "" means no suffix in the name.
LEGAL_FORMS: Final[dict[str, tuple[tuple[str, int], ...]]] = {
    "de": (
        ("AG", 40),
        ("GmbH", 40),
        ("Genossenschaft", 3),
        ("Einzelunternehmen", 12),
        ("KG", 2),
    ),
    "fr": (
        ("SA", 45),
        ("Sàrl", 40),
        ("Société coopérative", 2),
        ("Entreprise individuelle", 13),
    ),
    "it": (("SA", 50), ("Sagl", 40), ("Ditta individuale", 10)),
    "DE": (("GmbH", 50), ("AG", 8), ("KG", 7), ("GmbH & Co. KG", 15), ("e.K.", 10)),
    "AT": (("GmbH", 60), ("AG", 8), ("KG", 10), ("e.U.", 10), ("OG", 5)),
}
#: Legal forms that do not appear in the organisation's name.
UNNAMED_FORMS: Final[frozenset[str]] = frozenset(
    {"Einzelunternehmen", "Entreprise individuelle", "Ditta individuale"}
)
#: Generic mailbox per context.
ORG_MAILBOX: Final[dict[str, str]] = {
    "de": "info",
    "fr": "contact",
    "it": "info",
    "DE": "kontakt",
    "AT": "office",
}
ORG_NOTES: Final[tuple[str, ...]] = (
    "Bevorzugt Kontakt per E-Mail.",
    "Rechnungen nur elektronisch.",
    "Jahresgespräch im Herbst.",
    "Messekontakt Swissbau.",
    "Rahmenvertrag bis Ende Jahr.",
)
ADDRESS_EXTRAS: Final[tuple[str, ...]] = (
    "2. Stock",
    "Gebäude B",
    "Eingang Süd",
    "c/o Treuhandbüro",
    "Hinterhaus",
)

#: Demo users: (username, display name).
USERS: Final[tuple[tuple[str, str], ...]] = (
    ("amueller", "Anna Müller"),
    ("pmeier", "Peter Meier"),
    ("sfavre", "Sophie Favre"),
    ("mbernasconi", "Marco Bernasconi"),
    ("dkeller", "Daniel Keller"),
    ("nschmid", "Nicole Schmid"),
    ("tbrunner", "Thomas Brunner"),
    ("lkoehler", "Laura Köhler"),
)
USER_DOMAIN: Final = "relata-demo.ch"

# --- values made from the tables ---------------------------------------------

ORG_STATUS: Final = (
    ("customer",) * 45 + ("prospect",) * 33 + ("partner",) * 7 + ("supplier",) * 10
)
PERSON_STATUS: Final = ("customer",) * 50 + ("prospect",) * 40 + ("former",) * 10
#: How organisations build e-mail addresses (f = first name, i = initial, l = last).
WORK_MAIL: Final = ("{f}.{l}",) * 5 + ("{i}.{l}",) * 2 + ("{i}{l}",) * 2 + ("{l}",)
PRIVATE_MAIL_LOCAL: Final = ("{f}.{l}", "{f}.{l}{n}", "{i}{l}", "{l}.{f}", "{f}{n}")
_UID_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4)
_VARIANT = str.maketrans("0123456789abcdef", "89ab" * 4)  # RFC 9562 variant nibble
_TRANSLIT = str.maketrans(TRANSLIT)
_NON_ALNUM = re.compile("[^a-z0-9]+")


def swiss_uid(number: int) -> str | None:
    """``CHE-123.456.78x``: an 8-digit number plus its mod-11 check digit.

    Returns None where the check digit would be 10; the register never issues those.
    """
    digits = f"{number:08d}"
    total = sum(int(d) * w for d, w in zip(digits, _UID_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 10:
        return None
    full = digits + str(check % 11)
    return f"CHE-{full[:3]}.{full[3:6]}.{full[6:]}"


def ascii_slug(text: str, sep: str = "-") -> str:
    """``"Müller & Söhne"`` -> ``"mueller-soehne"``, for e-mail addresses and domains."""
    low = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLIT))
    words = _NON_ALNUM.split(low.encode("ascii", "ignore").decode())
    return sep.join(w for w in words if w)


def weighted_pool(
    weights: dict[str, float] | Sequence[tuple[str, float]],
) -> tuple[str, ...]:
    """Each item as often as its weight, so a uniform pick is a weighted one."""
    items = weights.items() if isinstance(weights, dict) else weights
    return tuple(item for item, w in items for _ in range(round(w)))


def surname_pool(items: Sequence[str]) -> tuple[str, ...]:
    """Frequency-ordered names weighted with a long tail, like real surnames."""
    return weighted_pool([(n, 40 / (rank + 3) ** 0.6) for rank, n in enumerate(items)])


def naming_context(place: Place) -> str:
    """The Swiss language region of a place, or its country abroad.

    Names, legal forms and mailboxes differ between Zürich, Lausanne, Lugano,
    Munich and Vienna; the tables above are keyed by this.
    """
    return place[4] if place[5] == "CH" else place[5]


class Vocabulary:
    """Random but plausible values drawn from the tables: names, places, numbers, ids.

    All randomness comes from the one ``Random`` passed in, so a seed reproduces
    every value. ``pick`` is a uniform pick from a pool in which items repeat
    by weight; it is ~5x cheaper than ``random.choices`` per item, which matters
    at a million persons.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.r = rng, rng.random
        self.places = CH_PLACES + DE_PLACES + AT_PLACES
        share = {
            c: w / sum(p[5] == c for p in self.places) for c, w in COUNTRY_SHARE.items()
        }
        self.place_cw = list(itertools.accumulate(share[p[5]] for p in self.places))
        self.origins = {ctx: weighted_pool(w) for ctx, w in ORIGINS.items()}
        self.last = {origin: surname_pool(n[2]) for origin, n in NAMES.items()}
        self.forms = {ctx: weighted_pool(f) for ctx, f in LEGAL_FORMS.items()}
        numbers = weighted_pool([(str(n), 30 / n) for n in range(1, 120)])
        self.houses = (*numbers, "1a", "3b", "12a")
        self.words = [
            {
                lang: tuple(w for w in words.split("|") if w)
                for lang, words in zip(("de", "fr", "it"), ind[2:], strict=True)
            }
            for ind in INDUSTRIES
        ]
        self._slugs: dict[str, str] = {}
        self._domains: dict[str, int] = {}  # domain -> 0; "name-city" -> times used
        self._hex, self._variants, self._hex_at = "", "", 0

    def pick[T](self, pool: Sequence[T]) -> T:
        """A uniform pick from ``pool``."""
        return pool[int(self.r() * len(pool))]

    def uuid7(self, sec: int) -> str:
        """A UUIDv7 for a row created at Unix time ``sec``: time-ordered, 74 random bits.

        Time-ordered ids make primary-key inserts append to the index instead
        of touching random pages.
        """
        t = f"{sec * 1000 + self.rng.getrandbits(10) % 1000:012x}"
        return self.child_id(f"{t[:8]}-{t[8:]}-7")

    def child_id(self, prefix: str) -> str:
        """A UUIDv7 with the time of another id (``prefix``: its first 15 characters).

        The random part is sliced from a pre-drawn hex string: half the cost of
        formatting random bits per id, and ids are most of the work per row.
        """
        i = self._hex_at
        if i >= len(self._hex):
            self._hex = self.rng.randbytes(9 * 4096).hex()  # 18 hex digits per id
            self._variants = self.rng.randbytes(2048).hex().translate(_VARIANT)
            i = 0
        self._hex_at = i + 18
        h = self._hex
        return f"{prefix}{h[i : i + 3]}-{self._variants[i // 18]}{h[i + 3 : i + 6]}-{h[i + 6 : i + 18]}"

    def slug(self, text: str, sep: str = "") -> str:
        """Cached :func:`ascii_slug`: names repeat a lot."""
        found = self._slugs.get(sep + text)
        if found is None:
            found = self._slugs[sep + text] = ascii_slug(text, sep)
        return found

    def _digits(self, count: int) -> str:
        """``count`` digits, the first 2-9 (subscriber numbers never start with 0 or 1)."""
        rest = self.rng.getrandbits(40) % 10 ** (count - 1)
        return f"{2 + int(self.r() * 8)}{rest:0{count - 1}d}"

    def landline(self, place: Place) -> str:
        """A valid E.164 fixed-line number in the place's area code."""
        area, country = place[3], place[5]
        national = {"CH": 9, "DE": 10, "AT": 8 if len(area) == 1 else 9}[country]
        return DIAL_CODES[country] + area + self._digits(national - len(area))

    def mobile(self, country: str) -> str:
        """A valid E.164 mobile number of one of the country's networks."""
        prefix, count = self.pick(MOBILE_PREFIXES[country])
        return DIAL_CODES[country] + prefix + self._digits(count)

    def uid(self, place: Place) -> str:
        """A Swiss UID for most Swiss organisations, none abroad."""
        uid = None
        while place[5] == "CH" and uid is None and self.r() < 0.92:
            uid = swiss_uid(self.rng.randrange(10_000_000, 100_000_000))
        return uid or ""

    def org_name(self, place: Place, industry: int) -> tuple[str, str, str]:
        """(name, legal form, name without the form) fitting place and industry."""
        lang, ctx = place[4], naming_context(place)
        words = self.words[industry][lang]
        if not words:  # hospitality: named after the house, not the owner
            core = self.pick(HOSPITALITY[lang])
        else:
            pattern = self.pick(ORG_PATTERNS[lang])
            if place[5] != "CH" and "{A}" in pattern:  # Swiss regional adjectives
                pattern = "{L} {W}"
            last = self.last[self.pick(self.origins[ctx])]
            brand = self.pick(BRAND_HEADS) + self.pick(BRAND_TAILS)
            core = pattern.format(
                L=self.pick(last),
                M=self.pick(last),
                W=self.pick(words),
                A=self.pick(REGIONAL),
                C=place[1],
                B=brand.capitalize(),
            )
        form = self.pick(self.forms[ctx])
        return (core if form in UNNAMED_FORMS else f"{core} {form}"), form, core

    def domain(self, core: str, place: Place) -> str:
        """A unique domain: ``keller-treuhand.ch``, else with the city, else numbered."""
        tld = "." + place[5].lower()
        domain = self.slug(core, "-") + tld
        if domain in self._domains:
            local = f"{domain[: -len(tld)]}-{self.slug(place[1], '-')}"
            n = self._domains[local] = self._domains.get(local, 0) + 1
            domain = f"{local}{n if n > 1 else ''}{tld}"
        self._domains[domain] = 0
        return domain

    def street(self, place: Place) -> tuple[str, str]:
        """Street name and house number (some addresses have none)."""
        street = self.pick(STREETS["DE" if place[5] != "CH" else place[4]])
        return street, (self.pick(self.houses) if self.r() < 0.95 else "")
