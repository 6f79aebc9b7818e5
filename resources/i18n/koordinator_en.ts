<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AbsenceDialog</name>
        <message numerus="yes">
            <location filename="../../app/ui/team/absence_dialog.py" line="222" />
            <source>(%n case(s))</source>
            <translation>
                <numerusform>(%n case)</numerusform>
                <numerusform>(%n cases)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CandidatesTab</name>
        <message numerus="yes">
            <location filename="../../app/ui/team/candidates_tab.py" line="91" />
            <source>%n professional(s)</source>
            <translation>
                <numerusform>%n professional</numerusform>
                <numerusform>%n professionals</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CaseListPage</name>
        <message numerus="yes">
            <location filename="../../app/ui/cases/case_list_page.py" line="200" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CasesBehindDialog</name>
        <message numerus="yes">
            <location filename="../../app/ui/team/cases_behind.py" line="49" />
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CompareDialog</name>
        <message numerus="yes">
            <location filename="../../app/ui/plan/compare_dialog.py" line="229" />
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n change</numerusform>
                <numerusform>%n changes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message numerus="yes">
            <location filename="../../app/ui/plan/conflict_dialog.py" line="272" />
            <source>Choose for %n more part(s).</source>
            <translation>
                <numerusform>Choose for %n more part.</numerusform>
                <numerusform>Choose for %n more parts.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FamilyPage</name>
        <message numerus="yes">
            <location filename="../../app/ui/family/family_page.py" line="325" />
            <source>Week (%n collision(s))</source>
            <translation>
                <numerusform>Week (%n collision)</numerusform>
                <numerusform>Week (%n collisions)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/family/family_page.py" line="416" />
            <source>%n intervention(s)</source>
            <translation>
                <numerusform>%n intervention</numerusform>
                <numerusform>%n interventions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/family/family_page.py" line="418" />
            <source>%n consent record(s)</source>
            <translation>
                <numerusform>%n consent record</numerusform>
                <numerusform>%n consent records</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Help from %n sector(s), and no approved common plan yet.</source>
            <translation type="vanished">
                <numerusform>Help from %n sector, and no approved common plan yet.</numerusform>
                <numerusform>Help from %n sectors, and no approved common plan yet.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n intervention(s) not checked against the source system for a long time.</source>
            <translation type="vanished">
                <numerusform>%n intervention not checked against the source system for a long time.</numerusform>
                <numerusform>%n interventions not checked against the source system for a long time.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FamilyWarningTexts</name>
        <message numerus="yes">
            <location filename="../../app/ui/family/warning_texts.py" line="21" />
            <source>Help from %n sector(s), and no approved common plan yet.</source>
            <translation>
                <numerusform>Help from %n sector, and no approved common plan yet.</numerusform>
                <numerusform>Help from %n sectors, and no approved common plan yet.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/family/warning_texts.py" line="52" />
            <source>%n intervention(s) not checked against the source system for a long time.</source>
            <translation>
                <numerusform>%n intervention not checked against the source system for a long time.</numerusform>
                <numerusform>%n interventions not checked against the source system for a long time.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GoalsTab</name>
        <message numerus="yes">
            <location filename="../../app/ui/plan/goals_tab.py" line="201" />
            <source>%n goal(s) under it will be removed too.</source>
            <translation>
                <numerusform>%n goal under it will be removed too.</numerusform>
                <numerusform>%n goals under it will be removed too.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InvitationDialog</name>
        <message numerus="yes">
            <location filename="../../app/ui/calendar/invitation_dialog.py" line="208" />
            <source>%n day(s) before</source>
            <translation>
                <numerusform>%n day before</numerusform>
                <numerusform>%n days before</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/calendar/invitation_dialog.py" line="210" />
            <source>%n hour(s) before</source>
            <translation>
                <numerusform>%n hour before</numerusform>
                <numerusform>%n hours before</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/calendar/invitation_dialog.py" line="211" />
            <source>%n minute(s) before</source>
            <translation>
                <numerusform>%n minute before</numerusform>
                <numerusform>%n minutes before</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JournalEntryDialog</name>
        <message numerus="yes">
            <location filename="../../app/ui/journal/entry_dialog.py" line="285" />
            <source>The note was written more than %n hour(s) ago and can no longer be changed. Save what you wrote as a correction instead? It is kept beside the note.</source>
            <translation>
                <numerusform>The note was written more than %n hour ago and can no longer be changed. Save what you wrote as a correction instead? It is kept beside the note.</numerusform>
                <numerusform>The note was written more than %n hours ago and can no longer be changed. Save what you wrote as a correction instead? It is kept beside the note.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JournalPanel</name>
        <message numerus="yes">
            <location filename="../../app/ui/journal/journal_panel.py" line="349" />
            <source>This note was written more than %n hour(s) ago and is locked, as the duty to keep notes asks. Use Correct… to add a correction beside it.</source>
            <translation>
                <numerusform>This note was written more than %n hour ago and is locked, as the duty to keep notes asks. Use Correct… to add a correction beside it.</numerusform>
                <numerusform>This note was written more than %n hours ago and is locked, as the duty to keep notes asks. Use Correct… to add a correction beside it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LixMeter</name>
        <message numerus="yes">
            <location filename="../../app/ui/plan/lix_meter.py" line="452" />
            <source>%n word(s): %1</source>
            <translation>
                <numerusform>%n word: %1</numerusform>
                <numerusform>%n words: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MonthView</name>
        <message numerus="yes">
            <location filename="../../app/ui/calendar/month_view.py" line="138" />
            <source>+%n more</source>
            <translation>
                <numerusform>+%n more</numerusform>
                <numerusform>+%n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message numerus="yes">
            <location filename="../../app/ui/navigation.py" line="71" />
            <source>%n overdue</source>
            <translation>
                <numerusform>%n overdue</numerusform>
                <numerusform>%n overdue</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/navigation.py" line="73" />
            <source>%n task(s), deadline(s) or agreement(s) past their date</source>
            <translation>
                <numerusform>%n task, deadline or agreement past their date</numerusform>
                <numerusform>%n tasks, deadlines or agreements past their date</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/navigation.py" line="76" />
            <source>%n open case(s)</source>
            <translation>
                <numerusform>%n open case</numerusform>
                <numerusform>%n open cases</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/navigation.py" line="79" />
            <source>%n meeting(s) today</source>
            <translation>
                <numerusform>%n meeting today</numerusform>
                <numerusform>%n meetings today</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PdfPreview</name>
        <message numerus="yes">
            <location filename="../../app/ui/plan/plan_preview.py" line="141" />
            <source>%n page(s)</source>
            <translation>
                <numerusform>%n page</numerusform>
                <numerusform>%n pages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PeopleTab</name>
        <message numerus="yes">
            <location filename="../../app/ui/family/people_tab.py" line="245" />
            <source>%1 (%n running)</source>
            <translation>
                <numerusform>%1 (%n running)</numerusform>
                <numerusform>%1 (%n running)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/family/people_tab.py" line="275" />
            <source>%n intervention(s) not checked against the source system for a long time.</source>
            <translation>
                <numerusform>%n intervention not checked against the source system for a long time.</numerusform>
                <numerusform>%n interventions not checked against the source system for a long time.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanPage</name>
        <message numerus="yes">
            <source>Its %n sub-goal(s) go with it.</source>
            <translation type="vanished">
                <numerusform>Its %n sub-goal go with it.</numerusform>
                <numerusform>Its %n sub-goals go with it.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n goal(s) under it will be removed too.</source>
            <translation type="vanished">
                <numerusform>%n goal under it will be removed too.</numerusform>
                <numerusform>%n goals under it will be removed too.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Reminders</name>
        <message numerus="yes">
            <location filename="../../app/ui/tasks/reminders.py" line="178" />
            <source>Reminder: %n task(s) asked to be remembered now.</source>
            <translation>
                <numerusform>Reminder: %n task asked to be remembered now.</numerusform>
                <numerusform>Reminder: %n tasks asked to be remembered now.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TeamOverviewDialog</name>
        <message numerus="yes">
            <location filename="../../app/ui/team/team_overview.py" line="195" />
            <source>Candidate cases without a coordinator: %n</source>
            <translation>
                <numerusform>Candidate cases without a coordinator: %n</numerusform>
                <numerusform>Candidate cases without a coordinator: %n</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message numerus="yes">
            <location filename="../../app/ui/family/timeline_view.py" line="216" />
            <source>No help for %n week(s)</source>
            <translation>
                <numerusform>No help for %n week</numerusform>
                <numerusform>No help for %n weeks</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/family/timeline_view.py" line="471" />
            <source>%n earlier intervention(s) not shown</source>
            <translation>
                <numerusform>%n earlier intervention not shown</numerusform>
                <numerusform>%n earlier interventions not shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/family/timeline_view.py" line="496" />
            <source>%n year(s)</source>
            <translation>
                <numerusform>%n year</numerusform>
                <numerusform>%n years</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/family/timeline_view.py" line="450" />
            <source>%n week(s)</source>
            <translation>
                <numerusform>%n week</numerusform>
                <numerusform>%n weeks</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TransitionPanel</name>
        <message numerus="yes">
            <location filename="../../app/ui/family/transition_panel.py" line="172" />
            <source>%n day(s) left</source>
            <translation>
                <numerusform>%n day left</numerusform>
                <numerusform>%n days left</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../app/ui/family/transition_panel.py" line="174" />
            <source>%n day(s) past the deadline</source>
            <translation>
                <numerusform>%n day past the deadline</numerusform>
                <numerusform>%n days past the deadline</numerusform>
            </translation>
        </message>
    </context>
</TS>
