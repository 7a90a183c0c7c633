<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>AddressBookView</name>
    <message numerus="yes">
        <location filename="../../app/views/address_book.py" line="557" />
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln persons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/address_book.py" line="559" />
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln organisation</numerusform>
            <numerusform>%Ln organisations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KanbanBoard</name>
    <message numerus="yes">
        <location filename="../../app/views/pipeline/board.py" line="302" />
        <source>%n opportunity(ies)</source>
        <translation>
            <numerusform>%n opportunity(ies)</numerusform>
            <numerusform>%n opportunity(ies)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="306" />
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln persons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="307" />
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln organisation</numerusform>
            <numerusform>%Ln organisations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message numerus="yes">
        <location filename="../../app/views/sync/integration.py" line="120" />
        <source>Synced — %n conflict(s) need your decision.</source>
        <translation>
            <numerusform>Synced — %n conflict need your decision.</numerusform>
            <numerusform>Synced — %n conflicts need your decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/page.py" line="442" />
        <source>Conflict inbox (%n open)</source>
        <translation>
            <numerusform>Conflict inbox (%n open)</numerusform>
            <numerusform>Conflict inbox (%n open)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/widgets.py" line="59" />
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/widgets.py" line="116" />
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
</TS>