<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_CH" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/views/about_dialog.py" line="100"/>
        <source>About Relata</source>
        <translation>Über Relata</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="105"/>
        <source>The offline-first CRM for field sales and back offices.</source>
        <translation>Das Offline-first-CRM für Aussendienst und Innendienst.</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="109"/>
        <source>Build %1, commit %2</source>
        <translation>Build %1, Commit %2</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="114"/>
        <source>Development build</source>
        <translation>Entwicklungsversion</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="120"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="121"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="122"/>
        <source>none (working offline)</source>
        <translation>keiner (offline)</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="136"/>
        <source>Component</source>
        <translation>Komponente</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="136"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="136"/>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <location filename="../../app/views/about_dialog.py" line="152"/>
        <source>Third-party components and their licences:</source>
        <translation>Komponenten von Drittanbietern und ihre Lizenzen:</translation>
    </message>
</context>
<context>
    <name>AddressBookView</name>
    <message>
        <location filename="../../app/views/address_book.py" line="94"/>
        <source>Persons</source>
        <extracomment>Extensions of the forms (custom fields): checks that raise a ValidationError before a save, and writers after it.</extracomment>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="95"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="101"/>
        <source>Search name, e-mail, phone, city, organisation … (Ctrl+F)</source>
        <translation>Name, E-Mail, Telefon, Ort, Organisation suchen … (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="104"/>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="109"/>
        <source>Postcode from</source>
        <translation>PLZ ab</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="114"/>
        <location filename="../../app/views/address_book.py" line="473"/>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="117"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="119"/>
        <source>Undo delete</source>
        <translation>Löschen rückgängig</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="149"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="151"/>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="153"/>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="174"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="352"/>
        <source>Not saved: please correct the marked fields.</source>
        <translation>Nicht gespeichert: Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="365"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="404"/>
        <source>Undo delete of %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="411"/>
        <source>Deleted %1. Ctrl+Z brings it back.</source>
        <translation>%1 gelöscht. Mit Strg+Z machen Sie das rückgängig.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="432"/>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="475"/>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="561"/>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="562"/>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="576"/>
        <source>More than %1 matches — type more to narrow the search</source>
        <translation>Mehr als %1 Treffer – geben Sie mehr ein, um die Suche einzugrenzen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/address_book.py" line="579"/>
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/address_book.py" line="581"/>
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln Organisation</numerusform>
            <numerusform>%Ln Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="592"/>
        <source>Nothing matches. Check the spelling or clear the filters.</source>
        <translation>Keine Treffer. Prüfen Sie die Schreibweise oder setzen Sie die Filter zurück.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="595"/>
        <source>No persons yet.
Click “New person” (Ctrl+N) or load demo data from the File menu.</source>
        <translation>Noch keine Personen erfasst.
Klicken Sie auf «Neue Person» (Strg+N) oder laden Sie Demodaten über «Datei».</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="599"/>
        <source>No organisations yet.
Click “New organisation” (Ctrl+Shift+N) or load demo data from the File menu.</source>
        <translation>Noch keine Organisationen erfasst.
Klicken Sie auf «Neue Organisation» (Strg+Umschalt+N) oder laden Sie Demodaten über «Datei».</translation>
    </message>
</context>
<context>
    <name>AddressColumns</name>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="24"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="26"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="29"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="34"/>
        <location filename="../../app/views/tablemodels/addresses.py" line="57"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="37"/>
        <location filename="../../app/views/tablemodels/addresses.py" line="60"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="42"/>
        <location filename="../../app/views/tablemodels/addresses.py" line="65"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="44"/>
        <location filename="../../app/views/tablemodels/addresses.py" line="67"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="45"/>
        <location filename="../../app/views/tablemodels/addresses.py" line="68"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="49"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="52"/>
        <source>Customer no.</source>
        <translation>Kunden-Nr.</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/addresses.py" line="56"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
</context>
<context>
    <name>AnalyticsTexts</name>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="29"/>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="30"/>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="31"/>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="32"/>
        <source>Last quarter</source>
        <translation>Letztes Quartal</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="33"/>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="34"/>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="41"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="42"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="43"/>
        <source>Lead source</source>
        <translation>Herkunft des Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="44"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="45"/>
        <source>Canton</source>
        <translation>Kanton</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="46"/>
        <source>Close month</source>
        <translation>Abschlussmonat</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="47"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="48"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="49"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="56"/>
        <source>Number of deals</source>
        <translation>Anzahl Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="57"/>
        <source>Amount (CHF)</source>
        <translation>Betrag (CHF)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="58"/>
        <source>Average deal (CHF)</source>
        <translation>Durchschnittlicher Abschluss (CHF)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="59"/>
        <source>Weighted amount (CHF)</source>
        <translation>Gewichteter Betrag (CHF)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="66"/>
        <source>All deals</source>
        <translation>Alle Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="67"/>
        <source>Open deals</source>
        <translation>Offene Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="68"/>
        <source>Won deals</source>
        <translation>Gewonnene Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="69"/>
        <source>Lost deals</source>
        <translation>Verlorene Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="76"/>
        <source>Promoter</source>
        <translation>Promotor</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="77"/>
        <source>Passive</source>
        <translation>Passiv</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="78"/>
        <source>Detractor</source>
        <translation>Kritiker</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="85"/>
        <source>Average yearly revenue × margin × years</source>
        <translation>Durchschnittlicher Jahresumsatz × Marge × Jahre</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="86"/>
        <source>Historic gross profit + projection for the remaining years</source>
        <translation>Bisheriger Deckungsbeitrag + Hochrechnung der restlichen Jahre</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="95"/>
        <source>(none)</source>
        <translation>(keine Angabe)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="116"/>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="165"/>
        <source>Local data · not synced yet</source>
        <translation>Lokale Daten · noch nicht abgeglichen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="168"/>
        <source>Data as of last sync: %1</source>
        <translation>Datenstand letzter Abgleich: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="174"/>
        <source>Choose the person who answered.</source>
        <translation>Wählen Sie die Person, die geantwortet hat.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="175"/>
        <source>The score is a whole number from 0 to 10.</source>
        <translation>Die Bewertung ist eine ganze Zahl von 0 bis 10.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="176"/>
        <source>Enter a date such as 31.12.2026.</source>
        <translation>Geben Sie ein Datum wie 31.12.2026 ein.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="177"/>
        <source>The answer cannot lie in the future.</source>
        <translation>Die Antwort kann nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="178"/>
        <source>The comment is too long (at most 2,000 characters).</source>
        <translation>Der Kommentar ist zu lang (höchstens 2&apos;000 Zeichen).</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="179"/>
        <source>No person with this e-mail address or Relata ID.</source>
        <translation>Keine Person mit dieser E-Mail-Adresse oder Relata-ID.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="180"/>
        <source>The file needs a score column and an e-mail or Relata ID column.</source>
        <translation>Die Datei braucht eine Spalte mit der Bewertung und eine mit E-Mail oder Relata-ID.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="183"/>
        <source>The gross margin lies between 0 and 100 %.</source>
        <translation>Die Bruttomarge liegt zwischen 0 und 100 %.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="184"/>
        <source>Enter between 1 and 50 years.</source>
        <translation>Geben Sie 1 bis 50 Jahre ein.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="185"/>
        <source>A report with this name exists already.</source>
        <translation>Es gibt schon einen Bericht mit diesem Namen.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="186"/>
        <source>Choose one or two different groupings.</source>
        <translation>Wählen Sie eine oder zwei verschiedene Gruppierungen.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/texts.py" line="187"/>
        <source>This field is required.</source>
        <translation>Dieses Feld ist obligatorisch.</translation>
    </message>
</context>
<context>
    <name>AnalyticsUi</name>
    <message>
        <location filename="../../app/views/dashboard/integration.py" line="65"/>
        <source>Reports and analyses</source>
        <extracomment>What the dashboard and reports show; a write to any of these makes them stale.</extracomment>
        <translation>Berichte und Analysen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/integration.py" line="69"/>
        <source>Report builder</source>
        <translation>Berichtsgenerator</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/integration.py" line="70"/>
        <source>Customer lifetime value</source>
        <translation>Kundenwert (CLTV)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/integration.py" line="71"/>
        <source>Net Promoter Score</source>
        <translation>Net Promoter Score</translation>
    </message>
    <message>
        <location filename="../../app/views/navigation.py" line="61"/>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/integration.py" line="111"/>
        <source>R&amp;eports</source>
        <translation>Be&amp;richte</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/integration.py" line="112"/>
        <source>Customer lifetime val&amp;ue</source>
        <translation>Kundenwer&amp;t (CLTV)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/integration.py" line="113"/>
        <source>Net Promoter &amp;Score</source>
        <translation>Net Promoter &amp;Score</translation>
    </message>
</context>
<context>
    <name>AutomationPage</name>
    <message>
        <location filename="../../app/views/automation/page.py" line="65"/>
        <source>Automation and campaigns</source>
        <translation>Automatisierung und Kampagnen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/page.py" line="68"/>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/page.py" line="69"/>
        <source>E-mail templates</source>
        <translation>E-Mail-Vorlagen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/page.py" line="70"/>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/page.py" line="71"/>
        <source>Web forms</source>
        <translation>Web-Formulare</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/page.py" line="72"/>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
</context>
<context>
    <name>AutomationTexts</name>
    <message>
        <location filename="../../app/views/automation/texts.py" line="19"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="20"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="21"/>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="22"/>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="23"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="30"/>
        <source>Record created</source>
        <translation>Datensatz erfasst</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="31"/>
        <source>Field changed</source>
        <translation>Feld geändert</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="32"/>
        <source>Stage reached</source>
        <translation>Phase erreicht</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="33"/>
        <source>Date reached</source>
        <translation>Datum erreicht</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="34"/>
        <source>No journal entry for N days</source>
        <translation>Seit N Tagen kein Journaleintrag</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="35"/>
        <source>Task overdue</source>
        <translation>Aufgabe überfällig</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="36"/>
        <source>Web form submitted</source>
        <translation>Web-Formular abgeschickt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="37"/>
        <source>Lead score reached</source>
        <translation>Lead-Score erreicht</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="44"/>
        <source>Create task</source>
        <translation>Aufgabe erstellen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="45"/>
        <source>Set field</source>
        <translation>Feld setzen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="46"/>
        <source>Add tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="47"/>
        <source>Remove tag</source>
        <translation>Tag entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="48"/>
        <source>Change owner</source>
        <translation>Verantwortliche ändern</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="49"/>
        <source>Log journal entry</source>
        <translation>Journaleintrag erfassen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="50"/>
        <source>Send e-mail</source>
        <translation>E-Mail senden</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="51"/>
        <source>Notify the owner</source>
        <translation>Verantwortliche benachrichtigen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="52"/>
        <source>Wait (days)</source>
        <translation>Warten (Tage)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="59"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="60"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="61"/>
        <source>Waiting for a laptop</source>
        <translation>Wartet auf einen Laptop</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="62"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="63"/>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="64"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="65"/>
        <source>Bounced</source>
        <translation>Unzustellbar</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="66"/>
        <source>Blocked (no consent)</source>
        <translation>Gesperrt (keine Einwilligung)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="67"/>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="68"/>
        <source>Opted out</source>
        <translation>Abgemeldet</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="69"/>
        <source>Responded</source>
        <translation>Reagiert</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="70"/>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="71"/>
        <source>Attended</source>
        <translation>Teilgenommen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="72"/>
        <source>Converted</source>
        <translation>Konvertiert</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="80"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="81"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="82"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="83"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="84"/>
        <source>Customer no.</source>
        <translation>Kundennr.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="85"/>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="86"/>
        <source>Disqualification reason</source>
        <translation>Grund der Disqualifizierung</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="87"/>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="88"/>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="89"/>
        <source>Competitor</source>
        <translation>Mitbewerber</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="90"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="91"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="92"/>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="99"/>
        <location filename="../../app/views/automation/texts.py" line="104"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="100"/>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="101"/>
        <location filename="../../app/views/automation/texts.py" line="105"/>
        <source>Event / trade fair</source>
        <translation>Anlass / Messe</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="102"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="106"/>
        <source>Online ads</source>
        <translation>Online-Werbung</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="107"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="108"/>
        <source>Social media</source>
        <translation>Social Media</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="115"/>
        <source>Required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="116"/>
        <source>This trigger does not apply to this kind of record</source>
        <translation>Dieser Auslöser passt nicht zu dieser Art von Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="117"/>
        <source>Pick a field</source>
        <translation>Feld wählen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="118"/>
        <source>Pick a stage</source>
        <translation>Phase wählen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="119"/>
        <source>Enter 1 to 3650 days</source>
        <translation>1 bis 3650 Tage eingeben</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="120"/>
        <source>Add at least one action</source>
        <translation>Mindestens eine Aktion hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="121"/>
        <source>Action %1 is incomplete</source>
        <translation>Aktion %1 ist unvollständig</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="128"/>
        <source>Set up the mail server first (Edit → Mail server)</source>
        <translation>Zuerst den Mailserver einrichten (Bearbeiten → Mailserver)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="204"/>
        <source>Prospect</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="205"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="206"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="207"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="208"/>
        <source>Former customer</source>
        <translation>Ehemaliger Kunde</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="209"/>
        <source>Unqualified</source>
        <translation>Unqualifiziert</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="210"/>
        <source>Marketing qualified (MQL)</source>
        <translation>Marketing-qualifiziert (MQL)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="211"/>
        <source>Sales qualified (SQL)</source>
        <translation>Vertriebsqualifiziert (SQL)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="212"/>
        <source>Disqualified</source>
        <translation>Disqualifiziert</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="213"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="214"/>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="215"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="216"/>
        <source>Low</source>
        <translation>Tief</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="217"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="218"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="219"/>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="220"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="221"/>
        <source>Web form</source>
        <translation>Web-Formular</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="222"/>
        <source>Trade fair</source>
        <translation>Messe</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="223"/>
        <source>Referral</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="224"/>
        <source>Cold call</source>
        <translation>Kaltakquise</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="225"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="226"/>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="227"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="228"/>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="229"/>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="230"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="231"/>
        <source>Romansh</source>
        <translation>Rätoromanisch</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="122"/>
        <source>A condition does not fit: %1</source>
        <translation>Eine Bedingung passt nicht: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="123"/>
        <source>Unknown merge field: %1</source>
        <translation>Unbekanntes Seriendruckfeld: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="124"/>
        <source>Enter a port from 1 to 65535</source>
        <translation>Port von 1 bis 65535 eingeben</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="125"/>
        <source>This is not an e-mail address</source>
        <translation>Das ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="126"/>
        <source>The mail server cannot be reached</source>
        <translation>Der Mailserver ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="127"/>
        <source>The mail server refused the user name or password</source>
        <translation>Der Mailserver hat Benutzername oder Passwort abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="129"/>
        <source>This record has no person to write to</source>
        <translation>Dieser Datensatz hat keine Person, der man schreiben kann</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="130"/>
        <source>This person has no e-mail address</source>
        <translation>Diese Person hat keine E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="131"/>
        <source>The campaign ends before it starts</source>
        <translation>Die Kampagne endet vor ihrem Beginn</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="132"/>
        <source>The cost cannot be negative</source>
        <translation>Die Kosten können nicht negativ sein</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="133"/>
        <source>Use lower-case letters, digits and dashes</source>
        <translation>Nur Kleinbuchstaben, Ziffern und Bindestriche verwenden</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="134"/>
        <source>Another form already uses this name</source>
        <translation>Ein anderes Formular verwendet diesen Namen schon</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="135"/>
        <source>Ask at least for the e-mail address or the last name</source>
        <translation>Mindestens nach E-Mail-Adresse oder Nachname fragen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="157"/>
        <source>Task “%1”, due %2</source>
        <translation>Aufgabe «%1», fällig am %2</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="164"/>
        <source>%1 set to “%2”</source>
        <translation>%1 auf «%2» gesetzt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="170"/>
        <source>Tag “%1” added</source>
        <translation>Tag «%1» hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="171"/>
        <source>Tag “%1” was already there</source>
        <translation>Tag «%1» war schon gesetzt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="172"/>
        <source>Tag “%1” removed</source>
        <translation>Tag «%1» entfernt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="173"/>
        <source>Tag “%1” was not there</source>
        <translation>Tag «%1» war nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="177"/>
        <source>New owner: %1</source>
        <translation>Neue Verantwortliche: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="179"/>
        <source>Journal entry “%1”</source>
        <translation>Journaleintrag «%1»</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="182"/>
        <source>E-mail “%1” handed to the owner&apos;s laptop</source>
        <translation>E-Mail «%1» an den Laptop der Verantwortlichen übergeben</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="185"/>
        <source>E-mail “%1” queued</source>
        <translation>E-Mail «%1» in den Postausgang gelegt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="188"/>
        <source>%1 notified</source>
        <translation>%1 benachrichtigt</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="190"/>
        <source>Nobody notified (the record has no owner)</source>
        <translation>Niemand benachrichtigt (der Datensatz hat keine Verantwortliche)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/texts.py" line="194"/>
        <source>Wait %1 days, until %2</source>
        <translation>%1 Tage warten, bis %2</translation>
    </message>
</context>
<context>
    <name>AutomationUi</name>
    <message>
        <location filename="../../app/views/navigation.py" line="59"/>
        <source>Automation</source>
        <translation>Automatisierung</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/integration.py" line="60"/>
        <source>&amp;Automation</source>
        <extracomment>How often the laptop checks date triggers and waiting sequences.</extracomment>
        <translation>A&amp;utomatisierung</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/integration.py" line="61"/>
        <source>Ca&amp;mpaigns</source>
        <translation>Kampagnen&amp;übersicht</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/integration.py" line="62"/>
        <source>&amp;Mail server …</source>
        <translation>&amp;Mailserver …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/automation/integration.py" line="69"/>
        <source>%n new notification(s)</source>
        <translation>
            <numerusform>%n neue Benachrichtigung</numerusform>
            <numerusform>%n neue Benachrichtigungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/automation/integration.py" line="70"/>
        <source>Notifications from workflows</source>
        <translation>Benachrichtigungen aus Workflows</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/integration.py" line="77"/>
        <source>No new notifications</source>
        <translation>Keine neuen Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/integration.py" line="89"/>
        <source>Mark all as read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/automation/integration.py" line="189"/>
        <source>%n e-mail(s) sent from the outbox.</source>
        <translation>
            <numerusform>%n E-Mail aus dem Postausgang versendet.</numerusform>
            <numerusform>%n E-Mails aus dem Postausgang versendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookQuality</name>
    <message>
        <location filename="../../app/views/quality/book.py" line="76"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="77"/>
        <source>Merge …</source>
        <translation>Zusammenführen …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="81"/>
        <source>Not a duplicate — hide</source>
        <translation>Keine Dublette – ausblenden</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="113"/>
        <source>Possible duplicate: %1 (%2) — %3</source>
        <translation>Mögliche Dublette: %1 (%2) – %3</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="178"/>
        <source>Custom fields and tags</source>
        <translation>Zusatzfelder und Merkmale</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="341"/>
        <source>Custom fields as columns</source>
        <translation>Zusatzfelder als Spalten</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="349"/>
        <source>No custom fields defined</source>
        <translation>Keine Zusatzfelder definiert</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="404"/>
        <source>Add tag</source>
        <translation>Merkmal hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="405"/>
        <source>Remove tag</source>
        <translation>Merkmal entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="414"/>
        <source>Mass update …</source>
        <translation>Massenänderung …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/book.py" line="416"/>
        <source>selection</source>
        <translation>Auswahl</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/book.py" line="430"/>
        <source>Tag added to %n record(s).</source>
        <translation>
            <numerusform>Merkmal bei %n Datensatz hinzugefügt.</numerusform>
            <numerusform>Merkmal bei %n Datensätzen hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/book.py" line="434"/>
        <source>Tag removed from %n record(s).</source>
        <translation>
            <numerusform>Merkmal bei %n Datensatz entfernt.</numerusform>
            <numerusform>Merkmal bei %n Datensätzen entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampaignsView</name>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="101"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="334"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="523"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="637"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="642"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="123"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="250"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="125"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="335"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="126"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="127"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="129"/>
        <source>Budget / cost</source>
        <translation>Budget / Kosten</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="231"/>
        <source>No response</source>
        <translation>Keine Reaktion</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="252"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="254"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="255"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="258"/>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="264"/>
        <source>Response</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="330"/>
        <source>New campaign …</source>
        <translation>Neue Kampagne …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="331"/>
        <source>Edit …</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="336"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="337"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="344"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="338"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="346"/>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="339"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="340"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="349"/>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="345"/>
        <source>Responses</source>
        <translation>Reaktionen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="347"/>
        <source>Won revenue</source>
        <translation>Gewonnener Umsatz</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="348"/>
        <source>Cost per lead</source>
        <translation>Kosten pro Lead</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="353"/>
        <source>Add members from segment …</source>
        <translation>Mitglieder aus Segment hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="354"/>
        <source>Set response</source>
        <translation>Reaktion erfassen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="355"/>
        <source>Withdrew marketing consent</source>
        <translation>Marketing-Einwilligung widerrufen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="356"/>
        <source>Send e-mail …</source>
        <translation>E-Mail senden …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="357"/>
        <source>Mail merge (PDF)</source>
        <translation>Serienbrief (PDF)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="358"/>
        <source>Letters (PDF) …</source>
        <translation>Briefe (PDF) …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="359"/>
        <source>Address labels (PDF) …</source>
        <translation>Adressetiketten (PDF) …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="417"/>
        <source>No campaign yet</source>
        <translation>Noch keine Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="419"/>
        <source>Create a campaign, add members from a segment, send and track responses.</source>
        <translation>Kampagne erstellen, Mitglieder aus einem Segment hinzufügen, versenden und Reaktionen verfolgen.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="429"/>
        <source>%1 · cost %2 · %3 opportunities, %4 won</source>
        <translation>%1 · Kosten %2 · %3 Verkaufschancen, %4 gewonnen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="449"/>
        <source>Registered: %1 · attended: %2 · converted: %3</source>
        <translation>Angemeldet: %1 · teilgenommen: %2 · konvertiert: %3</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="482"/>
        <source>No segment</source>
        <translation>Kein Segment</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="483"/>
        <source>Save a person segment first (Data quality → Segments).</source>
        <translation>Zuerst ein Personensegment speichern (Datenqualität → Segmente).</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="487"/>
        <source>Add members</source>
        <translation>Mitglieder hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="487"/>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="502"/>
        <source>%1 members added.</source>
        <translation>%1 Mitglieder hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="507"/>
        <source>Adding members …</source>
        <translation>Mitglieder werden hinzugefügt …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="548"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="592"/>
        <source>No template</source>
        <translation>Keine Vorlage</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="548"/>
        <source>Write an e-mail template first.</source>
        <translation>Zuerst eine E-Mail-Vorlage schreiben.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="553"/>
        <source>Send e-mail</source>
        <translation>E-Mail senden</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="554"/>
        <location filename="../../app/views/automation/campaigns_view.py" line="598"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="574"/>
        <source>%1 e-mails are in the outbox. Send them from the Outbox tab.</source>
        <translation>%1 E-Mails liegen im Postausgang. Im Register «Postausgang» versenden.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="581"/>
        <source>Preparing e-mails …</source>
        <translation>E-Mails werden vorbereitet …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="592"/>
        <source>Write a letter template first.</source>
        <translation>Zuerst eine Briefvorlage schreiben.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="597"/>
        <source>Letters</source>
        <translation>Briefe</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="608"/>
        <source>Save PDF</source>
        <translation>PDF speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="625"/>
        <source>PDF written</source>
        <translation>PDF geschrieben</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/campaigns_view.py" line="626"/>
        <source>%1 addresses written to %2</source>
        <translation>%1 Adressen in %2 geschrieben</translation>
    </message>
</context>
<context>
    <name>CardColumn</name>
    <message>
        <location filename="../../app/views/pipeline/cards.py" line="267"/>
        <source>%1 d</source>
        <extracomment>Overdue close dates are marked only in open stages.</extracomment>
        <translation>%1 T.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/cards.py" line="289"/>
        <source>Close %1</source>
        <translation>Abschluss %1</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/cards.py" line="289"/>
        <source>Closed %1</source>
        <translation>Abschluss %1</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/cards.py" line="408"/>
        <source>No opportunities</source>
        <translation>Keine Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/cards.py" line="443"/>
        <source>%1 more …</source>
        <translation>%1 weitere …</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="91"/>
        <source>Type to search an organisation</source>
        <translation>Tippen, um eine Organisation zu suchen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="96"/>
        <source>Type to search a person</source>
        <translation>Tippen, um eine Person zu suchen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="116"/>
        <source>Search the knowledge base …</source>
        <translation>Wissensdatenbank durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="118"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="125"/>
        <source>Subject *</source>
        <translation>Betreff *</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="126"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="127"/>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="128"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="129"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="130"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="131"/>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="132"/>
        <source>First response by</source>
        <translation>Erste Antwort bis</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="133"/>
        <source>Solve by</source>
        <translation>Lösen bis</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="140"/>
        <source>Answer (article)</source>
        <translation>Antwort (Artikel)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="146"/>
        <source>Request</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="194"/>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="207"/>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="209"/>
        <source>Number and service-level dates are set when you save.</source>
        <translation>Nummer und Service-Level-Termine werden beim Speichern gesetzt.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="216"/>
        <location filename="../../app/views/journal/case_form.py" line="258"/>
        <source>(no answer yet)</source>
        <translation>(noch keine Antwort)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="228"/>
        <source>Opened %1</source>
        <translation>Eröffnet %1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="245"/>
        <location filename="../../app/views/journal/case_form.py" line="251"/>
        <location filename="../../app/views/journal/case_form.py" line="417"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="390"/>
        <source>First response due %1</source>
        <translation>Erste Antwort fällig %1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="395"/>
        <source>Closed %1</source>
        <translation>Abgeschlossen %1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="397"/>
        <source>Solved %1</source>
        <translation>Gelöst %1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="400"/>
        <source>Solve by %1</source>
        <translation>Lösen bis %1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/case_form.py" line="404"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="67"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="68"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="69"/>
        <source>Solved and closed</source>
        <translation>Gelöst und abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="70"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="76"/>
        <source>Start work</source>
        <extracomment>Buttons that move a case on: (target status, label provider).</extracomment>
        <translation>In Bearbeitung nehmen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="77"/>
        <source>Wait for customer</source>
        <translation>Auf Kunde warten</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="78"/>
        <source>Solve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="79"/>
        <source>Close</source>
        <translation>Abschliessen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="200"/>
        <source>Search number or subject …</source>
        <translation>Nummer oder Betreff suchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="201"/>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="202"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="203"/>
        <source>Case journal</source>
        <translation>Fall-Journal</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="206"/>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="207"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="208"/>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="296"/>
        <source>Not saved: please correct the marked fields.</source>
        <translation>Nicht gespeichert: Bitte die markierten Felder korrigieren.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="305"/>
        <source>Case %1 saved.</source>
        <translation>Fall %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="326"/>
        <source>%1 is now “%2”.</source>
        <translation>%1 ist jetzt «%2».</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="370"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/cases_view.py" line="378"/>
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln Fall</numerusform>
            <numerusform>%Ln Fälle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="380"/>
        <source>%1 open, %2 overdue</source>
        <translation>%1 offen, %2 überfällig</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="388"/>
        <source>Nothing matches.</source>
        <translation>Nichts gefunden.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="390"/>
        <source>No cases here.
Record a customer request with “New case”.</source>
        <translation>Hier sind keine Fälle.
Erfassen Sie ein Kundenanliegen mit «Neuer Fall».</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="442"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="442"/>
        <source>Save the changes to this case?</source>
        <translation>Änderungen an diesem Fall speichern?</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="481"/>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/cases_view.py" line="482"/>
        <source>Knowledge base</source>
        <translation>Wissensdatenbank</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="624"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="627"/>
        <source>A trial run: every row is validated and compared with the database, nothing is written. Rows with errors are left out of the import; save them as an error workbook, fix them and import that file later.</source>
        <translation>Ein Probelauf: Jede Zeile wird geprüft und mit der Datenbank verglichen, geschrieben wird nichts. Zeilen mit Fehlern werden nicht importiert; speichern Sie sie als Fehlerliste, korrigieren Sie sie und importieren Sie diese Datei später.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="632"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="650"/>
        <source>Save error workbook …</source>
        <translation>Fehlerliste speichern …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="664"/>
        <source>Checking …</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="685"/>
        <source>Checking the file …</source>
        <translation>Datei wird geprüft …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="716"/>
        <source>There is nothing to import.</source>
        <translation>Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="719"/>
        <source>Click “Import” to write the new and updated records.</source>
        <translation>Klicken Sie auf «Importieren», um die neuen und geänderten Datensätze zu schreiben.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="727"/>
        <source>Check cancelled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="732"/>
        <source>The check failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ChildEditors</name>
    <message>
        <location filename="../../app/views/forms/children.py" line="113"/>
        <source>Remove this line</source>
        <translation>Diese Zeile entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="133"/>
        <source>+41 44 123 45 67 or name@example.ch</source>
        <translation>+41 44 123 45 67 oder name@example.ch</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="135"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="136"/>
        <source>Label (e.g. office)</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="139"/>
        <location filename="../../app/views/forms/children.py" line="234"/>
        <location filename="../../app/views/forms/children.py" line="401"/>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="179"/>
        <source>Add phone, e-mail or web</source>
        <translation>Telefon, E-Mail oder Web hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="237"/>
        <source>Street</source>
        <translation>Strasse</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="238"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="239"/>
        <source>Additional line (c/o, floor)</source>
        <translation>Adresszusatz (c/o, Stockwerk)</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="240"/>
        <source>PO box</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="241"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="242"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="243"/>
        <source>Canton/state</source>
        <translation>Kanton</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="244"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="295"/>
        <source>Add address</source>
        <translation>Adresse hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="344"/>
        <source>Type to search an organisation</source>
        <translation>Organisation suchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="400"/>
        <source>Role (e.g. purchasing)</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="443"/>
        <source>Link to organisation</source>
        <translation>Mit Organisation verknüpfen</translation>
    </message>
</context>
<context>
    <name>CltvView</name>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="43"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="46"/>
        <source>CLTV (CHF)</source>
        <translation>CLTV (CHF)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="54"/>
        <source>Won so far (CHF)</source>
        <translation>Bisher gewonnen (CHF)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="62"/>
        <source>Per year (CHF)</source>
        <translation>Pro Jahr (CHF)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="70"/>
        <source>Won deals</source>
        <translation>Abschlüsse</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="78"/>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="85"/>
        <source>Years</source>
        <translation>Jahre</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="135"/>
        <source>Gross margin on won revenue</source>
        <translation>Bruttomarge auf dem gewonnenen Umsatz</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="138"/>
        <source>Expected years of the customer relationship</source>
        <translation>Erwartete Dauer der Kundenbeziehung in Jahren</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="146"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="153"/>
        <source>Gross margin</source>
        <translation>Bruttomarge</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="154"/>
        <source>Expected years</source>
        <translation>Erwartete Jahre</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="155"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/cltv_view.py" line="213"/>
        <source>%Ln organisation(s) with won business</source>
        <translation>
            <numerusform>%Ln Organisation mit gewonnenem Geschäft</numerusform>
            <numerusform>%Ln Organisationen mit gewonnenem Geschäft</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="249"/>
        <source>CLTV = average yearly revenue × gross margin × expected years = (won revenue ÷ years since the first won deal, at least 1) × %1 × %2</source>
        <translation>CLTV = durchschnittlicher Jahresumsatz × Bruttomarge × erwartete Jahre = (gewonnener Umsatz ÷ Jahre seit dem ersten Abschluss, mindestens 1) × %1 × %2</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="254"/>
        <source>CLTV = won revenue × gross margin + average yearly revenue × gross margin × remaining years = won × %1 + per year × %1 × (%2 − years so far, at least 0)</source>
        <translation>CLTV = gewonnener Umsatz × Bruttomarge + durchschnittlicher Jahresumsatz × Bruttomarge × restliche Jahre = gewonnen × %1 + pro Jahr × %1 × (%2 − bisherige Jahre, mindestens 0)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/cltv_view.py" line="262"/>
        <source>Won revenue in CHF at today&apos;s exchange rates; deals without an organisation are left out.</source>
        <translation>Gewonnener Umsatz in CHF zu heutigen Wechselkursen; Verkaufschancen ohne Organisation zählen nicht.</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="325"/>
        <source>Sheet and columns</source>
        <translation>Tabellenblatt und Spalten</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="328"/>
        <source>Check which column goes into which field. Known headings in German, English and French are matched automatically; save the mapping as a template to reuse it.</source>
        <translation>Prüfen Sie, welche Spalte in welches Feld kommt. Bekannte Spaltentitel auf Deutsch, Englisch und Französisch werden automatisch zugeordnet; speichern Sie die Zuordnung als Vorlage, um sie wiederzuverwenden.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="340"/>
        <source>Save as template …</source>
        <translation>Als Vorlage speichern …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="342"/>
        <source>Map values …</source>
        <translation>Werte zuordnen …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="345"/>
        <source>Say what file values such as “Kat. A” stand for (status, salutation …)</source>
        <translation>Festlegen, wofür Werte wie «Kat. A» stehen (Status, Anrede …)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="355"/>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="356"/>
        <source>First values</source>
        <translation>Erste Werte</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="357"/>
        <source>Import as</source>
        <translation>Importieren als</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="370"/>
        <source>Update the existing record</source>
        <translation>Bestehenden Datensatz aktualisieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="372"/>
        <source>Skip the row</source>
        <translation>Zeile überspringen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="374"/>
        <source>Create a new record anyway</source>
        <translation>Trotzdem neu anlegen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="377"/>
        <source>Detect (ask when unclear)</source>
        <translation>Erkennen (bei Unklarheit nachfragen)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="378"/>
        <source>Day/month/year (31/12/2026)</source>
        <translation>Tag/Monat/Jahr (31/12/2026)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="379"/>
        <source>Month/day/year (12/31/2026)</source>
        <translation>Monat/Tag/Jahr (12/31/2026)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="381"/>
        <source>Full names are written last name first</source>
        <translation>Vollständige Namen stehen mit dem Nachnamen zuerst</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="382"/>
        <source>Empty cells clear the stored value</source>
        <translation>Leere Zellen löschen den gespeicherten Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="384"/>
        <source>Overwrite records changed in Relata since the export</source>
        <translation>Datensätze überschreiben, die seit dem Export in Relata geändert wurden</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="387"/>
        <source>Sheet</source>
        <translation>Tabellenblatt</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="390"/>
        <source>Headings in row</source>
        <translation>Spaltentitel in Zeile</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="393"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="396"/>
        <source>Existing records and formats</source>
        <translation>Bestehende Datensätze und Formate</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="398"/>
        <source>Find existing records by</source>
        <translation>Bestehende Datensätze finden über</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="400"/>
        <source>When one is found</source>
        <translation>Wenn einer gefunden wird</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="402"/>
        <source>Dates with slashes</source>
        <translation>Daten mit Schrägstrich</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="430"/>
        <source>(automatic)</source>
        <translation>(automatisch)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="443"/>
        <source>%1 rows to import</source>
        <translation>%1 Zeilen zum Importieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="448"/>
        <source>semicolon</source>
        <translation>Semikolon</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="449"/>
        <source>comma</source>
        <translation>Komma</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="450"/>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="452"/>
        <source>text encoding %1, separator %2</source>
        <translation>Zeichenkodierung %1, Trennzeichen %2</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="462"/>
        <source>(column %1)</source>
        <translation>(Spalte %1)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="469"/>
        <source>— not imported —</source>
        <translation>— nicht importieren —</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="478"/>
        <source>Some dates could be read either way: choose the order.</source>
        <translation>Einige Daten sind mehrdeutig: Wählen Sie die Reihenfolge.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="525"/>
        <source>All values of the mapped choice columns are known.</source>
        <translation>Alle Werte der zugeordneten Auswahlspalten sind bekannt.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="545"/>
        <source>Choose the date order first.</source>
        <translation>Wählen Sie zuerst die Reihenfolge der Daten.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="548"/>
        <source>Choose at least one column to import.</source>
        <translation>Wählen Sie mindestens eine Spalte zum Importieren.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="594"/>
        <source>Save mapping template</source>
        <translation>Zuordnungsvorlage speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="594"/>
        <source>Name of the template</source>
        <translation>Name der Vorlage</translation>
    </message>
</context>
<context>
    <name>ConvertDialog</name>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="69"/>
        <source>Use existing:</source>
        <extracomment>Similarity from which an existing record is preselected.</extracomment>
        <translation>Bestehende verwenden:</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="123"/>
        <source>Convert lead</source>
        <translation>Lead umwandeln</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="131"/>
        <source>Turn “%1” into a customer record and an opportunity in one step.</source>
        <translation>«%1» in einem Schritt in einen Kundendatensatz und eine Verkaufschance umwandeln.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="137"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="138"/>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="147"/>
        <source>Create “%1”</source>
        <translation>«%1» neu erfassen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="140"/>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="149"/>
        <source>Create new</source>
        <translation>Neu erfassen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="143"/>
        <source>No organisation (private customer)</source>
        <translation>Keine Organisation (Privatkunde)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="146"/>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="152"/>
        <source>No contact person</source>
        <translation>Keine Kontaktperson</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="154"/>
        <source>Create an opportunity</source>
        <translation>Verkaufschance erstellen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="173"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="174"/>
        <source>Expected revenue</source>
        <translation>Erwarteter Umsatz</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="176"/>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="177"/>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/convert_dialog.py" line="188"/>
        <source>Convert</source>
        <translation>Umwandeln</translation>
    </message>
</context>
<context>
    <name>CustomFieldEditor</name>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="104"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="104"/>
        <location filename="../../app/views/quality/custom_field_editor.py" line="203"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="104"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="104"/>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="116"/>
        <location filename="../../app/views/quality/custom_field_editor.py" line="292"/>
        <source>New field</source>
        <translation>Neues Feld</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="119"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="120"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="121"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="143"/>
        <source>Fields you add here appear in the forms, as list columns, in segments and in imports and exports — no update needed.</source>
        <translation>Felder, die Sie hier anlegen, erscheinen in den Formularen, als Listenspalten, in Segmenten sowie beim Import und Export – ohne Update.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="174"/>
        <source>One value per line, e.g.
A = A customer
B = B customer</source>
        <translation>Ein Wert pro Zeile, z. B.
A = A-Kunde
B = B-Kunde</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="184"/>
        <source>Required: forms refuse to save without a value</source>
        <translation>Pflichtfeld: Formulare speichern nur mit Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="185"/>
        <source>Shown in forms and lists</source>
        <translation>In Formularen und Listen anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="187"/>
        <source>Shown as a tip on the field</source>
        <translation>Erscheint als Hinweis am Feld</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="202"/>
        <source>Label *</source>
        <translation>Bezeichnung *</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="204"/>
        <source>Key (imports, exports)</source>
        <translation>Schlüssel (Import, Export)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="205"/>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="206"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="207"/>
        <source>Decimals</source>
        <translation>Nachkommastellen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="208"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="209"/>
        <source>Help text</source>
        <translation>Hilfetext</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="225"/>
        <source>Save field</source>
        <translation>Feld speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="228"/>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="257"/>
        <source>(hidden)</source>
        <translation>(ausgeblendet)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="295"/>
        <source>made from the label when saved</source>
        <translation>wird beim Speichern aus der Bezeichnung gebildet</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="348"/>
        <source>Delete field</source>
        <translation>Feld löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_field_editor.py" line="349"/>
        <source>Remove the field “%1” from forms, lists and segments? Its %2 stored values are kept.</source>
        <translation>Das Feld «%1» aus Formularen, Listen und Segmenten entfernen? Die %2 gespeicherten Werte bleiben erhalten.</translation>
    </message>
</context>
<context>
    <name>CustomFieldsSection</name>
    <message>
        <location filename="../../app/views/quality/custom_section.py" line="74"/>
        <source>type a name …</source>
        <extracomment>Finds linked records for a link field: text → [(id, name)].</extracomment>
        <translation>Namen eingeben …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_section.py" line="116"/>
        <location filename="../../app/views/quality/custom_section.py" line="191"/>
        <source>Tags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_section.py" line="186"/>
        <source>Tags …</source>
        <translation>Merkmale …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_section.py" line="233"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_section.py" line="234"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/custom_section.py" line="259"/>
        <source>dd.mm.yyyy</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="129"/>
        <source>Dashboard</source>
        <extracomment>Runs the NPS-by-segment comparison in the background (None: inline).</extracomment>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="137"/>
        <source>Period: closed business, leads, activities, answers</source>
        <translation>Zeitraum: Abschlüsse, Leads, Aktivitäten, Antworten</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="140"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="142"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="145"/>
        <source>Only the deals, answers and activities of a segment</source>
        <translation>Nur Verkaufschancen, Antworten und Aktivitäten eines Segments</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="163"/>
        <source>Won this year</source>
        <translation>Gewonnen dieses Jahr</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="164"/>
        <source>Weighted pipeline, 12 months</source>
        <translation>Gewichtete Pipeline 12 Mt.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="304"/>
        <location filename="../../app/views/dashboard/page.py" line="165"/>
        <source>Win rate</source>
        <translation>Abschlussquote</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="166"/>
        <source>Average sales cycle</source>
        <translation>Ø Verkaufszyklus</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="167"/>
        <source>Net Promoter Score</source>
        <translation>Net Promoter Score</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="188"/>
        <source>Source / campaign</source>
        <translation>Herkunft/Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="189"/>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="190"/>
        <source>Conversion</source>
        <translation>Konversion</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="192"/>
        <source>Avg. deal</source>
        <translation>Ø Abschluss</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="200"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="200"/>
        <source>CLTV (CHF)</source>
        <translation>CLTV (CHF)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="200"/>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="130"/>
        <location filename="../../app/views/dashboard/page.py" line="200"/>
        <source>Deals</source>
        <translation>Abschl.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="207"/>
        <source>Sales funnel</source>
        <translation>Verkaufstrichter (Funnel)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="209"/>
        <source>Pipeline and weighted forecast</source>
        <translation>Pipeline und gewichtete Prognose</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="211"/>
        <source>Won revenue year to date</source>
        <translation>Gewonnener Umsatz seit Jahresbeginn (YTD)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="212"/>
        <source>Lead sources</source>
        <translation>Herkunft der Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="214"/>
        <source>Win rate and sales cycle by owner</source>
        <translation>Abschlussquote und Verkaufszyklus pro Verantwortlichem</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="217"/>
        <source>Activities per owner and week</source>
        <translation>Aktivitäten pro Verantwortlichem und Woche</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="220"/>
        <source>Top customers by lifetime value</source>
        <translation>Top-Kunden nach Kundenwert (CLTV)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="222"/>
        <source>NPS over time</source>
        <translation>NPS im Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="223"/>
        <source>NPS by segment</source>
        <translation>NPS pro Segment</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="279"/>
        <source>All owners</source>
        <translation>Alle Verantwortlichen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="282"/>
        <source>All pipelines</source>
        <translation>Alle Pipelines</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="287"/>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="387"/>
        <source>%1 vs. last year to date</source>
        <translation>%1 ggü. Vorjahr</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="259"/>
        <source>Amounts in CHF · conversion = leads of the period whose deal was won ÷ leads</source>
        <translation>Beträge in CHF · Konversion = Leads des Zeitraums mit gewonnener Verkaufschance ÷ Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="412"/>
        <source>Comparing the segments …</source>
        <translation>Segmente werden verglichen …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="351"/>
        <source>segment “%1”</source>
        <translation>Segment «%1»</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="191"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="383"/>
        <source>Won %1 year to date</source>
        <translation>Gewonnen %1 (YTD)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="391"/>
        <source>nothing won by this day last year</source>
        <translation>im Vorjahr bis heute nichts gewonnen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/page.py" line="398"/>
        <source>%Ln open deal(s) closing</source>
        <translation>
            <numerusform>%Ln offene Verkaufschance</numerusform>
            <numerusform>%Ln offene Verkaufschancen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="405"/>
        <source>%1 won · %2 lost</source>
        <translation>%1 gewonnen · %2 verloren</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="278"/>
        <location filename="../../app/views/dashboard/page.py" line="411"/>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="412"/>
        <source>from creation to won</source>
        <translation>Erfassung bis Abschluss</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/page.py" line="417"/>
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="419"/>
        <source>no answers in this period</source>
        <translation>keine Antworten in diesem Zeitraum</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="97"/>
        <source>No opportunities close in this period. Create one on the Pipeline page (Ctrl+Shift+O) or convert a qualified lead.</source>
        <extracomment>Owners drawn as lines in the activity tile (the busiest; the rest summed).</extracomment>
        <translation>In diesem Zeitraum schliesst keine Verkaufschance ab. Erfassen Sie eine auf der Seite Pipeline (Strg+Umschalt+O) oder konvertieren Sie einen qualifizierten Lead.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="109"/>
        <source>Reached: %1 deals · %2</source>
        <translation>Erreicht: %1 Verkaufschancen · %2</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="112"/>
        <source>In this stage now: %1 · %2</source>
        <translation>Jetzt in dieser Phase: %1 · %2</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="118"/>
        <source>Conversion to the next stage: %1</source>
        <translation>Konversion zur nächsten Phase: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="122"/>
        <source>Click to list the deals in this stage</source>
        <translation>Klicken, um die Verkaufschancen dieser Phase aufzulisten</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="137"/>
        <source>%1 deals entered · %2 won · overall %3</source>
        <translation>%1 Verkaufschancen eingetreten · %2 gewonnen · insgesamt %3</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="147"/>
        <source>Nothing is expected to close in the next 12 months. Give open opportunities an expected close date on the Pipeline page.</source>
        <translation>In den nächsten 12 Monaten wird kein Abschluss erwartet. Geben Sie offenen Verkaufschancen auf der Seite Pipeline ein erwartetes Abschlussdatum.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="168"/>
        <source>weighted %1 · best case %2</source>
        <translation>gewichtet %1 · Best Case %2</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="175"/>
        <source>Weighted %1 · best case %2 · click a month for its deals</source>
        <translation>Gewichtet %1 · Best Case %2 · Monat anklicken für seine Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="184"/>
        <source>Nothing won this year or by this day last year. Won deals appear here as soon as you move them to Won.</source>
        <translation>Weder dieses Jahr noch im Vorjahr bis heute etwas gewonnen. Gewonnene Verkaufschancen erscheinen hier, sobald Sie sie auf «Gewonnen» setzen.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="203"/>
        <source>Year to date: %1 (last year %2)</source>
        <translation>Seit Jahresbeginn: %1 (Vorjahr %2)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="218"/>
        <source>%1 up to %2 · last year %3 · %4</source>
        <translation>%1 bis %2 · Vorjahr %3 · %4</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="230"/>
        <source>No leads or won deals in this period. Record where each lead came from on the Leads page (Ctrl+Shift+L).</source>
        <translation>Keine Leads oder Abschlüsse in diesem Zeitraum. Erfassen Sie die Herkunft jedes Leads auf der Seite Leads (Strg+Umschalt+L).</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="241"/>
        <source>%1 won deals · double-click to list them</source>
        <translation>%1 Abschlüsse · Doppelklick listet sie auf</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="268"/>
        <source>No deals were won or lost in this period.</source>
        <translation>In diesem Zeitraum wurde nichts gewonnen oder verloren.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="271"/>
        <location filename="../../app/views/dashboard/drawing.py" line="327"/>
        <source>(no owner)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="283"/>
        <source>Win rate: %1 (%2 won, %3 lost)</source>
        <translation>Abschlussquote: %1 (%2 gewonnen, %3 verloren)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="287"/>
        <source>Won: %1</source>
        <translation>Gewonnen: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="288"/>
        <source>Average sales cycle: %1</source>
        <translation>Durchschnittlicher Verkaufszyklus: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="289"/>
        <source>Click to list the closed deals</source>
        <translation>Klicken, um die abgeschlossenen Verkaufschancen aufzulisten</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="298"/>
        <source>%1 d</source>
        <translation>%1 T.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="308"/>
        <source>Bars: win rate in % · next to the name: average days to win</source>
        <translation>Balken: Abschlussquote in % · neben dem Namen: durchschnittliche Tage bis zum Abschluss</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="313"/>
        <source>Counting the activities …</source>
        <translation>Aktivitäten werden gezählt …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="318"/>
        <source>No calls, meetings or e-mails logged in these weeks. Log them in the journal (Ctrl+J).</source>
        <translation>In diesen Wochen wurden keine Anrufe, Besuche oder E-Mails erfasst. Erfassen Sie sie im Journal (Strg+J).</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="334"/>
        <source>Others</source>
        <translation>Übrige</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="339"/>
        <source>Week of %1</source>
        <translation>Woche ab %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="346"/>
        <source>%1 entries in %2 weeks</source>
        <translation>%1 Einträge in %2 Wochen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="356"/>
        <source>No organisation has won business yet. The lifetime value is computed from won opportunities.</source>
        <translation>Noch keine Organisation mit gewonnenem Geschäft. Der Kundenwert wird aus gewonnenen Verkaufschancen berechnet.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="366"/>
        <source>Customer since %1 · %2 a year · double-click to open</source>
        <translation>Kunde seit %1 · %2 pro Jahr · Doppelklick öffnet</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="377"/>
        <source>CLTV = average yearly revenue × %1 margin × %2 years</source>
        <translation>CLTV = durchschnittlicher Jahresumsatz × %1 Marge × %2 Jahre</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="385"/>
        <source>No survey answers in this period. Record answers on the NPS page or import a survey file there.</source>
        <translation>Keine Umfrageantworten in diesem Zeitraum. Erfassen Sie Antworten auf der Seite NPS oder importieren Sie dort eine Umfragedatei.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="448"/>
        <source>NPS: %1</source>
        <translation>NPS: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="449"/>
        <source>%1 promoters · %2 passives · %3 detractors</source>
        <translation>%1 Promotoren · %2 Passive · %3 Kritiker</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="404"/>
        <source>NPS %1 = %2 promoters − %3 detractors of %4 answers</source>
        <translation>NPS %1 = %2 Promotoren − %3 Kritiker von %4 Antworten</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="416"/>
        <source>Save person segments on the Data quality page to compare their NPS here.</source>
        <translation>Speichern Sie Personensegmente auf der Seite Datenqualität, um ihren NPS hier zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/drawing.py" line="439"/>
        <source>Answers of the period per saved person segment</source>
        <translation>Antworten des Zeitraums pro gespeichertem Personensegment</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="475"/>
        <source>Won in %1</source>
        <translation>Gewonnen im %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/page.py" line="504"/>
        <source>Closed by %1</source>
        <translation>Abgeschlossen von %1</translation>
    </message>
</context>
<context>
    <name>DashboardTile</name>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="84"/>
        <source>Export the chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="87"/>
        <source>Export as PNG …</source>
        <translation>Als PNG exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="88"/>
        <source>Export as SVG …</source>
        <translation>Als SVG exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="135"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="135"/>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-Grafik (*.svg)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/tiles.py" line="138"/>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
</context>
<context>
    <name>DemoDataDialog</name>
    <message>
        <location filename="../../app/views/home.py" line="43"/>
        <source>Load demo data</source>
        <translation>Demodaten laden</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="54"/>
        <source>Adds realistic Swiss, German and Austrian organisations and persons to this database so you can try Relata. You can cancel at any time; nothing is added then.</source>
        <translation>Fügt dieser Datenbank realistische Organisationen und Personen aus der Schweiz, Deutschland und Österreich hinzu, damit Sie Relata ausprobieren können. Sie können jederzeit abbrechen; dann wird nichts hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="62"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="63"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="67"/>
        <source>Generate</source>
        <translation>Erstellen</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="767"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="772"/>
        <source>Save error workbook …</source>
        <translation>Fehlerliste speichern …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="774"/>
        <source>Undo this import</source>
        <translation>Diesen Import rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="789"/>
        <location filename="../../app/views/exchange/import_wizard.py" line="809"/>
        <source>Importing …</source>
        <translation>Wird importiert …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="823"/>
        <source>%1 new records, %2 updated.</source>
        <translation>%1 neue Datensätze, %2 aktualisiert.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="830"/>
        <source>%1 rows left as they were (unchanged, skipped or changed since the export).</source>
        <translation>%1 Zeilen unverändert gelassen (gleich, übersprungen oder seit dem Export geändert).</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="836"/>
        <source>%1 rows with errors were not imported: save them as an error workbook, fix and import again.</source>
        <translation>%1 Zeilen mit Fehlern wurden nicht importiert: Speichern Sie sie als Fehlerliste, korrigieren Sie sie und importieren Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="840"/>
        <source>Undo removes the new records and restores the updated ones.</source>
        <translation>«Rückgängig» entfernt die neuen Datensätze und stellt die aktualisierten wieder her.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="854"/>
        <source>Cancelled — nothing was imported.</source>
        <translation>Abgebrochen — es wurde nichts importiert.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="860"/>
        <source>The import failed and nothing was imported: %1</source>
        <translation>Der Import ist fehlgeschlagen, es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="885"/>
        <source>Undoing the import …</source>
        <translation>Import wird rückgängig gemacht …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="891"/>
        <source>Import undone: %1 records removed, %2 restored.</source>
        <translation>Import rückgängig gemacht: %1 Datensätze entfernt, %2 wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="897"/>
        <source>%1 records changed since the import were kept.</source>
        <translation>%1 seit dem Import geänderte Datensätze wurden beibehalten.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="912"/>
        <source>Undo failed: %1</source>
        <translation>Rückgängig machen fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../app/views/dashboard/drill.py" line="66"/>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/drill.py" line="71"/>
        <source>%Ln opportunity(ies), biggest first</source>
        <translation>
            <numerusform>%Ln Verkaufschance, grösste zuerst</numerusform>
            <numerusform>%Ln Verkaufschancen, grösste zuerst</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicateReview</name>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="70"/>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="75"/>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="76"/>
        <source>Possible duplicate</source>
        <translation>Mögliche Dublette</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="79"/>
        <source>Why</source>
        <translation>Weshalb</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="123"/>
        <source>Duplicate rules</source>
        <translation>Regeln der Dublettensuche</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="137"/>
        <source>Report pairs from score</source>
        <translation>Paare melden ab</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="139"/>
        <source>Records that share no e-mail, phone, UID or web domain reach at most 65 points (persons) or 75 (organisations) on name and place alone; lower the threshold to see them too.</source>
        <translation>Datensätze ohne gemeinsame E-Mail, Telefonnummer, UID oder Web-Domain erreichen allein mit Name und Ort höchstens 65 Punkte (Personen) bzw. 75 (Organisationen); senken Sie die Schwelle, um auch diese zu sehen.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="156"/>
        <source>Compare two %1 when they have:</source>
        <translation>Zwei %1 vergleichen, wenn sie Folgendes gemeinsam haben:</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="202"/>
        <source>Find duplicates</source>
        <translation>Dubletten suchen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="205"/>
        <source>Rules …</source>
        <translation>Regeln …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="218"/>
        <source>Compare and merge …</source>
        <translation>Vergleichen und zusammenführen …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="221"/>
        <source>Not a duplicate</source>
        <translation>Keine Dublette</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="223"/>
        <source>Open record</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="225"/>
        <location filename="../../app/views/quality/duplicates.py" line="333"/>
        <source>Undo merge</source>
        <translation>Zusammenführung rückgängig</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="231"/>
        <source>Look for</source>
        <translation>Suchen in</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="275"/>
        <source>Looking for duplicates …</source>
        <translation>Dubletten werden gesucht …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="283"/>
        <source>%1 possible duplicates among %2 persons (%3 s)</source>
        <translation>%1 mögliche Dubletten unter %2 Personen (%3 s)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="285"/>
        <source>%1 possible duplicates among %2 organisations (%3 s)</source>
        <translation>%1 mögliche Dubletten unter %2 Organisationen (%3 s)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="342"/>
        <source>Merge undone.</source>
        <translation>Zusammenführung rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="372"/>
        <source>Scan cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="383"/>
        <source>Merged. “Undo merge” brings both records back.</source>
        <translation>Zusammengeführt. «Zusammenführung rückgängig» stellt beide Datensätze wieder her.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="418"/>
        <source>Click “Find duplicates” to compare all records: same e-mail or phone, similar names (Müller, Mueller, Muller), swapped first and last names, legal-form variants (AG, SA, GmbH).</source>
        <translation>Klicken Sie auf «Dubletten suchen», um alle Datensätze zu vergleichen: gleiche E-Mail oder Telefonnummer, ähnliche Namen (Müller, Mueller, Muller), vertauschte Vor- und Nachnamen, Varianten der Rechtsform (AG, SA, GmbH).</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/duplicates.py" line="424"/>
        <source>No possible duplicates found.</source>
        <translation>Keine möglichen Dubletten gefunden.</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="68"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="69"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="70"/>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="71"/>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="72"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="73"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="74"/>
        <source>Colleague</source>
        <translation>Kollege/Kollegin</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="127"/>
        <source>Journal entry</source>
        <translation>Journaleintrag</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="149"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="151"/>
        <location filename="../../app/views/journal/entry_dialog.py" line="241"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="154"/>
        <source>Notes of the conversation …</source>
        <translation>Notizen zum Gespräch …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="157"/>
        <source>e.g. Offer requested, decision in May</source>
        <translation>z. B. Offerte verlangt, Entscheid im Mai</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="161"/>
        <source>Bold (Ctrl+B)</source>
        <translation>Fett (Strg+B)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="162"/>
        <source>Italic (Ctrl+I)</source>
        <translation>Kursiv (Strg+I)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="163"/>
        <source>Underline (Ctrl+U)</source>
        <translation>Unterstrichen (Strg+U)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="164"/>
        <source>Bulleted list</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="188"/>
        <source>Add a person, organisation or case …</source>
        <translation>Person, Organisation oder Fall hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="190"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="194"/>
        <source>Add a colleague …</source>
        <translation>Kollegin/Kollegen hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="200"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="206"/>
        <source>Attach file …</source>
        <translation>Datei anhängen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="211"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="214"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="216"/>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="219"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="242"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="257"/>
        <source>Participants and linked records</source>
        <translation>Beteiligte und verknüpfte Datensätze</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="260"/>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="267"/>
        <source>New journal entry</source>
        <translation>Neuer Journaleintrag</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="362"/>
        <source>%1 (attached when you save)</source>
        <translation>%1 (wird beim Speichern angehängt)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="405"/>
        <source>Attach file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="423"/>
        <source>Delete entry</source>
        <translation>Eintrag löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/entry_dialog.py" line="423"/>
        <source>Delete this journal entry?</source>
        <translation>Diesen Journaleintrag löschen?</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="19"/>
        <source>Relata ID</source>
        <translation>Relata-ID</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="20"/>
        <source>Exported at</source>
        <translation>Exportiert am</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="21"/>
        <location filename="../../app/views/exchange/texts.py" line="83"/>
        <source>External ID</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="22"/>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="23"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="24"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="25"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="26"/>
        <source>Full name (split)</source>
        <translation>Vollständiger Name (aufteilen)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="27"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="28"/>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="29"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="30"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="31"/>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="32"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="33"/>
        <source>Street</source>
        <translation>Strasse</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="34"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="35"/>
        <source>Street and no. (split)</source>
        <translation>Strasse und Nr. (aufteilen)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="36"/>
        <source>Address line 2</source>
        <translation>Adresszusatz</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="37"/>
        <source>PO box</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="38"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="39"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="40"/>
        <source>Canton / region</source>
        <translation>Kanton / Region</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="41"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="42"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="43"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="44"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="45"/>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="46"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="47"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="48"/>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="49"/>
        <source>Customer no.</source>
        <translation>Kunden-Nr.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="50"/>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="51"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="52"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="53"/>
        <source>Job title</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="54"/>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="55"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="56"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="57"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="58"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="59"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="60"/>
        <source>Probability %</source>
        <translation>Wahrscheinlichkeit %</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="61"/>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="62"/>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="72"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="73"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="74"/>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="75"/>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="82"/>
        <source>Relata ID (re-import of an export)</source>
        <translation>Relata-ID (Re-Import eines Exports)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="84"/>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="85"/>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="86"/>
        <source>UID (company number)</source>
        <translation>UID (Unternehmens-Identifikationsnummer)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="87"/>
        <source>Web domain</source>
        <translation>Web-Domain</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="88"/>
        <source>Name and postcode (similar names)</source>
        <translation>Name und PLZ (ähnliche Namen)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="95"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="96"/>
        <source>Update</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="97"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="98"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="99"/>
        <source>Changed since export</source>
        <translation>Seit Export geändert</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="100"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="107"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Excel-Arbeitsmappe (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="108"/>
        <source>CSV for Excel DE/CH (semicolon, UTF-8 with BOM)</source>
        <translation>CSV für Excel DE/CH (Semikolon, UTF-8 mit BOM)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="109"/>
        <source>CSV RFC 4180 (comma, UTF-8)</source>
        <translation>CSV nach RFC 4180 (Komma, UTF-8)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="110"/>
        <source>Relata XML (.xml, schema relata.xsd)</source>
        <translation>Relata-XML (.xml, Schema relata.xsd)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="111"/>
        <source>vCard 3.0 (.vcf)</source>
        <translation>vCard 3.0 (.vcf)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="112"/>
        <source>vCard 4.0 (.vcf)</source>
        <translation>vCard 4.0 (.vcf)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="119"/>
        <source>The same key appears earlier in the file.</source>
        <translation>Derselbe Schlüssel kommt weiter oben in der Datei schon vor.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="120"/>
        <source>This is not a date (use 31.12.2026).</source>
        <translation>Das ist kein Datum (Format 31.12.2026).</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="121"/>
        <source>Day and month could be swapped; choose the date order on the mapping page.</source>
        <translation>Tag und Monat könnten vertauscht sein; wählen Sie die Reihenfolge auf der Seite «Tabellenblatt und Spalten».</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="124"/>
        <source>This is not a number.</source>
        <translation>Das ist keine Zahl.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="125"/>
        <source>This is not an amount.</source>
        <translation>Das ist kein Betrag.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="126"/>
        <source>This value is unknown; map it to a known one.</source>
        <translation>Dieser Wert ist unbekannt; ordnen Sie ihn einem bekannten zu.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="127"/>
        <source>This is not a Relata ID.</source>
        <translation>Das ist keine Relata-ID.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="128"/>
        <source>No user has this name; the record gets no owner.</source>
        <translation>Kein Benutzer heisst so; der Datensatz erhält keinen Betreuer.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="129"/>
        <source>Changed in Relata since the export; not overwritten.</source>
        <translation>Seit dem Export in Relata geändert; nicht überschrieben.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="132"/>
        <source>This is not a point in time.</source>
        <translation>Das ist kein Zeitpunkt.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="133"/>
        <source>Required for a new record.</source>
        <translation>Für einen neuen Datensatz erforderlich.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="134"/>
        <source>No organisation with this customer number, name or external ID in the workbook or the database.</source>
        <translation>Keine Organisation mit dieser Kundennummer, diesem Namen oder dieser externen ID in der Arbeitsmappe oder der Datenbank.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="138"/>
        <source>The organisation&apos;s row in its sheet has errors; fix that row first.</source>
        <translation>Die Zeile der Organisation in ihrem Blatt hat Fehler; korrigieren Sie zuerst diese Zeile.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="141"/>
        <source>No contact with this e-mail or external ID in the workbook or the database.</source>
        <translation>Kein Kontakt mit dieser E-Mail-Adresse oder externen ID in der Arbeitsmappe oder der Datenbank.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="145"/>
        <source>The contact&apos;s row in its sheet has errors; fix that row first.</source>
        <translation>Die Zeile des Kontakts in seinem Blatt hat Fehler; korrigieren Sie zuerst diese Zeile.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="148"/>
        <source>There is no pipeline of this name.</source>
        <translation>Es gibt keine Pipeline mit diesem Namen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="149"/>
        <source>The pipeline has no stage of this name.</source>
        <translation>Die Pipeline hat keine Phase mit diesem Namen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="150"/>
        <source>Give a probability from 0 to 100.</source>
        <translation>Geben Sie eine Wahrscheinlichkeit von 0 bis 100 an.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="151"/>
        <source>This is not a currency code (CHF, EUR …).</source>
        <translation>Das ist kein Währungscode (CHF, EUR …).</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="159"/>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="160"/>
        <source>The file is bigger than the largest import file allowed in the settings.</source>
        <translation>Die Datei ist grösser als die in den Einstellungen erlaubte grösste Importdatei.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="163"/>
        <source>Only .xlsx, .xlsm, .csv, .xml and .vcf files can be imported.</source>
        <translation>Importiert werden können nur .xlsx-, .xlsm-, .csv-, .xml- und .vcf-Dateien.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="166"/>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="167"/>
        <source>The workbook would unpack to far more data than it holds; it is refused as a possible zip bomb.</source>
        <translation>Die Arbeitsmappe würde beim Entpacken weit mehr Daten ergeben, als sie enthält; sie wird als mögliche Zip-Bombe abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="171"/>
        <source>The file is damaged or not an Excel workbook.</source>
        <translation>Die Datei ist beschädigt oder keine Excel-Arbeitsmappe.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="172"/>
        <source>The file is not a readable Excel workbook.</source>
        <translation>Die Datei ist keine lesbare Excel-Arbeitsmappe.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="173"/>
        <source>The XML file uses DTDs or entities, which are refused for safety.</source>
        <translation>Die XML-Datei verwendet DTDs oder Entitäten; diese werden aus Sicherheitsgründen abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="176"/>
        <source>The file is not a Relata XML file.</source>
        <translation>Die Datei ist keine Relata-XML-Datei.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="177"/>
        <source>The file is not a valid vCard file.</source>
        <translation>Die Datei ist keine gültige vCard-Datei.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="178"/>
        <source>The CSV file cannot be read.</source>
        <translation>Die CSV-Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="179"/>
        <source>The CSV file&apos;s text encoding cannot be read.</source>
        <translation>Die Zeichenkodierung der CSV-Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="180"/>
        <source>The workbook has no sheet of that name.</source>
        <translation>Die Arbeitsmappe hat kein Tabellenblatt mit diesem Namen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="181"/>
        <source>The sheet is empty.</source>
        <translation>Das Tabellenblatt ist leer.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="182"/>
        <source>The sheet has more than 1,048,576 rows.</source>
        <translation>Das Tabellenblatt hat mehr als 1&apos;048&apos;576 Zeilen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="183"/>
        <source>The sheet has more than 1,000 columns.</source>
        <translation>Das Tabellenblatt hat mehr als 1&apos;000 Spalten.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="184"/>
        <source>These records cannot be matched by that key.</source>
        <translation>Diese Datensätze können nicht über diesen Schlüssel gefunden werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="185"/>
        <source>This import was already undone.</source>
        <translation>Dieser Import wurde bereits rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="186"/>
        <source>Give the template a name.</source>
        <translation>Geben Sie der Vorlage einen Namen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="187"/>
        <source>There is no template of that name.</source>
        <translation>Es gibt keine Vorlage mit diesem Namen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="188"/>
        <source>vCard files hold persons only.</source>
        <translation>vCard-Dateien enthalten nur Personen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="189"/>
        <source>The file cannot be written.</source>
        <translation>Die Datei kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/texts.py" line="190"/>
        <source>This list cannot be exported yet.</source>
        <translation>Diese Liste kann noch nicht exportiert werden.</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="59"/>
        <source>Import &amp; export</source>
        <translation>Import &amp; Export</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="63"/>
        <source>Bring addresses in from Excel, CSV, XML or vCard files with a trial run first, and take any list out again. Every import can be undone.</source>
        <translation>Adressen aus Excel-, CSV-, XML- oder vCard-Dateien übernehmen, mit Probelauf vorab, und jede Liste wieder exportieren. Jeder Import lässt sich rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="69"/>
        <source>Import file …</source>
        <translation>Datei importieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="72"/>
        <source>Export persons …</source>
        <translation>Personen exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="76"/>
        <source>Export organisations …</source>
        <translation>Organisationen exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="85"/>
        <source>Import history</source>
        <translation>Bisherige Importe</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="91"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="92"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="93"/>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="94"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="95"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="96"/>
        <source>Not imported</source>
        <translation>Nicht importiert</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="97"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="115"/>
        <source>Undo selected import</source>
        <translation>Gewählten Import rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="118"/>
        <source>Mapping templates</source>
        <translation>Zuordnungsvorlagen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="127"/>
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="158"/>
        <source>Undone %1</source>
        <translation>Rückgängig gemacht %1</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="162"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="184"/>
        <source>No imports yet. Click “Import file …” to bring in addresses from Excel, CSV, XML or vCard; every import is listed here and can be undone.</source>
        <translation>Noch keine Importe. Klicken Sie auf «Datei importieren …», um Adressen aus Excel-, CSV-, XML- oder vCard-Dateien zu übernehmen; jeder Import erscheint hier und lässt sich rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="208"/>
        <location filename="../../app/views/exchange/exchange_page.py" line="262"/>
        <location filename="../../app/views/exchange/exchange_page.py" line="266"/>
        <source>Undo import</source>
        <translation>Import rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="210"/>
        <source>Undo the import of “%1”? Its new records are removed and updated ones restored; records changed since then stay as they are.</source>
        <translation>Import von «%1» rückgängig machen? Neue Datensätze werden entfernt und aktualisierte wiederhergestellt; seither geänderte Datensätze bleiben, wie sie sind.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="229"/>
        <source>Undoing the import …</source>
        <translation>Import wird rückgängig gemacht …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/exchange_page.py" line="249"/>
        <source>Import undone: %1 records removed, %2 restored.</source>
        <translation>Import rückgängig gemacht: %1 Datensätze entfernt, %2 wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>ExchangeUi</name>
    <message>
        <location filename="../../app/views/navigation.py" line="55"/>
        <source>Import &amp; export</source>
        <translation>Import &amp; Export</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/integration.py" line="73"/>
        <source>I&amp;mport file …</source>
        <translation>Datei &amp;importieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/integration.py" line="74"/>
        <source>&amp;Export list …</source>
        <translation>Liste e&amp;xportieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/integration.py" line="75"/>
        <source>&amp;Import &amp;&amp; export</source>
        <translation>I&amp;mport &amp;&amp; Export</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/integration.py" line="133"/>
        <source>%1 records exported to %2</source>
        <translation>%1 Datensätze exportiert nach %2</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="93"/>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="99"/>
        <source>The current list: %1 records</source>
        <translation>Die aktuelle Liste: %1 Datensätze</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="104"/>
        <source>The selected record (none selected)</source>
        <translation>Der ausgewählte Datensatz (keiner ausgewählt)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="106"/>
        <source>The selected record only</source>
        <translation>Nur der ausgewählte Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="108"/>
        <source>The %1 selected records</source>
        <translation>Die %1 ausgewählten Datensätze</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="127"/>
        <source>Where to save the file</source>
        <translation>Wo die Datei gespeichert wird</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="128"/>
        <source>Browse …</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="136"/>
        <source>The file carries a hidden Relata ID column: edit it in Excel and import it again to update the same records. Text that Excel would run as a formula is written as text.</source>
        <translation>Die Datei enthält eine ausgeblendete Spalte «Relata-ID»: In Excel bearbeiten und wieder importieren aktualisiert dieselben Datensätze. Text, den Excel als Formel ausführen würde, wird als Text geschrieben.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="144"/>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="146"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="147"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="153"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="172"/>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="182"/>
        <source>Choose where to save the file.</source>
        <translation>Wählen Sie, wo die Datei gespeichert werden soll.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="188"/>
        <source>This folder does not exist.</source>
        <translation>Diesen Ordner gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="222"/>
        <source>Exporting …</source>
        <translation>Wird exportiert …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="234"/>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/export_dialog.py" line="240"/>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="240"/>
        <source>Choose the file</source>
        <translation>Datei wählen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="243"/>
        <source>Excel (.xlsx), CSV, Relata XML or vCard. Nothing is changed until the last step, and every import can be undone.</source>
        <translation>Excel (.xlsx), CSV, Relata-XML oder vCard. Bis zum letzten Schritt wird nichts geändert, und jeder Import lässt sich rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="253"/>
        <source>Path of the file to import</source>
        <translation>Pfad der zu importierenden Datei</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="259"/>
        <source>Browse …</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="265"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="266"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="270"/>
        <source>Tip: typed Excel cells (real dates and numbers) import without any guessing. To update records, export them, edit the file and import it again: the hidden Relata ID column finds the same records.</source>
        <translation>Tipp: Echte Excel-Datums- und Zahlenzellen werden ohne Raten übernommen. Um Datensätze zu aktualisieren, exportieren Sie sie, bearbeiten die Datei und importieren sie wieder: Die ausgeblendete Spalte «Relata-ID» findet dieselben Datensätze.</translation>
    </message>
</context>
<context>
    <name>ForecastChart</name>
    <message>
        <location filename="../../app/views/pipeline/forecast_chart.py" line="39"/>
        <source>%1 M</source>
        <translation>%1 Mio.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_chart.py" line="70"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_chart.py" line="79"/>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_chart.py" line="82"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_chart.py" line="90"/>
        <source>Best case</source>
        <translation>Best Case</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="97"/>
        <source>By month</source>
        <translation>Nach Monat</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="98"/>
        <source>By quarter</source>
        <translation>Nach Quartal</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="100"/>
        <source>Won this year</source>
        <translation>Gewonnen dieses Jahr</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="101"/>
        <source>Weighted pipeline</source>
        <translation>Gewichtete Pipeline</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="102"/>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="103"/>
        <source>Best case</source>
        <translation>Best Case</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="104"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="106"/>
        <source>Open opportunities whose expected close has passed</source>
        <translation>Offene Verkaufschancen, deren erwarteter Abschluss vorbei ist</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="180"/>
        <source>12 months</source>
        <translation>12 Monate</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="131"/>
        <source>Re-plan: drag an opportunity to another month (or Ctrl+Shift+→ / ←)</source>
        <translation>Neu planen: Verkaufschance in einen anderen Monat ziehen (oder Strg+Umschalt+→ / ←)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="182"/>
        <source>since 1 January</source>
        <translation>seit 1. Januar</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="185"/>
        <source>%1 open, %2</source>
        <translation>%1 offen, %2</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="190"/>
        <source>open at 75 % or more</source>
        <translation>offen ab 75 %</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="192"/>
        <source>every open opportunity</source>
        <translation>alle offenen Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="219"/>
        <source>Expected close moved to %1.</source>
        <translation>Erwarteter Abschluss auf %1 verschoben.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/forecast_view.py" line="195"/>
        <location filename="../../app/views/pipeline/forecast_view.py" line="274"/>
        <source>weighted %1</source>
        <translation>gewichtet %1</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../app/views/home.py" line="96"/>
        <source>Welcome to Relata</source>
        <extracomment>The dashboard (set by the analytics area); shown once there is data. Data changed while the page was hidden: re-count when shown.</extracomment>
        <translation>Willkommen bei Relata</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="101"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="102"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="103"/>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="104"/>
        <source>Prospects</source>
        <translation>Interessenten</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="115"/>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="117"/>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="118"/>
        <source>Open address book</source>
        <translation>Adressbuch öffnen</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="119"/>
        <source>Load demo data …</source>
        <translation>Demodaten laden …</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="182"/>
        <source>Your address book is empty. Create your first organisation or person, import a file, or load demo data to look around.</source>
        <translation>Ihr Adressbuch ist leer. Erfassen Sie Ihre erste Organisation oder Person, importieren Sie eine Datei oder laden Sie Demodaten, um sich umzusehen.</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="187"/>
        <source>Your customers and prospects, always with you — online or not.</source>
        <translation>Ihre Kunden und Interessenten – immer dabei, ob online oder offline.</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="195"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="198"/>
        <source>Last backup: %1</source>
        <translation>Letzte Sicherung: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="200"/>
        <source>No backup yet — one is made every time you close Relata.</source>
        <translation>Noch keine Sicherung – Relata erstellt bei jedem Beenden eine.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="108"/>
        <source>Import addresses</source>
        <extracomment>set when several sheets are imported together (no columns page)</extracomment>
        <translation>Adressen importieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="121"/>
        <source>Close</source>
        <translation>Schliessen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="175"/>
        <source>Choose a file to import</source>
        <translation>Zu importierende Datei wählen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="177"/>
        <source>Excel, CSV, XML, vCard (%1)</source>
        <translation>Excel, CSV, XML, vCard (%1)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="185"/>
        <source>Save error workbook</source>
        <translation>Fehlerliste speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="187"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="207"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="207"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/import_wizard.py" line="744"/>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
</context>
<context>
    <name>IssueTableModel</name>
    <message>
        <location filename="../../app/views/exchange/issues_model.py" line="87"/>
        <source>Sheet</source>
        <translation>Blatt</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/issues_model.py" line="88"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/issues_model.py" line="89"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/issues_model.py" line="90"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/issues_model.py" line="91"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>JournalColumns</name>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="53"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="55"/>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="56"/>
        <location filename="../../app/views/tablemodels/journal.py" line="83"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="57"/>
        <source>With</source>
        <translation>Mit</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="58"/>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="59"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="64"/>
        <location filename="../../app/views/tablemodels/journal.py" line="89"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="66"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="67"/>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="70"/>
        <location filename="../../app/views/tablemodels/journal.py" line="95"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="74"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="76"/>
        <location filename="../../app/views/tablemodels/journal.py" line="85"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="78"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="82"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="99"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="102"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="106"/>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="110"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="111"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/journal.py" line="114"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>JournalLabels</name>
    <message>
        <location filename="../../app/views/journal/labels.py" line="27"/>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="28"/>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="29"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="30"/>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="31"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="32"/>
        <source>Visit</source>
        <translation>Besuch</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="39"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="40"/>
        <source>Incoming</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="41"/>
        <source>Outgoing</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="48"/>
        <source>Low</source>
        <translation>Tief</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="49"/>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="50"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="51"/>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="58"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="59"/>
        <location filename="../../app/views/journal/labels.py" line="69"/>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="60"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="61"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="68"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="70"/>
        <source>Waiting for customer</source>
        <translation>Wartet auf Kunde</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="71"/>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="72"/>
        <location filename="../../app/views/journal/labels.py" line="96"/>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="79"/>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="80"/>
        <source>Complaint</source>
        <translation>Reklamation</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="81"/>
        <source>Defect</source>
        <translation>Defekt</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="82"/>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="83"/>
        <source>Billing</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="84"/>
        <source>Other</source>
        <translation>Anderes</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="91"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="92"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="93"/>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="94"/>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="95"/>
        <source>No due date</source>
        <translation>Ohne Termin</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="103"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="104"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="105"/>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="106"/>
        <source>Stage changes</source>
        <translation>Phasenwechsel</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="116"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="121"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="123"/>
        <source>Stage change</source>
        <translation>Phasenwechsel</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="187"/>
        <source>%1 min</source>
        <extracomment>Badge colours (background, text) per kind; calm, distinguishable, readable.</extracomment>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="189"/>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/labels.py" line="190"/>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
</context>
<context>
    <name>JournalUi</name>
    <message>
        <location filename="../../app/views/navigation.py" line="50"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../app/views/navigation.py" line="51"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location filename="../../app/views/navigation.py" line="52"/>
        <source>Service</source>
        <translation>Kundendienst</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="102"/>
        <source>&amp;Log entry …</source>
        <translation>Journaleintrag &amp;erfassen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="103"/>
        <source>New &amp;task …</source>
        <translation>Neue &amp;Aufgabe …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="104"/>
        <source>Import &amp;calendar (.ics) …</source>
        <translation>&amp;Kalender importieren (.ics) …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="105"/>
        <source>&amp;Journal</source>
        <translation>&amp;Journal</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="106"/>
        <source>&amp;Tasks</source>
        <translation>&amp;Aufgaben</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="107"/>
        <source>Ser&amp;vice</source>
        <translation>&amp;Kundendienst</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="120"/>
        <location filename="../../app/views/journal/integration.py" line="147"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="212"/>
        <source>Logged.</source>
        <translation>Erfasst.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="214"/>
        <source>Follow-up task created.</source>
        <translation>Folgeaufgabe erstellt.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/integration.py" line="335"/>
        <source>Reminder: %1</source>
        <translation>Erinnerung: %1</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="188"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="190"/>
        <source>Search subject, text and outcome of all entries …</source>
        <translation>Betreff, Text und Ergebnis aller Einträge durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="192"/>
        <source>New entry …</source>
        <translation>Neuer Eintrag …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="193"/>
        <source>Import calendar …</source>
        <translation>Kalender importieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="194"/>
        <source>Add to calendar …</source>
        <translation>In Kalender übernehmen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="196"/>
        <source>Save this entry as an .ics file (one appointment)</source>
        <translation>Diesen Eintrag als .ics-Datei speichern (ein Termin)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="199"/>
        <source>Import meetings from an .ics file (Outlook, Apple Calendar) as journal entries</source>
        <translation>Termine aus einer .ics-Datei (Outlook, Apple-Kalender) als Journaleinträge importieren</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="206"/>
        <source>All types</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="257"/>
        <location filename="../../app/views/journal/journal_view.py" line="278"/>
        <source>Journal entry saved.</source>
        <translation>Journaleintrag gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/journal_view.py" line="293"/>
        <source>%Ln appointment(s) exported.</source>
        <translation>
            <numerusform>%Ln Termin exportiert.</numerusform>
            <numerusform>%Ln Termine exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="300"/>
        <location filename="../../app/views/journal/journal_view.py" line="346"/>
        <source>Import calendar</source>
        <translation>Kalender importieren</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="300"/>
        <location filename="../../app/views/journal/journal_view.py" line="395"/>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="319"/>
        <source>Importing appointments …</source>
        <translation>Termine werden importiert …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/journal_view.py" line="330"/>
        <source>%Ln appointment(s) imported.</source>
        <translation>
            <numerusform>%Ln Termin importiert.</numerusform>
            <numerusform>%Ln Termine importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/journal_view.py" line="332"/>
        <source>%Ln already in the journal.</source>
        <translation>
            <numerusform>%Ln war schon im Journal.</numerusform>
            <numerusform>%Ln waren schon im Journal.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="362"/>
        <source>Entries: %1</source>
        <translation>Einträge: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="393"/>
        <source>Add to calendar</source>
        <translation>In Kalender übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="343"/>
        <source>(appointment %1)</source>
        <translation>(Termin %1)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="347"/>
        <source>Nothing was imported.

%1</source>
        <translation>Es wurde nichts importiert.

%1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="352"/>
        <source>Import cancelled — nothing was imported.</source>
        <translation>Import abgebrochen – es wurde nichts importiert.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="368"/>
        <source>Nothing matches. Check the spelling or clear the filters.</source>
        <translation>Nichts gefunden. Prüfen Sie die Schreibweise oder setzen Sie die Filter zurück.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/journal_view.py" line="370"/>
        <source>No journal entries yet.
Log a call or meeting with Ctrl+J from anywhere.</source>
        <translation>Noch keine Journaleinträge.
Erfassen Sie einen Anruf oder Termin jederzeit mit Strg+J.</translation>
    </message>
</context>
<context>
    <name>KanbanBoard</name>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="60"/>
        <source>Opportunity lost</source>
        <translation>Verkaufschance verloren</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="62"/>
        <source>Why was “%1” lost?</source>
        <translation>Weshalb wurde «%1» verloren?</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="70"/>
        <source>Choose or type a reason</source>
        <translation>Grund wählen oder eingeben</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="72"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="75"/>
        <source>Reason *</source>
        <translation>Grund *</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="77"/>
        <source>Lost to competitor</source>
        <translation>Verloren an Mitbewerber</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="81"/>
        <source>Mark as lost</source>
        <translation>Als verloren markieren</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="263"/>
        <source>Moved “%1” to %2.</source>
        <extracomment>What each column shows now (totals over every matching opportunity). Asks for the lost reason; tests replace it.</extracomment>
        <translation>«%1» nach %2 verschoben.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="339"/>
        <source>Default probability %1</source>
        <translation>Standard-Wahrscheinlichkeit %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/pipeline/board.py" line="343"/>
        <source>%n opportunity(ies)</source>
        <translation>
            <numerusform>%n Verkaufschance</numerusform>
            <numerusform>%n Verkaufschancen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="350"/>
        <source>weighted %1</source>
        <translation>gewichtet %1</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="368"/>
        <source>last %1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="371"/>
        <source>win rate %1</source>
        <translation>Quote %1</translation>
    </message>
</context>
<context>
    <name>KnowledgeView</name>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="124"/>
        <source>Search articles: title, text, tags …</source>
        <translation>Artikel suchen: Titel, Text, Schlagwörter …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="125"/>
        <location filename="../../app/views/journal/knowledge_view.py" line="177"/>
        <source>New article</source>
        <translation>Neuer Artikel</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="126"/>
        <source>Title *</source>
        <translation>Titel *</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="127"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="128"/>
        <source>comma-separated, e.g. login, VPN</source>
        <translation>durch Kommas getrennt, z. B. Login, VPN</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="129"/>
        <source>The answer, step by step …</source>
        <translation>Die Antwort, Schritt für Schritt …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="130"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="131"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/knowledge_view.py" line="179"/>
        <source>Answer to %n case(s)</source>
        <translation>
            <numerusform>Antwort auf %n Fall</numerusform>
            <numerusform>Antwort auf %n Fälle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="218"/>
        <source>Article saved.</source>
        <translation>Artikel gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="227"/>
        <source>Delete article</source>
        <translation>Artikel löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/knowledge_view.py" line="228"/>
        <source>Delete “%1”?</source>
        <translation>«%1» löschen?</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/views/labels.py" line="17"/>
        <source>Prospect</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="18"/>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="19"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="20"/>
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="21"/>
        <source>Former customer</source>
        <translation>Ehemaliger Kunde</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="31"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="32"/>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="33"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="34"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="35"/>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="42"/>
        <source>Main address</source>
        <translation>Hauptadresse</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="43"/>
        <source>Billing address</source>
        <translation>Rechnungsadresse</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="44"/>
        <source>Delivery address</source>
        <translation>Lieferadresse</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="45"/>
        <source>Visiting address</source>
        <translation>Besuchsadresse</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="46"/>
        <source>Postal address</source>
        <translation>Postadresse</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="47"/>
        <source>Home address</source>
        <translation>Privatadresse</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="54"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="55"/>
        <source>Ms</source>
        <translation>Frau</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="56"/>
        <source>Mr</source>
        <translation>Herr</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="57"/>
        <source>Mx</source>
        <translation>Divers</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="64"/>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="65"/>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="66"/>
        <source>Italian</source>
        <translation>Italienisch</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="67"/>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="68"/>
        <source>Romansh</source>
        <translation>Rätoromanisch</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="75"/>
        <source>This field is required.</source>
        <translation>Bitte füllen Sie dieses Feld aus.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="76"/>
        <source>This is not a valid e-mail address.</source>
        <translation>Das ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="77"/>
        <source>This is not a valid phone number.</source>
        <translation>Das ist keine gültige Telefonnummer.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="78"/>
        <source>This postcode does not exist in that country&apos;s format.</source>
        <translation>Diese PLZ passt nicht zum Format des Landes.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="81"/>
        <source>Use a two-letter country code such as CH, DE or AT.</source>
        <translation>Verwenden Sie einen zweistelligen Ländercode wie CH, DE oder AT.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="82"/>
        <source>This is not a web address.</source>
        <translation>Das ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="83"/>
        <source>A UID looks like CHE-123.456.789.</source>
        <translation>Eine UID hat die Form CHE-123.456.789.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="84"/>
        <source>This UID has a wrong check digit.</source>
        <translation>Die Prüfziffer dieser UID stimmt nicht.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="85"/>
        <source>The date of birth must lie between 1880 and today.</source>
        <translation>Das Geburtsdatum muss zwischen 1880 und heute liegen.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="86"/>
        <source>An address needs at least a street, postcode or city.</source>
        <translation>Eine Adresse braucht mindestens Strasse, PLZ oder Ort.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="87"/>
        <source>The person is already linked to this organisation.</source>
        <translation>Die Person ist bereits mit dieser Organisation verknüpft.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="91"/>
        <source>This is not an amount (e.g. 12&apos;500.50).</source>
        <translation>Das ist kein Betrag (z. B. 12&apos;500.50).</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="92"/>
        <source>An amount cannot be negative.</source>
        <translation>Ein Betrag kann nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="93"/>
        <source>This amount is too large.</source>
        <translation>Dieser Betrag ist zu gross.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="94"/>
        <source>This is not a percentage (e.g. 12.5).</source>
        <translation>Das ist kein Prozentwert (z. B. 12.5).</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="95"/>
        <source>A percentage lies between 0 and 100.</source>
        <translation>Ein Prozentwert liegt zwischen 0 und 100.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="96"/>
        <source>The probability lies between 0 and 100 %.</source>
        <translation>Die Wahrscheinlichkeit liegt zwischen 0 und 100 %.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="97"/>
        <source>The quantity must be a whole number of at least 1.</source>
        <translation>Die Menge muss eine ganze Zahl von mindestens 1 sein.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="98"/>
        <source>Choose a product or describe the line.</source>
        <translation>Produkt wählen oder die Position beschreiben.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="99"/>
        <source>Choose CHF, EUR or USD.</source>
        <translation>CHF, EUR oder USD wählen.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="100"/>
        <source>Choose an organisation or a contact person.</source>
        <translation>Organisation oder Kontaktperson wählen.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="101"/>
        <source>A lead needs a last name or a company.</source>
        <translation>Ein Lead braucht einen Nachnamen oder eine Firma.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="102"/>
        <source>Only a qualified lead (MQL or SQL) can be converted.</source>
        <translation>Nur ein qualifizierter Lead (MQL oder SQL) kann umgewandelt werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="105"/>
        <source>A converted lead keeps its status.</source>
        <translation>Ein umgewandelter Lead behält seinen Status.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="106"/>
        <source>Use “Convert” to turn the lead into a customer.</source>
        <translation>Mit «Umwandeln» wird der Lead zum Kunden.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="107"/>
        <source>Choose a stage.</source>
        <translation>Phase wählen.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="108"/>
        <source>The stage belongs to another pipeline.</source>
        <translation>Die Phase gehört zu einer anderen Pipeline.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="109"/>
        <source>This stage still holds opportunities; move them to another stage first.</source>
        <translation>In dieser Phase sind noch Verkaufschancen; zuerst in eine andere Phase verschieben.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="112"/>
        <source>A pipeline needs open stages and exactly one Won and one Lost stage.</source>
        <translation>Eine Pipeline braucht offene Phasen und genau eine Phase «Gewonnen» und eine «Verloren».</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="115"/>
        <source>This record was deleted meanwhile.</source>
        <translation>Dieser Datensatz wurde inzwischen gelöscht.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="116"/>
        <source>This exchange rate is out of range.</source>
        <translation>Dieser Wechselkurs liegt ausserhalb des gültigen Bereichs.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="118"/>
        <source>This text is too long (at most 300 characters).</source>
        <translation>Dieser Text ist zu lang (höchstens 300 Zeichen).</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="119"/>
        <source>Write a subject or a text.</source>
        <translation>Bitte einen Betreff oder einen Text eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="120"/>
        <source>Enter a date and time.</source>
        <translation>Bitte Datum und Uhrzeit eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="121"/>
        <source>The duration lies between 0 and 10,080 minutes.</source>
        <translation>Die Dauer liegt zwischen 0 und 10&apos;080 Minuten.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="122"/>
        <source>This linked record is unknown.</source>
        <translation>Dieser verknüpfte Datensatz ist unbekannt.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="123"/>
        <source>Choose an entry from the list.</source>
        <translation>Bitte einen Eintrag aus der Liste wählen.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="124"/>
        <source>This task is already completed.</source>
        <translation>Diese Aufgabe ist bereits erledigt.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="125"/>
        <source>Choose the customer: a person or an organisation.</source>
        <translation>Bitte den Kunden wählen: eine Person oder eine Organisation.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="126"/>
        <source>The case cannot move to this status now (solve it before closing it).</source>
        <translation>Der Fall kann jetzt nicht in diesen Status wechseln (vor dem Abschliessen zuerst lösen).</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="129"/>
        <source>The solution cannot be due before the first response.</source>
        <translation>Die Lösung kann nicht vor der ersten Antwort fällig sein.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="130"/>
        <source>This file is too big to attach (at most 25 MB).</source>
        <translation>Diese Datei ist zu gross zum Anhängen (höchstens 25 MB).</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="131"/>
        <location filename="../../app/views/labels.py" line="133"/>
        <source>This file does not exist (any more).</source>
        <translation>Diese Datei gibt es nicht (mehr).</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="132"/>
        <source>The attached file is missing from the data folder.</source>
        <translation>Die angehängte Datei fehlt im Datenordner.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="134"/>
        <source>This is not a calendar file (.ics) that Relata can read.</source>
        <translation>Dies ist keine Kalenderdatei (.ics), die Relata lesen kann.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="135"/>
        <source>The calendar file contains no appointments.</source>
        <translation>Die Kalenderdatei enthält keine Termine.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="136"/>
        <source>The calendar file is too big (at most 10 MB and 10,000 appointments).</source>
        <translation>Die Kalenderdatei ist zu gross (höchstens 10 MB und 10&apos;000 Termine).</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="139"/>
        <source>An appointment in the file is incomplete or damaged.</source>
        <translation>Ein Termin in der Datei ist unvollständig oder beschädigt.</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="151"/>
        <source>Preparing …</source>
        <translation>Vorbereiten …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="152"/>
        <source>Generating organisations …</source>
        <translation>Organisationen werden erzeugt …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="153"/>
        <source>Generating persons …</source>
        <translation>Personen werden erzeugt …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="154"/>
        <source>Rebuilding indexes …</source>
        <translation>Indizes werden neu aufgebaut …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="155"/>
        <source>Rebuilding the search index …</source>
        <translation>Suchindex wird neu aufgebaut …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="156"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="158"/>
        <source>Reading records …</source>
        <translation>Datensätze werden gelesen …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="159"/>
        <source>Comparing records …</source>
        <translation>Datensätze werden verglichen …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="160"/>
        <source>Scoring likely duplicates …</source>
        <translation>Mögliche Dubletten werden bewertet …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="161"/>
        <source>Tagging records …</source>
        <translation>Datensätze werden markiert …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="162"/>
        <source>Updating records …</source>
        <translation>Datensätze werden geändert …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="163"/>
        <source>Checking e-mail addresses and phone numbers …</source>
        <translation>E-Mail-Adressen und Telefonnummern werden geprüft …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="166"/>
        <source>Checking addresses …</source>
        <translation>Adressen werden geprüft …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="167"/>
        <source>Checking required fields …</source>
        <translation>Pflichtfelder werden geprüft …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="168"/>
        <source>Checking custom fields …</source>
        <translation>Zusatzfelder werden geprüft …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="169"/>
        <source>Adding custom fields, tags and segments …</source>
        <translation>Zusatzfelder, Merkmale und Segmente werden angelegt …</translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="45"/>
        <source>e.g. Head of purchasing</source>
        <translation>z. B. Leiterin Einkauf</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="51"/>
        <source>Canton, e.g. ZH</source>
        <translation>Kanton, z. B. ZH</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="64"/>
        <source>Why is the lead disqualified?</source>
        <translation>Weshalb ist der Lead disqualifiziert?</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="65"/>
        <source>Possible duplicates</source>
        <translation>Mögliche Dubletten</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="70"/>
        <source>These records may be the same person or company. Convert reuses them.</source>
        <translation>Diese Datensätze sind vielleicht dieselbe Person oder Firma. «Umwandeln» verwendet sie weiter.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="76"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="77"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="78"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="79"/>
        <source>Job title</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="80"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="81"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="82"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="83"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="84"/>
        <source>Canton / region</source>
        <translation>Kanton / Region</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="85"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="86"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="88"/>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="89"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="90"/>
        <source>Qualification</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="91"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="92"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="75"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="87"/>
        <source>Origin and qualification</source>
        <translation>Herkunft und Qualifizierung</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="97"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="111"/>
        <location filename="../../app/views/pipeline/lead_form.py" line="115"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="129"/>
        <source>New lead</source>
        <translation>Neuer Lead</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="135"/>
        <source> · score %1 %</source>
        <translation> · Score %1 %</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="204"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="205"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="206"/>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="209"/>
        <source>same e-mail</source>
        <translation>gleiche E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="210"/>
        <source>same phone</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lead_form.py" line="211"/>
        <source>similar name</source>
        <translation>ähnlicher Name</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="113"/>
        <source>Search name, company, e-mail, city …</source>
        <translation>Name, Firma, E-Mail, Ort suchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="115"/>
        <source>Open leads</source>
        <translation>Offene Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="116"/>
        <source>All leads</source>
        <translation>Alle Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="120"/>
        <source>All sources</source>
        <translation>Alle Herkünfte</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="125"/>
        <source>New lead</source>
        <translation>Neuer Lead</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="127"/>
        <source>New lead (Ctrl+Shift+L)</source>
        <translation>Neuer Lead (Strg+Umschalt+L)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="150"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="152"/>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="154"/>
        <source>Mark as SQL</source>
        <translation>Als SQL markieren</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="155"/>
        <source>Sales qualified (Ctrl+Shift+Q)</source>
        <translation>Vertriebsqualifiziert (Strg+Umschalt+Q)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="157"/>
        <source>Convert …</source>
        <translation>Umwandeln …</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="159"/>
        <source>Create organisation, person and opportunity (Ctrl+Shift+C)</source>
        <translation>Organisation, Person und Verkaufschance erstellen (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="162"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="234"/>
        <source>%1 leads</source>
        <translation>%1 Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="248"/>
        <source>No leads match. Clear the search or choose “All leads”.</source>
        <translation>Keine passenden Leads. Leeren Sie die Suche oder wählen Sie «Alle Leads».</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="249"/>
        <source>No open leads.
Capture one with “New lead” (Ctrl+Shift+L), import a list, or let a web form on your website create them.</source>
        <translation>Keine offenen Leads.
Erfassen Sie einen mit «Neuer Lead» (Strg+Umschalt+L), importieren Sie eine Liste oder lassen Sie ein Webformular auf Ihrer Website Leads anlegen.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="283"/>
        <source>Not saved: please correct the marked fields.</source>
        <translation>Nicht gespeichert: Bitte die markierten Felder korrigieren.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="294"/>
        <source>Lead saved.</source>
        <translation>Lead gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="313"/>
        <source>Marked as sales qualified.</source>
        <translation>Als vertriebsqualifiziert markiert.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="340"/>
        <source>Delete lead</source>
        <translation>Lead löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="341"/>
        <source>Delete the lead “%1”?</source>
        <translation>Den Lead «%1» löschen?</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="385"/>
        <source>Lead converted.</source>
        <translation>Lead umgewandelt.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="442"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/leads_page.py" line="443"/>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="52"/>
        <source>(no product)</source>
        <translation>(kein Produkt)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="59"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="79"/>
        <source>Remove line</source>
        <translation>Position entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="200"/>
        <source>Product / description · quantity · unit price · discount · total</source>
        <translation>Produkt / Beschreibung · Menge · Stückpreis · Rabatt · Total</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="203"/>
        <source>+ Add product</source>
        <translation>+ Produkt hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="287"/>
        <source>Total of lines: %1</source>
        <translation>Total der Positionen: %1</translation>
    </message>
</context>
<context>
    <name>MailViews</name>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="178"/>
        <source>New template</source>
        <translation>Neue Vorlage</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="179"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="180"/>
        <location filename="../../app/views/automation/mail_views.py" line="363"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="181"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="182"/>
        <source>Plain text</source>
        <translation>Nur Text</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="183"/>
        <source>HTML (optional)</source>
        <translation>HTML (optional)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="185"/>
        <source>Leave empty: the HTML version is made from the plain text.</source>
        <translation>Leer lassen: die HTML-Fassung entsteht aus dem Text.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="187"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="188"/>
        <source>Marketing (needs consent)</source>
        <translation>Marketing (braucht Einwilligung)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="189"/>
        <source>Insert merge field …</source>
        <translation>Seriendruckfeld einfügen …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="190"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="191"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="192"/>
        <source>Preview for</source>
        <translation>Vorschau für</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="262"/>
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="262"/>
        <source>Delete this template?</source>
        <translation>Diese Vorlage löschen?</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="273"/>
        <source>Add a person to see a preview.</source>
        <translation>Für eine Vorschau zuerst eine Person erfassen.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="281"/>
        <source>To: %1 &lt;%2&gt;
Subject: %3</source>
        <translation>An: %1 &lt;%2&gt;
Betreff: %3</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="308"/>
        <source>The person withdrew marketing consent.</source>
        <translation>Die Person hat die Marketing-Einwilligung widerrufen.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="311"/>
        <source>Attempt %1: %2</source>
        <translation>Versuch %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="359"/>
        <source>Queued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="361"/>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="362"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="366"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="370"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="412"/>
        <source>All mails</source>
        <translation>Alle E-Mails</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="415"/>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="416"/>
        <source>Retry selected</source>
        <translation>Auswahl erneut senden</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="417"/>
        <source>Mail server …</source>
        <translation>Mailserver …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="419"/>
        <source>No mails here. Campaign mails and workflow e-mails wait here until they are sent.</source>
        <translation>Keine E-Mails. Kampagnen- und Workflow-E-Mails warten hier, bis sie versendet sind.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="457"/>
        <source>Sending e-mails …</source>
        <translation>E-Mails werden versendet …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="473"/>
        <source>E-mails sent</source>
        <translation>E-Mails versendet</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="474"/>
        <source>Sent: %1 · failed: %2 · bounced: %3 · blocked (no consent): %4</source>
        <translation>Gesendet: %1 · fehlgeschlagen: %2 · unzustellbar: %3 · gesperrt (keine Einwilligung): %4</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="486"/>
        <source>E-mails not sent</source>
        <translation>E-Mails nicht versendet</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="509"/>
        <source>Mail server</source>
        <translation>Mailserver</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="517"/>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (Port 587)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="518"/>
        <source>TLS (port 465)</source>
        <translation>TLS (Port 465)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="519"/>
        <source>None (local relay only)</source>
        <translation>Keine (nur lokales Relay)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="527"/>
        <source>stored in the keyring</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="535"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="537"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="539"/>
        <source>Security</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="540"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="542"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="543"/>
        <source>Sender address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="545"/>
        <source>Sender name</source>
        <translation>Absendername</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="553"/>
        <source>Save and test</source>
        <translation>Speichern und testen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/mail_views.py" line="603"/>
        <source>The mail server accepted the connection.</source>
        <translation>Der Mailserver hat die Verbindung angenommen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="322"/>
        <source>&amp;File</source>
        <extracomment>How long a deferred window waits after it is shown before building areas. Built areas by attribute name; ``_slots`` holds the stand-in pages of those not built yet.</extracomment>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="323"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="324"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="325"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="326"/>
        <source>New &amp;person</source>
        <translation>Neue &amp;Person</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="327"/>
        <source>New &amp;organisation</source>
        <translation>Neue &amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="328"/>
        <source>Load &amp;demo data …</source>
        <translation>&amp;Demodaten laden …</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="329"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="330"/>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="331"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="332"/>
        <source>&amp;Delete record</source>
        <translation>Datensatz &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="333"/>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="334"/>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="335"/>
        <source>&amp;Persons</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="336"/>
        <source>O&amp;rganisations</source>
        <translation>&amp;Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="337"/>
        <source>&amp;About Relata</source>
        <translation>Ü&amp;ber Relata</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="338"/>
        <source>Se&amp;ttings …</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="339"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="339"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="350"/>
        <source>Offline — no server configured</source>
        <translation>Offline – kein Server eingerichtet</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="352"/>
        <source>Server: %1 (not signed in)</source>
        <translation>Server: %1 (nicht angemeldet)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="405"/>
        <source>Generating demo data …</source>
        <translation>Demodaten werden erstellt …</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="420"/>
        <source>Settings saved. Some take effect after a restart.</source>
        <translation>Einstellungen gespeichert. Einige gelten erst nach einem Neustart.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="442"/>
        <source>Demo data loaded.</source>
        <translation>Demodaten geladen.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="449"/>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="450"/>
        <source>Demo data could not be generated: %1</source>
        <translation>Die Demodaten konnten nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="455"/>
        <source>Cancelled — nothing was added.</source>
        <translation>Abgebrochen – es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="460"/>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="461"/>
        <source>The task “%1” failed: %2
Your data is unchanged.</source>
        <translation>Der Vorgang «%1» ist fehlgeschlagen: %2
Ihre Daten sind unverändert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="480"/>
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="481"/>
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln Organisation</numerusform>
            <numerusform>%Ln Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="497"/>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="498"/>
        <source>You have unsaved changes. Save them before closing?</source>
        <translation>Sie haben nicht gespeicherte Änderungen. Vor dem Schliessen speichern?</translation>
    </message>
</context>
<context>
    <name>MassUpdateDialog</name>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="83"/>
        <source>Mass update</source>
        <translation>Massenänderung</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="87"/>
        <source>Change %1 %2 (%3) at once. The preview shows what will change; you can undo it afterwards.</source>
        <translation>%1 %2 (%3) auf einmal ändern. Die Vorschau zeigt, was sich ändert; Sie können es danach rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="100"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="102"/>
        <source>Correspondence language</source>
        <translation>Korrespondenzsprache</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="107"/>
        <source>new value (empty clears the field)</source>
        <translation>neuer Wert (leer löscht den Inhalt)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="112"/>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="120"/>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="121"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="123"/>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="128"/>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="128"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="128"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="136"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="138"/>
        <source>Apply</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="141"/>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="251"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="144"/>
        <source>Close</source>
        <translation>Schliessen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="199"/>
        <source>%1 records will change, %2 stay as they are.</source>
        <translation>%1 Datensätze werden geändert, %2 bleiben unverändert.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="241"/>
        <source>Updating records …</source>
        <translation>Datensätze werden geändert …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="259"/>
        <source>Undone: the records are as before.</source>
        <translation>Rückgängig gemacht: Die Datensätze sind wie vorher.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/mass_update_dialog.py" line="271"/>
        <source>%n record(s) changed.</source>
        <translation>
            <numerusform>%n Datensatz geändert.</numerusform>
            <numerusform>%n Datensätze geändert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="290"/>
        <source>Cancelled — nothing was changed.</source>
        <translation>Abgebrochen – nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="339"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="341"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/mass_update_dialog.py" line="342"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="44"/>
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n Adresse</numerusform>
            <numerusform>%n Adressen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="47"/>
        <source>%n phone number(s) or e-mail(s)</source>
        <translation>
            <numerusform>%n Telefonnummer oder E-Mail</numerusform>
            <numerusform>%n Telefonnummern oder E-Mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="50"/>
        <source>%n organisation link(s)</source>
        <translation>
            <numerusform>%n Organisationszuordnung</numerusform>
            <numerusform>%n Organisationszuordnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="53"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n Merkmal</numerusform>
            <numerusform>%n Merkmale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="54"/>
        <source>%n custom value(s)</source>
        <translation>
            <numerusform>%n Zusatzfeldwert</numerusform>
            <numerusform>%n Zusatzfeldwerte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="57"/>
        <source>%n journal entry(ies)</source>
        <translation>
            <numerusform>%n Journaleintrag</numerusform>
            <numerusform>%n Journaleinträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="60"/>
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n Aufgabe</numerusform>
            <numerusform>%n Aufgaben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="61"/>
        <source>%n opportunity(ies)</source>
        <translation>
            <numerusform>%n Verkaufschance</numerusform>
            <numerusform>%n Verkaufschancen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="64"/>
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n Lead</numerusform>
            <numerusform>%n Leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="65"/>
        <source>%n service case(s)</source>
        <translation>
            <numerusform>%n Servicefall</numerusform>
            <numerusform>%n Servicefälle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="82"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="82"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="98"/>
        <source>changed %1</source>
        <translation>geändert %1</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="116"/>
        <source>Merge duplicates</source>
        <translation>Dubletten zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="125"/>
        <source>Choose which record to keep and, for each field that differs, which value it keeps. Everything linked to the other record — addresses, phone numbers, tags, journal entries, opportunities — moves to the kept record. You can undo the merge afterwards.</source>
        <translation>Wählen Sie, welcher Datensatz bleibt und welchen Wert er bei jedem abweichenden Feld übernimmt. Alles, was am anderen Datensatz hängt – Adressen, Telefonnummern, Merkmale, Journaleinträge, Verkaufschancen –, wechselt zum verbleibenden Datensatz. Sie können die Zusammenführung danach rückgängig machen.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="158"/>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="164"/>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="169"/>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="233"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="233"/>
        <source>Kept record</source>
        <translation>Verbleibender Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="233"/>
        <source>Other record</source>
        <translation>Anderer Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="263"/>
        <source>Moves to the kept record: %1</source>
        <translation>Wechselt zum verbleibenden Datensatz: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/merge_dialog.py" line="265"/>
        <source>Nothing else is linked to the other record.</source>
        <translation>Am anderen Datensatz hängt sonst nichts.</translation>
    </message>
</context>
<context>
    <name>NpsView</name>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="58"/>
        <source>Entered</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="59"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="60"/>
        <source>Survey</source>
        <translation>Umfrage</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="61"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="62"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="68"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="70"/>
        <location filename="../../app/views/dashboard/nps_view.py" line="168"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="71"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="74"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="78"/>
        <location filename="../../app/views/dashboard/nps_view.py" line="174"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="79"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="128"/>
        <source>NPS, last 12 months</source>
        <translation>NPS, letzte 12 Monate</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="143"/>
        <source>Type a name to search the person</source>
        <translation>Namen tippen, um die Person zu suchen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="155"/>
        <source>What the customer said (optional)</source>
        <translation>Was die Kundin oder der Kunde sagte (optional)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="162"/>
        <source>Record answer</source>
        <translation>Antwort erfassen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="165"/>
        <source>Import survey file …</source>
        <translation>Umfragedatei importieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="170"/>
        <source>Score (0–10)</source>
        <translation>Bewertung (0–10)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="172"/>
        <source>Answered on</source>
        <translation>Beantwortet am</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="181"/>
        <source>“How likely are you to recommend us?” — NPS = % promoters − % detractors. Import an Excel or CSV file with the columns E-mail (or Relata ID), Score, Date and Comment.</source>
        <translation>«Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?» — NPS = % Promotoren − % Kritiker. Importieren Sie eine Excel- oder CSV-Datei mit den Spalten E-Mail (oder Relata-ID), Bewertung, Datum und Kommentar.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="192"/>
        <source>Record an answer</source>
        <translation>Antwort erfassen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="202"/>
        <source>Search name or comment …</source>
        <translation>Name oder Kommentar suchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="224"/>
        <source>Delete answer</source>
        <translation>Antwort löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/nps_view.py" line="258"/>
        <location filename="../../app/views/dashboard/nps_view.py" line="264"/>
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln Antwort</numerusform>
            <numerusform>%Ln Antworten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="301"/>
        <source>Answer recorded.</source>
        <translation>Antwort erfasst.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="317"/>
        <location filename="../../app/views/dashboard/nps_view.py" line="381"/>
        <location filename="../../app/views/dashboard/nps_view.py" line="394"/>
        <source>Import survey answers</source>
        <translation>Umfrageantworten importieren</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="319"/>
        <source>Excel or CSV (*.xlsx *.xlsm *.csv)</source>
        <translation>Excel oder CSV (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="340"/>
        <source>Importing answers …</source>
        <translation>Antworten werden importiert …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/nps_view.py" line="360"/>
        <location filename="../../app/views/dashboard/nps_view.py" line="378"/>
        <source>%Ln answer(s) imported.</source>
        <translation>
            <numerusform>%Ln Antwort importiert.</numerusform>
            <numerusform>%Ln Antworten importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="363"/>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/nps_view.py" line="370"/>
        <source>… and %Ln more row(s).</source>
        <translation>
            <numerusform>… und %Ln weitere Zeile.</numerusform>
            <numerusform>… und %Ln weitere Zeilen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/nps_view.py" line="373"/>
        <source>%Ln row(s) were left out:</source>
        <translation>
            <numerusform>%Ln Zeile wurde ausgelassen:</numerusform>
            <numerusform>%Ln Zeilen wurden ausgelassen:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="395"/>
        <source>The file was not imported: %1</source>
        <translation>Die Datei wurde nicht importiert: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/nps_view.py" line="402"/>
        <source>Import cancelled — nothing was added.</source>
        <translation>Import abgebrochen — nichts wurde hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="90"/>
        <source>Win score</source>
        <translation>Gewinn-Score</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="112"/>
        <source>Learned from %1 closed opportunities.</source>
        <translation>Gelernt aus %1 abgeschlossenen Verkaufschancen.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="116"/>
        <source>Raised by</source>
        <translation>Erhöht durch</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="116"/>
        <source>Lowered by</source>
        <translation>Gesenkt durch</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="149"/>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="175"/>
        <source>Customers like this also bought</source>
        <translation>Ähnliche Kunden kauften auch</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="179"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="183"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="185"/>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="187"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="189"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="257"/>
        <source>Delete opportunity</source>
        <translation>Verkaufschance löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="258"/>
        <source>Delete “%1”?</source>
        <translation>«%1» löschen?</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="271"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="272"/>
        <source>Discard your changes to this opportunity?</source>
        <translation>Ihre Änderungen an dieser Verkaufschance verwerfen?</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="300"/>
        <source>The score appears once the opportunity is saved.</source>
        <translation>Der Score erscheint, sobald die Verkaufschance gespeichert ist.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="304"/>
        <source>No changes yet</source>
        <translation>Noch keine Änderungen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="313"/>
        <source>%1 similar customers bought it</source>
        <translation>%1 ähnliche Kunden kauften es</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_dialog.py" line="318"/>
        <source>No suggestions yet</source>
        <translation>Noch keine Vorschläge</translation>
    </message>
</context>
<context>
    <name>OpportunityForm</name>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="78"/>
        <source>e.g. CRM roll-out 40 users</source>
        <translation>z. B. CRM-Einführung 40 Benutzer</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="91"/>
        <source>from product lines</source>
        <translation>aus Produktpositionen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="100"/>
        <source>e.g. Send the offer by Friday</source>
        <translation>z. B. Offerte bis Freitag senden</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="114"/>
        <source>Title *</source>
        <translation>Titel *</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="115"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="116"/>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="117"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="118"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="119"/>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="120"/>
        <source>Expected revenue</source>
        <translation>Erwarteter Umsatz</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="122"/>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="123"/>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="124"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="125"/>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="126"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="127"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="129"/>
        <source>Lost reason *</source>
        <translation>Verlustgrund *</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="130"/>
        <source>Competitor</source>
        <translation>Mitbewerber</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="136"/>
        <source>Products of interest</source>
        <translation>Produkte von Interesse</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="138"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="169"/>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="332"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="199"/>
        <source>New opportunity</source>
        <translation>Neue Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/opportunity_form.py" line="256"/>
        <source>Choose an organisation from the list.</source>
        <translation>Organisation aus der Liste wählen.</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="43"/>
        <source>AG, GmbH, SA …</source>
        <translation>AG, GmbH, SA …</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="53"/>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="54"/>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="56"/>
        <source>Customer no.</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="58"/>
        <source>UID (VAT) no.</source>
        <translation>UID-Nr. (MWST)</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="59"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="64"/>
        <source>Contact persons</source>
        <translation>Kontaktpersonen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="74"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="87"/>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/organisation_form.py" line="108"/>
        <source>No contact persons yet</source>
        <translation>Noch keine Kontaktpersonen</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="43"/>
        <source>e.g. Dr.</source>
        <translation>z. B. Dr.</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="52"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="59"/>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="60"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="61"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="62"/>
        <source>Last name *</source>
        <translation>Nachname *</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="63"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="64"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="67"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="79"/>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/person_form.py" line="114"/>
        <source>Choose an organisation from the list.</source>
        <translation>Wählen Sie eine Organisation aus der Liste.</translation>
    </message>
</context>
<context>
    <name>PipelineColumns</name>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="37"/>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="39"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="43"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="49"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="57"/>
        <source>Prob.</source>
        <translation>Wahrsch.</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="62"/>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="65"/>
        <source>Close date</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="70"/>
        <location filename="../../app/views/tablemodels/pipeline.py" line="90"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="71"/>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="75"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="76"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="89"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="88"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="87"/>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="78"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="82"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="93"/>
        <source>Captured</source>
        <translation>Erfasst</translation>
    </message>
</context>
<context>
    <name>PipelineFilters</name>
    <message>
        <location filename="../../app/views/pipeline/filters.py" line="40"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/filters.py" line="42"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/filters.py" line="43"/>
        <source>All owners</source>
        <translation>Alle Verantwortlichen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/filters.py" line="45"/>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/filters.py" line="51"/>
        <source>Search title or organisation …</source>
        <translation>Titel oder Organisation suchen …</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="82"/>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="83"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="86"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="87"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="88"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="89"/>
        <source>Open, won and lost</source>
        <translation>Offen, gewonnen und verloren</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="91"/>
        <source>New opportunity</source>
        <translation>Neue Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="93"/>
        <source>New opportunity (Ctrl+Shift+O)</source>
        <translation>Neue Verkaufschance (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="95"/>
        <source>Retrain scores</source>
        <translation>Scores neu lernen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="97"/>
        <source>Learn the win scores again from every won and lost opportunity</source>
        <translation>Gewinn-Scores aus allen gewonnenen und verlorenen Verkaufschancen neu lernen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="103"/>
        <source>Drag cards between stages, or select one and press Ctrl+Shift+→ / ←.</source>
        <translation>Karten zwischen Phasen ziehen oder eine wählen und Strg+Umschalt+→ / ← drücken.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="206"/>
        <source>Learning win scores …</source>
        <translation>Gewinn-Scores werden gelernt …</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="253"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="263"/>
        <source>%1 opportunities</source>
        <translation>%1 Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="272"/>
        <source>%1 open opportunities · weighted pipeline %2</source>
        <translation>%1 offene Verkaufschancen · gewichtete Pipeline %2</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="324"/>
        <source>Not enough won and lost opportunities yet to learn scores.</source>
        <translation>Noch zu wenige gewonnene und verlorene Verkaufschancen, um Scores zu lernen.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="329"/>
        <source>Win scores learned from %1 closed opportunities.</source>
        <translation>Gewinn-Scores aus %1 abgeschlossenen Verkaufschancen gelernt.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/pipeline_page.py" line="342"/>
        <source>Learning the scores failed: %1</source>
        <translation>Das Lernen der Scores ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>PipelineTexts</name>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="28"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="29"/>
        <source>Web form</source>
        <translation>Webformular</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="30"/>
        <source>Trade fair</source>
        <translation>Messe</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="31"/>
        <source>Referral</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="32"/>
        <source>Cold call</source>
        <translation>Kaltakquise</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="33"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="34"/>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="41"/>
        <source>Unqualified</source>
        <translation>Unqualifiziert</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="42"/>
        <source>Marketing qualified (MQL)</source>
        <translation>Marketingqualifiziert (MQL)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="43"/>
        <source>Sales qualified (SQL)</source>
        <translation>Vertriebsqualifiziert (SQL)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="44"/>
        <source>Disqualified</source>
        <translation>Disqualifiziert</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="45"/>
        <source>Converted</source>
        <translation>Umgewandelt</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="51"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="51"/>
        <location filename="../../app/views/pipeline/texts.py" line="73"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="51"/>
        <location filename="../../app/views/pipeline/texts.py" line="74"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="69"/>
        <source>Qualification</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="70"/>
        <source>Needs analysis</source>
        <translation>Bedarfsanalyse</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="71"/>
        <source>Offer</source>
        <translation>Offerte</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="72"/>
        <source>Negotiation</source>
        <translation>Verhandlung</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="81"/>
        <source>Sales</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="88"/>
        <source>Any close date</source>
        <translation>Jedes Abschlussdatum</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="89"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="90"/>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="91"/>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="92"/>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="93"/>
        <source>Next quarter</source>
        <translation>Nächstes Quartal</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="94"/>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="95"/>
        <source>Next 12 months</source>
        <translation>Nächste 12 Monate</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="102"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="103"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="104"/>
        <source>Close date</source>
        <translation>Abschlussdatum</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="111"/>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="112"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="113"/>
        <source>Canton</source>
        <translation>Kanton</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="114"/>
        <source>Company size</source>
        <translation>Firmengrösse</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="115"/>
        <source>Deal size</source>
        <translation>Auftragsgrösse</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="116"/>
        <source>Days open</source>
        <translation>Tage offen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="117"/>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="127"/>
        <source>%1 contacts</source>
        <translation>%1 Kontakte</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="129"/>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="133"/>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="141"/>
        <source>Not enough history yet: %1 closed opportunities (%2 won). Scores need at least 40 closed, 10 of them won and 10 lost.</source>
        <translation>Noch zu wenig Verlauf: %1 abgeschlossene Verkaufschancen (%2 gewonnen). Scores brauchen mindestens 40 abgeschlossene, davon je 10 gewonnene und verlorene.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="149"/>
        <source>The scores have not been learned yet. Use “Retrain scores” on the Pipeline page.</source>
        <translation>Die Scores wurden noch nicht gelernt. «Scores neu lernen» auf der Seite Pipeline verwenden.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="217"/>
        <source>%1 pts</source>
        <translation>%1 Pkt.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="153"/>
        <source>No score available.</source>
        <translation>Kein Score verfügbar.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="159"/>
        <source>Price too high</source>
        <translation>Preis zu hoch</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="160"/>
        <source>Chose a competitor</source>
        <translation>Mitbewerber gewählt</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="161"/>
        <source>No budget</source>
        <translation>Kein Budget</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="162"/>
        <source>Project postponed</source>
        <translation>Projekt verschoben</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="163"/>
        <source>No decision</source>
        <translation>Kein Entscheid</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="164"/>
        <source>Requirements not met</source>
        <translation>Anforderungen nicht erfüllt</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <location filename="../../app/views/quality/texts.py" line="23"/>
        <source>same e-mail</source>
        <translation>gleiche E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="24"/>
        <source>same phone</source>
        <translation>gleiche Telefonnummer</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="25"/>
        <source>same name</source>
        <translation>gleicher Name</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="26"/>
        <source>similar name</source>
        <translation>ähnlicher Name</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="27"/>
        <source>first and last name swapped</source>
        <translation>Vor- und Nachname vertauscht</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="28"/>
        <source>same name, other spelling</source>
        <translation>gleicher Name, andere Schreibweise</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="29"/>
        <source>same postcode</source>
        <translation>gleiche PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="30"/>
        <source>same street</source>
        <translation>gleiche Strasse</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="31"/>
        <source>same organisation</source>
        <translation>gleiche Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="32"/>
        <source>same UID</source>
        <translation>gleiche UID</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="33"/>
        <source>same web domain</source>
        <translation>gleiche Web-Domain</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="34"/>
        <source>name differs only in the legal form</source>
        <translation>Name unterscheidet sich nur in der Rechtsform</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="41"/>
        <source>Same e-mail address</source>
        <translation>Gleiche E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="42"/>
        <source>Same phone number</source>
        <translation>Gleiche Telefonnummer</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="43"/>
        <source>Same name anywhere</source>
        <translation>Gleicher Name (überall)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="44"/>
        <source>Similar name in the same postcode</source>
        <translation>Ähnlicher Name in derselben PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="45"/>
        <source>Same UID number</source>
        <translation>Gleiche UID-Nummer</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="46"/>
        <source>Same web domain</source>
        <translation>Gleiche Web-Domain</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="53"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="54"/>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="55"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="56"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="57"/>
        <source>Yes/no</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="58"/>
        <source>Choice</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="59"/>
        <source>Multiple choice</source>
        <translation>Mehrfachauswahl</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="60"/>
        <source>Link to a person</source>
        <translation>Verknüpfung mit Person</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="61"/>
        <source>Link to an organisation</source>
        <translation>Verknüpfung mit Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="68"/>
        <source>any text</source>
        <translation>beliebiger Text</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="69"/>
        <source>e-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="70"/>
        <source>phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="71"/>
        <source>web address</source>
        <translation>Webadresse</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="72"/>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="73"/>
        <source>UID number</source>
        <translation>UID-Nummer</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="80"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="81"/>
        <location filename="../../app/views/quality/texts.py" line="101"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="82"/>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="83"/>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="84"/>
        <source>Service case</source>
        <translation>Servicefall</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="87"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="88"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="89"/>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="90"/>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="91"/>
        <source>Service cases</source>
        <translation>Servicefälle</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="99"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="100"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="102"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="103"/>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="104"/>
        <source>Customer no.</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="105"/>
        <source>UID (VAT) no.</source>
        <translation>UID-Nummer (MWST)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="106"/>
        <location filename="../../app/views/quality/texts.py" line="107"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="108"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="109"/>
        <location filename="../../app/views/quality/texts.py" line="110"/>
        <source>Owner</source>
        <translation>Betreuer/in</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="111"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="112"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="113"/>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="114"/>
        <location filename="../../app/views/quality/texts.py" line="139"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="115"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="116"/>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="117"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="118"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="119"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="120"/>
        <source>Created</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="121"/>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="122"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="123"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="124"/>
        <source>Canton / region</source>
        <translation>Kanton / Region</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="125"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="126"/>
        <source>Tag</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="127"/>
        <source>Won opportunity</source>
        <translation>Gewonnene Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="128"/>
        <source>Open opportunity</source>
        <translation>Offene Verkaufschance</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="129"/>
        <source>Journal entry</source>
        <translation>Journaleintrag</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="130"/>
        <source>Bought product</source>
        <translation>Gekauftes Produkt</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="138"/>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="140"/>
        <source>Custom fields</source>
        <translation>Zusatzfelder</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="141"/>
        <source>Related records</source>
        <translation>Verknüpfte Daten</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="148"/>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="149"/>
        <source>is not</source>
        <translation>ist nicht</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="150"/>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="151"/>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="152"/>
        <source>is one of</source>
        <translation>ist eines von</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="153"/>
        <source>is none of</source>
        <translation>ist keines von</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="154"/>
        <source>greater than</source>
        <translation>grösser als</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="155"/>
        <source>at least</source>
        <translation>mindestens</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="156"/>
        <source>less than</source>
        <translation>kleiner als</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="157"/>
        <source>at most</source>
        <translation>höchstens</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="158"/>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="159"/>
        <source>is filled</source>
        <translation>ist ausgefüllt</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="160"/>
        <source>is yes</source>
        <translation>ist Ja</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="161"/>
        <source>is no</source>
        <translation>ist Nein</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="162"/>
        <source>has</source>
        <translation>hat</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="163"/>
        <source>has not</source>
        <translation>hat nicht</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="164"/>
        <source>in the last … days</source>
        <translation>in den letzten … Tagen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="165"/>
        <source>none in the last … days</source>
        <translation>keiner in den letzten … Tagen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="166"/>
        <source>in the last … months</source>
        <translation>in den letzten … Monaten</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="167"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="168"/>
        <source>exists</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="169"/>
        <source>does not exist</source>
        <translation>nicht vorhanden</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="176"/>
        <source>Set a field</source>
        <translation>Feld setzen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="177"/>
        <source>Add a tag</source>
        <translation>Merkmal hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="178"/>
        <source>Remove a tag</source>
        <translation>Merkmal entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="179"/>
        <source>Change the owner</source>
        <translation>Betreuer/in ändern</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="186"/>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="187"/>
        <source>required</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="188"/>
        <source>allowed values</source>
        <translation>zulässige Werte</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="195"/>
        <source>Not stored in international format (+41 …).</source>
        <translation>Nicht im internationalen Format gespeichert (+41 …).</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="196"/>
        <source>This value is not allowed.</source>
        <translation>Dieser Wert ist nicht zulässig.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="197"/>
        <source>Missing.</source>
        <translation>Fehlt.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="198"/>
        <source>Not one of the field&apos;s values.</source>
        <translation>Kein Wert dieses Feldes.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="231"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="231"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="244"/>
        <source>Another field already uses this key.</source>
        <translation>Ein anderes Feld verwendet diesen Schlüssel bereits.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="245"/>
        <source>A choice field needs at least one value.</source>
        <translation>Ein Auswahlfeld braucht mindestens einen Wert.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="246"/>
        <source>Each value may appear only once.</source>
        <translation>Jeder Wert darf nur einmal vorkommen.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="247"/>
        <source>Values may not contain a vertical bar (|).</source>
        <translation>Werte dürfen keinen senkrechten Strich (|) enthalten.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="248"/>
        <source>Between 0 and 4 decimals.</source>
        <translation>Zwischen 0 und 4 Nachkommastellen.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="249"/>
        <source>Records have values in this field; its type cannot change any more.</source>
        <translation>Datensätze haben Werte in diesem Feld; sein Typ lässt sich nicht mehr ändern.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="252"/>
        <source>Records still have a value you removed; change them first (mass update).</source>
        <translation>Datensätze haben noch einen entfernten Wert; ändern Sie diese zuerst (Massenänderung).</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="255"/>
        <source>This is not a number.</source>
        <translation>Das ist keine Zahl.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="256"/>
        <source>This number is too large.</source>
        <translation>Diese Zahl ist zu gross.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="257"/>
        <source>This is not a date (e.g. 31.12.2026).</source>
        <translation>Das ist kein Datum (z. B. 31.12.2026).</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="258"/>
        <source>Write the date as day.month.year.</source>
        <translation>Schreiben Sie das Datum als Tag.Monat.Jahr.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="259"/>
        <source>Answer yes or no.</source>
        <translation>Antworten Sie mit Ja oder Nein.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="260"/>
        <source>Choose one of the field&apos;s values.</source>
        <translation>Wählen Sie einen Wert des Feldes.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="261"/>
        <source>Choose a record from the list.</source>
        <translation>Wählen Sie einen Datensatz aus der Liste.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="262"/>
        <source>This is not an IBAN (e.g. CH93 0076 2011 6238 5295 7).</source>
        <translation>Das ist keine IBAN (z. B. CH93 0076 2011 6238 5295 7).</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="263"/>
        <source>This IBAN has wrong check digits.</source>
        <translation>Diese IBAN hat falsche Prüfziffern.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="264"/>
        <source>A tag with this name exists already here.</source>
        <translation>Ein Merkmal mit diesem Namen gibt es hier schon.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="265"/>
        <source>A tag cannot be placed below itself.</source>
        <translation>Ein Merkmal kann nicht unter sich selbst stehen.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="266"/>
        <source>Choose a colour.</source>
        <translation>Wählen Sie eine Farbe.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="267"/>
        <source>At most 100 characters.</source>
        <translation>Höchstens 100 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="268"/>
        <source>Another segment has this name.</source>
        <translation>Ein anderes Segment hat diesen Namen.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="269"/>
        <source>A condition is incomplete or does not fit its field.</source>
        <translation>Eine Bedingung ist unvollständig oder passt nicht zu ihrem Feld.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="270"/>
        <source>The segment&apos;s conditions cannot be read.</source>
        <translation>Die Bedingungen des Segments sind nicht lesbar.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="271"/>
        <source>A record cannot be merged with itself.</source>
        <translation>Ein Datensatz kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="272"/>
        <source>This merge was undone already.</source>
        <translation>Diese Zusammenführung wurde bereits rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="273"/>
        <source>Records touched by the merge were changed since. Undo anyway?</source>
        <translation>Von der Zusammenführung betroffene Datensätze wurden seither geändert. Trotzdem rückgängig machen?</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="276"/>
        <source>This mass update was undone already.</source>
        <translation>Diese Massenänderung wurde bereits rückgängig gemacht.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="277"/>
        <source>Records touched by the mass update were changed since. Undo anyway?</source>
        <translation>Von der Massenänderung betroffene Datensätze wurden seither geändert. Trotzdem rückgängig machen?</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="280"/>
        <source>This field cannot be changed for many records at once.</source>
        <translation>Dieses Feld lässt sich nicht für viele Datensätze auf einmal ändern.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="281"/>
        <source>This value is not allowed for the field.</source>
        <translation>Dieser Wert ist für das Feld nicht zulässig.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="282"/>
        <source>The threshold lies between 1 and 100.</source>
        <translation>Die Schwelle liegt zwischen 1 und 100.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="283"/>
        <source>Choose at least one way to compare records.</source>
        <translation>Wählen Sie mindestens eine Vergleichsart.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="284"/>
        <source>This field cannot carry that rule.</source>
        <translation>Für dieses Feld gibt es diese Regel nicht.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="285"/>
        <source>Enter the allowed values, one per line.</source>
        <translation>Geben Sie die zulässigen Werte ein, einen pro Zeile.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/texts.py" line="286"/>
        <source>Open the record to correct this.</source>
        <translation>Öffnen Sie den Datensatz, um das zu korrigieren.</translation>
    </message>
</context>
<context>
    <name>QualityHistory</name>
    <message>
        <location filename="../../app/views/quality/history.py" line="53"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/history.py" line="53"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/history.py" line="53"/>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/history.py" line="53"/>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/history.py" line="67"/>
        <location filename="../../app/views/quality/history.py" line="144"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/history.py" line="71"/>
        <source>A merge or mass update can be undone as long as nobody changed the same values since; Relata asks before overwriting later edits.</source>
        <translation>Eine Zusammenführung oder Massenänderung lässt sich rückgängig machen, solange niemand dieselben Werte seither geändert hat; Relata fragt, bevor spätere Änderungen überschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/history.py" line="93"/>
        <source>Merged %1 “%2” into “%3”</source>
        <translation>%1 «%2» mit «%3» zusammengeführt</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/history.py" line="98"/>
        <source>Mass update of %1: %2</source>
        <translation>Massenänderung von %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/history.py" line="116"/>
        <source>done</source>
        <translation>ausgeführt</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/history.py" line="116"/>
        <source>undone</source>
        <translation>rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>QualityPage</name>
    <message>
        <location filename="../../app/views/quality/page.py" line="66"/>
        <source>Data quality and segments</source>
        <translation>Datenqualität und Segmente</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/page.py" line="68"/>
        <source>Duplicates</source>
        <translation>Dubletten</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/page.py" line="69"/>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/page.py" line="70"/>
        <source>Validation report</source>
        <translation>Prüfbericht</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/page.py" line="71"/>
        <source>Tags</source>
        <translation>Merkmale</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/page.py" line="72"/>
        <source>Custom fields</source>
        <translation>Zusatzfelder</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/page.py" line="73"/>
        <source>Merges and mass updates</source>
        <translation>Zusammenführungen und Massenänderungen</translation>
    </message>
</context>
<context>
    <name>QualityReport</name>
    <message>
        <location filename="../../app/views/quality/report.py" line="56"/>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="58"/>
        <location filename="../../app/views/quality/report.py" line="109"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="60"/>
        <source>Stored value</source>
        <translation>Gespeicherter Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="61"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="96"/>
        <source>New rule</source>
        <translation>Neue Regel</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="100"/>
        <source>Field is required</source>
        <translation>Feld ist Pflicht</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="101"/>
        <source>Only these values are allowed</source>
        <translation>Nur diese Werte sind zulässig</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="104"/>
        <source>One allowed value per line</source>
        <translation>Ein zulässiger Wert pro Zeile</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="108"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="110"/>
        <source>Allowed values</source>
        <translation>Zulässige Werte</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="168"/>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="175"/>
        <source>Add rule …</source>
        <translation>Regel hinzufügen …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="177"/>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="185"/>
        <source>Corrected value</source>
        <translation>Korrigierter Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="188"/>
        <source>Fix</source>
        <translation>Korrigieren</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="191"/>
        <source>Open record</source>
        <translation>Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="196"/>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="224"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="256"/>
        <source>Checking the data …</source>
        <translation>Daten werden geprüft …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="264"/>
        <source>%1 problems in %2 records checked</source>
        <translation>%1 Probleme in %2 geprüften Datensätzen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="269"/>
        <source>the first %1 are listed</source>
        <translation>die ersten %1 sind aufgeführt</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/report.py" line="345"/>
        <source>Built in: the same check as in the forms and the import</source>
        <translation>Eingebaut: dieselbe Prüfung wie in den Formularen und beim Import</translation>
    </message>
</context>
<context>
    <name>QualityUi</name>
    <message>
        <location filename="../../app/views/navigation.py" line="57"/>
        <source>Data quality</source>
        <translation>Datenqualität</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/integration.py" line="52"/>
        <source>Data &amp;quality</source>
        <translation>Daten&amp;qualität</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/integration.py" line="53"/>
        <source>Find &amp;duplicates …</source>
        <translation>&amp;Dubletten suchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/integration.py" line="54"/>
        <source>Se&amp;gments</source>
        <translation>Se&amp;gmente</translation>
    </message>
</context>
<context>
    <name>QuickLog</name>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="146"/>
        <location filename="../../app/views/journal/quick_log.py" line="263"/>
        <source>Log entry</source>
        <extracomment>Order of the type buttons: what field sales log most comes first.</extracomment>
        <translation>Journaleintrag erfassen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="164"/>
        <source>Type a name to search</source>
        <translation>Namen eingeben, um zu suchen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="174"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="175"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="178"/>
        <source>What happened? Enter saves, Shift+Enter starts a new line.</source>
        <translation>Was ist passiert? Enter speichert, Umschalt+Enter beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="183"/>
        <source>Follow-up task</source>
        <translation>Folgeaufgabe</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="185"/>
        <source>What is to be done?</source>
        <translation>Was ist zu tun?</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="189"/>
        <source>Remind me 15 minutes before</source>
        <translation>15 Minuten vorher erinnern</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="193"/>
        <source>Tomorrow</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="194"/>
        <source>In 3 days</source>
        <translation>In 3 Tagen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="195"/>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="210"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="221"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="223"/>
        <source>Save (Enter)</source>
        <translation>Speichern (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="226"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="234"/>
        <source>With</source>
        <translation>Mit</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="237"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="240"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="261"/>
        <source>Log entry: %1</source>
        <translation>Journaleintrag: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="271"/>
        <source>(nobody in particular)</source>
        <translation>(niemand Bestimmtes)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="328"/>
        <source>Choose a person from the list.</source>
        <translation>Bitte eine Person aus der Liste wählen.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="372"/>
        <source>Follow up with %1</source>
        <translation>Nachfassen bei %1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/quick_log.py" line="374"/>
        <source>Follow up</source>
        <translation>Nachfassen</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="103"/>
        <location filename="../../app/views/forms/record_form.py" line="181"/>
        <source>Notes</source>
        <extracomment>Sections other capabilities add (custom fields); they show their errors.</extracomment>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="172"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="173"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="177"/>
        <source>Phone, e-mail, web</source>
        <translation>Telefon, E-Mail, Web</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="179"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="190"/>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <location filename="../../app/views/journal/pickers.py" line="47"/>
        <source>Type a name to search</source>
        <translation>Namen eingeben, um zu suchen</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <location filename="../../app/views/journal/reminders.py" line="103"/>
        <source>Reminder: %1</source>
        <translation>Erinnerung: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/reminders.py" line="104"/>
        <source>Task due</source>
        <translation>Aufgabe fällig</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="115"/>
        <location filename="../../app/views/dashboard/report_builder.py" line="554"/>
        <source>Total</source>
        <extracomment>Groups the chart shows (the table lists them all).</extracomment>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="173"/>
        <location filename="../../app/views/dashboard/report_builder.py" line="260"/>
        <source>Deals</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="174"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="175"/>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="176"/>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="185"/>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="196"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="235"/>
        <source>— nothing —</source>
        <translation>— nichts —</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="247"/>
        <source>Any close date</source>
        <translation>Beliebiges Abschlussdatum</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="257"/>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="258"/>
        <source>then by</source>
        <translation>dann nach</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="259"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="261"/>
        <source>Closing</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="262"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="263"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="264"/>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="266"/>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="267"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="273"/>
        <source>Saved reports</source>
        <translation>Gespeicherte Berichte</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="275"/>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="288"/>
        <location filename="../../app/views/dashboard/report_builder.py" line="565"/>
        <source>New report</source>
        <translation>Neuer Bericht</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="292"/>
        <source>Save …</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="294"/>
        <source>Excel …</source>
        <translation>Excel …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="295"/>
        <source>PDF …</source>
        <translation>PDF …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="296"/>
        <source>Print …</source>
        <translation>Drucken …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="369"/>
        <source>All owners</source>
        <translation>Alle Verantwortlichen</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="372"/>
        <source>All pipelines</source>
        <translation>Alle Pipelines</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="377"/>
        <source>All customers</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="501"/>
        <source>Others</source>
        <translation>Übrige</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="518"/>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="531"/>
        <source>closing %1 – %2</source>
        <translation>Abschluss %1 – %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/report_builder.py" line="538"/>
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln Gruppe</numerusform>
            <numerusform>%Ln Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="539"/>
        <source>amounts in CHF</source>
        <translation>Beträge in CHF</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="555"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="588"/>
        <source>Report saved.</source>
        <translation>Bericht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="626"/>
        <location filename="../../app/views/dashboard/report_builder.py" line="664"/>
        <location filename="../../app/views/dashboard/report_builder.py" line="671"/>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="626"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="654"/>
        <source>Exporting the report …</source>
        <translation>Bericht wird exportiert …</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="658"/>
        <location filename="../../app/views/dashboard/report_builder.py" line="676"/>
        <source>Report saved as %1</source>
        <translation>Bericht gespeichert als %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="665"/>
        <source>The report could not be written: %1</source>
        <translation>Der Bericht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/dashboard/report_builder.py" line="671"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SalesSettings</name>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="89"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="89"/>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="89"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="99"/>
        <source>Add stage</source>
        <translation>Phase hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="101"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="103"/>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="105"/>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="107"/>
        <source>Save stages</source>
        <translation>Phasen speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="112"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="114"/>
        <source>Opportunities are weighted with their stage&apos;s probability. A pipeline needs open stages and exactly one Won and one Lost stage; a stage that still holds opportunities cannot be removed.</source>
        <translation>Verkaufschancen werden mit der Wahrscheinlichkeit ihrer Phase gewichtet. Eine Pipeline braucht offene Phasen und genau eine Phase «Gewonnen» und eine «Verloren»; eine Phase, die noch Verkaufschancen enthält, kann nicht entfernt werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="239"/>
        <source>New stage</source>
        <translation>Neue Phase</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="302"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="302"/>
        <location filename="../../app/views/pipeline/sales_settings.py" line="333"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="302"/>
        <location filename="../../app/views/pipeline/sales_settings.py" line="342"/>
        <source>List price</source>
        <translation>Listenpreis</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="302"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="324"/>
        <source>Offered (shown in product lines)</source>
        <translation>Im Angebot (in Produktpositionen wählbar)</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="326"/>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="328"/>
        <source>Save product</source>
        <translation>Produkt speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="332"/>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="359"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="359"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="449"/>
        <location filename="../../app/views/pipeline/sales_settings.py" line="481"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="449"/>
        <location filename="../../app/views/pipeline/sales_settings.py" line="482"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="449"/>
        <location filename="../../app/views/pipeline/sales_settings.py" line="483"/>
        <source>1 unit in CHF</source>
        <translation>1 Einheit in CHF</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="469"/>
        <source>Save rate</source>
        <translation>Kurs speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="473"/>
        <source>Amounts in EUR and USD are converted to CHF at the rate valid in the month of the expected close. Saving a rate for an existing date corrects it.</source>
        <translation>Beträge in EUR und USD werden zum Kurs umgerechnet, der im Monat des erwarteten Abschlusses gilt. Ein Kurs für ein bestehendes Datum korrigiert diesen.</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="553"/>
        <source>Sales settings</source>
        <translation>Verkaufseinstellungen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="559"/>
        <source>Pipeline stages</source>
        <translation>Pipeline-Phasen</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="560"/>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="561"/>
        <source>Exchange rates</source>
        <translation>Wechselkurse</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/sales_settings.py" line="566"/>
        <source>Close</source>
        <translation>Schliessen</translation>
    </message>
</context>
<context>
    <name>SalesUi</name>
    <message>
        <location filename="../../app/views/navigation.py" line="44"/>
        <source>Leads</source>
        <extracomment>The areas in sidebar order (attribute names on the main window). The order areas are built in after the window is shown: the dashboard first (the overview shows it), then sync (the status bar&apos;s state), the quick log (Ctrl+J from anywhere), and the rest in sidebar order.</extracomment>
        <translation>Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/navigation.py" line="45"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location filename="../../app/views/navigation.py" line="46"/>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/integration.py" line="56"/>
        <source>New le&amp;ad</source>
        <translation>Neuer &amp;Lead</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/integration.py" line="57"/>
        <source>New opport&amp;unity</source>
        <translation>Neue Verkaufs&amp;chance</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/integration.py" line="59"/>
        <source>Pipeli&amp;ne</source>
        <translation>Pip&amp;eline</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/integration.py" line="61"/>
        <source>Sales settin&amp;gs …</source>
        <translation>&amp;Verkaufseinstellungen …</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/integration.py" line="58"/>
        <source>&amp;Leads</source>
        <translation>&amp;Leads</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/integration.py" line="60"/>
        <source>Fore&amp;cast</source>
        <translation>Prog&amp;nose</translation>
    </message>
</context>
<context>
    <name>SegmentBuilder</name>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="125"/>
        <source>choose …</source>
        <translation>auswählen …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="160"/>
        <location filename="../../app/views/quality/segment_builder.py" line="302"/>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="174"/>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="278"/>
        <source>days</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="282"/>
        <source>months</source>
        <translation>Monaten</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="300"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="354"/>
        <source>New segment</source>
        <extracomment>Whether a count is on its way (tests and screenshots wait for it).</extracomment>
        <translation>Neues Segment</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="359"/>
        <source>Saved segments</source>
        <translation>Gespeicherte Segmente</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="366"/>
        <source>Name of the segment, e.g. A customers Zurich</source>
        <translation>Name des Segments, z. B. A-Kunden Zürich</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="373"/>
        <source>all of these conditions</source>
        <translation>alle diese Bedingungen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="374"/>
        <source>any of these conditions</source>
        <translation>eine dieser Bedingungen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="378"/>
        <source>of</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="380"/>
        <source>matching</source>
        <translation>die erfüllen:</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="384"/>
        <source>Add condition</source>
        <translation>Bedingung hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="418"/>
        <source>Save segment</source>
        <translation>Segment speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="421"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="423"/>
        <source>Mass update …</source>
        <translation>Massenänderung …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="425"/>
        <source>Export …</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="519"/>
        <source>counting …</source>
        <translation>wird gezählt …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="575"/>
        <source>Segment saved.</source>
        <translation>Segment gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="584"/>
        <source>Delete segment</source>
        <translation>Segment löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="585"/>
        <source>Delete the segment “%1”? The records stay.</source>
        <translation>Das Segment «%1» löschen? Die Datensätze bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="685"/>
        <source>persons match</source>
        <translation>Personen erfüllen die Bedingungen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="685"/>
        <source>organisations match</source>
        <translation>Organisationen erfüllen die Bedingungen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/segment_builder.py" line="716"/>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="51"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="56"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="63"/>
        <source>System certificates</source>
        <translation>Zertifikate des Systems</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="66"/>
        <location filename="../../app/views/settings_dialog.py" line="81"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="82"/>
        <source>every time Relata closes</source>
        <translation>bei jedem Schliessen von Relata</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="86"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="88"/>
        <source>Look for new versions</source>
        <translation>Nach neuen Versionen suchen</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="104"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="105"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="106"/>
        <source>CA certificates (file)</source>
        <translation>CA-Zertifikate (Datei)</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="107"/>
        <source>Sync every</source>
        <translation>Synchronisieren alle</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="108"/>
        <source>Backup folder</source>
        <translation>Ordner für Sicherungen</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="109"/>
        <source>Daily backups kept</source>
        <translation>Tägliche Sicherungen behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="110"/>
        <source>Weekly backups kept</source>
        <translation>Wöchentliche Sicherungen behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="111"/>
        <source>Monthly backups kept</source>
        <translation>Monatliche Sicherungen behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="112"/>
        <source>New backup on closing after</source>
        <translation>Neue Sicherung beim Schliessen nach</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="113"/>
        <source>Updates</source>
        <translation>Aktualisierungen</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="114"/>
        <source>Largest import file</source>
        <translation>Grösste Importdatei</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="129"/>
        <source>A new language applies the next time Relata starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von Relata.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="145"/>
        <source>Greyed-out settings are set by your administrator (%1).</source>
        <translation>Ausgegraute Einstellungen legt Ihre IT fest (%1).</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="146"/>
        <source>machine-wide policy</source>
        <translation>Richtlinie für diesen Computer</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="179"/>
        <source>The server address must start with https://</source>
        <translation>Die Serveradresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <location filename="../../app/views/settings_dialog.py" line="187"/>
        <source>Could not save the settings: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>SheetsBox</name>
    <message>
        <location filename="../../app/views/exchange/sheets_box.py" line="79"/>
        <source>Import several sheets together</source>
        <translation>Mehrere Blätter zusammen importieren</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/sheets_box.py" line="83"/>
        <source>Organisations, contacts and opportunities are checked together and imported in one run: a contact names its organisation, an opportunity its organisation and contact, by customer number, name, e-mail or external ID. Existing records are found by customer number, e-mail and external ID and updated; one Undo reverts the whole workbook.</source>
        <translation>Organisationen, Kontakte und Verkaufschancen werden zusammen geprüft und in einem Durchgang importiert: Ein Kontakt nennt seine Organisation, eine Verkaufschance ihre Organisation und ihren Kontakt – über Kundennummer, Name, E-Mail-Adresse oder externe ID. Bestehende Datensätze werden über Kundennummer, E-Mail-Adresse und externe ID gefunden und aktualisiert; ein einziges Rückgängig macht die ganze Arbeitsmappe rückgängig.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/sheets_box.py" line="94"/>
        <source>Sheet</source>
        <translation>Blatt</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/sheets_box.py" line="94"/>
        <source>Holds</source>
        <translation>Enthält</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/sheets_box.py" line="119"/>
        <source>— not imported —</source>
        <translation>— nicht importieren —</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/main.py" line="72"/>
        <location filename="../../app/main.py" line="86"/>
        <source>Database damaged</source>
        <translation>Datenbank beschädigt</translation>
    </message>
    <message>
        <location filename="../../app/main.py" line="73"/>
        <source>The database was damaged (%1) and has been moved aside to
%2

Restore the newest backup (%3)?</source>
        <translation>Die Datenbank war beschädigt (%1) und wurde verschoben nach
%2

Neueste Sicherung (%3) wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../../app/main.py" line="87"/>
        <source>The database was damaged and moved aside to
%1
No backup exists; Relata starts with an empty database.</source>
        <translation>Die Datenbank war beschädigt und wurde verschoben nach
%1
Es gibt keine Sicherung; Relata startet mit einer leeren Datenbank.</translation>
    </message>
    <message>
        <location filename="../../app/main.py" line="97"/>
        <source>Cannot open database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../app/views/sync/integration.py" line="74"/>
        <source>S&amp;ync now</source>
        <translation>&amp;Jetzt abgleichen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/integration.py" line="75"/>
        <source>S&amp;ync and conflicts</source>
        <translation>Abgleich und Kon&amp;flikte</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/integration.py" line="76"/>
        <source>Sign &amp;in to server …</source>
        <translation>Am Server an&amp;melden …</translation>
    </message>
    <message>
        <location filename="../../app/views/navigation.py" line="63"/>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/integration.py" line="114"/>
        <source>Synced — %n conflict(s) need your decision.</source>
        <translation>
            <numerusform>Abgeglichen — %n Konflikt braucht Ihre Entscheidung.</numerusform>
            <numerusform>Abgeglichen — %n Konflikte brauchen Ihre Entscheidung.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/sync/integration.py" line="121"/>
        <source>Synced.</source>
        <translation>Abgeglichen.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="62"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="63"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="64"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="65"/>
        <source>Phone/e-mail</source>
        <translation>Telefon/E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="66"/>
        <source>Employment</source>
        <translation>Anstellung</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="67"/>
        <location filename="../../app/views/sync/page.py" line="68"/>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="69"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="76"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="77"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="78"/>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="79"/>
        <source>Customer no.</source>
        <translation>Kundennr.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="80"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="81"/>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="82"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="83"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="84"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="85"/>
        <source>Street</source>
        <translation>Strasse</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="86"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="87"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="88"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="89"/>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="96"/>
        <source>Edited on both sides</source>
        <translation>Auf beiden Seiten geändert</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="97"/>
        <source>Edited here, deleted elsewhere</source>
        <translation>Hier geändert, anderswo gelöscht</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="98"/>
        <source>Deleted here, edited elsewhere</source>
        <translation>Hier gelöscht, anderswo geändert</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="99"/>
        <source>Edited here, merged into another record</source>
        <translation>Hier geändert, mit einem anderen Datensatz zusammengeführt</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="100"/>
        <source>Added to a deleted record</source>
        <translation>Zu einem gelöschten Datensatz hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="101"/>
        <source>Not accepted by the server</source>
        <translation>Vom Server nicht angenommen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="111"/>
        <source>You may not change this record (it belongs to another team).</source>
        <translation>Sie dürfen diesen Datensatz nicht ändern (er gehört einem anderen Team).</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="113"/>
        <source>The record it belongs to is not on the server.</source>
        <translation>Der übergeordnete Datensatz ist nicht auf dem Server.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="115"/>
        <source>The record is not on the server.</source>
        <translation>Der Datensatz ist nicht auf dem Server.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="117"/>
        <source>A value does not fit: %1</source>
        <translation>Ein Wert passt nicht: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="118"/>
        <source>The server refused it (%1).</source>
        <translation>Der Server hat die Änderung abgelehnt (%1).</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="124"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="126"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="126"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="193"/>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="194"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="195"/>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="196"/>
        <source>Changed by</source>
        <translation>Geändert von</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="197"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="232"/>
        <source>Original</source>
        <translation>Ursprünglich</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="245"/>
        <source>Or type the value that is right</source>
        <translation>Oder den richtigen Wert eingeben</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="247"/>
        <location filename="../../app/views/sync/page.py" line="331"/>
        <source>Keep theirs</source>
        <translation>Server-Wert behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="248"/>
        <source>Keep mine</source>
        <translation>Meinen Wert behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="249"/>
        <source>Use typed value</source>
        <translation>Eingegebenen Wert übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="250"/>
        <source>Restore record</source>
        <translation>Datensatz wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="251"/>
        <source>Delete anyway</source>
        <translation>Trotzdem löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="252"/>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="302"/>
        <source>Sent by %1 on %2.</source>
        <translation>Gesendet von %1 am %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="306"/>
        <source>Theirs (server)</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="307"/>
        <source>Mine</source>
        <translation>Meiner</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="323"/>
        <source>Keep deleted</source>
        <translation>Gelöscht lassen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="325"/>
        <source>Keep the record</source>
        <translation>Datensatz behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="327"/>
        <source>Discard my change</source>
        <translation>Meine Änderung verwerfen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="329"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="336"/>
        <source>The record was deleted.</source>
        <translation>Der Datensatz wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="337"/>
        <source>The record was changed and stays.</source>
        <translation>Der Datensatz wurde geändert und bleibt bestehen.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="338"/>
        <source>The record was merged into another one.</source>
        <translation>Der Datensatz wurde mit einem anderen zusammengeführt.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="339"/>
        <source>The record it belongs to was deleted.</source>
        <translation>Der zugehörige Datensatz wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="340"/>
        <source>The server did not accept the change.</source>
        <translation>Der Server hat die Änderung nicht angenommen.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="370"/>
        <source>Sync and conflicts</source>
        <translation>Abgleich und Konflikte</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="377"/>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="379"/>
        <location filename="../../app/views/sync/page.py" line="466"/>
        <source>Sign in …</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="380"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="402"/>
        <source>No conflicts. Changes made on several laptops were merged field by field.</source>
        <translation>Keine Konflikte. Änderungen von mehreren Laptops wurden Feld für Feld zusammengeführt.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="437"/>
        <source>Signed in to %1 as %2.</source>
        <translation>Angemeldet bei %1 als %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="441"/>
        <source>Server %1 — please sign in again.</source>
        <translation>Server %1 — bitte erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="447"/>
        <source>Server %1 — not signed in.</source>
        <translation>Server %1 — nicht angemeldet.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="451"/>
        <source>This computer works offline. Sign in to a Relata server to share data with your team.</source>
        <translation>Dieser Computer arbeitet offline. Melden Sie sich an einem Relata-Server an, um Daten mit Ihrem Team zu teilen.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="459"/>
        <source>(No password store available: you will sign in again after a restart.)</source>
        <translation>(Kein Passwortspeicher verfügbar: Nach einem Neustart melden Sie sich erneut an.)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="466"/>
        <source>Sign in again …</source>
        <translation>Erneut anmelden …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/page.py" line="476"/>
        <source>Conflict inbox (%n open)</source>
        <translation>
            <numerusform>Konflikte (%n offen)</numerusform>
            <numerusform>Konflikte (%n offen)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="32"/>
        <source>The server cannot be reached. Your changes are kept and sent later.</source>
        <translation>Der Server ist nicht erreichbar. Ihre Änderungen bleiben erhalten und werden später gesendet.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="35"/>
        <source>Please sign in to the server again. Your changes are kept.</source>
        <translation>Bitte melden Sie sich erneut am Server an. Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="38"/>
        <source>The server needs a newer version of Relata. Your changes are kept.</source>
        <translation>Der Server verlangt eine neuere Relata-Version. Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="41"/>
        <source>Unknown user name or wrong password.</source>
        <translation>Unbekannter Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="42"/>
        <source>The server&apos;s certificate could not be verified.</source>
        <translation>Das Zertifikat des Servers konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="43"/>
        <source>Enter the server address, e.g. https://crm.example.ch</source>
        <translation>Geben Sie die Serveradresse ein, z. B. https://crm.example.ch</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="44"/>
        <source>No server is configured.</source>
        <translation>Es ist kein Server eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="45"/>
        <source>The server refused the request.</source>
        <translation>Der Server hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="46"/>
        <source>This field is required.</source>
        <translation>Dieses Feld ist obligatorisch.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="53"/>
        <source>Offline — no server configured</source>
        <translation>Offline — kein Server eingerichtet</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="55"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="56"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="56"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="63"/>
        <source>synced %1</source>
        <translation>abgeglichen %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/widgets.py" line="66"/>
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n Änderung zu senden</numerusform>
            <numerusform>%n Änderungen zu senden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="124"/>
        <source>Syncing …</source>
        <translation>Abgleich läuft …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/widgets.py" line="133"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="152"/>
        <source>Sign in to the server</source>
        <translation>Am Server anmelden</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="165"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="166"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="167"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="177"/>
        <source>Your changes are kept on this computer and exchanged with the server whenever you are online. The sign-in is stored in the system&apos;s password store, never in the database.</source>
        <translation>Ihre Änderungen werden auf diesem Computer gespeichert und mit dem Server abgeglichen, sobald Sie online sind. Die Anmeldung liegt im Passwortspeicher des Systems, nie in der Datenbank.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="188"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="230"/>
        <source>Signing in failed: %1</source>
        <translation>Anmelden fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="61"/>
        <source>Tag</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="61"/>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="65"/>
        <location filename="../../app/views/quality/tag_manager.py" line="249"/>
        <source>New tag</source>
        <translation>Neues Merkmal</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="68"/>
        <source>New tag below</source>
        <translation>Neues Merkmal darunter</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="70"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="95"/>
        <source>Save tag</source>
        <translation>Merkmal speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="103"/>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="107"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="108"/>
        <source>Below</source>
        <translation>Unter</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="137"/>
        <source>Tags mark records across the CRM (VIP, trade fair 2026, newsletter …). Tag or untag many records at once from the address list (right click) or a segment&apos;s mass update.</source>
        <translation>Merkmale kennzeichnen Datensätze im ganzen CRM (VIP, Messe 2026, Newsletter …). Viele Datensätze auf einmal markieren oder die Markierung entfernen: in der Adressliste (Rechtsklick) oder mit der Massenänderung eines Segments.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="234"/>
        <source>Delete tag</source>
        <translation>Merkmal löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="235"/>
        <source>Remove the tag “%1” from %2 records? Tags below it move up one level.</source>
        <translation>Das Merkmal «%1» bei %2 Datensätzen entfernen? Untergeordnete Merkmale rücken eine Ebene nach oben.</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="256"/>
        <source>(top level)</source>
        <translation>(oberste Ebene)</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="268"/>
        <source>Other colour …</source>
        <translation>Andere Farbe …</translation>
    </message>
    <message>
        <location filename="../../app/views/quality/tag_manager.py" line="271"/>
        <source>Tag colour</source>
        <translation>Farbe des Merkmals</translation>
    </message>
</context>
<context>
    <name>TaskDialogs</name>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="54"/>
        <source>No reminder</source>
        <translation>Keine Erinnerung</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="55"/>
        <source>5 minutes before</source>
        <translation>5 Minuten vorher</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="56"/>
        <source>15 minutes before</source>
        <translation>15 Minuten vorher</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="57"/>
        <source>1 hour before</source>
        <translation>1 Stunde vorher</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="58"/>
        <source>1 day before</source>
        <translation>1 Tag vorher</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="89"/>
        <source>Edit task</source>
        <translation>Aufgabe bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="89"/>
        <location filename="../../app/views/journal/task_dialogs.py" line="92"/>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="107"/>
        <source>All day</source>
        <translation>Ganztägig</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="109"/>
        <source>No due date</source>
        <translation>Ohne Termin</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="121"/>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="127"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="131"/>
        <location filename="../../app/views/journal/task_dialogs.py" line="308"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="139"/>
        <source>Task *</source>
        <translation>Aufgabe *</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="146"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="147"/>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="148"/>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="149"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="150"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="151"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="191"/>
        <source>%1 minutes before</source>
        <translation>%1 Minuten vorher</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="281"/>
        <source>Complete task</source>
        <translation>Aufgabe erledigen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="288"/>
        <source>Log what was done in the journal</source>
        <translation>Im Journal festhalten, was erledigt wurde</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="296"/>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="299"/>
        <source>Outcome, e.g. “Offer accepted, order follows”</source>
        <translation>Ergebnis, z. B. «Offerte angenommen, Bestellung folgt»</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="304"/>
        <source>Complete</source>
        <translation>Erledigen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/task_dialogs.py" line="313"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <location filename="../../app/views/progress_dialog.py" line="20"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/views/progress_dialog.py" line="58"/>
        <source>Cancelling — undoing what was done …</source>
        <translation>Wird abgebrochen – bisherige Änderungen werden rückgängig gemacht …</translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="50"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="51"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="52"/>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="53"/>
        <source>All open</source>
        <translation>Alle offenen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="54"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="162"/>
        <source>My tasks</source>
        <translation>Meine Aufgaben</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="163"/>
        <source>Search tasks …</source>
        <translation>Aufgaben suchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="164"/>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="165"/>
        <source>New task (Ctrl+Shift+T)</source>
        <translation>Neue Aufgabe (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="166"/>
        <location filename="../../app/views/journal/tasks_view.py" line="365"/>
        <source>Complete …</source>
        <translation>Erledigen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="167"/>
        <source>Complete the task (Space)</source>
        <translation>Aufgabe erledigen (Leertaste)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="168"/>
        <source>Edit …</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="169"/>
        <source>Add to calendar …</source>
        <translation>In Kalender übernehmen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="171"/>
        <source>Save this task as an .ics file (one appointment)</source>
        <translation>Diese Aufgabe als .ics-Datei speichern (ein Termin)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="173"/>
        <source>Export to calendar …</source>
        <translation>In Kalender exportieren …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="175"/>
        <source>Save open tasks and upcoming meetings as an .ics file for Outlook or Apple Calendar</source>
        <translation>Offene Aufgaben und kommende Termine als .ics-Datei für Outlook oder den Apple-Kalender speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="200"/>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="259"/>
        <location filename="../../app/views/journal/tasks_view.py" line="275"/>
        <source>Task saved.</source>
        <translation>Aufgabe gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="292"/>
        <source>Task reopened.</source>
        <translation>Aufgabe wieder geöffnet.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="298"/>
        <source>Task completed.</source>
        <translation>Aufgabe erledigt.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="304"/>
        <source>Export to calendar</source>
        <translation>In Kalender exportieren</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="306"/>
        <location filename="../../app/views/journal/tasks_view.py" line="326"/>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-Dateien (*.ics)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/tasks_view.py" line="313"/>
        <location filename="../../app/views/journal/tasks_view.py" line="332"/>
        <source>%Ln appointment(s) exported.</source>
        <translation>
            <numerusform>%Ln Termin exportiert.</numerusform>
            <numerusform>%Ln Termine exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="324"/>
        <source>Add to calendar</source>
        <translation>In Kalender übernehmen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/tasks_view.py" line="357"/>
        <source>%Ln task(s)</source>
        <translation>
            <numerusform>%Ln Aufgabe</numerusform>
            <numerusform>%Ln Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="365"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="374"/>
        <source>Nothing overdue. Well done!</source>
        <translation>Nichts überfällig. Gut gemacht!</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="375"/>
        <source>Nothing due today.</source>
        <translation>Heute ist nichts fällig.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="376"/>
        <source>Nothing due this week.</source>
        <translation>Diese Woche ist nichts fällig.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="377"/>
        <source>No open tasks.
Create one with “New task” (Ctrl+Shift+T) or as a follow-up when you log a call (Ctrl+J).</source>
        <translation>Keine offenen Aufgaben.
Erstellen Sie eine mit «Neue Aufgabe» (Strg+Umschalt+T) oder als Folgeaufgabe beim Erfassen eines Anrufs (Strg+J).</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="380"/>
        <source>No completed tasks yet.</source>
        <translation>Noch keine erledigten Aufgaben.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/tasks_view.py" line="383"/>
        <source>Nothing matches. Check the spelling or clear the search.</source>
        <translation>Nichts gefunden. Prüfen Sie die Schreibweise oder löschen Sie die Suche.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../app/views/journal/timeline.py" line="253"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/timeline.py" line="254"/>
        <source>Search the history …</source>
        <translation>Verlauf durchsuchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/timeline.py" line="255"/>
        <source>Log entry …</source>
        <translation>Eintrag erfassen …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/timeline.py" line="256"/>
        <source>Log a call, meeting or note (Ctrl+J)</source>
        <translation>Anruf, Besprechung oder Notiz erfassen (Strg+J)</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/timeline.py" line="257"/>
        <source>New task …</source>
        <translation>Neue Aufgabe …</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/timeline.py" line="314"/>
        <source>Save the record to start its history.</source>
        <translation>Speichern Sie den Datensatz, damit sein Verlauf beginnt.</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/timeline.py" line="316"/>
        <source>Nothing matches. Clear the search or choose “All”.</source>
        <translation>Nichts gefunden. Löschen Sie die Suche oder wählen Sie «Alle».</translation>
    </message>
    <message>
        <location filename="../../app/views/journal/timeline.py" line="318"/>
        <source>No history yet.
Log a call, meeting or note with “Log entry” (Ctrl+J).</source>
        <translation>Noch kein Verlauf.
Erfassen Sie einen Anruf, eine Besprechung oder Notiz mit «Eintrag erfassen» (Strg+J).</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <location filename="../../app/views/journal/timeline.py" line="308"/>
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln Ereignis</numerusform>
            <numerusform>%Ln Ereignisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValueMapDialog</name>
    <message>
        <location filename="../../app/views/exchange/value_map_dialog.py" line="53"/>
        <source>Map values</source>
        <translation>Werte zuordnen</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/value_map_dialog.py" line="58"/>
        <source>These values of the file are not known. Choose what each stands for; values left open are reported as errors in the check.</source>
        <translation>Diese Werte der Datei sind unbekannt. Wählen Sie, wofür jeder steht; offen gelassene Werte erscheinen bei der Prüfung als Fehler.</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/value_map_dialog.py" line="66"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/value_map_dialog.py" line="66"/>
        <source>Value in the file</source>
        <translation>Wert in der Datei</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/value_map_dialog.py" line="66"/>
        <source>Stands for</source>
        <translation>Steht für</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/value_map_dialog.py" line="79"/>
        <source>— leave open —</source>
        <translation>— offen lassen —</translation>
    </message>
    <message>
        <location filename="../../app/views/exchange/value_map_dialog.py" line="83"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>WebFormsView</name>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="39"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="40"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="41"/>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="42"/>
        <source>Job title</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="43"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="44"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="45"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="46"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="47"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="141"/>
        <source>New web form</source>
        <translation>Neues Web-Formular</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="145"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="146"/>
        <source>Name in the address</source>
        <translation>Name in der Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="147"/>
        <source>Introduction</source>
        <translation>Einleitung</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="148"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="149"/>
        <source>Consent checkbox</source>
        <translation>Einwilligungs-Kästchen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="150"/>
        <source>Thank-you text</source>
        <translation>Dankestext</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="151"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="152"/>
        <source>Address</source>
        <translation>Adresse (URL)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="159"/>
        <source>Active (the server accepts submissions)</source>
        <translation>Aktiv (der Server nimmt Anfragen an)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="160"/>
        <source>empty = no consent checkbox</source>
        <translation>leer = kein Einwilligungs-Kästchen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="161"/>
        <source>Copy link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="162"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="163"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="238"/>
        <source>Delete web form</source>
        <translation>Web-Formular löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="238"/>
        <source>Delete this web form?</source>
        <translation>Dieses Web-Formular löschen?</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="259"/>
        <source>%1 (set up the sync server to publish forms)</source>
        <translation>%1 (für die Veröffentlichung den Sync-Server einrichten)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/web_forms_view.py" line="261"/>
        <location filename="../../app/views/automation/web_forms_view.py" line="264"/>
        <source>Give the form a name first.</source>
        <translation>Zuerst dem Formular einen Namen geben.</translation>
    </message>
</context>
<context>
    <name>WorkflowEditor</name>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="118"/>
        <source>Remove this action</source>
        <extracomment>Actions with a free-text setting (title, value, subject).</extracomment>
        <translation>Diese Aktion entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="155"/>
        <location filename="../../app/views/automation/workflow_editor.py" line="484"/>
        <source>the record&apos;s owner</source>
        <translation>Verantwortliche des Datensatzes</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="169"/>
        <source>Task title</source>
        <translation>Titel der Aufgabe</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="170"/>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="171"/>
        <source>Subject of the entry</source>
        <translation>Betreff des Eintrags</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="172"/>
        <source>Notification text</source>
        <translation>Text der Benachrichtigung</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="177"/>
        <source>due in days</source>
        <translation>fällig in Tagen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="178"/>
        <location filename="../../app/views/automation/workflow_editor.py" line="441"/>
        <location filename="../../app/views/automation/workflow_editor.py" line="765"/>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="423"/>
        <source>New workflow</source>
        <translation>Neuer Workflow</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="424"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="425"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="426"/>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="428"/>
        <source>A nurturing sequence: its e-mails count for this campaign</source>
        <translation>Eine Nurturing-Sequenz: ihre E-Mails zählen für diese Kampagne</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="430"/>
        <source>When</source>
        <translation>Wenn</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="431"/>
        <source>If</source>
        <translation>Falls</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="432"/>
        <source>all of these conditions hold</source>
        <translation>alle diese Bedingungen erfüllt sind</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="433"/>
        <source>any of these conditions holds</source>
        <translation>eine dieser Bedingungen erfüllt ist</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="434"/>
        <source>Then</source>
        <translation>Dann</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="435"/>
        <source>+ Add condition</source>
        <translation>+ Bedingung hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="436"/>
        <source>+ Add action</source>
        <translation>+ Aktion hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="437"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="438"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="439"/>
        <source>Test with</source>
        <translation>Testen mit</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="440"/>
        <source>Test run</source>
        <translation>Testlauf</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="442"/>
        <location filename="../../app/views/automation/workflow_editor.py" line="747"/>
        <source>any value</source>
        <translation>beliebiger Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="443"/>
        <source>Run log</source>
        <translation>Ausführungsprotokoll</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="444"/>
        <source>this workflow</source>
        <translation>dieser Workflow</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="445"/>
        <source>all workflows</source>
        <translation>alle Workflows</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="446"/>
        <source>Filter by record …</source>
        <translation>Nach Datensatz filtern …</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="448"/>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="448"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="448"/>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="448"/>
        <source>Fired</source>
        <translation>Ausgelöst</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/automation/workflow_editor.py" line="470"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Ausführung</numerusform>
            <numerusform>%n Ausführungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="608"/>
        <source>Delete workflow</source>
        <translation>Workflow löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="609"/>
        <source>Delete this workflow? Its run log stays.</source>
        <translation>Diesen Workflow löschen? Das Ausführungsprotokoll bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="618"/>
        <source>There is no record of this kind to test with.</source>
        <translation>Es gibt keinen Datensatz dieser Art zum Testen.</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="629"/>
        <source>Conditions hold for %1 — this would happen:</source>
        <translation>Bedingungen für %1 erfüllt – das würde geschehen:</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="633"/>
        <source>Conditions do not hold for %1 — nothing would happen. If they held:</source>
        <translation>Bedingungen für %1 nicht erfüllt – nichts würde geschehen. Wären sie erfüllt:</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="745"/>
        <source>form name (any form if empty)</source>
        <translation>Formularname (leer = jedes Formular)</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="761"/>
        <source>score at least</source>
        <translation>Score mindestens</translation>
    </message>
    <message>
        <location filename="../../app/views/automation/workflow_editor.py" line="763"/>
        <source>days (negative = before the date)</source>
        <translation>Tage (negativ = vor dem Datum)</translation>
    </message>
</context>
</TS>
