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
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="296" />
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln persons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="297" />
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln organisation</numerusform>
            <numerusform>%Ln organisations</numerusform>
        </translation>
    </message>
</context>
</TS>