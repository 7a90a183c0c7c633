<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>AddressBookView</name>
    <message numerus="yes">
        <location filename="../../app/views/address_book.py" line="579" />
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln persons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/address_book.py" line="581" />
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln organisation</numerusform>
            <numerusform>%Ln organisations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutomationUi</name>
    <message numerus="yes">
        <location filename="../../app/views/automation/integration.py" line="69" />
        <source>%n new notification(s)</source>
        <translation>
            <numerusform>%n new notification</numerusform>
            <numerusform>%n new notifications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/automation/integration.py" line="189" />
        <source>%n e-mail(s) sent from the outbox.</source>
        <translation>
            <numerusform>%n e-mail sent from the outbox.</numerusform>
            <numerusform>%n e-mails sent from the outbox.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BookQuality</name>
    <message numerus="yes">
        <location filename="../../app/views/quality/book.py" line="430" />
        <source>Tag added to %n record(s).</source>
        <translation>
            <numerusform>Tag added to %n record.</numerusform>
            <numerusform>Tag added to %n records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/book.py" line="434" />
        <source>Tag removed from %n record(s).</source>
        <translation>
            <numerusform>Tag removed from %n record.</numerusform>
            <numerusform>Tag removed from %n records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message numerus="yes">
        <location filename="../../app/views/journal/cases_view.py" line="378" />
        <source>%Ln case(s)</source>
        <translation>
            <numerusform>%Ln case</numerusform>
            <numerusform>%Ln cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CltvView</name>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/cltv_view.py" line="213" />
        <source>%Ln organisation(s) with won business</source>
        <translation>
            <numerusform>%Ln organisation with won business</numerusform>
            <numerusform>%Ln organisations with won business</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/page.py" line="398" />
        <source>%Ln open deal(s) closing</source>
        <translation>
            <numerusform>%Ln open deal closing</numerusform>
            <numerusform>%Ln open deals closing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/page.py" line="417" />
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln answer</numerusform>
            <numerusform>%Ln answers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/drill.py" line="71" />
        <source>%Ln opportunity(ies), biggest first</source>
        <translation>
            <numerusform>%Ln opportunity(ies), biggest first</numerusform>
            <numerusform>%Ln opportunity(ies), biggest first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message numerus="yes">
        <location filename="../../app/views/journal/journal_view.py" line="293" />
        <source>%Ln appointment(s) exported.</source>
        <translation>
            <numerusform>%Ln appointment exported.</numerusform>
            <numerusform>%Ln appointments exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/journal_view.py" line="330" />
        <source>%Ln appointment(s) imported.</source>
        <translation>
            <numerusform>%Ln appointment imported.</numerusform>
            <numerusform>%Ln appointments imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/journal_view.py" line="332" />
        <source>%Ln already in the journal.</source>
        <translation>
            <numerusform>%Ln already in the journal.</numerusform>
            <numerusform>%Ln already in the journal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KanbanBoard</name>
    <message numerus="yes">
        <location filename="../../app/views/pipeline/board.py" line="343" />
        <source>%n opportunity(ies)</source>
        <translation>
            <numerusform>%n opportunity(ies)</numerusform>
            <numerusform>%n opportunity(ies)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KnowledgeView</name>
    <message numerus="yes">
        <location filename="../../app/views/journal/knowledge_view.py" line="179" />
        <source>Answer to %n case(s)</source>
        <translation>
            <numerusform>Answer to %n case</numerusform>
            <numerusform>Answer to %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="480" />
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>%Ln person</numerusform>
            <numerusform>%Ln persons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/main_window.py" line="481" />
        <source>%Ln organisation(s)</source>
        <translation>
            <numerusform>%Ln organisation</numerusform>
            <numerusform>%Ln organisations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MassUpdateDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/quality/mass_update_dialog.py" line="271" />
        <source>%n record(s) changed.</source>
        <translation>
            <numerusform>%n record changed.</numerusform>
            <numerusform>%n records changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="44" />
        <source>%n address(es)</source>
        <translation>
            <numerusform>%n address(es)</numerusform>
            <numerusform>%n address(es)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="47" />
        <source>%n phone number(s) or e-mail(s)</source>
        <translation>
            <numerusform>%n phone number or e-mail</numerusform>
            <numerusform>%n phone numbers or e-mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="50" />
        <source>%n organisation link(s)</source>
        <translation>
            <numerusform>%n organisation link</numerusform>
            <numerusform>%n organisation links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="53" />
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="54" />
        <source>%n custom value(s)</source>
        <translation>
            <numerusform>%n custom value</numerusform>
            <numerusform>%n custom values</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="57" />
        <source>%n journal entry(ies)</source>
        <translation>
            <numerusform>%n journal entry(ies)</numerusform>
            <numerusform>%n journal entry(ies)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="60" />
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="61" />
        <source>%n opportunity(ies)</source>
        <translation>
            <numerusform>%n opportunity(ies)</numerusform>
            <numerusform>%n opportunity(ies)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="64" />
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/quality/merge_dialog.py" line="65" />
        <source>%n service case(s)</source>
        <translation>
            <numerusform>%n service case</numerusform>
            <numerusform>%n service cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NpsView</name>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/nps_view.py" line="258" />
        <location filename="../../app/views/dashboard/nps_view.py" line="264" />
        <source>%Ln answer(s)</source>
        <translation>
            <numerusform>%Ln answer</numerusform>
            <numerusform>%Ln answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/nps_view.py" line="360" />
        <location filename="../../app/views/dashboard/nps_view.py" line="378" />
        <source>%Ln answer(s) imported.</source>
        <translation>
            <numerusform>%Ln answer imported.</numerusform>
            <numerusform>%Ln answers imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/nps_view.py" line="370" />
        <source>… and %Ln more row(s).</source>
        <translation>
            <numerusform>… and %Ln more row.</numerusform>
            <numerusform>… and %Ln more rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/nps_view.py" line="373" />
        <source>%Ln row(s) were left out:</source>
        <translation>
            <numerusform>%Ln row were left out:</numerusform>
            <numerusform>%Ln rows were left out:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message numerus="yes">
        <location filename="../../app/views/dashboard/report_builder.py" line="538" />
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln group</numerusform>
            <numerusform>%Ln groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message numerus="yes">
        <location filename="../../app/views/sync/integration.py" line="114" />
        <source>Synced — %n conflict(s) need your decision.</source>
        <translation>
            <numerusform>Synced — %n conflict need your decision.</numerusform>
            <numerusform>Synced — %n conflicts need your decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/page.py" line="476" />
        <source>Conflict inbox (%n open)</source>
        <translation>
            <numerusform>Conflict inbox (%n open)</numerusform>
            <numerusform>Conflict inbox (%n open)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/widgets.py" line="66" />
        <source>%n change(s) to send</source>
        <translation>
            <numerusform>%n change to send</numerusform>
            <numerusform>%n changes to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/sync/widgets.py" line="133" />
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TasksView</name>
    <message numerus="yes">
        <location filename="../../app/views/journal/tasks_view.py" line="313" />
        <location filename="../../app/views/journal/tasks_view.py" line="332" />
        <source>%Ln appointment(s) exported.</source>
        <translation>
            <numerusform>%Ln appointment exported.</numerusform>
            <numerusform>%Ln appointments exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/views/journal/tasks_view.py" line="357" />
        <source>%Ln task(s)</source>
        <translation>
            <numerusform>%Ln task</numerusform>
            <numerusform>%Ln tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <location filename="../../app/views/journal/timeline.py" line="308" />
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkflowEditor</name>
    <message numerus="yes">
        <location filename="../../app/views/automation/workflow_editor.py" line="470" />
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
</context>
</TS>