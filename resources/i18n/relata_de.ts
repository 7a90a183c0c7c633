<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_CH" sourcelanguage="en">
<context>
    <name>AddressBookView</name>
    <message>
        <location filename="../../app/views/address_book.py" line="88"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="89"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="95"/>
        <source>Search name, e-mail, phone, city, organisation … (Ctrl+F)</source>
        <translation>Name, E-Mail, Telefon, Ort, Organisation suchen … (Strg+F)</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="98"/>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="103"/>
        <source>Postcode from</source>
        <translation>PLZ ab</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="108"/>
        <location filename="../../app/views/address_book.py" line="451"/>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="111"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="113"/>
        <source>Undo delete</source>
        <translation>Löschen rückgängig</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="153"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="155"/>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="157"/>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="333"/>
        <source>Not saved: please correct the marked fields.</source>
        <translation>Nicht gespeichert: Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="344"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="382"/>
        <source>Undo delete of %1</source>
        <translation>%1 wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="389"/>
        <source>Deleted %1. Ctrl+Z brings it back.</source>
        <translation>%1 gelöscht. Mit Strg+Z machen Sie das rückgängig.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="410"/>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="453"/>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="536"/>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="537"/>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="554"/>
        <source>More than %1 matches — type more to narrow the search</source>
        <translation>Mehr als %1 Treffer – geben Sie mehr ein, um die Suche einzugrenzen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/address_book.py" line="557"/>
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/address_book.py" line="559"/>
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln Organisation</numerusform>
            <numerusform>%Ln Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="570"/>
        <source>Nothing matches. Check the spelling or clear the filters.</source>
        <translation>Keine Treffer. Prüfen Sie die Schreibweise oder setzen Sie die Filter zurück.</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="573"/>
        <source>No persons yet.
Click “New person” (Ctrl+N) or load demo data from the File menu.</source>
        <translation>Noch keine Personen erfasst.
Klicken Sie auf «Neue Person» (Strg+N) oder laden Sie Demodaten über «Datei».</translation>
    </message>
    <message>
        <location filename="../../app/views/address_book.py" line="577"/>
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
    <name>CardColumn</name>
    <message>
        <location filename="../../app/views/pipeline/cards.py" line="233"/>
        <source>%1 d in stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/cards.py" line="364"/>
        <source>No opportunities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/cards.py" line="396"/>
        <source>%1 more …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChildEditors</name>
    <message>
        <location filename="../../app/views/forms/children.py" line="108"/>
        <source>Remove this line</source>
        <translation>Diese Zeile entfernen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="128"/>
        <source>+41 44 123 45 67 or name@example.ch</source>
        <translation>+41 44 123 45 67 oder name@example.ch</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="130"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="131"/>
        <source>Label (e.g. office)</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="134"/>
        <location filename="../../app/views/forms/children.py" line="229"/>
        <location filename="../../app/views/forms/children.py" line="396"/>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="174"/>
        <source>Add phone, e-mail or web</source>
        <translation>Telefon, E-Mail oder Web hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="232"/>
        <source>Street</source>
        <translation>Strasse</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="233"/>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="234"/>
        <source>Additional line (c/o, floor)</source>
        <translation>Adresszusatz (c/o, Stockwerk)</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="235"/>
        <source>PO box</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="236"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="237"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="238"/>
        <source>Canton/state</source>
        <translation>Kanton</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="239"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="290"/>
        <source>Add address</source>
        <translation>Adresse hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="339"/>
        <source>Type to search an organisation</source>
        <translation>Organisation suchen …</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="395"/>
        <source>Role (e.g. purchasing)</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/children.py" line="438"/>
        <source>Link to organisation</source>
        <translation>Mit Organisation verknüpfen</translation>
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
    <name>HomeView</name>
    <message>
        <location filename="../../app/views/home.py" line="92"/>
        <source>Welcome to Relata</source>
        <translation>Willkommen bei Relata</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="97"/>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="98"/>
        <source>Organisations</source>
        <translation>Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="99"/>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="100"/>
        <source>Prospects</source>
        <translation>Interessenten</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="111"/>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="113"/>
        <source>New organisation</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="114"/>
        <source>Open address book</source>
        <translation>Adressbuch öffnen</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="115"/>
        <source>Load demo data …</source>
        <translation>Demodaten laden …</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="165"/>
        <source>Your address book is empty. Create your first organisation or person, import a file, or load demo data to look around.</source>
        <translation>Ihr Adressbuch ist leer. Erfassen Sie Ihre erste Organisation oder Person, importieren Sie eine Datei oder laden Sie Demodaten, um sich umzusehen.</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="170"/>
        <source>Your customers and prospects, always with you — online or not.</source>
        <translation>Ihre Kunden und Interessenten – immer dabei, ob online oder offline.</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="176"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="179"/>
        <source>Last backup: %1</source>
        <translation>Letzte Sicherung: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/home.py" line="181"/>
        <source>No backup yet — one is made every time you close Relata.</source>
        <translation>Noch keine Sicherung – Relata erstellt bei jedem Beenden eine.</translation>
    </message>
</context>
<context>
    <name>KanbanBoard</name>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="53"/>
        <source>Opportunity lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="55"/>
        <source>Why was “%1” lost?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="63"/>
        <source>Choose or type a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="65"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="68"/>
        <source>Reason *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="70"/>
        <source>Lost to competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="74"/>
        <source>Mark as lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="246"/>
        <source>Moved “%1” to %2.</source>
        <extracomment>Asks for the lost reason; tests replace it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/pipeline/board.py" line="302"/>
        <source>%n opportunity(ies)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="309"/>
        <source>weighted %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="315"/>
        <source>won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/board.py" line="315"/>
        <source>lost</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="92"/>
        <source>An amount cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="93"/>
        <source>This amount is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="94"/>
        <source>This is not a percentage (e.g. 12.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="95"/>
        <source>A percentage lies between 0 and 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="96"/>
        <source>The probability lies between 0 and 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="97"/>
        <source>The quantity must be a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="98"/>
        <source>Choose a product or describe the line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="99"/>
        <source>Choose CHF, EUR or USD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="100"/>
        <source>Choose an organisation or a contact person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="101"/>
        <source>A lead needs a last name or a company.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="102"/>
        <source>Only a qualified lead (MQL or SQL) can be converted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="105"/>
        <source>A converted lead keeps its status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="106"/>
        <source>Use “Convert” to turn the lead into a customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="107"/>
        <source>Choose a stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="108"/>
        <source>The stage belongs to another pipeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="109"/>
        <source>This stage still holds opportunities; move them to another stage first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="112"/>
        <source>A pipeline needs open stages and exactly one Won and one Lost stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="115"/>
        <source>This record was deleted meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="116"/>
        <source>This exchange rate is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="128"/>
        <source>Preparing …</source>
        <translation>Vorbereiten …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="129"/>
        <source>Generating organisations …</source>
        <translation>Organisationen werden erzeugt …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="130"/>
        <source>Generating persons …</source>
        <translation>Personen werden erzeugt …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="131"/>
        <source>Rebuilding indexes …</source>
        <translation>Indizes werden neu aufgebaut …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="132"/>
        <source>Rebuilding the search index …</source>
        <translation>Suchindex wird neu aufgebaut …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="133"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>LinesEditor</name>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="52"/>
        <source>(no product)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="59"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="79"/>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="200"/>
        <source>Product / description · quantity · unit price · discount · total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="203"/>
        <source>+ Add product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/lines_editor.py" line="287"/>
        <source>Total of lines: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="171"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="172"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="173"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="174"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="175"/>
        <source>New &amp;person</source>
        <translation>Neue &amp;Person</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="176"/>
        <source>New &amp;organisation</source>
        <translation>Neue &amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="177"/>
        <source>Load &amp;demo data …</source>
        <translation>&amp;Demodaten laden …</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="178"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="179"/>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="180"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="181"/>
        <source>&amp;Delete record</source>
        <translation>Datensatz &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="182"/>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="183"/>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="184"/>
        <source>&amp;Persons</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="185"/>
        <source>O&amp;rganisations</source>
        <translation>&amp;Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="186"/>
        <source>&amp;About Relata</source>
        <translation>Ü&amp;ber Relata</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="189"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="189"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="192"/>
        <source>Offline — no server configured</source>
        <translation>Offline – kein Server eingerichtet</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="194"/>
        <source>Server: %1 (not signed in)</source>
        <translation>Server: %1 (nicht angemeldet)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="247"/>
        <source>Generating demo data …</source>
        <translation>Demodaten werden erstellt …</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="254"/>
        <source>About Relata</source>
        <translation>Über Relata</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="256"/>
        <source>Relata %1
The offline-first CRM for field sales and back offices.

Database: %2</source>
        <translation>Relata %1
Das CRM für Aussen- und Innendienst, das auch offline funktioniert.

Datenbank: %2</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="275"/>
        <source>Demo data loaded.</source>
        <translation>Demodaten geladen.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="282"/>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="283"/>
        <source>Demo data could not be generated: %1</source>
        <translation>Die Demodaten konnten nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="288"/>
        <source>Cancelled — nothing was added.</source>
        <translation>Abgebrochen – es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="293"/>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="294"/>
        <source>The task “%1” failed: %2
Your data is unchanged.</source>
        <translation>Der Vorgang «%1» ist fehlgeschlagen: %2
Ihre Daten sind unverändert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="306"/>
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="307"/>
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln Organisation</numerusform>
            <numerusform>%Ln Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="316"/>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="317"/>
        <source>You have unsaved changes. Save them before closing?</source>
        <translation>Sie haben nicht gespeicherte Änderungen. Vor dem Schliessen speichern?</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="39"/>
        <source>Organisation</source>
        <translation type="unfinished">Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="43"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="49"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="57"/>
        <source>Prob.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="62"/>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="65"/>
        <source>Close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="70"/>
        <location filename="../../app/views/tablemodels/pipeline.py" line="90"/>
        <source>Owner</source>
        <translation type="unfinished">Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="71"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="75"/>
        <source>Name</source>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="76"/>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="77"/>
        <source>E-mail</source>
        <translation type="unfinished">E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="78"/>
        <source>City</source>
        <translation type="unfinished">Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="79"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="81"/>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="85"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/tablemodels/pipeline.py" line="93"/>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PipelineTexts</name>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="28"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="29"/>
        <source>Web form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="30"/>
        <source>Trade fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="31"/>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="32"/>
        <source>Cold call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="33"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="34"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="41"/>
        <source>Unqualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="42"/>
        <source>Marketing qualified (MQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="43"/>
        <source>Sales qualified (SQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="44"/>
        <source>Disqualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="45"/>
        <source>Converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="51"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="51"/>
        <location filename="../../app/views/pipeline/texts.py" line="73"/>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="51"/>
        <location filename="../../app/views/pipeline/texts.py" line="74"/>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="69"/>
        <source>Qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="70"/>
        <source>Needs analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="71"/>
        <source>Offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="72"/>
        <source>Negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="81"/>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="88"/>
        <source>Any close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="89"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="90"/>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="91"/>
        <source>Next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="92"/>
        <source>This quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="93"/>
        <source>Next quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="94"/>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="95"/>
        <source>Next 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="102"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="103"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="104"/>
        <source>Close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="111"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="112"/>
        <source>Industry</source>
        <translation type="unfinished">Branche</translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="113"/>
        <source>Canton</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="114"/>
        <source>Company size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="115"/>
        <source>Deal size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="116"/>
        <source>Days open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="117"/>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="127"/>
        <source>%1 contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="129"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="133"/>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="141"/>
        <source>Not enough history yet: %1 closed opportunities (%2 won). Scores need at least 40 closed, 10 of them won and 10 lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="149"/>
        <source>The scoring model has not been trained yet. Click “Retrain”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="150"/>
        <source>No score available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="156"/>
        <source>Price too high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="157"/>
        <source>Chose a competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="158"/>
        <source>No budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="159"/>
        <source>Project postponed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="160"/>
        <source>No decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/views/pipeline/texts.py" line="161"/>
        <source>Requirements not met</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="89"/>
        <location filename="../../app/views/forms/record_form.py" line="156"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="147"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="148"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="152"/>
        <source>Phone, e-mail, web</source>
        <translation>Telefon, E-Mail, Web</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="154"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../../app/views/forms/record_form.py" line="165"/>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/main.py" line="68"/>
        <location filename="../../app/main.py" line="82"/>
        <source>Database damaged</source>
        <translation>Datenbank beschädigt</translation>
    </message>
    <message>
        <location filename="../../app/main.py" line="69"/>
        <source>The database was damaged (%1) and has been moved aside to
%2

Restore the newest backup (%3)?</source>
        <translation>Die Datenbank war beschädigt (%1) und wurde verschoben nach
%2

Neueste Sicherung (%3) wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../../app/main.py" line="83"/>
        <source>The database was damaged and moved aside to
%1
No backup exists; Relata starts with an empty database.</source>
        <translation>Die Datenbank war beschädigt und wurde verschoben nach
%1
Es gibt keine Sicherung; Relata startet mit einer leeren Datenbank.</translation>
    </message>
    <message>
        <location filename="../../app/main.py" line="93"/>
        <source>Cannot open database</source>
        <translation>Datenbank kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../app/views/sync/integration.py" line="73"/>
        <source>S&amp;ync now</source>
        <translation>&amp;Jetzt abgleichen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/integration.py" line="74"/>
        <source>S&amp;ync and conflicts</source>
        <translation>&amp;Abgleich und Konflikte</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/integration.py" line="75"/>
        <source>Sign &amp;in to server …</source>
        <translation>Am Server &amp;anmelden …</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/integration.py" line="78"/>
        <location filename="../../app/views/sync/integration.py" line="82"/>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/integration.py" line="120"/>
        <source>Synced — %n conflict(s) need your decision.</source>
        <translation>
            <numerusform>Abgeglichen — %n Konflikt braucht Ihre Entscheidung.</numerusform>
            <numerusform>Abgeglichen — %n Konflikte brauchen Ihre Entscheidung.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/sync/integration.py" line="124"/>
        <source>Synced.</source>
        <translation>Abgeglichen.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="55"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="56"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="57"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="58"/>
        <source>Phone/e-mail</source>
        <translation>Telefon/E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="59"/>
        <source>Employment</source>
        <translation>Anstellung</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="60"/>
        <location filename="../../app/views/sync/page.py" line="61"/>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="62"/>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="69"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="70"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="71"/>
        <source>Legal form</source>
        <translation>Rechtsform</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="72"/>
        <source>Customer no.</source>
        <translation>Kundennr.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="73"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="74"/>
        <source>Owner</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="75"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="76"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="77"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="78"/>
        <source>Street</source>
        <translation>Strasse</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="79"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="80"/>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="81"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="82"/>
        <source>Role</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="89"/>
        <source>Edited on both sides</source>
        <translation>Auf beiden Seiten geändert</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="90"/>
        <source>Edited here, deleted elsewhere</source>
        <translation>Hier geändert, anderswo gelöscht</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="91"/>
        <source>Deleted here, edited elsewhere</source>
        <translation>Hier gelöscht, anderswo geändert</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="92"/>
        <source>Edited here, merged into another record</source>
        <translation>Hier geändert, mit einem anderen Datensatz zusammengeführt</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="93"/>
        <source>Added to a deleted record</source>
        <translation>Zu einem gelöschten Datensatz hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="94"/>
        <source>Not accepted by the server</source>
        <translation>Vom Server nicht angenommen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="101"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="103"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="103"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="170"/>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="171"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="172"/>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="173"/>
        <source>Changed by</source>
        <translation>Geändert von</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="174"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="209"/>
        <source>Original</source>
        <translation>Ursprünglich</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="222"/>
        <source>Or type the value that is right</source>
        <translation>Oder den richtigen Wert eingeben</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="224"/>
        <location filename="../../app/views/sync/page.py" line="307"/>
        <source>Keep theirs</source>
        <translation>Server-Wert behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="225"/>
        <source>Keep mine</source>
        <translation>Meinen Wert behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="226"/>
        <source>Use typed value</source>
        <translation>Eingegebenen Wert übernehmen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="227"/>
        <source>Restore record</source>
        <translation>Datensatz wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="228"/>
        <source>Delete anyway</source>
        <translation>Trotzdem löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="229"/>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="278"/>
        <source>Sent by %1 on %2.</source>
        <translation>Gesendet von %1 am %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="282"/>
        <source>Theirs (server)</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="283"/>
        <source>Mine</source>
        <translation>Meiner</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="299"/>
        <source>Keep deleted</source>
        <translation>Gelöscht lassen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="301"/>
        <source>Keep the record</source>
        <translation>Datensatz behalten</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="303"/>
        <source>Discard my change</source>
        <translation>Meine Änderung verwerfen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="305"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="312"/>
        <source>The record was deleted.</source>
        <translation>Der Datensatz wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="313"/>
        <source>The record was changed and stays.</source>
        <translation>Der Datensatz wurde geändert und bleibt bestehen.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="314"/>
        <source>The record was merged into another one.</source>
        <translation>Der Datensatz wurde mit einem anderen zusammengeführt.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="315"/>
        <source>The record it belongs to was deleted.</source>
        <translation>Der zugehörige Datensatz wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="316"/>
        <source>The server did not accept the change.</source>
        <translation>Der Server hat die Änderung nicht angenommen.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="346"/>
        <source>Sync and conflicts</source>
        <translation>Abgleich und Konflikte</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="353"/>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="355"/>
        <location filename="../../app/views/sync/page.py" line="433"/>
        <source>Sign in …</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="356"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="378"/>
        <source>No conflicts. Changes made on several laptops were merged field by field.</source>
        <translation>Keine Konflikte. Änderungen von mehreren Laptops wurden Feld für Feld zusammengeführt.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="411"/>
        <source>Signed in to %1 as %2.</source>
        <translation>Angemeldet bei %1 als %2.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="415"/>
        <source>Server %1 — please sign in again.</source>
        <translation>Server %1 — bitte erneut anmelden.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="420"/>
        <source>Server %1 — not signed in.</source>
        <translation>Server %1 — nicht angemeldet.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="423"/>
        <source>This computer works offline. Sign in to a Relata server to share data with your team.</source>
        <translation>Dieser Computer arbeitet offline. Melden Sie sich an einem Relata-Server an, um Daten mit Ihrem Team zu teilen.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="429"/>
        <source>(No password store available: you will sign in again after a restart.)</source>
        <translation>(Kein Passwortspeicher verfügbar: Nach einem Neustart melden Sie sich erneut an.)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/page.py" line="433"/>
        <source>Sign in again …</source>
        <translation>Erneut anmelden …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/page.py" line="442"/>
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
        <location filename="../../app/views/sync/widgets.py" line="33"/>
        <source>Please sign in to the server again. Your changes are kept.</source>
        <translation>Bitte melden Sie sich erneut am Server an. Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="34"/>
        <source>The server needs a newer version of Relata. Your changes are kept.</source>
        <translation>Der Server verlangt eine neuere Relata-Version. Ihre Änderungen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="35"/>
        <source>Unknown user name or wrong password.</source>
        <translation>Unbekannter Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="36"/>
        <source>The server&apos;s certificate could not be verified.</source>
        <translation>Das Zertifikat des Servers konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="37"/>
        <source>Enter the server address, e.g. https://crm.example.ch</source>
        <translation>Geben Sie die Serveradresse ein, z. B. https://crm.example.ch</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="38"/>
        <source>No server is configured.</source>
        <translation>Es ist kein Server eingerichtet.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="39"/>
        <source>The server refused the request.</source>
        <translation>Der Server hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="40"/>
        <source>This field is required.</source>
        <translation>Dieses Feld ist obligatorisch.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="47"/>
        <source>Offline — no server configured</source>
        <translation>Offline — kein Server eingerichtet</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="49"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="50"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="50"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="56"/>
        <source>synced %1</source>
        <translation>abgeglichen %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/widgets.py" line="59"/>
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n Änderung zu senden</numerusform>
            <numerusform>%n Änderungen zu senden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="107"/>
        <source>Syncing …</source>
        <translation>Abgleich läuft …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/widgets.py" line="116"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="135"/>
        <source>Sign in to the server</source>
        <translation>Am Server anmelden</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="148"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="149"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="150"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="160"/>
        <source>Your changes are kept on this computer and exchanged with the server whenever you are online. The sign-in is stored in the system&apos;s password store, never in the database.</source>
        <translation>Ihre Änderungen werden auf diesem Computer gespeichert und mit dem Server abgeglichen, sobald Sie online sind. Die Anmeldung liegt im Passwortspeicher des Systems, nie in der Datenbank.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="171"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../app/views/sync/widgets.py" line="213"/>
        <source>Signing in failed: %1</source>
        <translation>Anmelden fehlgeschlagen: %1</translation>
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
</TS>
