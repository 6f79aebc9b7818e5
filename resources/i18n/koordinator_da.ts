<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name></name>
    <message>
        <source>Help from %n sector(s), and no approved common plan yet.</source>
        <translation type="vanished">Hjælp fra %n sektorer, men endnu ingen godkendt fælles plan.</translation>
    </message>
    <message>
        <source>The follow-up was due on %1.</source>
        <translation type="vanished">Fristen for opfølgning var %1.</translation>
    </message>
    <message>
        <source>No consent to share information is recorded for %1.</source>
        <translation type="vanished">Der er ikke registreret samtykke til at dele oplysninger om %1.</translation>
    </message>
    <message>
        <source>%1 turns 18 on %2 and has no transition track.</source>
        <translation type="vanished">%1 fylder 18 år den %2 og har intet overgangsforløb.</translation>
    </message>
    <message>
        <source>%1 for %2 ends on %3 and nothing follows it.</source>
        <translation type="vanished">%1 for %2 slutter den %3, og der er ikke planlagt noget efter.</translation>
    </message>
    <message>
        <source>%n intervention(s) not checked against the source system for a long time.</source>
        <translation type="vanished">Indsatser, der ikke er tjekket mod kildesystemet i lang tid: %n.</translation>
    </message>
    <message>
        <source>The coordinator has %1 open cases; the limit is %2.</source>
        <translation type="vanished">Koordinatoren har %1 åbne sager. Grænsen er %2.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="56"/>
        <source>Case no.</source>
        <translation>Sagsnr.</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="57"/>
        <source>Family or citizen</source>
        <translation>Familie eller borger</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="58"/>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="59"/>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="60"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="61"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="62"/>
        <source>Next meeting</source>
        <translation>Næste møde</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="63"/>
        <source>Follow-up due</source>
        <translation>Opfølgning senest</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="64"/>
        <source>Open agreements</source>
        <translation>Åbne aftaler</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="65"/>
        <source>Flags</source>
        <translation>Opmærksomhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="73"/>
        <source>Follow-up overdue</source>
        <translation>Opfølgning overskredet</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="74"/>
        <source>Turns 18 within 12 months</source>
        <translation>Fylder 18 inden et år</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_model.py" line="75"/>
        <source>CPR numbers are masked in lists.</source>
        <translation>CPR-numre er skjult i lister.</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../app/ui/case_list_page.py" line="40"/>
        <source>Search name, case number or CPR</source>
        <translation>Søg på navn, sagsnummer eller CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_page.py" line="44"/>
        <source>My cases</source>
        <translation>Mine sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_page.py" line="45"/>
        <source>All cases</source>
        <translation>Alle sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list_page.py" line="47"/>
        <source>New case…</source>
        <translation>Ny sag …</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/case_list_page.py" line="101"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n sag</numerusform>
            <numerusform>%n sager</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="337"/>
        <source>Record consent</source>
        <translation>Registrér samtykke</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="355"/>
        <source>e.g. school, PPR, job centre, child psychiatry</source>
        <translation>fx skole, PPR, jobcenter, børne- og ungdomspsykiatri</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="358"/>
        <source>Expires</source>
        <translation>Udløber</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="359"/>
        <source>Whose information</source>
        <translation>Oplysninger om</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="360"/>
        <source>Given by</source>
        <translation>Givet af</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="361"/>
        <source>As</source>
        <translation>Som</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="362"/>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="363"/>
        <source>Shared with</source>
        <translation>Deles med</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="364"/>
        <source>Given on</source>
        <translation>Givet den</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="365"/>
        <source>Expiry</source>
        <translation>Udløb</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/ui/crash_dialog.py" line="12"/>
        <source>Something went wrong</source>
        <translation>Der gik noget galt</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash_dialog.py" line="15"/>
        <source>Koordinator hit an unexpected error. Your open work is still in the window; save it if you can. Please send the details below to IT support. The log is here: %1</source>
        <translation>Koordinator ramte en uventet fejl. Dit åbne arbejde er stadig i vinduet; gem det, hvis du kan. Send detaljerne nedenfor til IT-support. Loggen ligger her: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash_dialog.py" line="25"/>
        <source>Copy details</source>
        <translation>Kopiér detaljer</translation>
    </message>
</context>
<context>
    <name>EcoMapView</name>
    <message>
        <location filename="../../app/ui/eco_map.py" line="858"/>
        <source>%1, %2 years</source>
        <translation>%1, %2 år</translation>
    </message>
    <message>
        <location filename="../../app/ui/eco_map.py" line="910"/>
        <source>No professionals in the network yet.</source>
        <translation>Der er endnu ingen fagpersoner i netværket.</translation>
    </message>
    <message>
        <location filename="../../app/ui/eco_map.py" line="917"/>
        <source>Dashed line: in the network, no registered intervention</source>
        <translation>Stiplet linje: i netværket, men ingen registreret indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/eco_map.py" line="930"/>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/eco_map.py" line="932"/>
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/eco_map.py" line="934"/>
        <source>In the network, no registered intervention</source>
        <translation>I netværket, men ingen registreret indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/eco_map.py" line="981"/>
        <source>Could not save the network map to %1: %2</source>
        <translation>Netværkskortet kunne ikke gemmes i %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/eco_map.py" line="1001"/>
        <source>Could not encode the network map as PNG.</source>
        <translation>Netværkskortet kunne ikke laves om til PNG.</translation>
    </message>
    <message>
        <location filename="../../app/ui/eco_map.py" line="1017"/>
        <source>Network map</source>
        <translation>Netværkskort</translation>
    </message>
    <message>
        <location filename="../../app/ui/eco_map.py" line="1020"/>
        <source>Network map of %1: the family and the professionals around it, by sector.</source>
        <translation>Netværkskort for %1: familien og fagpersonerne omkring den, fordelt på sektorer.</translation>
    </message>
</context>
<context>
    <name>EndInterventionDialog</name>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="430"/>
        <source>End intervention</source>
        <translation>Afslut indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="441"/>
        <source>Intervention</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="442"/>
        <source>Last day</source>
        <translation>Sidste dag</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="444"/>
        <source>End</source>
        <translation>Afslut</translation>
    </message>
</context>
<context>
    <name>FamilyPage</name>
    <message>
        <location filename="../../app/ui/family_page.py" line="101"/>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="102"/>
        <source>Partner caseworker</source>
        <translation>Makker (sagsbehandler)</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="103"/>
        <source>Model and status</source>
        <translation>Model og status</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="104"/>
        <source>Next follow-up</source>
        <translation>Næste opfølgning</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="105"/>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="112"/>
        <source>Needs attention</source>
        <translation>Kræver opmærksomhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="140"/>
        <source>People and interventions</source>
        <translation>Personer og indsatser</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="141"/>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="147"/>
        <location filename="../../app/ui/family_page.py" line="259"/>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="148"/>
        <source>Network</source>
        <translation>Netværk</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="149"/>
        <source>Transition to adulthood</source>
        <translation>Overgang til voksenlivet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="188"/>
        <source>Opening the case…</source>
        <translation>Åbner sagen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="246"/>
        <source>Nothing needs attention right now.</source>
        <translation>Intet kræver opmærksomhed lige nu.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="254"/>
        <source>No collisions in the family&apos;s week.</source>
        <translation>Ingen kollisioner i familiens uge.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family_page.py" line="257"/>
        <source>Week (%n collision(s))</source>
        <translation>
            <numerusform>Uge (%n kollision)</numerusform>
            <numerusform>Uge (%n kollisioner)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="273"/>
        <source>Recorded for everyone</source>
        <translation>Registreret for alle</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="275"/>
        <source>None recorded</source>
        <translation>Intet registreret</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="276"/>
        <source>Missing for %1</source>
        <translation>Mangler for %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="308"/>
        <source>Remove %1 from the family?</source>
        <translation>Vil du fjerne %1 fra familien?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family_page.py" line="311"/>
        <source>%n intervention(s)</source>
        <translation>
            <numerusform>%n indsats</numerusform>
            <numerusform>%n indsatser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family_page.py" line="313"/>
        <source>%n consent record(s)</source>
        <translation>
            <numerusform>%n samtykke</numerusform>
            <numerusform>%n samtykker</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="315"/>
        <source>the transition track</source>
        <translation>overgangsforløbet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="317"/>
        <source>In this case, this also removes: %1.</source>
        <translation>I denne sag fjernes desuden: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family_page.py" line="403"/>
        <source>Help from %n sector(s), and no approved common plan yet.</source>
        <translation>
            <numerusform>Hjælp fra %n sektor, men endnu ingen godkendt fælles plan.</numerusform>
            <numerusform>Hjælp fra %n sektorer, men endnu ingen godkendt fælles plan.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="408"/>
        <source>The follow-up was due on %1.</source>
        <translation>Fristen for opfølgning var %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="410"/>
        <source>No consent to share information is recorded for %1.</source>
        <translation>Der er ikke registreret samtykke til at dele oplysninger om %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="413"/>
        <source>%1 turns 18 on %2 and has no transition track.</source>
        <translation>%1 fylder 18 år den %2 og har intet overgangsforløb.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="421"/>
        <source>%1 for %2 ends on %3 and nothing follows it.</source>
        <translation>%1 for %2 slutter den %3, og der er ikke planlagt noget efter.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/family_page.py" line="428"/>
        <source>%n intervention(s) not checked against the source system for a long time.</source>
        <translation>
            <numerusform>%n indsats er ikke tjekket mod kildesystemet i lang tid.</numerusform>
            <numerusform>%n indsatser er ikke tjekket mod kildesystemet i lang tid.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="434"/>
        <source>The coordinator has %1 open cases; the limit is %2.</source>
        <translation>Koordinatoren har %1 åbne sager. Grænsen er %2.</translation>
    </message>
    <message>
        <source>This also removes %1 intervention(s), %2 consent record(s) and any transition track for this person in this case.</source>
        <translation type="vanished">Det fjerner også personens indsatser (%1), samtykker (%2) og et eventuelt overgangsforløb i denne sag.</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="320"/>
        <source>Remove person</source>
        <translation>Fjern person</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="332"/>
        <location filename="../../app/ui/family_page.py" line="338"/>
        <source>Not removed</source>
        <translation>Ikke fjernet</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="339"/>
        <source>Someone else changed the family meanwhile. Look again.</source>
        <translation>En anden har ændret familien imens. Se efter igen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="vanished">Navn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="vanished">Relation</translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="vanished">Alder</translation>
    </message>
    <message>
        <source>CPR</source>
        <translation type="vanished">CPR</translation>
    </message>
    <message>
        <source>Custody</source>
        <translation type="vanished">Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="86"/>
        <source>Open a case in the case list to see the family here.</source>
        <translation>Åbn en sag i sagslisten for at se familien her.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="vanished">Medlemmer</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_page.py" line="235"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="vanished">Ja</translation>
    </message>
</context>
<context>
    <name>FamilyWarnings</name>
    <message>
        <source>This also removes %1 intervention(s), %2 consent record(s) and any transition track for this person in this case.</source>
        <translation type="obsolete">Det fjerner også personens indsatser (%1), samtykker (%2) og et eventuelt overgangsforløb i denne sag.</translation>
    </message>
    <message>
        <source>The follow-up was due on %1.</source>
        <translation type="vanished">Fristen for opfølgning var %1.</translation>
    </message>
    <message>
        <source>No consent to share information is recorded for %1.</source>
        <translation type="vanished">Der er ikke registreret samtykke til at dele oplysninger om %1.</translation>
    </message>
    <message>
        <source>%1 turns 18 on %2 and has no transition track.</source>
        <translation type="vanished">%1 fylder 18 år den %2 og har intet overgangsforløb.</translation>
    </message>
    <message>
        <source>%1 for %2 ends on %3 and nothing follows it.</source>
        <translation type="vanished">%1 for %2 slutter den %3, og der er ikke planlagt noget efter.</translation>
    </message>
    <message>
        <source>The coordinator has %1 open cases; the limit is %2.</source>
        <translation type="vanished">Koordinatoren har %1 åbne sager. Grænsen er %2.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="56"/>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="58"/>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="131"/>
        <source>Before saving, check: %1</source>
        <translation>Før du kan gemme, mangler: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="138"/>
        <source>Missing: %1</source>
        <translation>Mangler: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="159"/>
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="160"/>
        <source>Someone else saved this after you opened it. Your text is still here: copy what you need, cancel, and open it again to see the newest version.</source>
        <translation>En anden har gemt dette, efter du åbnede det. Din tekst er her stadig: kopiér det, du skal bruge, annuller, og åbn det igen for at se den nyeste udgave.</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="170"/>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="171"/>
        <source>This was deleted by someone else after you opened it.</source>
        <translation>En anden har slettet dette, efter du åbnede det.</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="180"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_dialog.py" line="181"/>
        <source>The database did not answer, so nothing was saved. Your text is still here; try again.</source>
        <translation>Databasen svarede ikke, så intet blev gemt. Din tekst er her stadig. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../app/ui/formatting.py" line="23"/>
        <source>%1 at %2</source>
        <translation>%1 kl. %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="34"/>
        <source>week %1</source>
        <translation>uge %1</translation>
    </message>
</context>
<context>
    <name>InterventionDialog</name>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="214"/>
        <source>Change intervention</source>
        <translation>Ret indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="214"/>
        <source>New intervention</source>
        <translation>Ny indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="233"/>
        <source>e.g. Aflastning hver anden weekend</source>
        <translation>fx Aflastning hver anden weekend</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="238"/>
        <source>Without a law section</source>
        <translation>Uden lovparagraf</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="242"/>
        <source>(not chosen)</source>
        <translation>(ikke valgt)</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="250"/>
        <source>Ends</source>
        <translation>Slutter</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="263"/>
        <source>Checked</source>
        <translation>Tjekket</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="267"/>
        <source>Add time</source>
        <translation>Tilføj tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="270"/>
        <source>Remove time</source>
        <translation>Fjern tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="287"/>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="288"/>
        <source>Intervention</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="289"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="290"/>
        <source>Law and section</source>
        <translation>Lov og paragraf</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="291"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="292"/>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="293"/>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="294"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="295"/>
        <source>Sector plan</source>
        <translation>Sektorplan</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="296"/>
        <source>Copied from</source>
        <translation>Kopieret fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="297"/>
        <source>Last checked</source>
        <translation>Sidst tjekket</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="298"/>
        <source>Weekly times</source>
        <translation>Ugentlige tider</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/labels.py" line="23"/>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="24"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="25"/>
        <source>Paused</source>
        <translation>Sat i bero</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="26"/>
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="27"/>
        <source>One family – one entry</source>
        <translation>Én familie – én indgang</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="28"/>
        <source>Together for the family</source>
        <translation>Sammen om familien</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="29"/>
        <source>Holistic plan</source>
        <translation>Helhedsorienteret plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="30"/>
        <source>Other model</source>
        <translation>Anden model</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="31"/>
        <source>Parent</source>
        <translation>Forælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="32"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="33"/>
        <source>Step-parent</source>
        <translation>Stedforælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="34"/>
        <source>Sibling</source>
        <translation>Søskende</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="35"/>
        <source>Grandparent</source>
        <translation>Bedsteforælder</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="36"/>
        <source>Other</source>
        <translation>Anden</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="37"/>
        <source>Children and families</source>
        <translation>Børn og familie</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="38"/>
        <source>Adults and disability</source>
        <translation>Voksen og handicap</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="39"/>
        <source>Employment</source>
        <translation>Beskæftigelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="40"/>
        <source>Health</source>
        <translation>Sundhed</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="41"/>
        <source>School</source>
        <translation>Skole</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="42"/>
        <source>Day care</source>
        <translation>Dagtilbud</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="43"/>
        <source>Youth guidance</source>
        <translation>Ungeindsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="44"/>
        <source>Elderly care</source>
        <translation>Ældreområdet</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="45"/>
        <source>Other sector</source>
        <translation>Andet område</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="46"/>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="47"/>
        <source>Running</source>
        <translation>I gang</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="48"/>
        <source>On hold</source>
        <translation>Sat på pause</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="49"/>
        <source>Ended</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="50"/>
        <source>The citizen</source>
        <translation>Borgeren</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="51"/>
        <source>Custody holder</source>
        <translation>Forældremyndighedsindehaver</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="52"/>
        <source>The young person</source>
        <translation>Den unge</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="53"/>
        <source>Guardian</source>
        <translation>Værge</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="54"/>
        <source>Future proxy</source>
        <translation>Fremtidsfuldmægtig</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="55"/>
        <source>Written</source>
        <translation>Skriftligt</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="56"/>
        <source>Oral (noted in the case)</source>
        <translation>Mundtligt (noteret i sagen)</translation>
    </message>
</context>
<context>
    <name>LawSectionPicker</name>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="136"/>
        <source>Search law, section or title, e.g. BL 32 or aflastning</source>
        <translation>Søg på lov, paragraf eller titel, fx BL 32 eller aflastning</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="197"/>
        <source>Chosen: %1</source>
        <translation>Valgt: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="199"/>
        <source>No law section chosen.</source>
        <translation>Ingen lovparagraf valgt.</translation>
    </message>
</context>
<context>
    <name>LinkProfessionalDialog</name>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="279"/>
        <source>Add an existing professional</source>
        <translation>Tilføj en eksisterende fagperson</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="285"/>
        <source>Search name, role or organisation</source>
        <translation>Søg på navn, rolle eller organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="289"/>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="290"/>
        <source>Professional</source>
        <translation>Fagperson</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="49"/>
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="50"/>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="50"/>
        <source>Open a case first.</source>
        <translation>Åbn en sag først.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="51"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="51"/>
        <source>The plan editor comes in a later version.</source>
        <translation>Planen kommer i en senere version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="52"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="52"/>
        <source>The meeting calendar comes in a later version.</source>
        <translation>Mødekalenderen kommer i en senere version.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>Signed in as %1</source>
        <translation>Logget ind som %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="92"/>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="93"/>
        <source>&amp;New case…</source>
        <translation>&amp;Ny sag …</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="98"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="103"/>
        <source>&amp;Settings</source>
        <translation>&amp;Indstillinger</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="104"/>
        <source>&amp;Family overview…</source>
        <translation>&amp;Familieoverblik…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="107"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="117"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="118"/>
        <source>&amp;About Koordinator</source>
        <translation>&amp;Om Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>Case not found</source>
        <translation>Sagen findes ikke</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="143"/>
        <source>The case no longer exists. The list is refreshed.</source>
        <translation>Sagen findes ikke længere. Listen er opdateret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154"/>
        <source>The case was created.</source>
        <translation>Sagen er oprettet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158"/>
        <source>Local database</source>
        <translation>Lokal database</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158"/>
        <source>Shared database</source>
        <translation>Fælles database</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="164"/>
        <source>%1: not reachable</source>
        <translation>%1: kan ikke nås</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>Database problem</source>
        <translation>Problem med databasen</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>The database did not answer. Check the connection and try again.</source>
        <translation>Databasen svarede ikke. Kontrollér forbindelsen, og prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="192"/>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="193"/>
        <source>The new language is used the next time you start Koordinator.</source>
        <translation>Det nye sprog bruges, næste gang du starter Koordinator.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="199"/>
        <source>About Koordinator</source>
        <translation>Om Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="200"/>
        <source>Koordinator %1 – one common plan for the family.</source>
        <translation>Koordinator %1 – én fælles plan med familien.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="113"/>
        <source>Change person</source>
        <translation>Ret person</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="113"/>
        <source>Add person</source>
        <translation>Tilføj person</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="125"/>
        <source>DDMMYY-XXXX</source>
        <translation>DDMMÅÅ-XXXX</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="129"/>
        <source>Has custody (forældremyndighed)</source>
        <translation>Har forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="132"/>
        <source>Lives in the household</source>
        <translation>Bor i husstanden</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="134"/>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="135"/>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="136"/>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="137"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="138"/>
        <source>Custody</source>
        <translation>Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="139"/>
        <source>Household</source>
        <translation>Husstand</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="141"/>
        <source>The CPR number cannot be changed here.</source>
        <translation>CPR-nummeret kan ikke ændres her.</translation>
    </message>
</context>
<context>
    <name>NetworkTab</name>
    <message>
        <location filename="../../app/ui/network_tab.py" line="58"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="59"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="60"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="61"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="62"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="63"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="71"/>
        <source>New professional…</source>
        <translation>Ny fagperson…</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="73"/>
        <source>Add existing…</source>
        <translation>Tilføj eksisterende…</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="75"/>
        <source>Change…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="76"/>
        <source>Copy contact list</source>
        <translation>Kopiér kontaktliste</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="78"/>
        <source>Save picture…</source>
        <translation>Gem billede…</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="155"/>
        <source>The contact list has been copied.</source>
        <translation>Kontaktlisten er kopieret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="165"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-billede (*.png);;SVG-tegning (*.svg)</translation>
    </message>
    <message>
        <source>The contact list is copied.</source>
        <translation type="vanished">Kontaktlisten er kopieret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="163"/>
        <source>Save the network picture</source>
        <translation>Gem netværkskortet som billede</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="164"/>
        <source>network.png</source>
        <translation>netværkskort.png</translation>
    </message>
    <message>
        <source>PNG picture (*.png);;SVG drawing (*.svg)</source>
        <translation type="vanished">PNG-billede (*.png);;SVG-tegning (*.svg)</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="182"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/network_tab.py" line="183"/>
        <source>The picture could not be saved there. Choose another folder.</source>
        <translation>Billedet kunne ikke gemmes i den mappe. Vælg en anden mappe.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="56"/>
        <source>family name</source>
        <translation>familiens navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="57"/>
        <source>people</source>
        <translation>personer</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="58"/>
        <source>coordinator</source>
        <translation>koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="59"/>
        <source>partner caseworker</source>
        <translation>makker</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="60"/>
        <source>follow-up interval</source>
        <translation>opfølgningsinterval</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="61"/>
        <source>first name of person %1</source>
        <translation>fornavn på person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="62"/>
        <source>last name of person %1</source>
        <translation>efternavn på person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="63"/>
        <source>CPR number of person %1</source>
        <translation>CPR-nummer på person %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="103"/>
        <source>New case</source>
        <translation>Ny sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="107"/>
        <source>A family</source>
        <translation>En familie</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="108"/>
        <source>A single citizen</source>
        <translation>En enkelt borger</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="121"/>
        <source>e.g. The Holm Jensen family</source>
        <translation>fx Familien Holm Jensen</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="125"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="141"/>
        <source> weeks</source>
        <translation> uger</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="144"/>
        <source>Family name</source>
        <translation>Familiens navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="147"/>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="148"/>
        <source>Partner caseworker</source>
        <translation>Makker (sagsbehandler)</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="149"/>
        <source>Coordination model</source>
        <translation>Model for koordinering</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="150"/>
        <source>Follow up every</source>
        <translation>Opfølgning hver</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="153"/>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="156"/>
        <source>First name</source>
        <translation>Fornavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="157"/>
        <source>Last name</source>
        <translation>Efternavn</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="158"/>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="159"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="160"/>
        <source>Custody</source>
        <translation>Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="161"/>
        <source>Lives at home</source>
        <translation>Bor hjemme</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="171"/>
        <source>Add person</source>
        <translation>Tilføj person</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="195"/>
        <source>Create case</source>
        <translation>Opret sag</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="196"/>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="235"/>
        <source>DDMMYY-XXXX</source>
        <translation>DDMMÅÅ-XXXX</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="248"/>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="398"/>
        <source>To create the case, fix: %1</source>
        <translation>Før sagen kan oprettes, mangler: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/new_case_dialog.py" line="423"/>
        <source>The case could not be saved: the database did not accept it. Nothing was stored; your typing is kept. Try again, or ask IT support.</source>
        <translation>Sagen kunne ikke gemmes, fordi databasen ikke tog imod den. Intet er gemt, og det, du har skrevet, er bevaret. Prøv igen, eller kontakt IT-support.</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../../app/ui/people_tab.py" line="52"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="53"/>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="54"/>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="55"/>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="56"/>
        <source>Custody</source>
        <translation>Forældremyndighed</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="57"/>
        <source>In household</source>
        <translation>I husstanden</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="58"/>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="66"/>
        <source>Add person…</source>
        <translation>Tilføj person…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="68"/>
        <location filename="../../app/ui/people_tab.py" line="101"/>
        <source>Change…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="69"/>
        <source>Remove…</source>
        <translation>Fjern…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="71"/>
        <source>Record consent…</source>
        <translation>Registrér samtykke…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="79"/>
        <source>Grouped by person</source>
        <translation>Grupperet efter person</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="80"/>
        <source>Grouped by sector</source>
        <translation>Grupperet efter sektor</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="87"/>
        <source>Intervention</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="88"/>
        <source>Law and section</source>
        <translation>Lov og paragraf</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="89"/>
        <source>Responsible</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="90"/>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="91"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="92"/>
        <source>Sector plan</source>
        <translation>Sektorplan</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="93"/>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="94"/>
        <source>Weekly times</source>
        <translation>Ugentlige tider</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="99"/>
        <source>New intervention…</source>
        <translation>Ny indsats…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="102"/>
        <source>End…</source>
        <translation>Afslut…</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="125"/>
        <source>Interventions</source>
        <translation>Indsatser</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="177"/>
        <source>Yes, until %1</source>
        <translation>Ja, indtil %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="179"/>
        <location filename="../../app/ui/people_tab.py" line="188"/>
        <location filename="../../app/ui/people_tab.py" line="189"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="182"/>
        <source>None recorded</source>
        <translation>Intet registreret</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="189"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/people_tab.py" line="231"/>
        <source>%1 (%n running)</source>
        <translation>
            <numerusform>%1 (%n i gang)</numerusform>
            <numerusform>%1 (%n i gang)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="239"/>
        <source>No interventions</source>
        <translation>Ingen indsatser</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/people_tab.py" line="263"/>
        <source>%n intervention(s) not checked against the source system for a long time.</source>
        <translation>
            <numerusform>%n indsats er ikke tjekket mod kildesystemet i lang tid.</numerusform>
            <numerusform>%n indsatser er ikke tjekket mod kildesystemet i lang tid.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="274"/>
        <source>%1, checked %2</source>
        <translation>%1, tjekket %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="278"/>
        <source>%1, never checked</source>
        <translation>%1, aldrig tjekket</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="283"/>
        <source>(no section)</source>
        <translation>(ingen paragraf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/people_tab.py" line="310"/>
        <source>Check this against the source system: the copy may be out of date.</source>
        <translation>Tjek dette i kildesystemet – kopien kan være forældet.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../app/ui/preferences_dialog.py" line="15"/>
        <source>Family overview settings</source>
        <translation>Indstillinger for familieoverblik</translation>
    </message>
    <message>
        <location filename="../../app/ui/preferences_dialog.py" line="20"/>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <location filename="../../app/ui/preferences_dialog.py" line="27"/>
        <source>Mark copied interventions as stale after</source>
        <translation>Markér kopierede indsatser som forældede efter</translation>
    </message>
    <message>
        <location filename="../../app/ui/preferences_dialog.py" line="28"/>
        <source>Caseload limit per coordinator</source>
        <translation>Grænse for sagsantal pr. koordinator</translation>
    </message>
    <message>
        <location filename="../../app/ui/preferences_dialog.py" line="31"/>
        <source>Interventions copied from DUBU, Momentum, Nexus and other systems are marked when nobody has checked them against the source for this long.</source>
        <translation>Indsatser, der er kopieret fra DUBU, Momentum, Nexus og andre systemer, bliver markeret, når ingen har tjekket dem i kildesystemet i så lang tid.</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../app/ui/labels.py" line="62"/>
        <source>Required.</source>
        <translation>Skal udfyldes.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="63"/>
        <source>Write the CPR number as 10 digits, for example 010203-1234.</source>
        <translation>Skriv CPR-nummeret med 10 cifre, fx 010203-1234.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="66"/>
        <source>The first six digits are not a real date of birth (DDMMYY).</source>
        <translation>De første seks cifre er ikke en rigtig fødselsdato (DDMMÅÅ).</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="69"/>
        <source>The date of birth is in the future.</source>
        <translation>Fødselsdatoen ligger i fremtiden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="70"/>
        <source>This CPR number is already given for another member.</source>
        <translation>CPR-nummeret er allerede angivet for en anden person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="73"/>
        <source>Note: the check digit does not match. Such numbers exist since 2007; check the number, it can still be right.</source>
        <translation>Bemærk: kontrolcifferet passer ikke. Sådanne numre findes siden 2007; tjek nummeret – det kan godt være rigtigt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="78"/>
        <source>Add at least one person.</source>
        <translation>Tilføj mindst én person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="79"/>
        <source>A single-citizen case has one person.</source>
        <translation>En sag for en enkelt borger har én person.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="80"/>
        <source>Choose a follow-up interval between 1 and 52 weeks.</source>
        <translation>Vælg et opfølgningsinterval mellem 1 og 52 uger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="83"/>
        <location filename="../../app/ui/labels.py" line="99"/>
        <source>A family with children needs at least one custody holder.</source>
        <translation>En familie med børn skal have mindst én med forældremyndighed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="86"/>
        <source>The partner caseworker must be someone other than the coordinator.</source>
        <translation>Makkeren skal være en anden end koordinatoren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="89"/>
        <source>The end cannot come before the start.</source>
        <translation>Slut kan ikke ligge før start.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="108"/>
        <source>The time must end after it starts.</source>
        <translation>Tidspunktet skal slutte efter, det begynder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="109"/>
        <source>The date cannot be before the person was born.</source>
        <translation>Datoen kan ikke ligge før personens fødsel.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation type="vanished">Slut skal ligge efter start.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="90"/>
        <source>This law section is not in force on the start date. Choose one that is.</source>
        <translation>Lovparagraffen gælder ikke på startdatoen. Vælg en, der gælder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="93"/>
        <source>The date cannot be in the future.</source>
        <translation>Datoen kan ikke ligge i fremtiden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="94"/>
        <source>Write the e-mail address as name@example.dk.</source>
        <translation>Skriv e-mailadressen som navn@eksempel.dk.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="95"/>
        <source>Write the phone number with digits, for example 49 28 10 00.</source>
        <translation>Skriv telefonnummeret med cifre, fx 49 28 10 00.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="98"/>
        <source>The family must keep at least one person.</source>
        <translation>Der skal være mindst én person i familien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="102"/>
        <source>This person is already in the family.</source>
        <translation>Personen er allerede med i familien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="103"/>
        <source>A single citizen&apos;s case has no family to add people to.</source>
        <translation>Der kan ikke tilføjes personer til en sag for en enkelt borger.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="106"/>
        <source>The case is closed and cannot be changed.</source>
        <translation>Sagen er afsluttet og kan ikke ændres.</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="107"/>
        <source>The text is too long.</source>
        <translation>Teksten er for lang.</translation>
    </message>
</context>
<context>
    <name>ProfessionalDialog</name>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="209"/>
        <source>Change professional</source>
        <translation>Ret fagperson</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="209"/>
        <source>New professional</source>
        <translation>Ny fagperson</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="220"/>
        <source>e.g. PPR psychologist, teacher, job consultant</source>
        <translation>fx PPR-psykolog, lærer, jobkonsulent</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="226"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="227"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="228"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="229"/>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="230"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="231"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/family_dialogs.py" line="233"/>
        <source>Changes are seen in every family this professional works with.</source>
        <translation>Ændringerne kan ses i alle familier, som fagpersonen arbejder med.</translation>
    </message>
</context>
<context>
    <name>SlotTable</name>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="78"/>
        <source>Weekday</source>
        <translation>Ugedag</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="78"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="78"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../app/ui/intervention_dialog.py" line="78"/>
        <source>Parent present</source>
        <translation>Forælder med</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../app/ui/app.py" line="56"/>
        <source>This database was made by a newer version of Koordinator. Install the newest version before you open it. Nothing in the database was changed.</source>
        <translation>Databasen er lavet af en nyere version af Koordinator. Installér den nyeste version, før du åbner den. Intet i databasen er ændret.</translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="61"/>
        <source>The database could not be opened. Check that the file is not read-only, that the disk has room, and that the server is running. Details: %1</source>
        <translation>Databasen kunne ikke åbnes. Kontrollér, at filen ikke er skrivebeskyttet, at der er plads på disken, og at serveren kører. Detaljer: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="83"/>
        <source>Koordinator stopped unexpectedly last time. The details are in the log: %1</source>
        <translation>Koordinator stoppede uventet sidste gang. Detaljerne står i loggen: %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="333"/>
        <source>Same kind of help at the same time</source>
        <translation>Samme slags hjælp på samme tid</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="335"/>
        <source>No help</source>
        <translation>Uden hjælp</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="540"/>
        <source>Professional: %1</source>
        <translation>Fagperson: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="544"/>
        <source>From %1, no end date</source>
        <translation>Fra %1, ingen slutdato</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="546"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="547"/>
        <source>Sector: %1</source>
        <translation>Sektor: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="549"/>
        <source>Sector plan: %1</source>
        <translation>Sektorplan: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="551"/>
        <source>Source system: %1</source>
        <translation>Kildesystem: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="554"/>
        <source>Last checked: %1</source>
        <translation>Sidst tjekket: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="560"/>
        <source>Same kind of help at the same time as: %1</source>
        <translation>Samme slags hjælp på samme tid som: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline_view.py" line="571"/>
        <location filename="../../app/ui/timeline_view.py" line="797"/>
        <source>No help for %n week(s)</source>
        <translation>
            <numerusform>%n uge uden hjælp</numerusform>
            <numerusform>%n uger uden hjælp</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="574"/>
        <location filename="../../app/ui/timeline_view.py" line="596"/>
        <source>From %1 to %2</source>
        <translation>Fra %1 til %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="579"/>
        <location filename="../../app/ui/timeline_view.py" line="599"/>
        <source>Since %1</source>
        <translation>Siden %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="590"/>
        <source>%1 and %2 are the same kind of help at the same time.</source>
        <translation>%1 og %2 er samme slags hjælp på samme tid.</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="631"/>
        <source>No interventions yet.</source>
        <translation>Ingen indsatser endnu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline_view.py" line="662"/>
        <source>%n earlier intervention(s) not shown</source>
        <translation>
            <numerusform>%n tidligere indsats vises ikke</numerusform>
            <numerusform>%n tidligere indsatser vises ikke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline_view.py" line="687"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="742"/>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <location filename="../../app/ui/timeline_view.py" line="780"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/timeline_view.py" line="799"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n uge</numerusform>
            <numerusform>%n uger</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransitionPanel</name>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="43"/>
        <source>Support needs</source>
        <translation>Støttebehov</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="44"/>
        <source>Education</source>
        <translation>Uddannelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="45"/>
        <source>Employment and income</source>
        <translation>Beskæftigelse og forsørgelse</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="46"/>
        <source>Housing</source>
        <translation>Bolig</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="47"/>
        <source>Social conditions</source>
        <translation>Sociale forhold</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="80"/>
        <source>From 16, a young person gets a transition track so that decisions about help as an adult are ready before the 18th birthday (Barnets lov §§ 122-123).</source>
        <translation>Når en ung fylder 16 år, starter et overgangsforløb, så afgørelser om hjælp som voksen er klar før 18-årsdagen (Barnets lov §§ 122-123).</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="117"/>
        <source>Nobody in the family is between 16 and 18.</source>
        <translation>Ingen i familien er mellem 16 og 18 år.</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="125"/>
        <source>%1 has no transition track yet. Adult decisions should be ready by %2.</source>
        <translation>%1 har endnu ikke et overgangsforløb. Afgørelser om hjælp som voksen bør være klar senest %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="132"/>
        <source>Start transition track</source>
        <translation>Start overgangsforløb</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="145"/>
        <source>%1 – turns 18 on %2</source>
        <translation>%1 – fylder 18 år den %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/transition_panel.py" line="155"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n dag tilbage</numerusform>
            <numerusform>%n dage tilbage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/transition_panel.py" line="157"/>
        <source>%n day(s) past the deadline</source>
        <translation>
            <numerusform>%n dag over fristen</numerusform>
            <numerusform>%n dage over fristen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="160"/>
        <source>%1 of %2 topics ready · %3</source>
        <translation>%1 af %2 emner klar · %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="179"/>
        <source>What is agreed, who does it</source>
        <translation>Hvad er aftalt, og hvem gør det</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="186"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="195"/>
        <source>Adult services contact</source>
        <translation>Kontaktperson i voksenområdet</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="196"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="197"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="198"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="199"/>
        <source>Note</source>
        <translation>Bemærkning</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="202"/>
        <source>No contact in adult services recorded yet.</source>
        <translation>Der er endnu ikke registreret en kontaktperson i voksenområdet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="210"/>
        <source>Save transition track</source>
        <translation>Gem overgangsforløb</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="232"/>
        <source>Not saved</source>
        <translation>Ikke gemt</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="232"/>
        <source>The database did not answer. Try again.</source>
        <translation>Databasen svarede ikke. Prøv igen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="259"/>
        <source>Someone else changed this track. Your changes are still here: copy what you need before you open the case again, which shows their version.</source>
        <translation>En anden har ændret dette overgangsforløb. Dine ændringer er her stadig: kopiér det, du skal bruge, før du åbner sagen igen og ser den andens udgave.</translation>
    </message>
    <message>
        <source>Someone else changed this track. Your changes are still here; reopen the case to see theirs.</source>
        <translation type="vanished">En anden har ændret forløbet. Dine ændringer er her stadig. Åbn sagen igen for at se den andens ændringer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/transition_panel.py" line="266"/>
        <source>The database did not answer, so nothing was saved. Try again.</source>
        <translation>Databasen svarede ikke, så intet er gemt. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>WeekGrid</name>
    <message>
        <source>%1 needs a parent at %5 on %2 %3–%4, but %6 is busy with %7.</source>
        <translation type="vanished">%1 skal have en forælder med til %5 %2 kl. %3–%4, men %6 er optaget af %7.</translation>
    </message>
    <message>
        <location filename="../../app/ui/week_grid.py" line="82"/>
        <source>%1 needs a parent present for %5 on %2 %3–%4, but %6 is busy with %7.</source>
        <translation>%1 skal have en forælder med til %5 %2 kl. %3–%4, men %6 er optaget af %7.</translation>
    </message>
    <message>
        <location filename="../../app/ui/week_grid.py" line="86"/>
        <source>%1 has two things at the same time on %2 %3–%4: %5 and %6.</source>
        <translation>%1 skal to steder på samme tid %2 kl. %3–%4: %5 og %6.</translation>
    </message>
    <message>
        <location filename="../../app/ui/week_grid.py" line="241"/>
        <location filename="../../app/ui/week_grid.py" line="388"/>
        <source>A parent must be present</source>
        <translation>En forælder skal være med</translation>
    </message>
    <message>
        <location filename="../../app/ui/week_grid.py" line="390"/>
        <source>Collision</source>
        <translation>Kollision</translation>
    </message>
    <message>
        <location filename="../../app/ui/week_grid.py" line="474"/>
        <source>No weekly times yet.</source>
        <translation>Ingen ugentlige tider endnu.</translation>
    </message>
</context>
</TS>
