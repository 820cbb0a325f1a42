<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>CaseUI</name>
    <message>
        <source>Clock Correction</source>
        <translation>Сағатты түзету</translation>
    </message>
    <message>
        <source>The %1 selected items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. camera clock compared with a dated photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Себебі</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Қолдану</translation>
    </message>
    <message>
        <source>Before → after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 capture times corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approximate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unverified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partly verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Incident</source>
        <translation>Жаңа оқиға</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>(from the text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Қашан</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орын</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ескертпелер</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Бұзушылықтар</translation>
    </message>
    <message>
        <source>Items and testimonies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Болдырмау</translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link Selected Catalogue Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Incident %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сақталды.</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Орындар</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Іс</translation>
    </message>
    <message>
        <source>New &amp;Testimony…</source>
        <translation>Жаңа &amp;куәлік…</translation>
    </message>
    <message>
        <source>New &amp;Incident…</source>
        <translation>Жаңа &amp;оқиға…</translation>
    </message>
    <message>
        <source>&amp;Persons</source>
        <translation>&amp;Адамдар</translation>
    </message>
    <message>
        <source>P&amp;laces</source>
        <translation>&amp;Орындар</translation>
    </message>
    <message>
        <source>In&amp;cidents</source>
        <translation>&amp;Оқиғалар</translation>
    </message>
    <message>
        <source>&amp;Vocabularies…</source>
        <translation>&amp;Сөздіктер…</translation>
    </message>
    <message>
        <source>Ti&amp;meline</source>
        <translation>&amp;Хронология</translation>
    </message>
    <message>
        <source>P&amp;eriods…</source>
        <translation>&amp;Кезеңдер…</translation>
    </message>
    <message>
        <source>Clock &amp;Correction…</source>
        <translation>Сағатты &amp;түзету…</translation>
    </message>
    <message>
        <source>Link to &amp;Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to &amp;Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set P&amp;lace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach to Testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Testimony with These Items…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Incident from Selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked %1 items to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>Сүзгі…</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Жаңа…</translation>
    </message>
    <message>
        <source>%1 items, %2 people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Кезеңдер</translation>
    </message>
    <message>
        <source>Label (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One name per line, e.g. Cyrillic and Latin spellings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>individual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive (names hidden in redacted exports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Біріктіру…</translation>
    </message>
    <message>
        <source>Person %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Біріктіру</translation>
    </message>
    <message>
        <source>Merge this record with (its links move here):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge %1 into %2? %1 will only point here afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default for the kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude, longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radius for GPS matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match Items by GPS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching items by GPS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items placed by GPS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Testimony</source>
        <translation>Жаңа куәлік</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Куәлік</translation>
    </message>
    <message>
        <source>automatic (W-0001, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness code</source>
        <translation>Куәгер коды</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Бүркеншік ат</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risks to the witness and precautions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The statement, as the witness gave it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Куәлік мәтіні</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Аударма</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Тіркемелер</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Тарих</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Қорғалған жеке басы</translation>
    </message>
    <message>
        <source>Real name</source>
        <translation>Шын аты</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden. Revealing it is recorded in the custody log with your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal…</source>
        <translation>Ашу…</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Сот</translation>
    </message>
    <message>
        <source>Advocacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Жариялау</translation>
    </message>
    <message>
        <source>Anonymity requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>How given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pseudonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interview date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interview place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sensitivity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consent method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testimony %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden (%1). Revealing it is recorded in the custody log with your reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why do you need the witness's real identity? This is logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reason is required to reveal the identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity revealed; the reveal was logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Selected Catalogue Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the testimony first, then attach recordings and scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a version to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every edit keeps the previous text; each is hashed and logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Almaty time (UTC+6)</source>
        <translation>Алматы уақыты (UTC+6)</translation>
    </message>
    <message>
        <source> (clock corrected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Барлық түрлері</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Барлық орындар</translation>
    </message>
    <message>
        <source>All incidents</source>
        <translation>Барлық оқиғалар</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+wheel down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+wheel up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periods…</source>
        <translation>Кезеңдер…</translation>
    </message>
    <message>
        <source>Add, change or remove periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock…</source>
        <translation>Сағат…</translation>
    </message>
    <message>
        <source>Correct a device's clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All violations</source>
        <translation>Барлық бұзушылықтар</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Жүктелуде…</translation>
    </message>
    <message>
        <source>%1 items, %2 incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 without a capture time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabularies</source>
        <translation>Сөздіктер</translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kazakh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Term…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code (letters, digits, _):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabularies (*.csv *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
