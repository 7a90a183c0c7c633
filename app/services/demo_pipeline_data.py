"""Vocabulary of the demo sales data: catalogue, deal types, campaigns, reasons.

A Swiss business-software vendor: licences, maintenance, projects, hosting and
some hardware; deal titles and reasons in German like the demo customers.
"""

from __future__ import annotations

OPEN_STAGES = ("qualification", "needs_analysis", "offer", "negotiation")
STAGE_PROB = {
    "qualification": 10,
    "needs_analysis": 25,
    "offer": 50,
    "negotiation": 75,
}
OPEN_WEIGHTS = (0.32, 0.26, 0.24, 0.18)
SOURCES = (
    ("referral", 0.16, 1.2),
    ("trade_fair", 0.17, 0.35),
    ("web_form", 0.22, 0.0),
    ("campaign", 0.18, -0.1),
    ("cold_call", 0.15, -0.9),
    ("import", 0.05, -0.5),
    ("other", 0.07, -0.2),
)

#: (code, name, list price CHF) — a Swiss business-software vendor's catalogue.
PRODUCTS = (
    ("LIC-S", "Lizenz Standard (pro Benutzer)", 480),
    ("LIC-P", "Lizenz Professional (pro Benutzer)", 890),
    ("LIC-E", "Lizenz Enterprise (pro Benutzer)", 1450),
    ("MNT-S", "Wartungsvertrag Standard (jährlich)", 2400),
    ("MNT-P", "Wartungsvertrag Premium (jährlich)", 6900),
    ("IMPL", "Einführungsprojekt (Pauschale)", 18500),
    ("CONS", "Beratung (Tag)", 1600),
    ("PM", "Projektleitung (Tag)", 1750),
    ("TRAIN", "Schulung vor Ort (Tag)", 1900),
    ("ELRN", "E-Learning-Paket", 750),
    ("MIG", "Datenmigration", 6500),
    ("INT-ERP", "Schnittstelle ERP", 9800),
    ("INT-SHOP", "Schnittstelle Webshop", 5400),
    ("HOST-S", "Hosting Schweiz S (jährlich)", 3600),
    ("HOST-L", "Hosting Schweiz L (jährlich)", 9600),
    ("BACKUP", "Backup-Service (jährlich)", 1200),
    ("SEC", "Security-Audit", 8500),
    ("MOB", "Modul Mobile App", 4200),
    ("BI", "Modul Reporting & BI", 7800),
    ("DMS", "Modul Dokumentenmanagement", 5900),
    ("SUP24", "Support 24/7 (jährlich)", 4800),
    ("HW-TAB", "Tablet robust (Stück)", 1290),
    ("HW-SCAN", "Barcode-Scanner (Stück)", 690),
    ("HW-SRV", "Server-Appliance", 14900),
)
#: (title, main product, extra products, users/quantity range) of typical deals.
DEALS = (
    ("Einführung {p}", "IMPL", ("LIC-P", "TRAIN", "MIG", "PM"), (5, 60)),
    ("Lizenzerweiterung {n} Benutzer", "LIC-P", ("MNT-S",), (5, 80)),
    ("Umstieg auf Enterprise", "LIC-E", ("CONS", "MNT-P"), (10, 120)),
    ("Wartungsvertrag {y}", "MNT-S", (), (1, 1)),
    ("Premium-Support {y}", "MNT-P", ("SUP24",), (1, 1)),
    ("Hosting-Migration", "HOST-L", ("MIG", "BACKUP", "CONS"), (1, 1)),
    ("Cloud-Hosting Start", "HOST-S", ("BACKUP",), (1, 1)),
    ("Schnittstelle zum ERP", "INT-ERP", ("CONS", "PM"), (1, 1)),
    ("Webshop-Anbindung", "INT-SHOP", ("CONS",), (1, 1)),
    ("Security-Audit {y}", "SEC", ("CONS",), (1, 1)),
    ("Aussendienst mobil", "MOB", ("HW-TAB", "LIC-S"), (5, 40)),
    ("Lager & Logistik", "HW-SCAN", ("LIC-S", "INT-ERP"), (4, 30)),
    ("Reporting-Projekt", "BI", ("CONS", "TRAIN"), (1, 1)),
    ("Digitales Archiv", "DMS", ("MIG", "TRAIN"), (1, 1)),
    ("Schulungsprogramm", "TRAIN", ("ELRN",), (2, 8)),
    ("Server-Erneuerung", "HW-SRV", ("CONS",), (1, 3)),
)
#: What an "Einführung {p}" project introduces.
SYSTEMS = (
    "CRM",
    "ERP",
    "Relata Cloud",
    "Zeiterfassung",
    "Lohnbuchhaltung",
    "Ticketsystem",
)
CAMPAIGNS = (
    ("Swissbau {y}", "trade fair", 1, 45_000),
    ("OBA St. Gallen {y}", "trade fair", 9, 18_000),
    ("Webinar Digitalisierung KMU {y}", "webinar", 3, 2_500),
    ("Newsletter Frühling {y}", "e-mail", 4, 1_200),
    ("Google Ads Q3 {y}", "online ads", 7, 14_000),
    ("Kundenevent Zürich {y}", "event", 11, 22_000),
)
LOST_REASONS = (
    ("Preis zu hoch", 30),
    ("Mitbewerber gewählt", 28),
    ("Kein Budget", 16),
    ("Projekt verschoben", 12),
    ("Kein Entscheid", 9),
    ("Anforderungen nicht erfüllt", 5),
)
COMPETITORS = (
    "Helvetic Soft AG",
    "Alpsoft GmbH",
    "Datacore Systems",
    "NordCRM AG",
    "Bergsys AG",
    "Lakeview Software",
)
NEXT_STEPS = (
    "Offerte nachfassen",
    "Demo-Termin vereinbaren",
    "Entscheid abwarten",
    "Referenzkunde vermitteln",
    "Vertrag zur Unterschrift senden",
    "Budget mit GL klären",
    "Workshop planen",
    "",
)
DISQUALIFY = ("Kein Bedarf", "Zu klein", "Kein Budget", "Falscher Kontakt", "Spam")
