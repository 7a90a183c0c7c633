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
        <location filename="../../app/views/labels.py" line="101"/>
        <source>Preparing …</source>
        <translation>Vorbereiten …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="102"/>
        <source>Generating organisations …</source>
        <translation>Organisationen werden erzeugt …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="103"/>
        <source>Generating persons …</source>
        <translation>Personen werden erzeugt …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="104"/>
        <source>Rebuilding indexes …</source>
        <translation>Indizes werden neu aufgebaut …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="105"/>
        <source>Rebuilding the search index …</source>
        <translation>Suchindex wird neu aufgebaut …</translation>
    </message>
    <message>
        <location filename="../../app/views/labels.py" line="106"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/views/main_window.py" line="169"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="170"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="171"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="172"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="173"/>
        <source>New &amp;person</source>
        <translation>Neue &amp;Person</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="174"/>
        <source>New &amp;organisation</source>
        <translation>Neue &amp;Organisation</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="175"/>
        <source>Load &amp;demo data …</source>
        <translation>&amp;Demodaten laden …</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="176"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="177"/>
        <source>&amp;Find</source>
        <translation>Su&amp;chen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="178"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="179"/>
        <source>&amp;Delete record</source>
        <translation>Datensatz &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="180"/>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig machen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="181"/>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="182"/>
        <source>&amp;Persons</source>
        <translation>&amp;Personen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="183"/>
        <source>O&amp;rganisations</source>
        <translation>&amp;Organisationen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="184"/>
        <source>&amp;About Relata</source>
        <translation>Ü&amp;ber Relata</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="187"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="187"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="190"/>
        <source>Offline — no server configured</source>
        <translation>Offline – kein Server eingerichtet</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="192"/>
        <source>Server: %1 (not signed in)</source>
        <translation>Server: %1 (nicht angemeldet)</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="238"/>
        <source>Generating demo data …</source>
        <translation>Demodaten werden erstellt …</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="245"/>
        <source>About Relata</source>
        <translation>Über Relata</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="247"/>
        <source>Relata %1
The offline-first CRM for field sales and back offices.

Database: %2</source>
        <translation>Relata %1
Das CRM für Aussen- und Innendienst, das auch offline funktioniert.

Datenbank: %2</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="265"/>
        <source>Demo data loaded.</source>
        <translation>Demodaten geladen.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="272"/>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="273"/>
        <source>Demo data could not be generated: %1</source>
        <translation>Die Demodaten konnten nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="278"/>
        <source>Cancelled — nothing was added.</source>
        <translation>Abgebrochen – es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="283"/>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="284"/>
        <source>The task “%1” failed: %2
Your data is unchanged.</source>
        <translation>Der Vorgang «%1» ist fehlgeschlagen: %2
Ihre Daten sind unverändert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="296"/>
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln Person</numerusform>
            <numerusform>%Ln Personen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="297"/>
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln Organisation</numerusform>
            <numerusform>%Ln Organisationen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="306"/>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../../app/views/main_window.py" line="307"/>
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
